package dev.portico.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of package-info.java and the javadoc, kept compiling and true. */
class CorsExamplesTest {

  @Test
  void packageExample() {
    CorsPolicy policy = CorsPolicy.of(CorsConfiguration.builder()
        .allowOrigins("https://www.example.com")
        .allowMethods("GET", "PUT")
        .allowHeaders("content-type")
        .maxAge(300)
        .build());

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
    CorsHeaders headers = CorsPolicy.of(cors).actualHeaders("https://admin.example.com");

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
}
