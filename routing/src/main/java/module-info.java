/**
 * Route keys and a compiled router with Amazon API Gateway HTTP API precedence.
 *
 * <p>Entry points: {@link dev.portico.routing.RouteKey#parse(String)} and
 * {@link dev.portico.routing.Router#builder()}. The module has no dependencies.
 */
module dev.portico.routing {
  requires static transitive org.jspecify;
  exports dev.portico.routing;
}
