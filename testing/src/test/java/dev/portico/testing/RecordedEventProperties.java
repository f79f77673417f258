package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.portico.payload.AuthorizerContext;
import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyEvents;
import dev.portico.payload.ProxyRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random requests encoded by the payload module in both formats, {@link RecordedEvent}'s accessors find every
 * value where that format keeps it — and agree with the {@code aws-lambda-java-events} view of the same event.
 */
class RecordedEventProperties {
  static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
  static final String TEXT = "abcXYZ019 -_.~%/+&=?#\"\\é中😀";

  static String text(Random random, int max) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(max + 1);
    int[] points = TEXT.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return s.toString();
  }

  static String name(Random random) {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    StringBuilder s = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
      s.append(letters.charAt(random.nextInt(letters.length())));
    }
    return s.toString();
  }

  static String randomCase(Random random, String name) {
    StringBuilder s = new StringBuilder();
    for (char c : name.toCharArray()) {
      s.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return s.toString();
  }

  @Test
  void accessorsFindEveryValueInBothFormats() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      PayloadFormat format = random.nextBoolean() ? PayloadFormat.V2_0 : PayloadFormat.V1_0;
      String method = METHODS[random.nextInt(METHODS.length)];
      Map<String, String> pathParameters = new LinkedHashMap<>();
      Map<String, String> headers = new LinkedHashMap<>();
      Map<String, String> query = new LinkedHashMap<>();
      Map<String, Object> claims = new LinkedHashMap<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        pathParameters.put(name(random), text(random, 10));
      }
      for (int i = random.nextInt(5); i > 0; i--) {
        headers.put("x-" + name(random), text(random, 12).replace("\"", "").strip());
      }
      for (int i = random.nextInt(4); i > 0; i--) {
        query.put(name(random), name(random));
      }
      for (int i = random.nextInt(4); i > 0; i--) {
        Object value = switch (random.nextInt(3)) {
          case 0 -> text(random, 8);
          case 1 -> random.nextInt();
          default -> random.nextBoolean();
        };
        claims.put(name(random), value);
      }
      String body = text(random, 30);
      boolean jwt = random.nextBoolean();

      ProxyRequest.Builder request = ProxyRequest.builder().method(method).path("/p/" + name(random))
          .routeKey(method + " /p/{x}").pathParameters(pathParameters).sourceIp("192.0.2." + random.nextInt(255))
          .requestId("r-" + seed).time(Instant.ofEpochSecond(1_700_000_000L)).apiId("api1")
          .accountId("123456789012").domainName("api.example.com").body(body)
          .header("content-type", random.nextBoolean() ? "text/plain" : "application/octet-stream")
          .rawQueryString(String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .toList()))
          .authorizer(jwt ? AuthorizerContext.jwt(claims, List.of("s1", "s2")) : AuthorizerContext.lambda(claims));
      headers.forEach(request::header);
      RecordedEvent event = RecordedEvent.of(ProxyEvents.encode(request.build(), format));

      assertThat(event.version()).isEqualTo(format == PayloadFormat.V2_0 ? "2.0" : "1.0");
      assertThat(event.method()).isEqualTo(method);
      assertThat(event.isAuthorizerEvent()).isFalse();
      assertThat(event.requestId()).isEqualTo("r-" + seed);
      assertThat(event.body()).isEqualTo(body);
      pathParameters.forEach((k, v) -> assertThat(event.pathParameter(k)).hasValue(v));
      headers.forEach((k, v) -> assertThat(event.header(randomCase(random, k))).hasValue(v));
      query.forEach((k, v) -> assertThat(event.queryParameter(k)).hasValue(v));
      claims.forEach((k, v) -> assertThat(jwt ? event.claim(k) : event.authorizerContext(k))
          .as("%s %s", jwt ? "claim" : "context", k).hasValue(String.valueOf(v)));
      assertThat(event.scopes()).isEqualTo(jwt ? List.of("s1", "s2") : List.of());
      assertThat(event.pathParameter("absent" + seed)).isEmpty();

      if (format == PayloadFormat.V2_0) {
        APIGatewayV2HTTPEvent typed = event.as(APIGatewayV2HTTPEvent.class);
        assertThat(event.routeKey()).hasValue(typed.getRouteKey());
        assertThat(event.path()).isEqualTo(typed.getRawPath());
        assertThat(event.sourceIp()).isEqualTo(typed.getRequestContext().getHttp().getSourceIp());
        pathParameters.forEach((k, v) -> assertThat(typed.getPathParameters()).containsEntry(k, v));
        headers.forEach((k, v) -> assertThat(typed.getHeaders().get(k.toLowerCase(Locale.ROOT))).isEqualTo(v));
      } else {
        APIGatewayProxyRequestEvent typed = event.as(APIGatewayProxyRequestEvent.class);
        assertThat(event.routeKey()).isEmpty();
        assertThat(event.resource()).hasValue(typed.getResource());
        assertThat(event.path()).isEqualTo(typed.getPath());
        assertThat(event.sourceIp()).isEqualTo(typed.getRequestContext().getIdentity().getSourceIp());
        pathParameters.forEach((k, v) -> assertThat(typed.getPathParameters()).containsEntry(k, v));
        query.forEach((k, v) -> assertThat(typed.getQueryStringParameters()).containsEntry(k, v));
      }
    });
  }

  @Test
  void jsonPointersAreCheckedAndEscaped() {
    RecordedEvent event = RecordedEvent.of(
        "{\"version\":\"2.0\",\"pathParameters\":{\"a/b\":\"1\",\"c~d\":\"2\"},\"n\":{\"x\":[1,2]}}".getBytes(
            java.nio.charset.StandardCharsets.UTF_8));
    assertThat(event.pathParameter("a/b")).hasValue("1");
    assertThat(event.pathParameter("c~d")).hasValue("2");
    assertThat(event.field("/n")).hasValue("{\"x\":[1,2]}");
    assertThat(event.field("/n/x/1")).hasValue("2");
    assertThat(event.field("/missing")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> event.field("n"))
        .hasMessage("JSON pointer 'n' must start with '/' (RFC 6901)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordedEvent.of("[1]".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)))
        .hasMessage("not a JSON object: ARRAY");
  }
}
