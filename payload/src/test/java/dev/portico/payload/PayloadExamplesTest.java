package dev.portico.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise.
 */
class PayloadExamplesTest {

  @Test
  void packageExample() {
    ProxyRequest request = ProxyRequest.builder()
        .method("GET").path("/pets/7").rawQueryString("fields=name&fields=age")
        .header("Accept", "application/json")
        .sourceIp("192.0.2.1").requestId("JFwPVhMQIAMEVZA=").time(Instant.parse("2020-03-12T19:03:58.390Z"))
        .apiId("a1b2c3d4e5").accountId("123456789012").domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
        .routeKey("GET /pets/{id}").pathParameter("id", "7")
        .build();

    byte[] event = ProxyEvents.encode(request, PayloadFormat.V2_0);
    // {"version":"2.0","routeKey":"GET /pets/{id}","rawPath":"/pets/7","rawQueryString":"fields=name&fields=age",
    //  "headers":{"accept":"application/json"},"queryStringParameters":{"fields":"name,age"}, ...}

    ProxyResponse response = ProxyResponses.decode(
        "{\"statusCode\":200,\"body\":\"{\\\"name\\\":\\\"Rex\\\"}\"}".getBytes(UTF_8), PayloadFormat.V2_0);
    response.statusCode();   // 200
    response.bodyText();     // {"name":"Rex"}

    JsonNode tree = Json.tree(event);
    assertThat(tree.get("version").asText()).isEqualTo("2.0");
    assertThat(tree.get("routeKey").asText()).isEqualTo("GET /pets/{id}");
    assertThat(tree.get("rawPath").asText()).isEqualTo("/pets/7");
    assertThat(tree.get("rawQueryString").asText()).isEqualTo("fields=name&fields=age");
    assertThat(tree.at("/headers/accept").asText()).isEqualTo("application/json");
    assertThat(tree.at("/queryStringParameters/fields").asText()).isEqualTo("name,age");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"name\":\"Rex\"}");
  }

  @Test
  void proxyResponsesExample() {
    ProxyResponse ok = ProxyResponses.decode("{\"hello\":\"world\"}".getBytes(UTF_8), PayloadFormat.V2_0);
    ok.statusCode();   // 200, inferred
    ok.bodyText();     // {"hello":"world"}

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyText()).isEqualTo("{\"hello\":\"world\"}");
  }

  @Test
  void authorizerContextExample() {
    AuthorizerContext none = AuthorizerContext.none();
    AuthorizerContext jwt = AuthorizerContext.jwt(Map.of("sub", "u1", "exp", 1787996002L), List.of("pets/read"));
    AuthorizerContext lambda = AuthorizerContext.lambda(Map.of("tenant", "t1", "tier", 3));
    AuthorizerContext iam = AuthorizerContext.iam().accessKey("AKIA...").userArn("arn:aws:iam::1:user/a").build();

    assertThat(none).isInstanceOf(AuthorizerContext.None.class);
    assertThat(jwt).isInstanceOfSatisfying(AuthorizerContext.Jwt.class,
        j -> assertThat(j.scopes()).contains(List.of("pets/read")));
    assertThat(lambda).isInstanceOfSatisfying(AuthorizerContext.Lambda.class,
        l -> assertThat(l.context()).containsEntry("tier", 3));
    assertThat(iam).isInstanceOfSatisfying(AuthorizerContext.Iam.class,
        i -> assertThat(i.userArn()).contains("arn:aws:iam::1:user/a"));
  }

  @Test
  void authorizerContextIamBuilderExample() {
    AuthorizerContext.iam().accessKey("AKIAEXAMPLE").accountId("123456789012")
        .userArn("arn:aws:iam::123456789012:user/alice").userId("AIDAEXAMPLE").build();

    AuthorizerContext.Iam iam = AuthorizerContext.iam().accessKey("AKIAEXAMPLE").accountId("123456789012")
        .userArn("arn:aws:iam::123456789012:user/alice").userId("AIDAEXAMPLE").build();
    assertThat(iam.accountId()).contains("123456789012");
    assertThat(iam.userId()).contains("AIDAEXAMPLE");
  }

  @Test
  void boundedBodyExample() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] keys = "{\"keys\":[]}".getBytes(UTF_8);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(200, keys.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(keys);
      }
    });
    server.start();
    HttpClient client = HttpClient.newHttpClient();
    try {
      HttpRequest request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks")).build();

      HttpResponse<byte[]> response = client.send(request,
          BoundedBody.handler(150_000, (size, declared) -> new IOException("JWKS of " + size + " bytes")));

      assertThat(response.body()).isEqualTo(keys);
      assertThatThrownBy(() -> client.send(request,
          BoundedBody.handler(5, (size, declared) -> new IOException("JWKS of " + size + " bytes"))))
          .isInstanceOf(IOException.class).hasMessageContaining("JWKS of " + keys.length + " bytes");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void clientCertificateExample() {
    ClientCertificate cert = new ClientCertificate("-----BEGIN CERTIFICATE-----\n...",
        "C=US,O=Example,CN=client", "C=US,O=Example,CN=Example CA", "1",
        "Aug 29 00:28:21 2020 GMT", "Aug  5 00:28:21 2120 GMT");

    assertThat(cert.subjectDN()).isEqualTo("C=US,O=Example,CN=client");
    assertThat(cert.notAfter()).isEqualTo("Aug  5 00:28:21 2120 GMT");
  }

  @Test
  void httpSyntaxExample() {
    HttpSyntax.isToken("GET");                        // true
    HttpSyntax.isToken("x y");                        // false
    String name = HttpSyntax.checkHeader("X-Id", "7"); // "x-id"

    assertThat(HttpSyntax.isToken("GET")).isTrue();
    assertThat(HttpSyntax.isToken("x y")).isFalse();
    assertThat(name).isEqualTo("x-id");
  }

  @Test
  void httpSyntaxHopByHopExample() {
    Set<String> drop = HttpSyntax.hopByHop(Map.of("connection", List.of("close, x-trace"), "x-trace", List.of("1")));
    // [connection, keep-alive, ..., upgrade, close, x-trace]

    assertThat(drop).contains("connection", "keep-alive", "upgrade", "close", "x-trace");
  }

  @Test
  void logTextExample() {
    LogText.escape("curl\r\n200 GET /admin");   // curl\r\n200 GET /admin, on one line

    assertThat(LogText.escape("curl\r\n200 GET /admin")).isEqualTo("curl\\r\\n200 GET /admin");
  }

  @Test
  void malformedResponseExceptionExample() {
    assertThatThrownBy(() -> {
      ProxyResponses.decode("{\"statusCode\":\"200\"}".getBytes(UTF_8), PayloadFormat.V1_0);
      // MalformedResponseException: statusCode must be an integer, but is a string
    }).isInstanceOf(MalformedResponseException.class).hasMessage("statusCode must be an integer, but is a string");
  }

  @Test
  void payloadFormatExample() {
    PayloadFormat format = PayloadFormat.parse("2.0");   // V2_0
    format.version();                                    // "2.0"

    assertThat(format).isEqualTo(PayloadFormat.V2_0);
    assertThat(format.version()).isEqualTo("2.0");
  }

  @Test
  void payloadLimitsExample() throws IOException {
    InputStream in = new ByteArrayInputStream("{\"name\":\"Rex\"}".getBytes(UTF_8));
    byte[] functionOutput = "{\"statusCode\":201}".getBytes(UTF_8);

    PayloadLimits limits = PayloadLimits.builder().maxRequestBodyBytes(1 << 20).build();
    byte[] body = limits.readRequestBody(in);   // a servlet request's input stream, say; throws past 1 MiB
    ProxyResponse response = ProxyResponses.decode(functionOutput, PayloadFormat.V2_0, limits);

    assertThat(body).asString(UTF_8).isEqualTo("{\"name\":\"Rex\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThatThrownBy(() -> limits.readRequestBody(new ByteArrayInputStream(new byte[(1 << 20) + 1])))
        .isInstanceOf(PayloadTooLargeException.class);
  }

  @Test
  void payloadLimitsBuilderExample() {
    PayloadLimits.builder().maxResponseBytes(6 * 1024 * 1024).build();

    assertThat(PayloadLimits.builder().maxResponseBytes(6 * 1024 * 1024).build().maxResponseBytes())
        .isEqualTo(6 * 1024 * 1024);
  }

  @Test
  void payloadTooLargeExceptionExample() {
    InputStream hugeStream = new ByteArrayInputStream(new byte[4096]);

    assertThatThrownBy(() -> {
      PayloadLimits limits = PayloadLimits.builder().maxRequestBodyBytes(1024).build();
      limits.readRequestBody(hugeStream);
      // PayloadTooLargeException: request body is larger than 1024 bytes (PayloadLimits.maxRequestBodyBytes)
    }).isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("request body is larger than 1024 bytes (PayloadLimits.maxRequestBodyBytes)");
  }

  @Test
  void proxyEventsExample() throws IOException {
    ProxyRequest request = pet();
    ByteArrayOutputStream socketOutput = new ByteArrayOutputStream();

    byte[] v2 = ProxyEvents.encode(request, PayloadFormat.V2_0);
    ProxyEvents.encode(request, PayloadFormat.V1_0, socketOutput);   // no intermediate array

    assertThat(Json.tree(v2).get("version").asText()).isEqualTo("2.0");
    assertThat(socketOutput.toByteArray()).isEqualTo(ProxyEvents.encode(request, PayloadFormat.V1_0));
  }

  @Test
  void proxyRequestExample() {
    Clock clock = Clock.fixed(Instant.parse("2020-03-12T19:03:58.390Z"), ZoneOffset.UTC);

    ProxyRequest request = ProxyRequest.builder()
        .method("POST").path("/pets/7").rawQueryString("expand=owner")
        .header("Content-Type", "application/json").header("Cookie", "session=abc")
        .body("{\"name\":\"Rex\"}")
        .sourceIp("192.0.2.1").requestId("JFwPVhMQIAMEVZA=").time(clock.instant())
        .apiId("a1b2c3d4e5").accountId("123456789012").domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
        .routeKey("POST /pets/{id}").pathParameter("id", "7")
        .build();
    byte[] event = ProxyEvents.encode(request, PayloadFormat.V2_0);

    JsonNode tree = Json.tree(event);
    assertThat(tree.at("/cookies/0").asText()).isEqualTo("session=abc");
    assertThat(tree.at("/headers/content-type").asText()).isEqualTo("application/json");
    assertThat(tree.at("/pathParameters/id").asText()).isEqualTo("7");
    assertThat(tree.at("/requestContext/timeEpoch").asLong()).isEqualTo(clock.millis());
  }

  @Test
  void proxyRequestWithAuthorizerExample() {
    ProxyRequest request = pet();
    Map<String, Object> claims = Map.of("sub", "u1");

    ProxyRequest allowed = request.withAuthorizer(AuthorizerContext.jwt(claims));

    assertThat(allowed.authorizer()).isEqualTo(AuthorizerContext.jwt(claims));
    assertThat(request.authorizer()).isEqualTo(AuthorizerContext.none());
    assertThat(Json.tree(ProxyEvents.encode(allowed, PayloadFormat.V2_0))
        .at("/requestContext/authorizer/jwt/claims/sub").asText()).isEqualTo("u1");
  }

  @Test
  void proxyResponseExample() {
    ProxyResponse response = ProxyResponse.builder()
        .statusCode(201)
        .header("Content-Type", "application/json")
        .cookie("session=abc; HttpOnly")
        .body("{\"id\":7}")
        .build();
    response.headers();   // {content-type=[application/json], set-cookie=[session=abc; HttpOnly]}

    assertThat(response.headers()).hasToString("{content-type=[application/json], set-cookie=[session=abc; HttpOnly]}");
  }

  @Test
  void textFormatsExample() {
    TextFormats.requestTime(Instant.parse("2020-03-12T19:03:58Z"));   // 12/Mar/2020:19:03:58 +0000
    TextFormats.claim(new BigDecimal("1.5E+3"));                       // 1500

    assertThat(TextFormats.requestTime(Instant.parse("2020-03-12T19:03:58Z"))).isEqualTo("12/Mar/2020:19:03:58 +0000");
    assertThat(TextFormats.claim(new BigDecimal("1.5E+3"))).isEqualTo("1500");
  }

  private static ProxyRequest pet() {
    return ProxyRequest.builder()
        .method("GET").path("/pets/7").sourceIp("192.0.2.1").requestId("JFwPVhMQIAMEVZA=")
        .time(Instant.parse("2020-03-12T19:03:58.390Z")).apiId("a1b2c3d4e5").accountId("123456789012")
        .domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com").routeKey("GET /pets/{id}")
        .pathParameter("id", "7").build();
  }
}
