package dev.portico.gateway;

/**
 * An {@link HttpApi} that API Gateway would refuse: the message names the route, authorizer, stage or field and
 * the rule it breaks, e.g. {@code Route with key 'GET /items' already exists} or {@code route 'GET /pets': at most
 * 10 authorization scopes, got 11}.
 *
 * <pre>{@code
 * try {
 *   HttpApi api = HttpApi.builder().route(Route.of("GET /pets/", pets)).build();
 * } catch (GatewayConfigException e) {
 *   System.err.println(e.getMessage());
 * }
 * }</pre>
 */
public final class GatewayConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the rule that was broken, naming the field
   */
  public GatewayConfigException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message the rule that was broken, naming the field
   * @param cause the lower-level failure
   */
  public GatewayConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
