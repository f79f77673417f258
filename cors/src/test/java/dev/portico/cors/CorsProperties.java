package dev.portico.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CorsProperties {

  private static final List<CorsConfiguration> CONFIGURATIONS = List.of(
      CorsConformanceTest.STAR, CorsConformanceTest.EXACT, CorsConformanceTest.SCHEME,
      CorsConformanceTest.SCHEME_CREDENTIALS, CorsConformanceTest.MINIMAL, CorsConformanceTest.NO_CACHE);

  /** Header values, one in ten absent (null). */
  static Gen<String> headerValues() {
    return presentHeaderValues().zip(Generate.range(0, 9), (value, dice) -> dice == 0 ? null : value);
  }

  /** Header values: arbitrary text, and text built from the pieces that matter (origins, commas, CR LF). */
  static Gen<String> presentHeaderValues() {
    Gen<String> pieces = lists().of(Generate.pick(List.of(
        "https://", "http://", "www.example.com", "a.example", ":443", "/", ",", " ", "\t", "\r\n", "*", "null",
        "content-type", "X-Custom", "GET", "PUT", "", "\u00e9", "%0d")))
        .ofSizeBetween(0, 6).map(parts -> String.join("", parts));
    return pieces.mix(strings().allPossible().ofLengthBetween(0, 30));
  }

  @Test
  void neverThrowsAndNeverAllowsAnOriginTheConfigurationDoesNotAllow() {
    qt().withExamples(5000)
        .forAll(Generate.pick(CONFIGURATIONS), headerValues(), headerValues(), headerValues())
        .checkAssert((configuration, origin, method, requestHeaders) -> {
          CorsPolicy policy = CorsPolicy.of(configuration);
          CorsHeaders preflight = policy.preflight(origin, method, requestHeaders);
          CorsHeaders actual = policy.actualHeaders(origin);

          for (CorsHeaders answer : List.of(preflight, actual)) {
            answer.get("access-control-allow-origin").ifPresent(allowed -> {
              assertThat(isAllowed(configuration, origin)).as("origin %s allowed by %s", origin, configuration)
                  .isTrue();
              assertThat(allowed).isIn("*", origin);
              if (configuration.allowCredentials()) {
                assertThat(allowed).isNotEqualTo("*");
              }
            });
            answer.forEach((name, value) -> assertThat(value).doesNotContain("\r", "\n"));
          }
        });
  }

  @Test
  void withCredentialsAllowOriginIsNeverStar() {
    Gen<CorsConfiguration> credentialed = Generate.pick(List.of(
        CorsConformanceTest.EXACT, CorsConformanceTest.SCHEME_CREDENTIALS,
        CorsConfiguration.builder().allowOrigins("http://*", "https://*").allowCredentials(true).build()));
    qt().withExamples(3000).forAll(credentialed, headerValues()).checkAssert((configuration, origin) -> {
      CorsPolicy policy = CorsPolicy.of(configuration);
      assertThat(policy.actualHeaders(origin).get("access-control-allow-origin")).isNotEqualTo(
          java.util.Optional.of("*"));
      assertThat(policy.preflight(origin, "GET", null).get("access-control-allow-origin"))
          .isNotEqualTo(java.util.Optional.of("*"));
    });
  }

  @Test
  void requestHeaderListsParseToLowerCaseTokensOrAreRejected() {
    qt().withExamples(3000).forAll(presentHeaderValues()).checkAssert(value -> {
      List<String> names = CorsPolicy.requestedHeaders(value, null, true);
      if (names != null) {
        assertThat(names).doesNotHaveDuplicates().allSatisfy(name -> {
          assertThat(name).isNotEmpty().isLowerCase();
          assertThat(HeaderTokens.isToken(name, 0, name.length())).isTrue();
        });
      }
    });
  }

  /** The reference: what the configuration allows, straight from the rules in docs/cors.md. */
  private static boolean isAllowed(CorsConfiguration configuration, String origin) {
    if (origin == null) {
      return false;
    }
    List<String> origins = configuration.allowOrigins();
    if (origins.contains("*") || origins.contains(origin)) {
      return true;
    }
    for (String scheme : List.of("https://", "http://")) {
      if (origins.contains(scheme + "*") && origin.startsWith(scheme) && origin.length() > scheme.length()
          && origin.substring(scheme.length()).chars().allMatch(c -> "abcdefghijklmnopqrstuvwxyz0123456789.-:[]_"
              .indexOf(c) >= 0)) {
        return true;
      }
    }
    return false;
  }
}
