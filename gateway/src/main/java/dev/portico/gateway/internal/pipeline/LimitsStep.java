package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.GatewayLimits;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.internal.HeaderSize;

/**
 * Step 1, limits: request line and headers over {@link GatewayLimits#maxRequestHeaderBytes()} are 431, a body over
 * {@link GatewayLimits#maxBodyBytes()} 413 (D11).
 */
final class LimitsStep {
  private final GatewayLimits limits;

  LimitsStep(GatewayLimits limits) {
    this.limits = limits;
  }

  /** The request line and headers alone (what {@code explain} can see). */
  Outcome<Outcome.Passed> head(GatewayRequest request) {
    long size = HeaderSize.of(request.method(), request.rawPath(), request.rawQueryString(), request.protocol(),
        request.headers());
    return size > limits.maxRequestHeaderBytes() ? Outcome.refuse(Failure.HEADERS_TOO_LARGE) : Outcome.PASSED;
  }

  /** The whole request. */
  Outcome<Outcome.Passed> apply(GatewayRequest request) {
    Outcome<Outcome.Passed> head = head(request);
    if (!(head instanceof Outcome.Next)) {
      return head;
    }
    return request.body().length > limits.maxBodyBytes() ? Outcome.refuse(Failure.TOO_LARGE) : head;
  }
}
