/**
 * The Amazon API Gateway HTTP API pipeline: one call from request to AWS-shaped response.
 *
 * <p>Entry points: {@link dev.portico.gateway.HttpApi#builder()} and {@link
 * dev.portico.gateway.Gateway#create(dev.portico.gateway.HttpApi)}. Caffeine (authorizer result cache) and SLF4J
 * (default access log sink) stay out of the API.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.portico.gateway {
  requires static transitive org.jspecify;
  requires transitive dev.portico.routing;
  requires transitive dev.portico.cors;
  requires transitive dev.portico.payload;
  requires transitive dev.portico.auth.jwt;
  requires transitive dev.portico.integration;
  requires com.github.benmanes.caffeine;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  exports dev.portico.gateway;
}
