package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.Route;
import java.time.Duration;
import java.util.Objects;

/**
 * What the router finds for a route: the route, how it is authorized, and its integration timeout.
 *
 * @param route the route
 * @param authorization its authorization step's work
 * @param timeout the route's timeout, or the API's
 */
public record RouteTarget(Route route, Authorization authorization, Duration timeout) {
  /**
   * A target.
   *
   * @param route the route
   * @param authorization the authorization
   * @param timeout the timeout
   */
  public RouteTarget {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(timeout, "timeout");
  }
}
