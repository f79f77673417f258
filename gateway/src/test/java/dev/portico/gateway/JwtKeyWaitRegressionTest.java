package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.echo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a JWT route whose issuer's keys are still being fetched used to hold the calling thread until the fetch
 * ended (up to twice the fetch timeout) — fatal for an HTTP server that decides on its selector threads. Now
 * {@code handle} returns at once and the answer comes when the fetch has ended.
 */
class JwtKeyWaitRegressionTest {

  @Test
  void aRequestWaitingForTheIssuersKeysDoesNotHoldTheCallingThread() throws Exception {
    // An issuer that takes the connection and never answers: the key fetch can only end by its timeout.
    try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> held = CompletableFuture.supplyAsync(() -> {
        try {
          return silent.accept();
        } catch (java.io.IOException e) {
          return null;
        }
      });
      String issuer = "http://127.0.0.1:" + silent.getLocalPort();
      try (Gateway gateway = Gateway.create(HttpApi.builder()
          .authorizer(Authorizer.jwt("jwt", JwtAuthorizerConfig.builder().issuer(issuer).audiences("pets-api")
              .fetchTimeout(Duration.ofMillis(800)).build()))
          .route(Route.builder("GET /pets", echo()).jwt("jwt").build())
          .build())) {
        long start = System.nanoTime();
        CompletableFuture<GatewayResponse> answer = gateway.handle(GatewayRequest.builder().target("/pets")
            .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ4In0.c2ln").build())
            .toCompletableFuture();
        long returnedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(answer).as("handle returned before the fetch ended (after %d ms)", returnedAfterMillis)
            .isNotDone();
        GatewayResponse response = answer.get(10, TimeUnit.SECONDS);
        // AWS refuses a token it cannot check with 401 (facts §4); Portico's reason says the keys were unavailable
        assertThat(response.statusCode()).isEqualTo(401);
      }
      Socket socket = held.getNow(null);
      if (socket != null) {
        socket.close();
      }
    }
  }
}
