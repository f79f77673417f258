package dev.portico.integration;

import org.jspecify.annotations.Nullable;

/**
 * Why an integration or an authorizer function failed: it threw, answered with something that is not a valid
 * response, could not be reached, ran past its deadline, or was handed a request it must refuse. The message is
 * what the gateway's access log shows as {@code $context.integrationErrorMessage}; clients only ever see AWS's
 * generic answer for the {@link #kind()}.
 *
 * <pre>{@code
 * return CompletableFuture.failedFuture(IntegrationException.failed("backend refused the connection", e));
 * }</pre>
 */
public final class IntegrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the gateway answers. */
  public enum Kind {
    /** {@code 500 {"message":"Internal Server Error"}}: the integration failed. */
    FAILED,
    /** {@code 503 {"message":"Service Unavailable"}}: the integration ran past its deadline (facts §3). */
    TIMED_OUT,
    /** {@code 400 {"message":"Bad Request"}}: the request cannot be passed on safely (issue 18). */
    BAD_REQUEST
  }

  private final Kind kind;

  private IntegrationException(String message, Kind kind, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /**
   * A failure: the gateway answers {@code 500 {"message":"Internal Server Error"}}.
   *
   * @param message what went wrong, for logs
   * @param cause the underlying exception, or null
   * @return the exception
   */
  public static IntegrationException failed(String message, @Nullable Throwable cause) {
    return new IntegrationException(message, Kind.FAILED, cause);
  }

  /**
   * A timeout: the gateway answers {@code 503 {"message":"Service Unavailable"}} (facts §3).
   *
   * @param message what timed out, for logs
   * @return the exception
   */
  public static IntegrationException timedOut(String message) {
    return new IntegrationException(message, Kind.TIMED_OUT, null);
  }

  /**
   * A request the integration refuses to pass on, e.g. a path parameter that would leave the backend path: the
   * gateway answers {@code 400 {"message":"Bad Request"}}.
   *
   * @param message why, for logs
   * @return the exception
   */
  public static IntegrationException badRequest(String message) {
    return new IntegrationException(message, Kind.BAD_REQUEST, null);
  }

  /** @return what the gateway answers */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether the integration ran past its deadline.
   *
   * @return true for a timeout
   */
  public boolean isTimeout() {
    return kind == Kind.TIMED_OUT;
  }
}
