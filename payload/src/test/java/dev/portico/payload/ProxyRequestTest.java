package dev.portico.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyRequestTest {

  @Test
  void buildNamesEveryMissingRequiredValue() {
    assertThatThrownBy(() -> ProxyRequest.builder().method("GET").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ProxyRequest needs path, requestId, time, sourceIp, apiId, accountId, domainName");
  }

  @Test
  void settersRefuseWhatNoHttpRequestCanCarry() {
    ProxyRequest.Builder b = ProxyRequest.builder();
    assertThatThrownBy(() -> b.method("GE T")).hasMessage("method 'GE T' is not an HTTP token");
    assertThatThrownBy(() -> b.path("pets")).hasMessage("path 'pets' must start with '/'");
    assertThatThrownBy(() -> b.header("a b", "v")).hasMessage("header name 'a b' is not an HTTP token");
    assertThatThrownBy(() -> b.header("x", "a\r\nb"))
        .hasMessage("value of header 'x' must not contain CR, LF or NUL");
    assertThatThrownBy(() -> b.time(Instant.parse("+10000-01-01T00:00:00Z")))
        .hasMessageContaining("must be within the years 0000 to 9999");
    assertThatThrownBy(() -> AuthorizerContext.lambda(Map.of("x", new Object())))
        .hasMessageContaining("context.x is a java.lang.Object");
    assertThatThrownBy(() -> AuthorizerContext.jwt(Map.of("n", Double.NaN)))
        .hasMessage("claims.n is NaN, which JSON cannot represent");
  }

  @Test
  void headersAreLowercasedAndKeepEveryValueInOrder() {
    ProxyRequest request = GoldenEventTest.factsV1Example().toBuilder().headers(Map.of())
        .header("X-A", "1").header("x-a", "2").header("Cookie", "a=1;b=2").header("User-Agent", "ua")
        .build();

    assertThat(request.headers()).containsEntry("x-a", List.of("1", "2"));
    assertThat(request.cookies()).containsExactly("a=1", "b=2");
    assertThat(request.userAgent()).isEqualTo("user-agent");
    assertThat(request.headers()).isUnmodifiable();
  }

  @Test
  void theUserAgentDefaultsToTheHeaderAndTheDomainPrefixToTheFirstLabel() {
    ProxyRequest request = ProxyRequest.builder().method("GET").path("/").requestId("r")
        .time(Instant.EPOCH).sourceIp("127.0.0.1").apiId("a").accountId("1").domainName("api.example.com")
        .header("user-agent", "curl/8").build();

    assertThat(request.userAgent()).isEqualTo("curl/8");
    assertThat(request.domainPrefix()).isEqualTo("api");
    assertThat(request.resourcePath()).isEqualTo("$default");
    assertThat(request.stage()).isEqualTo("$default");
    assertThat(request.authorizer()).isEqualTo(AuthorizerContext.none());
  }

  @Test
  void theBodyIsCopiedInAndOut() {
    byte[] body = {1, 2, 3};
    ProxyRequest request = GoldenEventTest.factsV1Example().toBuilder().body(body).build();
    body[0] = 9;
    request.body()[1] = 9;

    assertThat(request.body()).containsExactly(1, 2, 3);
    assertThat(request.bodyLength()).isEqualTo(3);
  }

  @Test
  void toBuilderRoundTripsAndEqualityIsByValue() {
    ProxyRequest request = GoldenEventTest.jwtScopesClientCert();

    assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(request.toBuilder().requestId("other").build()).isNotEqualTo(request);
  }

  @Test
  void queryParametersAreDecodedInOrder() {
    ProxyRequest request = GoldenEventTest.factsV1Example().toBuilder()
        .rawQueryString("b=2&a=%C3%A9&b=3&&flag").build();

    assertThat(request.queryParameters()).containsExactly(
        Map.entry("b", List.of("2", "3")), Map.entry("a", List.of("\u00e9")), Map.entry("flag", List.of("")));
  }

  @Test
  void payloadFormatParsesOnlyAwsVersions() {
    assertThat(PayloadFormat.parse("2.0")).isEqualTo(PayloadFormat.V2_0);
    assertThat(PayloadFormat.tryParse("2")).isEmpty();
    assertThatThrownBy(() -> PayloadFormat.parse("3.0"))
        .hasMessage("payloadFormatVersion '3.0' is not supported: use '1.0' or '2.0'");
  }

  @Test
  void responsesValidateAndCarryCookiesAsSetCookie() {
    ProxyResponse response = ProxyResponse.builder().statusCode(201).header("Content-Type", "a/b")
        .cookie("a=1").body("x").build();

    assertThat(response.headers()).containsEntry("content-type", List.of("a/b"));
    assertThat(response.cookies()).containsExactly("a=1");
    assertThat(response.toBuilder().build()).isEqualTo(response);
    assertThatThrownBy(() -> ProxyResponse.builder().statusCode(600))
        .hasMessage("statusCode 600 must be a final status, 200 to 599");
    assertThatThrownBy(() -> ProxyResponse.builder().statusCode(103))
        .hasMessage("statusCode 103 must be a final status, 200 to 599");
    assertThatThrownBy(() -> ProxyResponse.builder().header("x-a", "a\u007fb"))
        .hasMessage("value of header 'x-a' holds control character 0x7f at index 1; only HTAB is allowed (RFC 9110 §5.5)");
    assertThat(ProxyResponse.builder().header("x-a", "a\tb").build().headers()).containsEntry("x-a", List.of("a\tb"));
  }
}
