package dev.portico.routing;

import dev.portico.routing.internal.ParameterMap;
import java.util.Map;
import java.util.Objects;

/**
 * The route a {@link Router} chose for a request.
 *
 * <pre>{@code
 * RouteMatch<String> match = router.match("GET", "/pets/dog/7").orElseThrow();
 * match.routeKey();         // GET /pets/{type}/{id}
 * match.target();           // what the route was built with
 * match.pathParameters();   // {type=dog, id=7}
 * }</pre>
 *
 * @param routeKey the chosen route's key; {@link RouteKey#DEFAULT} when only {@code $default} matched
 * @param target what the route was registered with
 * @param pathParameters the path variables' values, percent-decoded, in the order the variables appear in the
 *     route; a greedy variable holds the decoded rest of the path joined with {@code /}, e.g.
 *     {@code hello/world}. Empty for routes without variables and for {@code $default}.
 * @param <T> what routes lead to
 */
public record RouteMatch<T>(RouteKey routeKey, T target, Map<String, String> pathParameters) {

  /**
   * Validates the components and makes {@code pathParameters} an immutable, order-preserving copy.
   *
   * @param routeKey the route's key
   * @param target the route's target
   * @param pathParameters the path parameters
   */
  public RouteMatch {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(target, "target");
    pathParameters = ParameterMap.copyOf(Objects.requireNonNull(pathParameters, "pathParameters"));
  }
}
