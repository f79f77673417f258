package dev.portico.routing.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The compiled form of a route table: a trie of path segments. Each node has its literal children in an
 * open-addressing table (probed with the request segment's hash, computed in place), at most one variable child, the routes that end at the node, and the routes whose greedy variable starts
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
          node = node.literalChild(segment.text());
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
   * @param path the request's path
   * @return the route's value, or null if no route matches
   */
  public @Nullable V find(String method, RequestPath path) {
    Search<V> search = new Search<>(method, path);
    V full = search.descend(root, 0);
    return full != null ? full : search.greedy;
  }

  private static final class Search<V> {
    private final String method;
    private final RequestPath path;
    private final int size;
    private @Nullable V greedy;

    Search(String method, RequestPath path) {
      this.method = method;
      this.path = path;
      this.size = path.size();
    }

    /** Returns the best full match below {@code node}; remembers the first greedy match it passes. */
    @Nullable V descend(Node<V> node, int depth) {
      if (depth == size) {
        return node.end == null ? null : node.end.select(method);
      }
      Node<V> child = node.findLiteral(path, depth);
      if (child != null) {
        V found = descend(child, depth + 1);
        if (found != null) {
          return found;
        }
      }
      if (node.variable != null && !path.isEmpty(depth)) {
        V found = descend(node.variable, depth + 1);
        if (found != null) {
          return found;
        }
      }
      // The greedy variable needs a non-empty remainder (D1): {@code /{proxy+}} does not match {@code /}.
      if (greedy == null && node.greedy != null && path.hasRest(depth)) {
        greedy = node.greedy.select(method);
      }
      return null;
    }
  }

  private static final class Node<V> {
    /** Literal children in an open-addressing table, probed with the request segment's hash in place. */
    /** Empty until the first literal child; then a power of two long, half full at most. */
    private String[] keys = new String[0];
    @SuppressWarnings("unchecked")
    private Node<V>[] children = (Node<V>[]) new Node<?>[0];
    private int literalCount;
    @Nullable Node<V> variable;
    @Nullable Endpoint<V> end;
    @Nullable Endpoint<V> greedy;

    @Nullable Node<V> findLiteral(RequestPath path, int i) {
      String[] table = keys;
      if (table.length == 0) {
        return null;
      }
      int hash = path.hash(i);
      int mask = table.length - 1;
      for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
        String key = table[slot];
        if (key == null) {
          return null;
        }
        if (key.hashCode() == hash && path.segmentEquals(i, key)) {
          return children[slot];
        }
      }
    }

    Node<V> literalChild(String text) {
      if (keys.length == 0) {
        resize(4);
      } else if ((literalCount + 1) * 2 > keys.length) {
        resize(keys.length * 2);
      }
      int mask = keys.length - 1;
      int slot = spread(text.hashCode()) & mask;
      while (keys[slot] != null) {
        if (keys[slot].equals(text)) {
          return children[slot];
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = text;
      children[slot] = new Node<>();
      literalCount++;
      return children[slot];
    }

    private void resize(int capacity) {
      String[] oldKeys = keys;
      Node<V>[] oldChildren = children;
      keys = new String[capacity];
      @SuppressWarnings("unchecked")
      Node<V>[] fresh = (Node<V>[]) new Node<?>[capacity];
      children = fresh;
      for (int k = 0; k < oldKeys.length; k++) {
        if (oldKeys[k] != null) {
          int slot = spread(oldKeys[k].hashCode()) & (capacity - 1);
          while (keys[slot] != null) {
            slot = (slot + 1) & (capacity - 1);
          }
          keys[slot] = oldKeys[k];
          children[slot] = oldChildren[k];
        }
      }
    }

    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }

  /** The routes of one path shape, by method. */
  private static final class Endpoint<V> {
    private final Map<String, V> byMethod = new HashMap<>(4);
    private @Nullable V any;

    void add(String method, V value) {
      if (method.equals("ANY")) {
        any = value;
      } else {
        byMethod.put(method, value);
      }
    }

    /** D4: the request's own method, else {@code ANY}; {@code HEAD} is its own method, never {@code GET}. */
    @Nullable V select(String method) {
      V exact = byMethod.get(method);
      return exact != null ? exact : any;
    }
  }
}
