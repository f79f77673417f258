package dev.portico.integration;

/**
 * Why an integration or an authorizer function failed: it threw, answered with something that is not a valid
 * response, could not be reached, or ran past its deadline. The message is what the gateway's access log shows as
 * {@code $context.integrationErrorMessage}; clients only ever see AWS's generic answer.
 *
 * <pre>{@code
 * return CompletableFuture.failedFuture(IntegrationException.failed("backend refused the connection", e));
 * }</pre>
 */
public final class IntegrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean timeout;

  private IntegrationException(String message, boolean timeout, Throwable cause) {
    super(message, cause);
    this.timeout = timeout;
  }

  /**
   * A failure: the gateway answers {@code 500 {"message":"Internal Server Error"}}.
   *
   * @param message what went wrong, for logs
   * @param cause the underlying exception, or null
   * @return the exception
   */
  public static IntegrationException failed(String message, Throwable cause) {
    return new IntegrationException(message, false, cause);
  }

  /**
   * A timeout: the gateway answers {@code 503 {"message":"Service Unavailable"}} (facts §3).
   *
   * @param message what timed out, for logs
   * @return the exception
   */
  public static IntegrationException timedOut(String message) {
    return new IntegrationException(message, true, null);
  }

  /**
   * Whether the integration ran past its deadline.
   *
   * @return true for a timeout
   */
  public boolean isTimeout() {
    return timeout;
  }
}
