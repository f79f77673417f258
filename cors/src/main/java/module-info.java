/**
 * CORS configuration and evaluation with Amazon API Gateway HTTP API semantics.
 *
 * <p>Entry points: {@link dev.portico.cors.CorsConfiguration#builder()} and
 * {@link dev.portico.cors.CorsPolicy#of(dev.portico.cors.CorsConfiguration)}. The module has no dependencies.
 */
module dev.portico.cors {
  requires static transitive org.jspecify;
  exports dev.portico.cors;
}
