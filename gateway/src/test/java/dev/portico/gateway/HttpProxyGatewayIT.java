package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static dev.portico.gateway.Fixtures.get;
import static dev.portico.gateway.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.cors.CorsConfiguration;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.payload.PayloadFormat;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** HTTP_PROXY integrations through the gateway against a real backend on loopback (facts §6). */
class HttpProxyGatewayIT {
  static HttpBackend backend;
  static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    backend = new HttpBackend();
    String base = backend.base();
    gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("ANY /pets/{id}", HttpProxyIntegration.builder(base + "/echo/${stageVariables.version}/pets/{id}").build()))
        .route(Route.of("ANY /files/{proxy+}", HttpProxyIntegration.builder(base + "/echo/files/{proxy}").build()))
        .route(Route.of("GET /fixed", HttpProxyIntegration.builder(base + "/echo/fixed?static=1").method("POST").build()))
        .route(Route.of("GET /status/{code}", HttpProxyIntegration.builder(base + "/status/{code}").build()))
        .route(Route.of("GET /reset", HttpProxyIntegration.builder(base + "/reset").build()))
        .route(Route.builder("GET /hang", HttpProxyIntegration.builder(base + "/hang").build())
            .timeout(Duration.ofMillis(300)).build())
        .route(Route.of("GET /big", HttpProxyIntegration.builder(base + "/big").build()))
        .route(Route.of("GET /refused", HttpProxyIntegration.builder("http://127.0.0.1:1/nothing").build()))
        .cors(CorsConfiguration.builder().allowOrigins("https://app.example.com").build())
        .stage(Stage.builder("$default").variable("version", "v2").build())
        .domainName("api.example.com")
        .build());
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  @Test
  @DisplayName("facts §6: path variables and stage variables in the URI; method, query, body and headers pass")
  void forwardsTheWholeRequest() {
    GatewayResponse response = call(gateway, GatewayRequest.builder().method("PUT").target("/pets/a%20b?x=1&y=%2F")
        .header("Content-Type", "text/plain").header("X-Custom", "c").header("Connection", "x-private")
        .header("X-Private", "hop").header("Keep-Alive", "timeout=5").header("X-Forwarded-For", "203.0.113.9")
        .header("Host", "client-chosen.example").header("X-Forwarded-Host", "evil.example").body("hello")
        .sourceIp("192.0.2.1").build());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode seen = json(response.bodyText());
    assertThat(seen.path("method").asText()).isEqualTo("PUT");
    assertThat(seen.path("uri").asText()).isEqualTo("/echo/v2/pets/a%20b?x=1&y=%2F");
    assertThat(seen.path("body").asText()).isEqualTo("hello");
    JsonNode headers = seen.path("headers");
    assertThat(headers.path("x-custom").asText()).isEqualTo("c");
    assertThat(headers.has("x-private")).as("named by Connection: hop-by-hop").isFalse();
    assertThat(headers.has("keep-alive")).isFalse();
    assertThat(headers.has("x-forwarded-for")).isFalse();
    // Issue 18, item 10: host is the API's configured name, never the client's Host or X-Forwarded-Host.
    assertThat(headers.has("x-forwarded-host")).isFalse();
    assertThat(headers.path("forwarded").asText())
        .isEqualTo("for=203.0.113.9, for=192.0.2.1;host=api.example.com;proto=https");
  }

  @Test
  @DisplayName("facts §6: a greedy {proxy} keeps its slashes; the response comes back whole, minus hop-by-hop")
  void greedyAndResponse() {
    GatewayResponse response = call(gateway, GatewayRequest.builder().target("/files/a/b/c.txt")
        .header("Origin", "https://app.example.com").build());
    assertThat(json(response.bodyText()).path("uri").asText()).isEqualTo("/echo/files/a/b/c.txt");
    assertThat(response.headers().get("set-cookie")).containsExactly("a=1", "b=2");
    assertThat(response.header("x-hop")).isEmpty();
    assertThat(response.header("connection")).isEmpty();
    assertThat(response.header("access-control-allow-origin")).contains("https://app.example.com");
  }

  @Test
  @DisplayName("issue 18: a path parameter holding a dot-segment is refused 400 and never reaches the backend")
  void dotSegmentsInPathParametersAreRefused() {
    int before = backend.requests();
    for (String target : new String[] {"/files/..%2Fsecret.txt", "/files/%2e%2e/secret.txt", "/files/a/%2E/b",
        "/pets/..%2Fsecret", "/pets/%252e%252e"}) {
      GatewayResponse response = get(gateway, target);
      assertThat(response.statusCode()).as(target).isEqualTo(400);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Bad Request\"}");
      assertThat(response.header("apigw-requestid")).isPresent();
    }
    assertThat(backend.requests()).isEqualTo(before);
  }

  @Test
  @DisplayName("issue 18: a query with { } | ^ \" < > or a bare % reaches the backend as sent, never a 500")
  void awkwardQueriesPassThrough() {
    GatewayResponse response = get(gateway, "/pets/1?a={x}&b=|^&c=\"<>\"&d=100%&e=%41");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.bodyText()).path("uri").asText())
        .isEqualTo("/echo/v2/pets/1?a=%7Bx%7D&b=%7C%5E&c=%22%3C%3E%22&d=100%25&e=%41");
  }

  @Test
  @DisplayName("a fixed method and a URI with its own query: the request's query is appended")
  void fixedMethod() {
    JsonNode seen = json(call(gateway, GatewayRequest.builder().target("/fixed?q=2").build()).bodyText());
    assertThat(seen.path("method").asText()).isEqualTo("POST");
    assertThat(seen.path("uri").asText()).isEqualTo("/echo/fixed?static=1&q=2");
  }

  @Test
  @DisplayName("facts §6: the backend's own 5xx is passed through")
  void backendErrorsPassThrough() {
    GatewayResponse response = call(gateway, GatewayRequest.builder().target("/status/502").build());
    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyText()).isEqualTo("backend says 502");
  }

  @Test
  @DisplayName("a backend that breaks the response off or refuses the connection → 500")
  void brokenBackends() {
    for (String target : new String[] {"/reset", "/refused"}) {
      GatewayResponse response = call(gateway, GatewayRequest.builder().target(target).build());
      assertThat(response.statusCode()).as(target).isEqualTo(500);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
  }

  @Test
  @DisplayName("facts §3: a backend that hangs past the route's timeout → 503 Service Unavailable")
  void hangingBackend() {
    GatewayResponse response = call(gateway, GatewayRequest.builder().target("/hang").build());
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  @DisplayName("a backend answering 20 MB, over the 10 MB payload quota → 500, without buffering it all")
  void oversizedResponse() {
    assertThat(call(gateway, GatewayRequest.builder().target("/big").build()).statusCode()).isEqualTo(500);
  }

  @Test
  @DisplayName("facts §2: HTTP integrations accept payload format 1.0 only")
  void httpNeedsV1() {
    HttpProxyIntegration http = HttpProxyIntegration.builder(backend.base() + "/echo").build();
    assertThat(Route.of("GET /x", http).payloadFormat()).isEqualTo(PayloadFormat.V1_0);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Route.builder("GET /x", http).payloadFormat(PayloadFormat.V2_0).build())
        .isInstanceOf(GatewayConfigException.class)
        .hasMessageContaining("route 'GET /x'").hasMessageContaining("payload format 2.0");
  }
}
