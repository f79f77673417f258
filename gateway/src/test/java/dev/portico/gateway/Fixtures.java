package dev.portico.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Shared helpers of the gateway tests. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** Answers with its own event as JSON body, so tests can read what the function received. */
  static final LambdaFunction ECHO_EVENT =
      (event, context) -> {
        String body = JSON.writeValueAsString(new String(event, StandardCharsets.UTF_8));
        return ("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":" + body + "}")
            .getBytes(StandardCharsets.UTF_8);
      };

  static LambdaIntegration echo() {
    return LambdaIntegration.of("echo", ECHO_EVENT);
  }

  static LambdaIntegration answering(String json) {
    return LambdaIntegration.of("fixed", (event, context) -> json.getBytes(StandardCharsets.UTF_8));
  }

  static GatewayResponse call(Gateway gateway, GatewayRequest request) {
    try {
      return gateway.handle(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("gateway did not answer " + request + ": " + e, e);
    }
  }

  static GatewayResponse get(Gateway gateway, String target) {
    return call(gateway, GatewayRequest.builder().method("GET").target(target).build());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event an {@link #ECHO_EVENT} function received. */
  static JsonNode event(GatewayResponse response) {
    if (response.statusCode() != 200) {
      throw new AssertionError("expected the echo function's 200, got " + response + " " + response.bodyText());
    }
    return json(response.bodyText());
  }
}
