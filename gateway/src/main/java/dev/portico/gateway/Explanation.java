package dev.portico.gateway;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway would do with a request, decided without authorizing or calling anything: the stage, the
 * route and its path parameters, and the CORS headers of the answer.
 *
 * <pre>{@code
 * Explanation why = gateway.explain(GatewayRequest.builder().method("GET").target("/pets/7").build());
 * why.outcome();                          // ROUTE
 * why.route().map(Route::routeKey);       // GET /pets/{id}
 * why.pathParameters();                   // {id=7}
 * }</pre>
 *
 * <p>Used by hosts to decide whether a request is the API's at all (a servlet filter that passes unrouted requests
 * on) and by tools that explain an API's policies ({@code portico explain}).
 *
 * @param outcome what decided the answer
 * @param stage the stage chosen; empty when none ({@link Outcome#NO_STAGE}) or the limits refused the request
 * @param routedPath the raw path the router saw, without the stage prefix; the whole path when no stage was chosen
 * @param route the route chosen, for {@link Outcome#ROUTE}
 * @param pathParameters the route's path parameters, decoded
 * @param corsHeaders the preflight answer's headers ({@link Outcome#PREFLIGHT}), else the CORS headers the gateway
 *     adds to the response; empty without CORS or without an allowed {@code Origin}
 */
public record Explanation(
    Outcome outcome,
    Optional<String> stage,
    String routedPath,
    Optional<Route> route,
    Map<String, String> pathParameters,
    Map<String, String> corsHeaders) {

  /** What decided the gateway's answer, in pipeline order (DESIGN.md, "One request, end to end"). */
  public enum Outcome {
    /** The request line and headers exceed {@link GatewayLimits#maxRequestHeaderBytes()}: 431. */
    HEADERS_TOO_LARGE(431),
    /** No stage serves the path (no named stage prefix, no {@code $default} stage): 404 (facts §1). */
    NO_STAGE(404),
    /** A CORS preflight, answered by the gateway itself (facts §5, D6): 204. */
    PREFLIGHT(204),
    /** No route matches, and there is no {@code $default} route: 404 (facts §1). */
    NO_ROUTE(404),
    /** A route matches; authorization and the integration decide the status. */
    ROUTE(0);

    private final int status;

    Outcome(int status) {
      this.status = status;
    }

    /** @return the status the gateway answers with, if this outcome alone decides it */
    public Optional<Integer> status() {
      return status == 0 ? Optional.empty() : Optional.of(status);
    }
  }

  /**
   * Checks that no value is null and copies the maps.
   *
   * @param outcome what decided
   * @param stage the stage
   * @param routedPath the routed path
   * @param route the route
   * @param pathParameters the path parameters
   * @param corsHeaders the CORS headers
   */
  public Explanation {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(routedPath, "routedPath");
    Objects.requireNonNull(route, "route");
    pathParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pathParameters));
    corsHeaders = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(corsHeaders));
  }
}
