package dev.portico.routing;

import dev.portico.routing.internal.ParameterMap;
import dev.portico.routing.internal.RequestPath;
import dev.portico.routing.internal.RouteTrie;
import dev.portico.routing.internal.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the route for a request the way Amazon API Gateway HTTP APIs do.
 *
 * <pre>{@code
 * Router<Handler> router = Router.<Handler>builder()
 *     .route("GET /pets/dog/1", dogOne)
 *     .route("GET /pets/dog/{id}", dog)
 *     .route("GET /pets/{proxy+}", pets)
 *     .route("ANY /{proxy+}", everything)
 *     .route(RouteKey.DEFAULT, fallback)
 *     .build();
 *
 * router.match("GET", "/pets/dog/2");    // GET /pets/dog/{id}, {id=2}
 * router.match("GET", "/pets/cat/1");    // GET /pets/{proxy+}, {proxy=cat/1}
 * router.match("POST", "/test/5");       // ANY /{proxy+}, {proxy=test/5}
 * }</pre>
 *
 * <p>Precedence (facts §1): a full match of path and method, variables included; then a match through a
 * greedy variable; then {@code $default}; else no match, which the gateway answers with
 * {@code 404 {"message":"Not Found"}}. Among full matches, and among greedy matches, the first segment where two
 * routes differ decides: a literal beats a variable, a variable beats a greedy variable (D2). At the same path,
 * the request's own method beats {@code ANY}; {@code HEAD} matches only {@code HEAD} and {@code ANY} routes (D4).
 * Paths are case-sensitive and empty segments are kept (D3); a trailing slash is significant. A greedy variable
 * needs a non-empty remainder (D1). Request segments are split at {@code /} first and then percent-decoded
 * (D13).
 *
 * <p>A router is immutable and thread-safe. It is compiled into a segment trie, so matching costs grow with the
 * depth of the request path, not with the number of routes. AWS's quota is 300 routes per API (adjustable);
 * the router accepts any number.
 *
 * @param <T> what routes lead to, e.g. an integration
 */
public final class Router<T> {
  private final Map<RouteKey, T> routes;
  private final RouteTrie<Compiled<T>> trie;
  private final @Nullable RouteMatch<T> defaultMatch;

  private Router(Map<RouteKey, T> routes) {
    this.routes = Collections.unmodifiableMap(routes);
    this.trie = new RouteTrie<>();
    @Nullable RouteMatch<T> fallback = null;
    for (Map.Entry<RouteKey, T> route : routes.entrySet()) {
      RouteKey key = route.getKey();
      if (key.isDefault()) {
        fallback = new RouteMatch<>(key, route.getValue(), Map.of());
      } else {
        trie.add(key.segments(), key.method().orElseThrow(), new Compiled<>(key, route.getValue()));
      }
    }
    this.defaultMatch = fallback;
  }

  /**
   * Starts a router.
   *
   * @param <T> what routes lead to
   * @return an empty builder
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * Chooses the route for a request.
   *
   * <p>Never throws for a hostile path: a malformed percent-escape leaves its segment as sent, and a path that
   * does not start with {@code /} matches only {@code $default}.
   *
   * @param method the request method as sent, case-sensitive ({@code GET}, {@code HEAD}, …)
   * @param rawPath the request path as sent, still percent-encoded, without the query string; for a named
   *     stage, without the stage prefix
   * @return the chosen route, or empty when AWS would answer {@code 404 {"message":"Not Found"}}
   */
  public Optional<RouteMatch<T>> match(String method, String rawPath) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    if (!rawPath.isEmpty() && rawPath.charAt(0) == '/') {
      RequestPath path = RequestPath.of(rawPath);
      Compiled<T> route = trie.find(method, path);
      if (route != null) {
        return Optional.of(route.match(path));
      }
    }
    return Optional.ofNullable(defaultMatch);
  }

  /**
   * Decodes a request path the way API Gateway delivers it to integrations: split at {@code /} first, then each
   * segment percent-decoded as UTF-8 (decision D13), so {@code %2F} becomes a {@code /} inside its segment and a
   * segment with a malformed escape is kept as sent. Empty segments are kept (D3); {@code +} stays {@code +}.
   *
   * <pre>{@code
   * Router.decodePath("/pets/caf%C3%A9");   // "/pets/café"
   * Router.decodePath("/a%2Fb//c%zz");      // "/a/b//c%zz"
   * }</pre>
   *
   * @param rawPath the path as sent, starting with {@code /}, without query string
   * @return the decoded path; the same string when it holds no {@code %}
   */
  public static String decodePath(String rawPath) {
    Objects.requireNonNull(rawPath, "rawPath");
    if (rawPath.indexOf('%') < 0 || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return rawPath;
    }
    StringBuilder out = new StringBuilder(rawPath.length());
    for (String segment : RequestPath.segments(rawPath)) {
      out.append('/').append(segment);
    }
    return out.toString();
  }

  /**
   * The routes, in the order they were added.
   *
   * @return an unmodifiable map from route key to target
   */
  public Map<RouteKey, T> routes() {
    return routes;
  }

  /** A route as the trie holds it, with what building its match needs. */
  private static final class Compiled<T> {
    private final RouteKey key;
    private final T target;
    /** Positions of the variables in the path, in order; a greedy variable is last. */
    private final int[] positions;
    private final String[] names;
    private final boolean greedy;

    Compiled(RouteKey key, T target) {
      this.key = key;
      this.target = target;
      List<Segment> segments = key.segments();
      int count = 0;
      for (Segment segment : segments) {
        if (segment.kind() != Segment.Kind.LITERAL) {
          count++;
        }
      }
      this.positions = new int[count];
      this.names = new String[count];
      int n = 0;
      for (int i = 0; i < segments.size(); i++) {
        Segment segment = segments.get(i);
        if (segment.kind() != Segment.Kind.LITERAL) {
          positions[n] = i;
          names[n++] = segment.text();
        }
      }
      this.greedy = !segments.isEmpty() && segments.get(segments.size() - 1).kind() == Segment.Kind.GREEDY;
    }

    RouteMatch<T> match(RequestPath path) {
      if (names.length == 0) {
        return new RouteMatch<>(key, target, Map.of());
      }
      String[] values = new String[names.length];
      int last = names.length - 1;
      for (int n = 0; n < last; n++) {
        values[n] = path.segment(positions[n]);
      }
      values[last] = greedy ? path.rest(positions[last]) : path.segment(positions[last]);
      return new RouteMatch<>(key, target, new ParameterMap(names, values));
    }
  }

  /**
   * Collects routes; {@link #build()} checks them and compiles the router. A builder may be reused: later
   * routes do not change routers already built.
   *
   * @param <T> what routes lead to
   */
  public static final class Builder<T> {
    private final List<RouteKey> keys = new ArrayList<>();
    private final List<T> targets = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a route.
     *
     * @param key the route key
     * @param target what the route leads to
     * @return this builder
     */
    public Builder<T> route(RouteKey key, T target) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(target, "target");
      keys.add(key);
      targets.add(target);
      return this;
    }

    /**
     * Parses a route key and adds the route.
     *
     * @param key the route key's text, e.g. {@code GET /pets/{id}}
     * @param target what the route leads to
     * @return this builder
     * @throws InvalidRouteKeyException if {@code key} is not a valid route key
     */
    public Builder<T> route(String key, T target) {
      return route(RouteKey.parse(Objects.requireNonNull(key, "key")), target);
    }

    /**
     * Compiles the router.
     *
     * @return an immutable router
     * @throws RoutingConfigException if a key was added twice, or two keys have the same method and path shape
     *     and differ only in variable names ({@code GET /a/{x}} and {@code GET /a/{y}})
     */
    public Router<T> build() {
      Map<RouteKey, T> routes = new LinkedHashMap<>();
      Map<String, RouteKey> shapes = new HashMap<>();
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        RouteKey key = keys.get(i);
        RouteKey earlier = shapes.putIfAbsent(key.shape(), key);
        if (earlier == null) {
          routes.put(key, targets.get(i));
        } else if (earlier.equals(key)) {
          // AWS's own message for CreateRoute.
          problems.add("Route with key '" + key + "' already exists");
        } else {
          problems.add("Route with key '" + key + "' conflicts with '" + earlier
              + "': same method and path, only the variable names differ");
        }
      }
      if (!problems.isEmpty()) {
        throw new RoutingConfigException(problems);
      }
      return new Router<>(routes);
    }
  }
}
