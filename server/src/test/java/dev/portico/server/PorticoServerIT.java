package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import dev.portico.testsupport.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PorticoServer's Jetty lets the gateway decide what AWS decides. */
class PorticoServerIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static PorticoServer server;

  /** Answers with the raw path and path parameters it received. */
  private static final dev.portico.integration.LambdaFunction ECHO = (event, context) -> {
    String json = new String(event, StandardCharsets.UTF_8);
    return ("{\"statusCode\":200,\"body\":" + com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
        .writeValueAsString(json) + "}").getBytes(StandardCharsets.UTF_8);
  };

  @BeforeAll
  static void start() {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /one/{segment}", LambdaIntegration.of("echo", ECHO)))
        .route(Route.of("GET /files/{proxy+}", LambdaIntegration.of("echo", ECHO)))
        .route(Route.of("POST /upload", LambdaIntegration.of("echo", ECHO)))
        .build());
    server = PorticoServer.builder(gateway).port(0).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String raw(String request) throws IOException {
    return RawHttp.exchange(server.port(), request);
  }


  @Test
  void anEncodedSlashReachesTheGatewayInsideItsSegment() throws Exception {
    String response = raw("GET /one/a%2Fb HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    // Jetty refuses %2F by default (400 "Ambiguous URI"); Portico's Jetty lets the router see one segment.
    assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"segment\":\"a/b\"");
  }

  @Test
  void emptySegmentsReachTheGateway() throws Exception {
    String response = raw("GET /files/a//b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    // D3: empty segments are kept, never collapsed.
    assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"proxy\":\"a//b\"");
  }

  @Test
  void headersOverAwsLimitGetTheGatewaysAnswerNotJettys() throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(server.uri() + "/one/x"))
        .header("X-Big", "x".repeat(11_000)).build(), HttpResponse.BodyHandlers.ofString());

    // D11: over 10,240 bytes of request line and headers is AWS's 431, with the gateway's JSON body.
    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(response.body()).isEqualTo("{\"message\":\"Request Header Fields Too Large\"}");
    assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
  }

  @Test
  void anOversizedUploadAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws Exception {
    String response = raw("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
        + "Content-Length: 20000000\r\nExpect: 100-continue\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue")
        .endsWith("{\"message\":\"Request Entity Too Large\"}");
  }

  @Test
  void noServerHeaderGivesJettyAway() throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(server.uri() + "/one/x")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.headers().firstValue("server")).isEmpty();
    assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    assertThat(server.port()).isPositive();
  }

  @Test
  void closingLetsRequestsInFlightFinish() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /slow", LambdaIntegration.of("slow", (event, context) -> {
          started.countDown();
          release.await(20, TimeUnit.SECONDS);
          return "{\"statusCode\":200,\"body\":\"finished\"}".getBytes(StandardCharsets.UTF_8);
        }))).build());
    PorticoServer own = PorticoServer.builder(gateway).port(0).stopTimeout(Duration.ofSeconds(20)).start();
    CompletableFuture<HttpResponse<String>> inFlight = CLIENT.sendAsync(
        HttpRequest.newBuilder(URI.create(own.uri() + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(own::close);
    release.countDown();
    closing.get(30, TimeUnit.SECONDS);

    assertThat(inFlight.get(30, TimeUnit.SECONDS).body()).isEqualTo("finished");
  }
}
