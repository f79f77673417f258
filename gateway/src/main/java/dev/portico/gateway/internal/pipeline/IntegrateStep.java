package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.internal.Timeouts;
import dev.portico.integration.Integration;
import dev.portico.integration.IntegrationException;
import dev.portico.integration.IntegrationRequest;
import dev.portico.payload.ProxyResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Step 8, integrate: the event in the route's payload format to the route's integration, bounded by the route's
 * timeout. A failure is 500, a timeout 503 (facts §3), a request the integration refuses to pass on 400.
 */
final class IntegrateStep {
  /**
   * What the pipeline does with the integration's answer, on the thread that completes it: one object for all
   * calls, so a request allocates no continuation.
   *
   * @param <R> what it makes of it
   */
  interface Then<R> {
    /**
     * The integration answered.
     *
     * @param call the call
     * @param response its answer
     * @param latencyMillis how long it took
     * @return what the pipeline makes of it
     */
    R answered(Call call, ProxyResponse response, long latencyMillis);

    /**
     * The integration failed, timed out or refused to pass the request on.
     *
     * @param call the call
     * @param refusal AWS's answer
     * @param latencyMillis how long it took
     * @return what the pipeline makes of it
     */
    R refused(Call call, Outcome<?> refusal, long latencyMillis);
  }

  /** Where a failing integration is logged, with what the function threw, as the Lambda console shows it. */
  static final System.Logger FUNCTION_LOG = System.getLogger("dev.portico.function");

  private final Clock clock;

  IntegrateStep(Clock clock) {
    this.clock = clock;
  }

  <R> CompletionStage<R> apply(Call call, Then<R> then) {
    RouteTarget target = call.routed().target();
    Integration integration = target.route().integration();
    IntegrationRequest request =
        IntegrationRequest.of(call.event(), target.route().payloadFormat(), clock.instant().plus(target.timeout()),
            clock);
    long started = System.nanoTime();
    CompletableFuture<ProxyResponse> answer;
    try {
      CompletionStage<ProxyResponse> stage = integration.invoke(request);
      answer = stage == null
          ? CompletableFuture.failedFuture(IntegrationException.failed("integration returned null", null))
          : stage.toCompletableFuture();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(IntegrationException.failed("integration threw " + e, e));
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<ProxyResponse> pending = answer;
    Future<?> timer = pending.isDone() ? null : Timeouts.after(target.timeout(), () -> {
      timedOut.set(true);
      pending.cancel(true);
    });
    return answer.handle((response, error) -> {
      if (timer != null) {
        timer.cancel(false);
      }
      long latency = (System.nanoTime() - started) / 1_000_000;
      if (error == null) {
        return then.answered(call, response, latency);
      }
      Throwable cause = Causes.unwrap(error);
      IntegrationException.Kind kind = timedOut.get() ? IntegrationException.Kind.TIMED_OUT
          : cause instanceof IntegrationException e ? e.kind() : IntegrationException.Kind.FAILED;
      String why = kind == IntegrationException.Kind.TIMED_OUT
          ? "integration timed out after " + target.timeout().toMillis() + " ms" : Causes.describe(cause);
      if (kind == IntegrationException.Kind.FAILED) {
        logFailure(call, cause);
      }
      Failure failure = switch (kind) {
        case TIMED_OUT -> Failure.INTEGRATION_TIMEOUT;
        case BAD_REQUEST -> Failure.BAD_REQUEST_PARAMETERS;
        case FAILED -> Failure.INTEGRATION_FAILURE;
      };
      return then.refused(call, Outcome.refuse(failure, Outcome.Why.integration(why)), latency);
    });
  }

  /**
   * Logs a failed integration at WARNING: one line naming the request and why, with the stack trace of what the
   * function (or the host's integration) threw; Portico's own refusals (an invalid response) carry no trace.
   */
  private static void logFailure(Call call, Throwable cause) {
    if (!FUNCTION_LOG.isLoggable(System.Logger.Level.WARNING)) {
      return;
    }
    Throwable thrown = cause instanceof IntegrationException ? cause.getCause() : cause;
    String line = "request " + call.requestId + " (" + call.routed().target().route().routeKey() + "): "
        + Causes.describe(cause);
    if (thrown == null || thrown.getClass().getName().startsWith("dev.portico.")) {
      FUNCTION_LOG.log(System.Logger.Level.WARNING, line);
    } else {
      FUNCTION_LOG.log(System.Logger.Level.WARNING, line, thrown);
    }
  }
}
