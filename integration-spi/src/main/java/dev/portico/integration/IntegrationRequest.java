package dev.portico.integration;

import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyEvents;
import dev.portico.payload.ProxyRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One call of an integration: the request as the gateway saw it, the matched route, the payload format, and the
 * deadline by which the integration must answer.
 *
 * <pre>{@code
 * IntegrationRequest call = IntegrationRequest.of(proxyRequest, PayloadFormat.V2_0,
 *     clock.instant().plusSeconds(30), clock);
 * byte[] event = call.event();          // the Lambda event, encoded once, on first use
 * Duration left = call.remainingTime();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #event()} is computed at most once per request (a race may compute it
 * twice, with equal results) and is shared: callers must not modify the array.
 */
public final class IntegrationRequest {
  private final ProxyRequest request;
  private final PayloadFormat payloadFormat;
  private final Instant deadline;
  private final Clock clock;
  private volatile byte @Nullable [] event;

  private IntegrationRequest(ProxyRequest request, PayloadFormat payloadFormat, Instant deadline, Clock clock) {
    this.request = request;
    this.payloadFormat = payloadFormat;
    this.deadline = deadline;
    this.clock = clock;
  }

  /**
   * Creates a request.
   *
   * @param request what the event is made of; its route key, path parameters and stage variables included
   * @param payloadFormat the route's payload format
   * @param deadline when the gateway stops waiting and answers 503
   * @param clock the clock the deadline is read against
   * @return the request
   */
  public static IntegrationRequest of(
      ProxyRequest request, PayloadFormat payloadFormat, Instant deadline, Clock clock) {
    return new IntegrationRequest(
        Objects.requireNonNull(request, "request"),
        Objects.requireNonNull(payloadFormat, "payloadFormat"),
        Objects.requireNonNull(deadline, "deadline"),
        Objects.requireNonNull(clock, "clock"));
  }

  /** @return the request the event is made of */
  public ProxyRequest request() {
    return request;
  }

  /** @return the matched route's key, e.g. {@code GET /pets/{id}} or {@code $default} */
  public String routeKey() {
    return request.routeKey();
  }

  /** @return the route's payload format */
  public PayloadFormat payloadFormat() {
    return payloadFormat;
  }

  /** @return when the gateway stops waiting */
  public Instant deadline() {
    return deadline;
  }

  /** @return the clock the deadline is read against */
  public Clock clock() {
    return clock;
  }

  /**
   * The time left until the deadline.
   *
   * @return the remaining time; zero or negative once the deadline has passed
   */
  public Duration remainingTime() {
    return Duration.between(clock.instant(), deadline);
  }

  /**
   * The Lambda proxy event of this request in the route's payload format, exactly as AWS sends it.
   *
   * @return the event's JSON bytes, shared: do not modify
   */
  public byte[] event() {
    byte[] encoded = event;
    if (encoded == null) {
      encoded = ProxyEvents.encode(request, payloadFormat);
      event = encoded;
    }
    return encoded;
  }

  @Override
  public String toString() {
    return "IntegrationRequest[" + request.method() + " " + request.path() + ", route " + routeKey() + ", "
        + payloadFormat + "]";
  }
}
