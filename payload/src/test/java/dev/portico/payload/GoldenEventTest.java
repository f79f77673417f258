package dev.portico.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encoded events against events written out by hand: the facts examples (AWS's documented examples) and
 * hand-built requests. Trees must be equal and keys must come in the same order.
 */
class GoldenEventTest {

  /**
   * Where Portico's output differs from AWS's documented examples on purpose. Each entry replaces the value at a
   * pointer of the expected document before comparing, and says why.
   */
  record Deviation(String file, String pointer, String replacement, String reason) {}

  static final List<Deviation> KNOWN_DEVIATIONS = List.of(
      new Deviation("facts-v2-example.json", "/requestContext/time", "\"04/Mar/2020:19:03:58 +0000\"",
          "the DOC example's time (12 Mar) and timeEpoch (1583348638390 = 4 Mar 19:03:58.390) disagree; "
              + "Portico derives both from one instant"),
      new Deviation("facts-v2-example.json", "/body", "\"SGVsbG8gZnJvbSBMYW1iZGE=\"",
          "the DOC example has no content-type header, which facts §2 (verified on AWS) sends as base64"),
      new Deviation("facts-v2-example.json", "/isBase64Encoded", "true", "as /body"),
      new Deviation("facts-v1-example.json", "/body", "\"SGVsbG8gZnJvbSBMYW1iZGEh\"",
          "the DOC example has no content-type header, which facts §2 (verified on AWS) sends as base64"),
      new Deviation("facts-v1-example.json", "/isBase64Encoded", "true", "as /body"),
      new Deviation("facts-v1-example.json", "/queryStringParameters/parameter1", "\"value2\"",
          "decision D14: the single-value map holds the last value (the DOC example shows the first for the "
              + "query but the last for headers)"),
      new Deviation("facts-v1-example.json", "/requestContext/extendedRequestId", "\"id=\"",
          "HTTP APIs document $context.extendedRequestId as equal to $context.requestId; the DOC example's "
              + "placeholders differ"),
      new Deviation("facts-v1-example.json", "/requestContext/identity/clientCert", "null",
          "without mutual TLS there is no certificate; the DOC example abbreviates one to {}"));

  static Stream<Arguments> goldens() {
    return Stream.of(
        Arguments.of("facts-v2-example.json", PayloadFormat.V2_0, factsV2Example()),
        Arguments.of("facts-v1-example.json", PayloadFormat.V1_0, factsV1Example()),
        Arguments.of("v2-named-stage-binary-lambda-authorizer.json", PayloadFormat.V2_0, namedStageBinary()),
        Arguments.of("v1-jwt-repeated-values.json", PayloadFormat.V1_0, jwtRepeatedValues()),
        Arguments.of("v2-jwt-scopes-client-cert-text-body.json", PayloadFormat.V2_0, jwtScopesClientCert()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void encodedEventEqualsTheGolden(String file, PayloadFormat format, ProxyRequest request) {
    JsonNode expected = Json.tree(Json.resource("golden/" + file));
    List<String> expectedOrder = Json.fieldOrder(expected);
    for (Deviation deviation : KNOWN_DEVIATIONS) {
      if (deviation.file().equals(file)) {
        assertThat(expected.at(deviation.pointer()).isMissingNode())
            .as("deviation %s must point at an existing member", deviation.pointer()).isFalse();
        Json.replace(expected, deviation.pointer(), Json.tree(deviation.replacement()));
      }
    }

    JsonNode actual = Json.tree(ProxyEvents.encode(request, format));

    assertThat(actual).isEqualTo(expected);
    assertThat(Json.fieldOrder(actual)).as("keys in AWS's order").isEqualTo(expectedOrder);
  }

  /** facts §2, 2.0 example [DOC]. */
  static ProxyRequest factsV2Example() {
    return ProxyRequest.builder()
        .method("POST").path("/my/path")
        .rawQueryString("parameter1=value1&parameter1=value2&parameter2=value")
        .header("Cookie", "cookie1; cookie2")
        .header("Header1", "value1").header("Header2", "value1").header("Header2", "value2")
        .body("Hello from Lambda")
        .sourceIp("192.0.2.1").userAgent("agent").requestId("id")
        .time(Instant.ofEpochMilli(1583348638390L))
        .accountId("123456789012").apiId("api-id").domainName("id.execute-api.us-east-1.amazonaws.com")
        .authorizer(AuthorizerContext.jwt(Map.of("claim1", "value1"), List.of("scope1")))
        .pathParameter("parameter1", "value1")
        .stageVariables(Map.of("stageVariable1", "value1"))
        .build();
  }

  /** facts §2, 1.0 example [DOC]. */
  static ProxyRequest factsV1Example() {
    return ProxyRequest.builder()
        .method("GET").path("/my/path").routeKey("GET /my/path")
        .rawQueryString("parameter1=value1&parameter1=value2&parameter2=value")
        .header("Header1", "value1").header("Header2", "value1").header("Header2", "value2")
        .body("Hello from Lambda!")
        .sourceIp("192.0.2.1").userAgent("user-agent").requestId("id=")
        .time(Instant.ofEpochMilli(1583349317135L))
        .accountId("123456789012").apiId("id").domainName("id.execute-api.us-east-1.amazonaws.com")
        .build();
  }

  /** Named stage prefix kept in the path (facts §2), binary body, repeated header, Lambda authorizer context. */
  static ProxyRequest namedStageBinary() {
    return ProxyRequest.builder()
        .method("PUT").path("/prod/files/a b.png").routeKey("PUT /files/{name}").stage("prod")
        .header("Host", "api.example.com").header("Content-Type", "image/png")
        .header("X-Tag", "one").header("x-tag", "two").header("User-Agent", "curl/8.5.0")
        .body(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
        .sourceIp("203.0.113.9").requestId("abc123=").time(Instant.parse("2024-02-29T23:59:59.007Z"))
        .accountId("123456789012").apiId("a1b2c3d4e5").domainName("api.example.com")
        .pathParameter("name", "a b.png")
        .stageVariables(Map.of("bucket", "uploads"))
        .authorizer(AuthorizerContext.lambda(orderedContext()))
        .build();
  }

  private static Map<String, Object> orderedContext() {
    Map<String, Object> context = new java.util.LinkedHashMap<>();
    context.put("tenant", "t1");
    context.put("tier", 3);
    context.put("beta", true);
    context.put("roles", List.of("admin", "ops"));
    context.put("limits", Map.of("rps", 10));
    return context;
  }

  /** 1.0 last-value maps (D14), decoded query values with '+' as space, flattened JWT claims, scopes null. */
  static ProxyRequest jwtRepeatedValues() {
    Map<String, Object> claims = new java.util.LinkedHashMap<>();
    claims.put("sub", "u1");
    claims.put("exp", 1787996002L);
    claims.put("aud", List.of("app", "api"));
    claims.put("email_verified", true);
    claims.put("score", 1.50);
    return ProxyRequest.builder()
        .method("GET").path("/pets").routeKey("GET /pets")
        .rawQueryString("tag=a%20b&tag=c+d&limit=10&empty=&flag")
        .header("Cookie", "s=1; t=2")
        .header("Accept", "text/html").header("Accept", "application/json")
        .header("X-Forwarded-For", "198.51.100.1")
        .sourceIp("198.51.100.1").requestId("id=").time(Instant.ofEpochMilli(1583349317135L))
        .accountId("123456789012").apiId("id").domainName("id.execute-api.us-east-1.amazonaws.com")
        .authorizer(AuthorizerContext.jwt(claims))
        .build();
  }

  /** D9 (+json is text), cookies from two headers, decoded query, scopes present, mutual TLS certificate. */
  static ProxyRequest jwtScopesClientCert() {
    Map<String, Object> claims = new java.util.LinkedHashMap<>();
    claims.put("sub", "u2");
    claims.put("scope", "pets/read pets/write");
    return ProxyRequest.builder()
        .method("POST").path("/problems").routeKey("POST /problems").protocol("HTTP/2.0")
        .rawQueryString("q=%E2%9C%93&q=x")
        .header("Content-Type", "application/problem+json; charset=utf-8")
        .header("Cookie", "a=1").header("Cookie", "b=2; c=3")
        .header("Authorization", "Bearer x")
        .body("{\"detail\":\"h\u00e9llo \u2713\"}")
        .sourceIp("2001:db8::1").requestId("r-1").time(Instant.parse("2021-12-31T00:00:00Z"))
        .accountId("123456789012").apiId("a1b2c3d4e5")
        .domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
        .clientCertificate(new ClientCertificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
            "C=US,O=Example,CN=client", "C=US,O=Example,CN=CA", "1",
            "Aug 29 00:28:21 2020 GMT", "Aug  5 00:28:21 2120 GMT"))
        .authorizer(AuthorizerContext.jwt(claims, List.of("pets/read")))
        .build();
  }
}
