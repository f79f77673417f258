package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.answering;
import static dev.portico.gateway.Fixtures.call;
import static dev.portico.gateway.Fixtures.echo;
import static dev.portico.gateway.Fixtures.event;
import static dev.portico.gateway.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.cors.CorsConfiguration;
import dev.portico.integration.LambdaIntegration;
import dev.portico.payload.PayloadFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pipeline against the facts it reproduces; each test names its fact. */
class GatewayConformanceTest {

  private static Gateway gateway(HttpApi.Builder api) {
    return Gateway.create(api.build());
  }

  private static void assertAwsError(GatewayResponse response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.header("apigw-requestid")).hasValueSatisfying(id -> assertThat(id).hasSize(16).endsWith("="));
  }

  @Test
  @DisplayName("facts §1: no matching route and no $default → 404 {\"message\":\"Not Found\"}")
  void noRoute() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /pets", echo())));
    assertAwsError(get(gateway, "/cats"), 404, "Not Found");
    assertAwsError(call(gateway, GatewayRequest.builder().method("POST").target("/pets").build()), 404, "Not Found");
  }

  @Test
  @DisplayName("facts §1: trailing slash is significant — POST /todos does not serve /todos/")
  void trailingSlash() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("POST /todos", echo())));
    assertAwsError(call(gateway, GatewayRequest.builder().method("POST").target("/todos/").build()), 404, "Not Found");
    assertThat(call(gateway, GatewayRequest.builder().method("POST").target("/todos").build()).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("facts §1 precedence example, through the whole pipeline")
  void precedence() {
    HttpApi.Builder api = HttpApi.builder();
    for (String key : List.of("GET /pets/dog/1", "GET /pets/dog/{id}", "GET /pets/{proxy+}", "ANY /{proxy+}")) {
      api.route(Route.of(key, echo()));
    }
    api.route(Route.of("$default", echo()));
    Gateway gateway = gateway(api);
    assertThat(event(get(gateway, "/pets/dog/1")).path("routeKey").asText()).isEqualTo("GET /pets/dog/1");
    assertThat(event(get(gateway, "/pets/dog/2")).path("routeKey").asText()).isEqualTo("GET /pets/dog/{id}");
    JsonNode greedy = event(get(gateway, "/pets/cat/1"));
    assertThat(greedy.path("routeKey").asText()).isEqualTo("GET /pets/{proxy+}");
    assertThat(greedy.path("pathParameters").path("proxy").asText()).isEqualTo("cat/1");
    JsonNode any = event(call(gateway, GatewayRequest.builder().method("POST").target("/test/5").build()));
    assertThat(any.path("routeKey").asText()).isEqualTo("ANY /{proxy+}");
    assertThat(event(get(gateway, "/")).path("routeKey").asText()).isEqualTo("$default");
  }

  @Test
  @DisplayName("facts §1/§2: a named stage is the first segment and stays in rawPath; no stage and no $default → 404")
  void namedStage() {
    Gateway gateway =
        gateway(HttpApi.builder().route(Route.of("GET /pets/{id}", echo()))
            .stage(Stage.builder("prod").variable("backend", "pets.internal").build()));
    JsonNode event = event(get(gateway, "/prod/pets/7"));
    assertThat(event.path("rawPath").asText()).isEqualTo("/prod/pets/7");
    assertThat(event.path("requestContext").path("http").path("path").asText()).isEqualTo("/prod/pets/7");
    assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("prod");
    assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("7");
    assertThat(event.path("stageVariables").path("backend").asText()).isEqualTo("pets.internal");
    assertAwsError(get(gateway, "/pets/7"), 404, "Not Found");
    assertAwsError(get(gateway, "/staging/pets/7"), 404, "Not Found");
  }

  @Test
  @DisplayName("facts §6: $default serves the root while named stages take their prefix")
  void defaultAndNamedStages() {
    Gateway gateway =
        gateway(HttpApi.builder().route(Route.of("ANY /{proxy+}", echo()))
            .stage(Stage.defaultStage()).stage(Stage.builder("beta").build()));
    assertThat(event(get(gateway, "/beta/x")).path("requestContext").path("stage").asText()).isEqualTo("beta");
    assertThat(event(get(gateway, "/beta/x")).path("pathParameters").path("proxy").asText()).isEqualTo("x");
    assertThat(event(get(gateway, "/gamma/x")).path("requestContext").path("stage").asText()).isEqualTo("$default");
    assertThat(event(get(gateway, "/gamma/x")).path("pathParameters").path("proxy").asText()).isEqualTo("gamma/x");
  }

  @Test
  @DisplayName("facts §2: v2.0 event — decoded rawPath, encoded rawQueryString, cookies, lowercase headers")
  void eventV2() {
    Gateway gateway = gateway(HttpApi.builder().apiId("a1b2c3d4e5").domainName("api.example.com")
        .route(Route.of("POST /items/{name}", echo())));
    GatewayResponse response =
        call(gateway, GatewayRequest.builder().method("POST").target("/items/caf%C3%A9?q=a%20b&q=c")
            .header("Host", "attacker.example:8443").header("Content-Type", "application/json")
            .header("Cookie", "a=1; b=2").header("X-Custom", "v1").header("x-custom", "v2")
            .body("{\"n\":1}").sourceIp("192.0.2.9").build());
    JsonNode event = event(response);
    assertThat(event.path("version").asText()).isEqualTo("2.0");
    assertThat(event.path("rawPath").asText()).isEqualTo("/items/café");
    assertThat(event.path("rawQueryString").asText()).isEqualTo("q=a%20b&q=c");
    assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("a b,c");
    assertThat(event.path("cookies")).hasSize(2);
    assertThat(event.path("headers").path("x-custom").asText()).isEqualTo("v1,v2");
    assertThat(event.path("headers").has("cookie")).isFalse();
    assertThat(event.path("body").asText()).isEqualTo("{\"n\":1}");
    assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(event.path("pathParameters").path("name").asText()).isEqualTo("café");
    JsonNode context = event.path("requestContext");
    // Issue 18, item 10: the API's configured name, never the client's Host header.
    assertThat(context.path("domainName").asText()).isEqualTo("api.example.com");
    assertThat(context.path("domainPrefix").asText()).isEqualTo("api");
    assertThat(context.path("apiId").asText()).isEqualTo("a1b2c3d4e5");
    assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("192.0.2.9");
    assertThat(context.path("requestId").asText()).isEqualTo(response.header("apigw-requestid").orElseThrow());
    assertThat(context.path("time").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
  }

  @Test
  @DisplayName("facts §2, D15: x-forwarded-for/port/proto describe the client's connection; a trace id is added")
  void forwardingHeaders() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /", echo())));
    JsonNode headers =
        event(call(gateway, GatewayRequest.builder().target("/").header("X-Forwarded-For", "203.0.113.7")
            .header("X-Forwarded-Proto", "gopher").sourceIp("192.0.2.1").scheme("http").port(8080).build()))
            .path("headers");
    assertThat(headers.path("x-forwarded-for").asText()).isEqualTo("203.0.113.7, 192.0.2.1");
    assertThat(headers.path("x-forwarded-port").asText()).isEqualTo("8080");
    assertThat(headers.path("x-forwarded-proto").asText()).isEqualTo("http");
    assertThat(headers.path("x-amzn-trace-id").asText()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
  }

  @Test
  @DisplayName("facts §2: v1.0 event — resource is the route template, multi-value maps, D14 last value")
  void eventV1() {
    Gateway gateway =
        gateway(HttpApi.builder().route(Route.builder("GET /items/{proxy+}", echo())
            .payloadFormat(PayloadFormat.V1_0).build()));
    JsonNode event = event(get(gateway, "/items/a/b?x=1&x=2"));
    assertThat(event.path("version").asText()).isEqualTo("1.0");
    assertThat(event.path("resource").asText()).isEqualTo("/items/{proxy+}");
    assertThat(event.path("path").asText()).isEqualTo("/items/a/b");
    assertThat(event.path("queryStringParameters").path("x").asText()).isEqualTo("2");
    assertThat(event.path("multiValueQueryStringParameters").path("x")).hasSize(2);
    assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("a/b");
  }

  @Test
  @DisplayName("facts §3: 2.0 inference — JSON without statusCode is a 200 application/json body")
  void inference() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /", answering("{\"hello\":\"world\"}"))));
    GatewayResponse response = get(gateway, "/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("content-type")).contains("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"hello\":\"world\"}");
    Gateway text = gateway(HttpApi.builder().route(Route.of("GET /", answering("\"Hello\""))));
    assertThat(get(text, "/").bodyText()).isEqualTo("Hello");
  }

  @Test
  @DisplayName("facts §3: 2.0 cookies become set-cookie headers; base64 bodies are decoded")
  void responseCookiesAndBase64() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /", answering(
        "{\"statusCode\":201,\"cookies\":[\"a=1\",\"b=2; Path=/\"],\"isBase64Encoded\":true,\"body\":\"AAEC\"}"))));
    GatewayResponse response = get(gateway, "/");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().get("set-cookie")).containsExactly("a=1", "b=2; Path=/");
    assertThat(response.body()).containsExactly(0, 1, 2);
  }

  @Test
  @DisplayName("facts §3: a function that throws → 500 {\"message\":\"Internal Server Error\"}")
  void functionThrows() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /", LambdaIntegration.of("boom", (e, c) -> {
      throw new IllegalStateException("boom");
    }))));
    assertAwsError(get(gateway, "/"), 500, "Internal Server Error");
  }

  @Test
  @DisplayName("facts §3: a malformed function response → 500")
  void malformedResponse() {
    for (String garbage : List.of("not json", "{\"statusCode\":\"abc\"}", "{\"statusCode\":200,\"body\":5}", "")) {
      Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /", answering(garbage))));
      assertAwsError(get(gateway, "/"), 500, "Internal Server Error");
    }
  }

  @Test
  @DisplayName("D11: a body of exactly 10 MB is accepted; one byte more → 413 Request Entity Too Large")
  void bodyLimit() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("POST /", answering("{\"statusCode\":204}"))));
    byte[] exact = new byte[GatewayLimits.DEFAULT_MAX_BODY_BYTES];
    assertThat(call(gateway, GatewayRequest.builder().method("POST").target("/").body(exact).build()).statusCode())
        .isEqualTo(204);
    byte[] over = new byte[GatewayLimits.DEFAULT_MAX_BODY_BYTES + 1];
    assertAwsError(call(gateway, GatewayRequest.builder().method("POST").target("/").body(over).build()), 413,
        "Request Entity Too Large");
  }

  @Test
  @DisplayName("D11, facts §6: request line + headers over 10,240 bytes → 431; exactly 10,240 passes")
  void headerLimit() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /", answering("{\"statusCode\":204}"))));
    // "GET / HTTP/1.1\r\n" is 16 bytes; "x: " + value + "\r\n" is 5 + value bytes.
    String exact = "v".repeat(10_240 - 16 - 5);
    assertThat(call(gateway, GatewayRequest.builder().target("/").header("x", exact).build()).statusCode())
        .isEqualTo(204);
    assertAwsError(call(gateway, GatewayRequest.builder().target("/").header("x", exact + "v").build()), 431,
        "Request Header Fields Too Large");
  }

  @Test
  @DisplayName("facts §5, D6: CORS preflight is answered 204 without an OPTIONS route")
  void preflightWithoutOptionsRoute() {
    Gateway gateway =
        gateway(HttpApi.builder().route(Route.of("GET /pets", echo()))
            .cors(CorsConfiguration.builder().allowOrigins("https://www.example.com").allowMethods("GET", "POST")
                .allowHeaders("authorization").maxAge(600).build()));
    GatewayResponse response =
        call(gateway, GatewayRequest.builder().method("OPTIONS").target("/pets")
            .header("Origin", "https://www.example.com").header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "Authorization").build());
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("access-control-allow-origin")).contains("https://www.example.com");
    assertThat(response.header("access-control-max-age")).contains("600");
    assertThat(response.header("apigw-requestid")).isPresent();
    GatewayResponse refused =
        call(gateway, GatewayRequest.builder().method("OPTIONS").target("/anything")
            .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").build());
    assertThat(refused.statusCode()).isEqualTo(204);
    assertThat(refused.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
  }

  @Test
  @DisplayName("facts §5: without CORS configuration, OPTIONS goes to the OPTIONS route")
  void optionsRouteWithoutCors() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("OPTIONS /{proxy+}", answering("{\"statusCode\":299}"))));
    GatewayResponse response =
        call(gateway, GatewayRequest.builder().method("OPTIONS").target("/pets")
            .header("Origin", "https://www.example.com").header("Access-Control-Request-Method", "GET").build());
    assertThat(response.statusCode()).isEqualTo(299);
  }

  @Test
  @DisplayName("facts §5: the gateway's CORS headers replace the backend's")
  void corsOverridesBackend() {
    Gateway gateway =
        gateway(HttpApi.builder()
            .route(Route.of("GET /", answering("{\"statusCode\":200,\"headers\":{"
                + "\"access-control-allow-origin\":\"*\",\"access-control-expose-headers\":\"x-secret\","
                + "\"x-kept\":\"yes\"},\"body\":\"ok\"}")))
            .cors(CorsConfiguration.builder().allowOrigins("https://app.example.com").exposeHeaders("x-api-id").build()));
    GatewayResponse response =
        call(gateway, GatewayRequest.builder().target("/").header("Origin", "https://app.example.com").build());
    assertThat(response.header("access-control-allow-origin")).contains("https://app.example.com");
    assertThat(response.header("access-control-expose-headers")).contains("x-api-id");
    assertThat(response.header("x-kept")).contains("yes");
    GatewayResponse noOrigin = get(gateway, "/");
    assertThat(noOrigin.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
  }

  @Test
  @DisplayName("apigw-requestid on every answer, unique per request, equal to the event's requestId")
  void requestIds() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("GET /", echo())));
    GatewayResponse first = get(gateway, "/");
    GatewayResponse second = get(gateway, "/");
    assertThat(first.header("apigw-requestid")).isNotEqualTo(second.header("apigw-requestid"));
    assertThat(event(first).path("requestContext").path("requestId").asText())
        .isEqualTo(first.header("apigw-requestid").orElseThrow());
  }

  @Test
  @DisplayName("facts §2: a binary body arrives base64-encoded with isBase64Encoded true")
  void binaryBody() {
    Gateway gateway = gateway(HttpApi.builder().route(Route.of("POST /", echo())));
    JsonNode event = event(call(gateway, GatewayRequest.builder().method("POST").target("/")
        .header("content-type", "application/octet-stream").body(new byte[] {(byte) 0xFF, 0, 1}).build()));
    assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(event.path("body").asText()).isEqualTo("/wAB");
  }
}
