package dev.portico.routing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled form of a route table: a trie of path segments. Each node has its literal children in a hash
 * map, at most one variable child, the routes that end at the node, and the routes whose greedy variable starts
 * at the node. Matching visits each node at most once, and in practice only the nodes along the request's path,
 * so its cost grows with the path's depth, not with the number of routes.
 *
 * <p>Precedence (facts §1, decisions D1, D2, D4), implemented by the order of a depth-first search:
 * <ol>
 *   <li>A route without a greedy variable that matches every segment beats any greedy route.</li>
 *   <li>Between two candidates, at the first segment where they differ, a literal beats a variable and a
 *       variable beats a greedy variable. The search tries literal children, then the variable child, then the
 *       greedy routes of a node, so the first full match it finds is the best one, and the first greedy match
 *       it passes is the best greedy one.</li>
 *   <li>At one node, the route with the request's own method beats {@code ANY}; a node whose routes have
 *       neither method does not match, and the search goes on (a route {@code POST /pets/dog} does not hide
 *       {@code GET /pets/{id}} from a {@code GET}).</li>
 * </ol>
 *
 * <p>Not thread-safe while routes are added; safe to share once the last route is added and the trie is
 * published through a final field.
 *
 * @param <V> what a route leads to
 */
public final class RouteTrie<V> {
  private final Node<V> root = new Node<>();

  /**
   * Adds a route. The caller has already rejected two routes with the same method and shape.
   *
   * @param segments the route's parsed path
   * @param method the route's method, or {@code ANY}
   * @param value what the route leads to
   */
  public void add(List<Segment> segments, String method, V value) {
    Node<V> node = root;
    for (Segment segment : segments) {
      switch (segment.kind()) {
        case LITERAL:
          if (node.literals == null) {
            node.literals = new HashMap<>();
          }
          node = node.literals.computeIfAbsent(segment.text(), text -> new Node<>());
          break;
        case VARIABLE:
          if (node.variable == null) {
            node.variable = new Node<>();
          }
          node = node.variable;
          break;
        case GREEDY:
          if (node.greedy == null) {
            node.greedy = new Endpoint<>();
          }
          node.greedy.add(method, value);
          return;
        default:
          throw new AssertionError(segment.kind());
      }
    }
    if (node.end == null) {
      node.end = new Endpoint<>();
    }
    node.end.add(method, value);
  }

  /**
   * Finds the best route for a request.
   *
   * @param method the request's method, case-sensitive
   * @param segments the request path's decoded segments (see {@link RequestPath#segments(String)})
   * @return the route's value, or null if no route matches
   */
  public V find(String method, String[] segments) {
    Search<V> search = new Search<>(method, segments);
    V full = search.descend(root, 0);
    return full != null ? full : search.greedy;
  }

  /** The greedy variable needs a non-empty remainder (D1): {@code /{proxy+}} does not match {@code /}. */
  static boolean hasRemainder(String[] segments, int from) {
    int left = segments.length - from;
    return left > 1 || (left == 1 && !segments[from].isEmpty());
  }

  private static final class Search<V> {
    private final String method;
    private final String[] segments;
    private V greedy;

    Search(String method, String[] segments) {
      this.method = method;
      this.segments = segments;
    }

    /** Returns the best full match below {@code node}; remembers the first greedy match it passes. */
    V descend(Node<V> node, int depth) {
      if (depth == segments.length) {
        return node.end == null ? null : node.end.select(method);
      }
      String segment = segments[depth];
      if (node.literals != null) {
        Node<V> child = node.literals.get(segment);
        if (child != null) {
          V found = descend(child, depth + 1);
          if (found != null) {
            return found;
          }
        }
      }
      if (node.variable != null && !segment.isEmpty()) {
        V found = descend(node.variable, depth + 1);
        if (found != null) {
          return found;
        }
      }
      if (greedy == null && node.greedy != null && hasRemainder(segments, depth)) {
        greedy = node.greedy.select(method);
      }
      return null;
    }
  }

  private static final class Node<V> {
    Map<String, Node<V>> literals;
    Node<V> variable;
    Endpoint<V> end;
    Endpoint<V> greedy;
  }

  /** The routes of one path shape, by method. */
  private static final class Endpoint<V> {
    private final Map<String, V> byMethod = new HashMap<>(4);
    private V any;

    void add(String method, V value) {
      if (method.equals("ANY")) {
        any = value;
      } else {
        byMethod.put(method, value);
      }
    }

    /** D4: the request's own method, else {@code ANY}; {@code HEAD} is its own method, never {@code GET}. */
    V select(String method) {
      V exact = byMethod.get(method);
      return exact != null ? exact : any;
    }
  }
}
