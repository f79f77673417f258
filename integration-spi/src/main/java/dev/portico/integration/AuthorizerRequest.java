package dev.portico.integration;

import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One call of a Lambda REQUEST authorizer (facts §4).
 *
 * <pre>{@code
 * AuthorizerRequest call = new AuthorizerRequest(proxyRequest, PayloadFormat.V2_0, true,
 *     "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets",
 *     List.of("Bearer abc"), clock.instant().plusSeconds(10), clock);
 * }</pre>
 *
 * @param request the request being authorized: route key, path parameters and stage variables set, no body
 *     needed (authorizer events carry none)
 * @param payloadFormat the authorizer's payload format ({@code authorizerPayloadFormatVersion})
 * @param simpleResponses whether the authorizer answers {@code {isAuthorized, context}} (2.0 only)
 * @param routeArn the {@code execute-api} ARN of the request: {@code routeArn} in 2.0, {@code methodArn} in 1.0
 * @param identitySource the values of the identity sources, in their configured order
 * @param deadline when the gateway stops waiting (AWS: 10 s)
 * @param clock the clock the deadline is read against
 */
public record AuthorizerRequest(
    ProxyRequest request,
    PayloadFormat payloadFormat,
    boolean simpleResponses,
    String routeArn,
    List<String> identitySource,
    Instant deadline,
    Clock clock) {

  /**
   * Validates the request.
   *
   * @param request the request
   * @param payloadFormat the format
   * @param simpleResponses simple responses
   * @param routeArn the route ARN
   * @param identitySource the identity source values
   * @param deadline the deadline
   * @param clock the clock
   * @throws IllegalArgumentException when simple responses are asked for with payload format 1.0
   */
  public AuthorizerRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    Objects.requireNonNull(routeArn, "routeArn");
    identitySource = List.copyOf(identitySource);
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(clock, "clock");
    if (simpleResponses && payloadFormat != PayloadFormat.V2_0) {
      throw new IllegalArgumentException("simple responses need authorizer payload format 2.0");
    }
  }

  /**
   * The authorizer event, exactly as AWS sends it in this request's payload format.
   *
   * @return the event's JSON bytes
   */
  public byte[] event() {
    return AuthorizerEvents.encode(this);
  }
}
