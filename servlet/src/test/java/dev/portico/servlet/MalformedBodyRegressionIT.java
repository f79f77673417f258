package dev.portico.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.gateway.Stage;
import dev.portico.integration.LambdaIntegration;
import dev.portico.testsupport.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, item 5: a malformed chunked request body got {@code 200 OK} with an empty body, no function run and no
 * log line. It is a 400 {@code {"message":"Bad Request"}} with a request id and an access log line, asynchronous
 * servlet or not, and the function never sees a truncated body.
 */
class MalformedBodyRegressionIT {
  static final AtomicInteger INVOCATIONS = new AtomicInteger();
  static final List<String> LOG = new CopyOnWriteArrayList<>();
  static Jetty async;
  static Jetty blocking;

  @BeforeAll
  static void start() throws Exception {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("POST /upload", LambdaIntegration.of("upload", (event, context) -> {
          INVOCATIONS.incrementAndGet();
          return "{\"statusCode\":200,\"body\":\"stored\"}".getBytes(StandardCharsets.UTF_8);
        })))
        .stage(Stage.builder("$default").accessLog("$context.status $context.error.responseType $context.requestId",
            (stage, line) -> LOG.add(line)).build())
        .build());
    async = Jetty.start("/", 50, jetty -> jetty.servlet(PorticoServlet.of(gateway), "/*", true));
    blocking = Jetty.start("/", 50, jetty -> jetty.servlet(PorticoServlet.of(gateway), "/*", false));
  }

  @AfterAll
  static void stop() {
    async.close();
    blocking.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "5\r\nhello\r\nZZ\r\nworld\r\n0\r\n\r\n", // a chunk size that is not hex
    "5\r\nhelloXX\r\n0\r\n\r\n", // chunk data longer than its size
    "-5\r\nhello\r\n0\r\n\r\n" // a negative size
  })
  void aMalformedChunkedBodyIsABadRequest(String chunks) throws Exception {
    for (Jetty jetty : List.of(async, blocking)) {
      int before = INVOCATIONS.get();
      LOG.clear();
      String response = RawHttp.exchange(jetty.port(), "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Transfer-Encoding: chunked\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n" + chunks);

      assertThat(response).as(response).startsWith("HTTP/1.1 400 ");
      assertThat(response).contains("apigw-requestid: ").endsWith("{\"message\":\"Bad Request\"}");
      assertThat(INVOCATIONS.get()).isEqualTo(before);
      assertThat(LOG).singleElement().asString().startsWith("400 BAD_REQUEST_BODY ");
    }
  }
}
