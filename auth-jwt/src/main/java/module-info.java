/**
 * The JWT authorizer of Amazon API Gateway HTTP APIs.
 *
 * <p>Entry point: {@link dev.portico.auth.jwt.JwtAuthorizer#create(dev.portico.auth.jwt.JwtAuthorizerConfig)}.
 * jose4j reads JSON Web Keys and Caffeine holds the caches; neither appears in the API.
 */
@SuppressWarnings("requires-automatic")
module dev.portico.auth.jwt {
  requires static transitive org.jspecify;
  requires java.net.http;
  requires dev.portico.payload;
  requires org.jose4j;
  requires com.github.benmanes.caffeine;

  exports dev.portico.auth.jwt;
}
