package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.answering;
import static dev.portico.gateway.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 9: a function's {@code Connection}, {@code Upgrade}, {@code Keep-Alive} and {@code
 * Transfer-Encoding} headers, and header values with DEL, reached the client; oversized headers got the
 * container's HTML 500 page. Hop-by-hop headers from functions are dropped as from HTTP backends, and every failure
 * is AWS-shaped JSON.
 */
class FunctionHeadersRegressionTest {
  final List<String> log = new CopyOnWriteArrayList<>();

  Gateway gateway(String answer) {
    return Gateway.create(HttpApi.builder().route(Route.of("GET /", answering(answer)))
        .stage(Stage.builder("$default").accessLog("$context.requestId $context.integrationErrorMessage",
            (stage, line) -> log.add(line)).build()).build());
  }

  @Test
  void hopByHopHeadersFromAFunctionNeverReachTheClient() {
    GatewayResponse response = get(gateway("{\"statusCode\":200,\"headers\":{\"Connection\":\"close, X-Private\","
        + "\"Upgrade\":\"h2c\",\"Keep-Alive\":\"timeout=1\",\"Transfer-Encoding\":\"chunked\",\"TE\":\"trailers\","
        + "\"Trailer\":\"x-sum\",\"Proxy-Connection\":\"close\",\"X-Private\":\"p\",\"X-Kept\":\"k\"},\"body\":\"ok\"}"),
        "/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers()).doesNotContainKeys("connection", "upgrade", "keep-alive", "transfer-encoding",
        "te", "trailer", "proxy-connection", "x-private");
    assertThat(response.header("x-kept")).contains("k");
    assertThat(response.bodyText()).isEqualTo("ok");
  }

  @Test
  void aHeaderValueWithDelIsAMalformedResponse() {
    GatewayResponse response = get(gateway("{\"statusCode\":200,\"headers\":{\"x-a\":\"b\\u007fc\"}}"), "/");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    assertThat(log).singleElement().asString().contains("control character 0x7f");
  }

  @Test
  void headersOverTheResponseLimitAreAnAwsShapedFailure() {
    String big = "x".repeat(GatewayLimits.DEFAULT_MAX_RESPONSE_HEADER_BYTES);
    GatewayResponse response = get(gateway("{\"statusCode\":200,\"headers\":{\"x-big\":\"" + big + "\"}}"), "/");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    assertThat(log).singleElement().asString().contains("more than GatewayLimits.maxResponseHeaderBytes 65536");
  }

  @Test
  void headersJustUnderTheLimitPass() {
    String value = "x".repeat(GatewayLimits.DEFAULT_MAX_RESPONSE_HEADER_BYTES - 200);
    GatewayResponse response = get(gateway("{\"statusCode\":200,\"headers\":{\"x-big\":\"" + value + "\"}}"), "/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("x-big")).contains(value);
  }
}
