package dev.portico.gateway.internal.pipeline;

import dev.portico.routing.RouteMatch;
import dev.portico.routing.Router;
import java.util.Optional;

/** Step 4, route: AWS's precedence on the path without the stage prefix (facts §1), else 404. */
final class RouteStep {
  private final Router<RouteTarget> router;

  RouteStep(Router<RouteTarget> router) {
    this.router = router;
  }

  private static final Outcome<RouteMatch<RouteTarget>> NO_ROUTE = Outcome.refuse(Failure.NOT_FOUND);

  Outcome<RouteMatch<RouteTarget>> apply(String method, String routedPath) {
    Optional<RouteMatch<RouteTarget>> match = router.match(method, routedPath);
    return match.isPresent() ? Outcome.next(match.get()) : NO_ROUTE;
  }
}
