package dev.portico.integration;

import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyResponse;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A backend behind a route: what API Gateway calls an integration. The gateway hands it one request and waits,
 * without blocking a thread, for the response.
 *
 * <pre>{@code
 * Integration hello = request -> CompletableFuture.completedFuture(
 *     ProxyResponse.builder().statusCode(200).header("content-type", "text/plain").body("hello").build());
 * }</pre>
 *
 * <p>Contract: {@code invoke} returns quickly and completes the stage later; it must not block on I/O. A stage
 * completed exceptionally becomes {@code 500 {"message":"Internal Server Error"}}, or {@code 503
 * {"message":"Service Unavailable"}} when the exception is an {@link IntegrationException#isTimeout() integration
 * timeout} (facts §3). When the request's {@link IntegrationRequest#deadline() deadline} passes, the gateway
 * answers 503 and cancels the stage's {@code CompletableFuture}; implementations should stop their work then.
 */
@FunctionalInterface
public interface Integration {

  /**
   * Calls the backend.
   *
   * @param request the request, its event and its deadline
   * @return the backend's response, completed later
   */
  CompletionStage<ProxyResponse> invoke(IntegrationRequest request);

  /**
   * The payload formats this integration accepts. Lambda-style integrations accept both; other integrations
   * only {@code 1.0} (facts §2). The gateway checks routes against it when an API is built.
   *
   * @return the accepted formats; by default both
   */
  default Set<PayloadFormat> payloadFormats() {
    return EnumSet.allOf(PayloadFormat.class);
  }
}
