package dev.portico.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per AWS fact or Portico decision about payloads (facts §2, §3, section 8), each naming what it checks.
 */
class PayloadConformanceTest {
  private static final PayloadFormat V1 = PayloadFormat.V1_0;
  private static final PayloadFormat V2 = PayloadFormat.V2_0;
  private static final String MISSING = "<missing>";

  /** An event row: the request (a base request changed by {@code request}) has {@code expected} at pointer. */
  record EventRow(String fact, PayloadFormat format, UnaryOperator<ProxyRequest.Builder> request,
      String pointer, String expected) {
    @Override
    public String toString() {
      return fact + " [" + format.version() + " " + pointer + "]";
    }
  }

  /** A response row: decoding {@code json} gives status/header/body, or fails with a message holding error. */
  record ResponseRow(String fact, PayloadFormat format, String json, Integer status, String header,
      String headerValues, String body, String error) {
    @Override
    public String toString() {
      return fact + " [" + format.version() + " " + json + "]";
    }
  }

  static ProxyRequest.Builder base() {
    return ProxyRequest.builder().method("GET").path("/pets").routeKey("GET /pets")
        .sourceIp("192.0.2.1").requestId("req-1").time(Instant.parse("2020-03-12T19:03:58.390Z"))
        .apiId("id").accountId("123456789012").domainName("id.execute-api.us-east-1.amazonaws.com");
  }

  static EventRow event(String fact, PayloadFormat format, UnaryOperator<ProxyRequest.Builder> request,
      String pointer, String expected) {
    return new EventRow(fact, format, request, pointer, expected);
  }

  static UnaryOperator<ProxyRequest.Builder> contentType(String type) {
    return b -> b.method("POST").header("content-type", type).body("x");
  }

  static Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "u1");
    claims.put("exp", 1787996002L);
    claims.put("groups", List.of("a", "b", "c"));
    claims.put("admin", true);
    return claims;
  }

  static Stream<EventRow> eventRows() {
    UnaryOperator<ProxyRequest.Builder> none = b -> b;
    UnaryOperator<ProxyRequest.Builder> repeated = b -> b.header("X-A", "1").header("x-a", "2")
        .rawQueryString("q=1&q=2");
    UnaryOperator<ProxyRequest.Builder> cookies = b -> b.header("Cookie", "a=1; b=2").header("cookie", "c=3");
    UnaryOperator<ProxyRequest.Builder> jwtNoScopes = b -> b.authorizer(AuthorizerContext.jwt(claims()));
    return Stream.of(
        event("facts §2 version 2.0", V2, none, "/version", "\"2.0\""),
        event("facts §2 version 1.0", V1, none, "/version", "\"1.0\""),
        event("facts §2 header names are lowercased", V2, b -> b.header("X-Custom", "v"), "/headers/x-custom",
            "\"v\""),
        event("facts §2 header names are lowercased", V1, b -> b.header("X-Custom", "v"),
            "/multiValueHeaders/x-custom", "[\"v\"]"),
        event("facts §2 2.0 duplicate headers are comma-joined", V2, repeated, "/headers/x-a", "\"1,2\""),
        event("facts §2 2.0 duplicate query keys are comma-joined", V2, repeated, "/queryStringParameters/q",
            "\"1,2\""),
        event("decision D14 1.0 headers holds the last value", V1, repeated, "/headers/x-a", "\"2\""),
        event("decision D14 1.0 multiValueHeaders holds all values", V1, repeated, "/multiValueHeaders/x-a",
            "[\"1\",\"2\"]"),
        event("decision D14 1.0 queryStringParameters holds the last value", V1, repeated,
            "/queryStringParameters/q", "\"2\""),
        event("decision D14 1.0 multiValueQueryStringParameters holds all values", V1, repeated,
            "/multiValueQueryStringParameters/q", "[\"1\",\"2\"]"),
        event("facts §2 2.0 cookies: one element per pair", V2, cookies, "/cookies", "[\"a=1\",\"b=2\",\"c=3\"]"),
        event("facts §2 2.0 no cookie key in headers", V2, cookies, "/headers/cookie", MISSING),
        event("facts §2 1.0 keeps the cookie header", V1, cookies, "/multiValueHeaders/cookie",
            "[\"a=1; b=2\",\"c=3\"]"),
        event("decision D15 2.0 cookies absent when there are none", V2, none, "/cookies", MISSING),
        event("decision D15 2.0 rawQueryString is empty without a query", V2, none, "/rawQueryString", "\"\""),
        event("facts §2 2.0 omits queryStringParameters when absent", V2, none, "/queryStringParameters",
            MISSING),
        event("facts §2 2.0 omits pathParameters when absent", V2, none, "/pathParameters", MISSING),
        event("facts §2 2.0 omits stageVariables when absent", V2, none, "/stageVariables", MISSING),
        event("facts §2 2.0 omits body when absent", V2, none, "/body", MISSING),
        event("facts §2 2.0 omits the authorizer when there is none", V2, none, "/requestContext/authorizer",
            MISSING),
        event("facts §2 1.0 null pathParameters", V1, none, "/pathParameters", "null"),
        event("facts §2 1.0 null stageVariables", V1, none, "/stageVariables", "null"),
        event("facts §2 1.0 null body", V1, none, "/body", "null"),
        event("facts §2 1.0 null queryStringParameters", V1, none, "/queryStringParameters", "null"),
        event("facts §2 1.0 null multiValueQueryStringParameters", V1, none, "/multiValueQueryStringParameters",
            "null"),
        event("facts §2 1.0 authorizer without one: claims and scopes null", V1, none, "/requestContext/authorizer",
            "{\"claims\":null,\"scopes\":null}"),
        event("facts §2 1.0 resourceId null", V1, none, "/requestContext/resourceId", "null"),
        event("facts §2 rawQueryString stays encoded", V2, b -> b.rawQueryString("q=a%20b%26c"), "/rawQueryString",
            "\"q=a%20b%26c\""),
        event("facts §2 query parameter values are decoded", V2, b -> b.rawQueryString("q=a%20b%26c"),
            "/queryStringParameters/q", "\"a b&c\""),
        event("choice P4 '+' in a query value is a space (aws/aws-cdk#19827)", V2, b -> b.rawQueryString("q=a+b"),
            "/queryStringParameters/q", "\"a b\""),
        event("choice P4 a malformed escape is kept as sent", V2, b -> b.rawQueryString("q=100%"),
            "/queryStringParameters/q", "\"100%\""),
        event("facts §2 named stage prefix stays in rawPath", V2, b -> b.path("/default/pets").stage("default"),
            "/rawPath", "\"/default/pets\""),
        event("facts §2 named stage prefix stays in http.path", V2, b -> b.path("/default/pets").stage("default"),
            "/requestContext/http/path", "\"/default/pets\""),
        event("facts §2 stage name", V2, b -> b.path("/default/pets").stage("default"), "/requestContext/stage",
            "\"default\""),
        event("facts §2 time is dd/MMM/yyyy:HH:mm:ss +0000", V2, none, "/requestContext/time",
            "\"12/Mar/2020:19:03:58 +0000\""),
        event("facts §2 time pads the day, English month, UTC", V2,
            b -> b.time(Instant.parse("2021-01-05T01:02:03.999Z")), "/requestContext/time",
            "\"05/Jan/2021:01:02:03 +0000\""),
        event("facts §2 timeEpoch in milliseconds", V2, none, "/requestContext/timeEpoch", "1584039838390"),
        event("facts §2 1.0 requestTime", V1, none, "/requestContext/requestTime", "\"12/Mar/2020:19:03:58 +0000\""),
        event("facts §2 1.0 requestTimeEpoch in milliseconds", V1, none, "/requestContext/requestTimeEpoch",
            "1584039838390"),
        event("facts §2 sourceIp is the TCP peer", V2, none, "/requestContext/http/sourceIp", "\"192.0.2.1\""),
        event("facts §2 1.0 identity.sourceIp is the TCP peer", V1, none, "/requestContext/identity/sourceIp",
            "\"192.0.2.1\""),
        event("facts §2 1.0 resource is the route's path template", V1, b -> b.routeKey("ANY /items/{proxy+}")
            .path("/items/a/b"), "/resource", "\"/items/{proxy+}\""),
        event("facts §2 1.0 resourcePath is the route's path template", V1, b -> b.routeKey("ANY /items/{proxy+}")
            .path("/items/a/b"), "/requestContext/resourcePath", "\"/items/{proxy+}\""),
        event("facts §2 domainPrefix is the first label", V2, none, "/requestContext/domainPrefix", "\"id\""),
        event("facts §2 1.0 extendedRequestId equals requestId (HTTP API context variables)", V1, none,
            "/requestContext/extendedRequestId", "\"req-1\""),
        event("facts §2 text/* is text", V2, contentType("text/csv"), "/isBase64Encoded", "false"),
        event("facts §2 text/* is text, any case, with parameters", V2, contentType("Text/HTML; charset=UTF-8"),
            "/isBase64Encoded", "false"),
        event("facts §2 application/json is text", V2, contentType("application/json"), "/body", "\"x\""),
        event("facts §2 application/xml is text", V2, contentType("application/xml"), "/isBase64Encoded", "false"),
        event("facts §2 application/javascript is text", V2, contentType("application/javascript"),
            "/isBase64Encoded", "false"),
        event("decision D9 +json is text", V2, contentType("application/problem+json"), "/isBase64Encoded",
            "false"),
        event("decision D9 +xml is text", V2, contentType("image/svg+xml"), "/isBase64Encoded", "false"),
        event("facts §2 form-urlencoded is base64", V2, contentType("application/x-www-form-urlencoded"),
            "/isBase64Encoded", "true"),
        event("facts §2 form-urlencoded is base64", V2, contentType("application/x-www-form-urlencoded"),
            "/body", "\"eA==\""),
        event("facts §2 a missing content type is base64", V2, b -> b.method("POST").body("x"), "/isBase64Encoded",
            "true"),
        event("facts §2 octet-stream is base64", V1, contentType("application/octet-stream"), "/isBase64Encoded",
            "true"),
        event("facts §2 a json-like name without + is not text", V2, contentType("application/jsonx"),
            "/isBase64Encoded", "true"),
        event("facts §2 JWT claims are strings", V2, jwtNoScopes, "/requestContext/authorizer/jwt/claims/sub",
            "\"u1\""),
        event("facts §2 JWT number claims as decimal text", V2, jwtNoScopes,
            "/requestContext/authorizer/jwt/claims/exp", "\"1787996002\""),
        event("facts §2 JWT array claims as [a b c]", V2, jwtNoScopes,
            "/requestContext/authorizer/jwt/claims/groups", "\"[a b c]\""),
        event("choice P2 JWT boolean claims as true/false", V2, jwtNoScopes,
            "/requestContext/authorizer/jwt/claims/admin", "\"true\""),
        event("facts §2 scopes null on routes without authorization scopes", V2, jwtNoScopes,
            "/requestContext/authorizer/jwt/scopes", "null"),
        event("facts §2 scopes on routes with authorization scopes", V2,
            b -> b.authorizer(AuthorizerContext.jwt(claims(), List.of("pets/read"))),
            "/requestContext/authorizer/jwt/scopes", "[\"pets/read\"]"),
        event("facts §2 1.0 JWT claims flattened too", V1, jwtNoScopes, "/requestContext/authorizer/claims/groups",
            "\"[a b c]\""),
        event("facts §2 2.0 Lambda authorizer context under lambda", V2,
            b -> b.authorizer(AuthorizerContext.lambda(Map.of("n", 1))), "/requestContext/authorizer/lambda",
            "{\"n\":1}"),
        event("choice P3 1.0 Lambda authorizer context at the top of authorizer", V1,
            b -> b.authorizer(AuthorizerContext.lambda(Map.of("n", 1))), "/requestContext/authorizer", "{\"n\":1}"),
        event("facts §2 2.0 IAM identity under iam", V2,
            b -> b.authorizer(AuthorizerContext.iam().userArn("arn:aws:iam::1:user/a").build()),
            "/requestContext/authorizer/iam/userArn", "\"arn:aws:iam::1:user/a\""),
        event("facts §2 1.0 IAM identity in the identity block", V1,
            b -> b.authorizer(AuthorizerContext.iam().userArn("arn:aws:iam::1:user/a").build()),
            "/requestContext/identity/userArn", "\"arn:aws:iam::1:user/a\""),
        event("facts §2 2.0 user agent in http", V2, b -> b.header("User-Agent", "curl/8"),
            "/requestContext/http/userAgent", "\"curl/8\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventRows")
  void event(EventRow row) {
    JsonNode event = Json.tree(ProxyEvents.encode(row.request().apply(base()).build(), row.format()));

    JsonNode at = event.at(row.pointer());
    if (row.expected().equals(MISSING)) {
      assertThat(at.isMissingNode()).as("%s absent in %s", row.pointer(), event).isTrue();
    } else {
      assertThat(at).as("%s in %s", row.pointer(), event).isEqualTo(Json.tree(row.expected()));
    }
  }

  static ResponseRow ok(String fact, PayloadFormat format, String json, int status, String header,
      String headerValues, String body) {
    return new ResponseRow(fact, format, json, status, header, headerValues, body, null);
  }

  static ResponseRow malformed(String fact, PayloadFormat format, String json, String error) {
    return new ResponseRow(fact, format, json, null, null, null, null, error);
  }

  static Stream<ResponseRow> responseRows() {
    return Stream.of(
        ok("facts §3 2.0 inference: JSON without statusCode is a 200 body", V2, "{\"hello\":\"world\"}", 200,
            "content-type", "application/json", "{\"hello\":\"world\"}"),
        ok("facts §3 2.0 inference: a JSON string's text is the body", V2, "\"Hello\"", 200, "content-type",
            "application/json", "Hello"),
        ok("facts §3 2.0 inference: a number", V2, " 42 ", 200, "content-type", "application/json", "42"),
        ok("facts §3 2.0 inference: an array", V2, "[1,{\"a\":2}]", 200, null, null, "[1,{\"a\":2}]"),
        ok("facts §3 2.0 inference: an object with other fields, even ill-typed ones", V2,
            "{\"headers\":[1],\"body\":{}}", 200, "content-type", "application/json", "{\"headers\":[1],\"body\":{}}"),
        ok("choice P7 2.0 statusCode null counts as absent", V2, "{\"statusCode\":null,\"x\":1}", 200, null, null,
            "{\"statusCode\":null,\"x\":1}"),
        ok("facts §3 2.0 statusCode, headers, body", V2,
            "{\"statusCode\":201,\"headers\":{\"X-Id\":\"7\"},\"body\":\"made\"}", 201, "x-id", "7", "made"),
        ok("facts §3 2.0 each cookie becomes a set-cookie header", V2,
            "{\"statusCode\":200,\"cookies\":[\"a=1\",\"b=2; HttpOnly\"]}", 200, "set-cookie", "a=1|b=2; HttpOnly",
            ""),
        ok("facts §3 2.0 cookies follow set-cookie headers", V2,
            "{\"statusCode\":200,\"headers\":{\"set-cookie\":\"h=0\"},\"cookies\":[\"a=1\"]}", 200, "set-cookie",
            "h=0|a=1", ""),
        ok("facts §3 isBase64Encoded true: the body is decoded", V2,
            "{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":true}", 200, null, null, "hi"),
        ok("facts §3 isBase64Encoded true in 1.0 too (no binary media types)", V1,
            "{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":true}", 200, null, null, "hi"),
        ok("choice P8 base64 with line breaks is accepted", V2,
            "{\"statusCode\":200,\"body\":\"aG\\r\\nk=\",\"isBase64Encoded\":true}", 200, null, null, "hi"),
        ok("facts §3 isBase64Encoded false: the body is the text", V2,
            "{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":false}", 200, null, null, "aGk="),
        ok("facts §3 2.0 header values become strings", V2,
            "{\"statusCode\":200,\"headers\":{\"x-n\":5,\"x-b\":true}}", 200, "x-n", "5", ""),
        ok("facts §3 2.0 has no multiValueHeaders: ignored", V2,
            "{\"statusCode\":200,\"multiValueHeaders\":{\"x-m\":[\"1\"]}}", 200, "x-m", null, ""),
        ok("facts §3 1.0 has no cookies: ignored", V1, "{\"statusCode\":200,\"cookies\":[\"a=1\"]}", 200,
            "set-cookie", null, ""),
        ok("decision D10 1.0 multiValueHeaders wins over headers", V1,
            "{\"statusCode\":200,\"headers\":{\"X-A\":\"h\"},\"multiValueHeaders\":{\"x-a\":[\"m1\",\"m2\"]}}", 200,
            "x-a", "m1|m2", ""),
        ok("facts §3 1.0 headers without multiValueHeaders", V1,
            "{\"statusCode\":302,\"headers\":{\"Location\":\"/x\"}}", 302, "location", "/x", ""),
        ok("choice P6 response header names are lowercased", V1,
            "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain\"}}", 200, "content-type", "text/plain",
            ""),
        ok("facts §3 null members count as absent", V1,
            "{\"statusCode\":200,\"headers\":null,\"multiValueHeaders\":null,\"body\":null,\"isBase64Encoded\":null}",
            200, null, null, ""),
        ok("facts §3 unknown members are ignored", V2, "{\"statusCode\":204,\"extra\":{\"deep\":[1]}}", 204, null,
            null, ""),
        ok("facts §3 status 200 is in range", V2, "{\"statusCode\":200}", 200, null, null, ""),
        ok("facts §3 status 599 is in range", V2, "{\"statusCode\":599}", 599, null, null, ""),
        malformed("facts §3 not JSON", V2, "Hello", "not valid JSON"),
        malformed("facts §3 not JSON", V1, "{\"statusCode\":200", "not valid JSON"),
        malformed("facts §3 empty", V2, "", "empty"),
        malformed("facts §3 only whitespace", V2, "  \n", "empty"),
        malformed("facts §3 content after the JSON value", V2, "{\"statusCode\":200} {}", "after its JSON value"),
        malformed("facts §3 1.0 statusCode is required", V1, "{\"body\":\"x\"}", "statusCode is required"),
        malformed("facts §3 1.0 response must be an object", V1, "\"Hello\"", "must be a JSON object"),
        malformed("facts §3 status must be an integer", V2, "{\"statusCode\":\"200\"}",
            "statusCode must be an integer, but is a string"),
        malformed("facts §3 status must be an integer", V1, "{\"statusCode\":200.5}",
            "statusCode must be an integer, but is a number"),
        malformed("facts §3 status below 100", V2, "{\"statusCode\":99}",
            "statusCode 99 must be a final status, 200 to 599"),
        malformed("choice P12 (issue 18) 100 Continue is no answer", V2, "{\"statusCode\":100}", "statusCode 100 must be a final"),
        malformed("choice P12 (issue 18) 101 Switching Protocols is no answer", V1, "{\"statusCode\":101}",
            "statusCode 101 must be a final"),
        malformed("choice P12 (issue 18) 103 Early Hints is no answer", V2, "{\"statusCode\":103,\"body\":\"x\"}",
            "statusCode 103 must be a final"),
        malformed("facts §3 status above 599", V1, "{\"statusCode\":600}", "statusCode 600 must be a final"),
        malformed("facts §3 status beyond int", V2, "{\"statusCode\":99999999999}", "must be a final status, 200 to 599"),
        malformed("facts §3 1.0 body must be a string", V1, "{\"statusCode\":200,\"body\":{\"a\":1}}",
            "body must be a string, but is an object"),
        malformed("facts §3 2.0 body must be a string once statusCode is given", V2,
            "{\"statusCode\":200,\"body\":[1]}", "body must be a string, but is an array"),
        malformed("facts §3 invalid base64", V2, "{\"statusCode\":200,\"body\":\"a$b\",\"isBase64Encoded\":true}",
            "not valid base64"),
        malformed("facts §3 isBase64Encoded must be a boolean", V2,
            "{\"statusCode\":200,\"isBase64Encoded\":\"true\"}", "isBase64Encoded must be a boolean"),
        malformed("facts §3 headers must be an object", V2, "{\"statusCode\":200,\"headers\":[\"a\"]}",
            "headers must be an object"),
        malformed("facts §3 header values must be scalars", V2, "{\"statusCode\":200,\"headers\":{\"a\":{}}}",
            "header 'a' must be a string"),
        malformed("facts §3 cookies must be an array", V2, "{\"statusCode\":200,\"cookies\":\"a=1\"}",
            "cookies must be an array"),
        malformed("facts §3 multiValueHeaders must hold arrays", V1,
            "{\"statusCode\":200,\"multiValueHeaders\":{\"a\":\"b\"}}", "must be an array"),
        malformed("choice P6 a header value with CR/LF is refused (response splitting)", V1,
            "{\"statusCode\":200,\"headers\":{\"a\":\"b\\r\\nx: y\"}}", "control character 0xd"),
        malformed("choice P6 (issue 18) DEL in a header value is refused", V2,
            "{\"statusCode\":200,\"headers\":{\"a\":\"b\\u007f\"}}", "control character 0x7f"),
        malformed("choice P6 (issue 18) ESC in a cookie is refused", V2,
            "{\"statusCode\":200,\"cookies\":[\"a=\\u001b[2J\"]}", "control character 0x1b"),
        malformed("choice P6 a header name that is not a token is refused", V2,
            "{\"statusCode\":200,\"headers\":{\"a b\":\"c\"}}", "not an HTTP token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responseRows")
  void response(ResponseRow row) {
    byte[] json = row.json().getBytes(UTF_8);
    if (row.error() != null) {
      assertThatThrownBy(() -> ProxyResponses.decode(json, row.format()))
          .isInstanceOf(MalformedResponseException.class).hasMessageContaining(row.error());
      return;
    }
    ProxyResponse response = ProxyResponses.decode(json, row.format());
    assertThat(response.statusCode()).isEqualTo(row.status());
    if (row.header() != null) {
      List<String> expected = row.headerValues() == null ? null : List.of(row.headerValues().split("\\|"));
      assertThat(response.headers().get(row.header())).isEqualTo(expected);
    }
    assertThat(response.bodyText()).isEqualTo(row.body());
  }

  @Test
  void everyRowNamesItsFactOrDecision() {
    List<String> names = new ArrayList<>();
    eventRows().forEach(r -> names.add(r.fact()));
    responseRows().forEach(r -> names.add(r.fact()));
    assertThat(names).allMatch(n -> n.matches("(facts §\\d|decision D\\d+|choice P\\d+) .+"));
  }
}
