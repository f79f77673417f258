package dev.portico.gateway.internal.pipeline;

import dev.portico.routing.RouteMatch;
import dev.portico.routing.Router;

/** Step 4, route: AWS's precedence on the path without the stage prefix (facts §1), else 404. */
final class RouteStep {
  private final Router<RouteTarget> router;

  RouteStep(Router<RouteTarget> router) {
    this.router = router;
  }

  Outcome<RouteMatch<RouteTarget>> apply(String method, String routedPath) {
    return router.match(method, routedPath).<Outcome<RouteMatch<RouteTarget>>>map(Outcome::next)
        .orElseGet(() -> Outcome.refuse(Failure.NOT_FOUND));
  }
}
