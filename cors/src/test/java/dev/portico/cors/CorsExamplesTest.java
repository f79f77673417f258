package dev.portico.cors;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise.
 */
class CorsExamplesTest {
  /** The host's request, as the examples call it. */
  private record Request(Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /** The host's response, as the examples call it. */
  private static final class Response {
    final Map<String, String> headers = new LinkedHashMap<>();

    void setHeader(String name, String value) {
      headers.put(name, value);
    }
  }

  @Test
  void packageExample() {
    CorsPolicy policy = CorsPolicy.of(CorsConfiguration.builder()
        .allowOrigins("https://www.example.com")
        .allowMethods("GET", "PUT")
        .allowHeaders("content-type")
        .maxAge(300)
        .build());

    policy.isPreflight("OPTIONS", "https://www.example.com", "PUT");   // true: answer 204 yourself
    policy.preflight("https://www.example.com", "PUT", "content-type").toMap();
    // {access-control-allow-origin=https://www.example.com, access-control-allow-methods=GET,PUT,
    //  access-control-allow-headers=content-type, access-control-max-age=300, vary=origin}
    policy.actualHeaders("https://evil.example").toMap();              // {vary=origin}: not allowed

    assertThat(policy.isPreflight("OPTIONS", "https://www.example.com", "PUT")).isTrue();
    assertThat(policy.preflight("https://www.example.com", "PUT", "content-type").toMap()).containsExactly(
        Map.entry("access-control-allow-origin", "https://www.example.com"),
        Map.entry("access-control-allow-methods", "GET,PUT"),
        Map.entry("access-control-allow-headers", "content-type"),
        Map.entry("access-control-max-age", "300"),
        Map.entry("vary", "origin"));
    assertThat(policy.actualHeaders("https://evil.example").toMap()).containsExactly(Map.entry("vary", "origin"));
  }

  @Test
  void configurationExample() {
    CorsConfiguration cors = CorsConfiguration.builder()
        .allowOrigins("https://www.example.com", "https://admin.example.com")
        .allowMethods("GET", "POST", "PUT")
        .allowHeaders("authorization", "content-type")
        .exposeHeaders("x-request-id")
        .maxAge(600)
        .allowCredentials(true)
        .build();
    CorsPolicy policy = CorsPolicy.of(cors);
    CorsHeaders headers = policy.actualHeaders("https://admin.example.com");

    assertThat(headers.get("Access-Control-Allow-Origin")).contains("https://admin.example.com");
    assertThat(headers.get("access-control-allow-credentials")).contains("true");
    assertThat(headers.get("access-control-max-age")).isEmpty();
    assertThat(headers.size()).isEqualTo(4);
    assertThat(headers).hasToString("access-control-allow-origin: https://admin.example.com\n"
        + "access-control-allow-credentials: true\naccess-control-expose-headers: x-request-id\nvary: origin\n");
  }

  @Test
  void configuredOriginsAnswerWithTheSamePrecomputedHeaders() {
    CorsPolicy policy = CorsPolicy.of(CorsConformanceTest.EXACT);

    assertThat(policy.actualHeaders(new String("https://www.example.com")))
        .isSameAs(policy.actualHeaders("https://www.example.com"));
    assertThat(policy.actualHeaders(null)).isSameAs(CorsHeaders.NONE).matches(CorsHeaders::isEmpty);
  }

  @Test
  void corsHeadersExample() {
    CorsPolicy policy = CorsPolicy.of(CorsConformanceTest.EXACT);
    Request request = new Request(Map.of("origin", "https://www.example.com"));
    Response response = new Response();

    CorsHeaders headers = policy.actualHeaders(request.header("origin"));
    headers.forEach(response::setHeader);
    headers.get("access-control-allow-origin");   // Optional[https://www.example.com]

    assertThat(headers.get("access-control-allow-origin")).contains("https://www.example.com");
    assertThat(response.headers).containsAllEntriesOf(headers.toMap()).hasSize(headers.size());
  }

  @Test
  void corsPolicyExample() {
    String method = "OPTIONS";
    String origin = "https://www.example.com";
    String requestMethod = "PUT";
    String requestHeaders = "x-custom";

    CorsPolicy policy = CorsPolicy.of(CorsConfiguration.builder()
        .allowOrigins("https://www.example.com")
        .allowMethods("GET", "PUT")
        .allowHeaders("content-type", "x-custom")
        .build());

    if (policy.isPreflight(method, origin, requestMethod)) {
      // answer 204 with these headers; the request never reaches a route
      CorsHeaders headers = policy.preflight(origin, requestMethod, requestHeaders);
    } else {
      // route and integrate as usual, drop the backend's access-control-* headers, then add:
      CorsHeaders headers = policy.actualHeaders(origin);
    }

    assertThat(policy.isPreflight(method, origin, requestMethod)).isTrue();
    assertThat(policy.preflight(origin, requestMethod, requestHeaders).get("access-control-allow-headers"))
        .contains("content-type,x-custom");
    assertThat(policy.isPreflight("GET", origin, null)).isFalse();
    assertThat(policy.actualHeaders(origin).get("access-control-allow-origin")).contains(origin);
  }

  @Test
  void corsConfigExceptionExample() {
    try {
      CorsConfiguration.builder().allowOrigins("https://*.example.com").build();
    } catch (CorsConfigException e) {
      e.field();   // "allowOrigins"
      e.value();   // "https://*.example.com"
    }

    assertThatThrownBy(() -> CorsConfiguration.builder().allowOrigins("https://*.example.com").build())
        .isInstanceOfSatisfying(CorsConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("allowOrigins");
          assertThat(e.value()).isEqualTo("https://*.example.com");
        });
  }
}
