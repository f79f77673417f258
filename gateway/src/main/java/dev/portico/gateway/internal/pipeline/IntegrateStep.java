package dev.portico.gateway.internal.pipeline;

import org.jspecify.annotations.Nullable;
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
   * What the integration did, and how long it took.
   *
   * @param outcome its answer or the refusal
   * @param latencyMillis the time it took
   */
  record Result(Outcome<ProxyResponse> outcome, long latencyMillis) {}

  private final Clock clock;

  IntegrateStep(Clock clock) {
    this.clock = clock;
  }

  CompletionStage<Result> apply(Call call) {
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
        return new Result(Outcome.next(response), latency);
      }
      Throwable cause = Causes.unwrap(error);
      IntegrationException.Kind kind = timedOut.get() ? IntegrationException.Kind.TIMED_OUT
          : cause instanceof IntegrationException e ? e.kind() : IntegrationException.Kind.FAILED;
      String why = kind == IntegrationException.Kind.TIMED_OUT
          ? "integration timed out after " + target.timeout().toMillis() + " ms" : Causes.describe(cause);
      Failure failure = switch (kind) {
        case TIMED_OUT -> Failure.INTEGRATION_TIMEOUT;
        case BAD_REQUEST -> Failure.BAD_REQUEST_PARAMETERS;
        case FAILED -> Failure.INTEGRATION_FAILURE;
      };
      return new Result(Outcome.refuse(failure, Outcome.Why.integration(why)), latency);
    });
  }
}
