package dev.portico.gateway;

/**
 * How a route is authorized: AWS's {@code authorizationType} for HTTP APIs ({@code AWS_IAM} is not supported).
 *
 * <pre>{@code
 * Route route = Route.builder("GET /pets", pets).jwt("cognito", "pets/read").build();
 * route.authorizationType();   // JWT
 * }</pre>
 */
public enum AuthorizationType {
  /** Open route. */
  NONE,
  /** A JWT authorizer. */
  JWT,
  /** A Lambda REQUEST authorizer. */
  CUSTOM
}
