package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.integration.LambdaIntegration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** One API served by 16 threads × 5,000 requests: no errors and no cross-talk between requests. */
class ConcurrencyIT {
  static final int THREADS = 16;
  static final int REQUESTS = 5_000;

  @org.junit.jupiter.api.Test
  void everyResponseEchoesItsOwnRequest() throws Exception {
    // The function answers with the request id and path parameter it received; the gateway's answer must
    // carry the same request id in apigw-requestid and the same id the client sent.
    LambdaIntegration echo = LambdaIntegration.of("echo", (event, context) -> {
      JsonNode parsed = Fixtures.JSON.readTree(event);
      String body = parsed.path("requestContext").path("requestId").asText() + " "
          + parsed.path("pathParameters").path("id").asText() + " " + context.requestId();
      return ("{\"statusCode\":200,\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8);
    });
    Gateway gateway = Gateway.create(HttpApi.builder().route(Route.of("GET /items/{id}", echo))
        .route(Route.of("POST /items", echo)).build());
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Callable<Integer> client = () -> {
        int ok = 0;
        for (int i = 0; i < REQUESTS; i++) {
          String id = thread + "-" + i;
          GatewayResponse response = gateway.handle(GatewayRequest.builder().target("/items/" + id).build())
              .toCompletableFuture().get(10, TimeUnit.SECONDS);
          String requestId = response.header("apigw-requestid").orElseThrow();
          if (response.statusCode() != 200
              || !response.bodyText().equals(requestId + " " + id + " " + requestId)) {
            throw new AssertionError("cross-talk or error for " + id + ": " + response + " " + response.bodyText());
          }
          ok++;
        }
        return ok;
      };
      results.add(clients.submit(client));
    }
    int total = 0;
    for (Future<Integer> result : results) {
      total += result.get(5, TimeUnit.MINUTES);
    }
    clients.shutdown();
    assertThat(total).isEqualTo(THREADS * REQUESTS);
    assertThat(dev.portico.gateway.internal.Timeouts.pending()).isZero();
  }
}
