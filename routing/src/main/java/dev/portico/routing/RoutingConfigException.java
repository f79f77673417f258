package dev.portico.routing;

import java.util.List;

/**
 * Thrown by {@link Router.Builder#build()} when the routes cannot form one router: a route key given twice, or
 * two keys with the same method and the same path shape that differ only in variable names.
 *
 * <pre>{@code
 * Router.<String>builder().route("GET /items", "a").route("GET /items", "b").build();
 * // RoutingConfigException: Route with key 'GET /items' already exists
 * }</pre>
 */
public final class RoutingConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Not serialized: an immutable list built from strings at construction. */
  private final transient List<String> problems;

  RoutingConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Every problem found, one message each, in the order the routes were added.
   *
   * @return the problems; never empty
   */
  public List<String> problems() {
    return problems != null ? problems : List.of(getMessage()); // null only after deserialization
  }
}
