package dev.portico.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events are consumed by the types real Java handlers use, {@code aws-lambda-java-events}, read both by plain
 * Jackson and by {@code aws-lambda-java-serialization} (what the Lambda Java runtime itself uses); and responses
 * those types produce, serialized the way the runtime serializes them, decode as AWS reads them.
 */
class AwsLambdaEventsConsumerTest {

  /** Plain Jackson as handler code typically configures it: unknown members (e.g. mTLS) are ignored. */
  private static final ObjectMapper PLAIN = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final Instant TIME = Instant.parse("2026-11-21T08:09:10.123Z");

  static <T> Function<byte[], T> plainJackson(Class<T> type) {
    return json -> {
      try {
        return PLAIN.readValue(json, type);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    };
  }

  static <T> Function<byte[], T> lambdaRuntime(Class<T> type) {
    PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, type.getClassLoader());
    return json -> serializer.fromJson(new ByteArrayInputStream(json));
  }

  static Stream<Arguments> v2Readers() {
    return Stream.of(
        Arguments.of("plain Jackson", plainJackson(APIGatewayV2HTTPEvent.class)),
        Arguments.of("aws-lambda-java-serialization", lambdaRuntime(APIGatewayV2HTTPEvent.class)));
  }

  static Stream<Arguments> v1Readers() {
    return Stream.of(
        Arguments.of("plain Jackson", plainJackson(APIGatewayProxyRequestEvent.class)),
        Arguments.of("aws-lambda-java-serialization", lambdaRuntime(APIGatewayProxyRequestEvent.class)));
  }

  static ProxyRequest.Builder rich() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "user-1");
    claims.put("exp", 1787996002L);
    claims.put("groups", List.of("admins", "ops"));
    return ProxyRequest.builder()
        .method("POST").path("/prod/pets/7/toys").stage("prod").routeKey("POST /pets/{id}/toys")
        .rawQueryString("color=red&color=blue&q=a%26b")
        .header("Content-Type", "application/json").header("X-Trace", "t1").header("X-Trace", "t2")
        .header("User-Agent", "test-agent/1.0").header("Cookie", "session=s1; theme=dark")
        .body("{\"toy\":\"ball\"}")
        .sourceIp("198.51.100.7").requestId("Zx9Y8w7V6u5T4s=").time(TIME)
        .apiId("abcdef1234").accountId("123456789012").domainName("abcdef1234.execute-api.eu-west-1.amazonaws.com")
        .pathParameter("id", "7").stageVariables(Map.of("table", "pets-prod"))
        .authorizer(AuthorizerContext.jwt(claims, List.of("pets/write")));
  }

  @ParameterizedTest(name = "v2 read by {0}")
  @MethodSource("v2Readers")
  void v2EventLandsInApiGatewayV2HttpEvent(String reader, Function<byte[], APIGatewayV2HTTPEvent> read) {
    APIGatewayV2HTTPEvent event = read.apply(ProxyEvents.encode(rich().build(), PayloadFormat.V2_0));

    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("POST /pets/{id}/toys");
    assertThat(event.getRawPath()).isEqualTo("/prod/pets/7/toys");
    assertThat(event.getRawQueryString()).isEqualTo("color=red&color=blue&q=a%26b");
    assertThat(event.getCookies()).containsExactly("session=s1", "theme=dark");
    assertThat(event.getHeaders()).containsOnly(entry("content-type", "application/json"),
        entry("x-trace", "t1,t2"), entry("user-agent", "test-agent/1.0"));
    assertThat(event.getQueryStringParameters()).containsOnly(entry("color", "red,blue"), entry("q", "a&b"));
    assertThat(event.getPathParameters()).containsOnly(entry("id", "7"));
    assertThat(event.getStageVariables()).containsOnly(entry("table", "pets-prod"));
    assertThat(event.getBody()).isEqualTo("{\"toy\":\"ball\"}");
    assertThat(event.getIsBase64Encoded()).isFalse();

    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    assertThat(context.getAccountId()).isEqualTo("123456789012");
    assertThat(context.getApiId()).isEqualTo("abcdef1234");
    assertThat(context.getDomainName()).isEqualTo("abcdef1234.execute-api.eu-west-1.amazonaws.com");
    assertThat(context.getDomainPrefix()).isEqualTo("abcdef1234");
    assertThat(context.getRequestId()).isEqualTo("Zx9Y8w7V6u5T4s=");
    assertThat(context.getRouteKey()).isEqualTo("POST /pets/{id}/toys");
    assertThat(context.getStage()).isEqualTo("prod");
    assertThat(context.getTime()).isEqualTo("21/Nov/2026:08:09:10 +0000");
    assertThat(context.getTimeEpoch()).isEqualTo(TIME.toEpochMilli());
    assertThat(context.getHttp().getMethod()).isEqualTo("POST");
    assertThat(context.getHttp().getPath()).isEqualTo("/prod/pets/7/toys");
    assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("198.51.100.7");
    assertThat(context.getHttp().getUserAgent()).isEqualTo("test-agent/1.0");
    assertThat(context.getAuthorizer().getJwt().getClaims()).containsOnly(entry("sub", "user-1"),
        entry("exp", "1787996002"), entry("groups", "[admins ops]"));
    assertThat(context.getAuthorizer().getJwt().getScopes()).containsExactly("pets/write");
  }

  @ParameterizedTest(name = "v2 read by {0}")
  @MethodSource("v2Readers")
  void v2BinaryBodyLambdaContextAndIamLand(String reader, Function<byte[], APIGatewayV2HTTPEvent> read) {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};
    APIGatewayV2HTTPEvent binary = read.apply(ProxyEvents.encode(
        rich().headers(Map.of("Content-Type", List.of("image/png"))).body(png)
            .authorizer(AuthorizerContext.lambda(Map.of("tenant", "t1", "tier", 3))).build(),
        PayloadFormat.V2_0));
    assertThat(binary.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(binary.getBody())).isEqualTo(png);
    assertThat(binary.getRequestContext().getAuthorizer().getLambda())
        .containsOnly(entry("tenant", "t1"), entry("tier", 3));

    APIGatewayV2HTTPEvent iam = read.apply(ProxyEvents.encode(rich().authorizer(AuthorizerContext.iam()
        .accessKey("AKIAEXAMPLE").accountId("111122223333").callerId("AIDAEXAMPLE")
        .userArn("arn:aws:iam::111122223333:user/alice").userId("AIDAEXAMPLE")
        .cognitoIdentity("eu-west-1:id", "eu-west-1:pool", List.of("authenticated")).build()).build(),
        PayloadFormat.V2_0));
    APIGatewayV2HTTPEvent.RequestContext.IAM identity = iam.getRequestContext().getAuthorizer().getIam();
    assertThat(identity.getAccessKey()).isEqualTo("AKIAEXAMPLE");
    assertThat(identity.getAccountId()).isEqualTo("111122223333");
    assertThat(identity.getCallerId()).isEqualTo("AIDAEXAMPLE");
    assertThat(identity.getUserArn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
    assertThat(identity.getUserId()).isEqualTo("AIDAEXAMPLE");
    assertThat(identity.getPrincipalOrgId()).isNull();
    assertThat(identity.getCognitoIdentity().getIdentityId()).isEqualTo("eu-west-1:id");
    assertThat(identity.getCognitoIdentity().getIdentityPoolId()).isEqualTo("eu-west-1:pool");
    assertThat(identity.getCognitoIdentity().getAmr()).containsExactly("authenticated");
  }

  @ParameterizedTest(name = "v1 read by {0}")
  @MethodSource("v1Readers")
  void v1EventLandsInApiGatewayProxyRequestEvent(String reader,
      Function<byte[], APIGatewayProxyRequestEvent> read) {
    APIGatewayProxyRequestEvent event = read.apply(ProxyEvents.encode(rich().build(), PayloadFormat.V1_0));

    assertThat(event.getVersion()).isEqualTo("1.0");
    assertThat(event.getResource()).isEqualTo("/pets/{id}/toys");
    assertThat(event.getPath()).isEqualTo("/prod/pets/7/toys");
    assertThat(event.getHttpMethod()).isEqualTo("POST");
    assertThat(event.getHeaders()).containsOnly(entry("content-type", "application/json"),
        entry("x-trace", "t2"), entry("user-agent", "test-agent/1.0"), entry("cookie", "session=s1; theme=dark"));
    assertThat(event.getMultiValueHeaders()).containsEntry("x-trace", List.of("t1", "t2"))
        .containsEntry("cookie", List.of("session=s1; theme=dark")).hasSize(4);
    assertThat(event.getQueryStringParameters()).containsOnly(entry("color", "blue"), entry("q", "a&b"));
    assertThat(event.getMultiValueQueryStringParameters()).containsOnly(
        entry("color", List.of("red", "blue")), entry("q", List.of("a&b")));
    assertThat(event.getPathParameters()).containsOnly(entry("id", "7"));
    assertThat(event.getStageVariables()).containsOnly(entry("table", "pets-prod"));
    assertThat(event.getBody()).isEqualTo("{\"toy\":\"ball\"}");
    assertThat(event.getIsBase64Encoded()).isFalse();

    APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
    assertThat(context.getAccountId()).isEqualTo("123456789012");
    assertThat(context.getApiId()).isEqualTo("abcdef1234");
    assertThat(context.getDomainName()).isEqualTo("abcdef1234.execute-api.eu-west-1.amazonaws.com");
    assertThat(context.getDomainPrefix()).isEqualTo("abcdef1234");
    assertThat(context.getExtendedRequestId()).isEqualTo("Zx9Y8w7V6u5T4s=");
    assertThat(context.getRequestId()).isEqualTo("Zx9Y8w7V6u5T4s=");
    assertThat(context.getHttpMethod()).isEqualTo("POST");
    assertThat(context.getPath()).isEqualTo("/prod/pets/7/toys");
    assertThat(context.getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(context.getRequestTime()).isEqualTo("21/Nov/2026:08:09:10 +0000");
    assertThat(context.getRequestTimeEpoch()).isEqualTo(TIME.toEpochMilli());
    assertThat(context.getResourceId()).isNull();
    assertThat(context.getResourcePath()).isEqualTo("/pets/{id}/toys");
    assertThat(context.getStage()).isEqualTo("prod");
    assertThat(context.getIdentity().getSourceIp()).isEqualTo("198.51.100.7");
    assertThat(context.getIdentity().getUserAgent()).isEqualTo("test-agent/1.0");
    assertThat(context.getIdentity().getAccessKey()).isNull();
    assertThat(context.getAuthorizer()).containsEntry("scopes", List.of("pets/write"))
        .containsEntry("claims", Map.of("sub", "user-1", "exp", "1787996002", "groups", "[admins ops]"));
  }

  @Test
  void v2ResponseSerializedByTheLambdaRuntimeDecodes() throws IOException {
    APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder()
        .withStatusCode(201)
        .withHeaders(Map.of("Content-Type", "image/png", "X-Id", "7"))
        .withCookies(List.of("a=1; Path=/", "b=2; HttpOnly"))
        .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xFF}))
        .withIsBase64Encoded(true)
        .build();

    ProxyResponse response = ProxyResponses.decode(runtimeJson(answer, APIGatewayV2HTTPResponse.class),
        PayloadFormat.V2_0);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers()).containsEntry("content-type", List.of("image/png"))
        .containsEntry("x-id", List.of("7"))
        .containsEntry("set-cookie", List.of("a=1; Path=/", "b=2; HttpOnly"));
    assertThat(response.body()).containsExactly(1, 2, 3, 0xFF);
  }

  @Test
  void v2ResponseWithOnlyAStatusDecodesWithEmptyBody() throws IOException {
    APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();

    ProxyResponse response = ProxyResponses.decode(runtimeJson(answer, APIGatewayV2HTTPResponse.class),
        PayloadFormat.V2_0);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers()).isEmpty();
    assertThat(response.bodyLength()).isZero();
  }

  @Test
  void v1ResponseSerializedByTheLambdaRuntimeDecodes() throws IOException {
    APIGatewayProxyResponseEvent answer = new APIGatewayProxyResponseEvent()
        .withStatusCode(404)
        .withHeaders(Map.of("Content-Type", "text/plain", "X-Both", "single"))
        .withMultiValueHeaders(Map.of("X-Both", List.of("multi-1", "multi-2"),
            "Set-Cookie", List.of("a=1", "b=2")))
        .withBody("no such pet");

    ProxyResponse response = ProxyResponses.decode(runtimeJson(answer, APIGatewayProxyResponseEvent.class),
        PayloadFormat.V1_0);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers()).containsEntry("content-type", List.of("text/plain"))
        .as("decision D10: multiValueHeaders wins").containsEntry("x-both", List.of("multi-1", "multi-2"))
        .containsEntry("set-cookie", List.of("a=1", "b=2"));
    assertThat(response.bodyText()).isEqualTo("no such pet");
  }

  private static <T> byte[] runtimeJson(T answer, Class<T> type) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LambdaEventSerializers.serializerFor(type, type.getClassLoader()).toJson(answer, out);
    return out.toByteArray();
  }

  @Test
  void theRuntimeSerializerWritesNullsThatDecodingTreatsAsAbsent() {
    byte[] json = runtimeJson(new APIGatewayProxyResponseEvent().withStatusCode(200),
        APIGatewayProxyResponseEvent.class);

    assertThat(new String(json, UTF_8)).as("what the runtime sends").contains("\"statusCode\":200");
    ProxyResponse response = ProxyResponses.decode(json, PayloadFormat.V1_0);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyLength()).isZero();
  }
}
