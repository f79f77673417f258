package dev.portico.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link LambdaFunction} learns about its invocation: the same facts a Lambda {@code Context} carries.
 *
 * <pre>{@code
 * LambdaFunction slow = (event, context) -> {
 *   context.logger().log(System.Logger.Level.INFO, "request " + context.requestId());
 *   if (context.remainingTime().toMillis() < 100) {
 *     throw new IllegalStateException("not enough time left");
 *   }
 *   return event;
 * };
 * }</pre>
 *
 * @param requestId the API Gateway request id, also the function's request id
 * @param functionName the function's name
 * @param deadline when the caller stops waiting
 * @param clock the clock the deadline is read against
 */
public record InvocationContext(String requestId, String functionName, Instant deadline, Clock clock) {

  /**
   * Validates the context.
   *
   * @param requestId the request id
   * @param functionName the function name
   * @param deadline the deadline
   * @param clock the clock
   */
  public InvocationContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The time left until the deadline, never negative.
   *
   * @return the remaining time
   */
  public Duration remainingTime() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * The function's logger: {@code System.Logger} named {@code dev.portico.function.<functionName>}.
   *
   * @return the logger
   */
  public System.Logger logger() {
    return System.getLogger("dev.portico.function." + functionName);
  }
}
