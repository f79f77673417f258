package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import dev.portico.testsupport.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18, items 9, 12 and 13: what Jetty itself answered was an HTML page without a request id, oversized
 * function headers gave Jetty's HTML 500, and nothing bounded connections or slow request heads. Every answer is
 * AWS-shaped JSON with {@code apigw-requestid}; connections and header reads are bounded.
 */
class JettyErrorsRegressionIT {
  static PorticoServer server;

  @BeforeAll
  static void start() {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /one/{segment}", LambdaIntegration.of("ok", (event, context) ->
            "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8))))
        .route(Route.of("GET /big-headers", LambdaIntegration.of("big", (event, context) ->
            ("{\"statusCode\":200,\"headers\":{\"x-big\":\"" + "x".repeat(70_000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8))))
        .route(Route.of("GET /fits", LambdaIntegration.of("fits", (event, context) ->
            ("{\"statusCode\":200,\"headers\":{\"x-big\":\"" + "x".repeat(60_000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8))))
        .build());
    server = PorticoServer.builder(gateway).port(0).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> refusedByJetty() {
    return Stream.of(
        Arguments.of("a bad percent-encoding", "GET /one/%zz%%% HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", 400),
        Arguments.of("a method that is no token", "G(T /one/x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", 400),
        Arguments.of("headers over Jetty's 64 KB", "GET /one/x HTTP/1.1\r\nHost: h\r\nX-Big: " + "y".repeat(70_000)
            + "\r\nConnection: close\r\n\r\n", 431),
        Arguments.of("a header line without a colon", "GET /one/x HTTP/1.1\r\nHost: h\r\nBroken\r\n\r\n", 400),
        Arguments.of("an unknown protocol version", "GET /one/x HTTP/7.0\r\nHost: h\r\nConnection: close\r\n\r\n",
            505),
        Arguments.of("two Content-Length values", "POST /one/x HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n"
            + "Content-Length: 2\r\nConnection: close\r\n\r\nab", 400),
        Arguments.of("a bad h2c upgrade", "GET /one/x HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, HTTP2-Settings\r\n"
            + "Upgrade: h2c\r\nHTTP2-Settings: !!!not-base64!!!\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByJetty")
  void jettysOwnAnswersAreAwsShaped(String what, String request, int status) throws Exception {
    String response = RawHttp.exchange(server.port(), request);

    assertThat(response).as(response).startsWith("HTTP/1.1 " + status + " ");
    assertThat(response.toLowerCase(java.util.Locale.ROOT)).contains("apigw-requestid: ")
        .doesNotContain("<html").doesNotContain("jetty");
    if (status != 200) {
      assertThat(response).contains("Content-Type: application/json").endsWith("\"}");
      assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).startsWith("{\"message\":\"");
    }
  }

  @Test
  void functionHeadersOverTheBoundAreTheGatewaysJson500AndThoseWithinPass() throws Exception {
    String big = RawHttp.exchange(server.port(), "GET /big-headers HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    String fits = RawHttp.exchange(server.port(), "GET /fits HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

    assertThat(big).startsWith("HTTP/1.1 500 ").endsWith("{\"message\":\"Internal Server Error\"}")
        .contains("apigw-requestid: ");
    assertThat(fits).startsWith("HTTP/1.1 200 ").contains("x-big: " + "x".repeat(60_000));
  }

  @Test
  void aClientTricklingItsHeadersIsCutOffAtTheHeaderTimeout() throws Exception {
    try (PorticoServer strict = PorticoServer.builder(Gateway.create(HttpApi.builder()
        .route(Route.of("GET /one/{segment}", LambdaIntegration.of("ok", (event, context) ->
            "{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8)))).build()))
        .port(0).headerTimeout(Duration.ofSeconds(1)).start();
        Socket socket = new Socket("127.0.0.1", strict.port())) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET /one/x HTTP/1.1\r\nHost: h\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          out.write(("X-Slow-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(100);
        } catch (IOException reset) {
          closed = true;
        }
      }
      if (!closed) {
        closed = socket.getInputStream().read() < 0;
      }
      assertThat(closed).as("closed while still sending headers").isTrue();
      // Well before the trickle would have ended (100 × 100 ms): the deadline, not the idle timeout, closed it.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }
  }

  @Test
  void aSlowFunctionIsNotCutByTheHeaderTimeout() throws Exception {
    try (PorticoServer strict = PorticoServer.builder(Gateway.create(HttpApi.builder()
        .route(Route.of("GET /slow", LambdaIntegration.of("slow", (event, context) -> {
          Thread.sleep(2_000);
          return "{\"statusCode\":200,\"body\":\"late\"}".getBytes(StandardCharsets.UTF_8);
        }))).build()))
        .port(0).headerTimeout(Duration.ofMillis(500)).start()) {
      String response = RawHttp.exchange(strict.port(), "GET /slow HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
      assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("late");
    }
  }

  @Test
  void connectionsBeyondTheCapWaitUntilOneCloses() throws Exception {
    try (PorticoServer capped = PorticoServer.builder(Gateway.create(HttpApi.builder()
        .route(Route.of("GET /one/{segment}", LambdaIntegration.of("ok", (event, context) ->
            "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8)))).build()))
        .port(0).maxConnections(2).start();
        Socket second = new Socket("127.0.0.1", capped.port())) {
      Socket first = new Socket("127.0.0.1", capped.port());
      assertThat(keepAliveGet(first)).startsWith("HTTP/1.1 200 ");
      assertThat(keepAliveGet(second)).startsWith("HTTP/1.1 200 ");
      try (Socket third = new Socket("127.0.0.1", capped.port())) {
        third.setSoTimeout(1_000);
        send(third);
        assertThat(readOrTimeout(third.getInputStream())).as("not served while two connections are open").isNull();
        first.close();
        third.setSoTimeout(15_000);
        assertThat(RawHttp.readResponse(third.getInputStream())).startsWith("HTTP/1.1 200 ");
      }
    }
  }

  private static String keepAliveGet(Socket socket) throws IOException {
    socket.setSoTimeout(15_000);
    send(socket);
    return RawHttp.readResponse(socket.getInputStream());
  }

  private static void send(Socket socket) throws IOException {
    socket.getOutputStream().write("GET /one/x HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  private static String readOrTimeout(InputStream in) throws IOException {
    try {
      int b = in.read();
      return b < 0 ? "closed" : String.valueOf((char) b);
    } catch (SocketTimeoutException e) {
      return null;
    }
  }
}
