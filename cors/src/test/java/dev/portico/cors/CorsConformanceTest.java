package dev.portico.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per AWS fact or Portico decision about CORS (facts §5, decisions D6, D7). A row: the fact, a
 * configuration, a request (a preflight, an actual request, or a question whether a request is a preflight) and
 * every header of the answer, in order.
 */
class CorsConformanceTest {

  static final CorsConfiguration STAR = CorsConfiguration.builder()
      .allowOrigins("*").allowMethods("GET", "POST").allowHeaders("content-type").exposeHeaders("x-request-id")
      .maxAge(300).build();
  static final CorsConfiguration EXACT = CorsConfiguration.builder()
      .allowOrigins("https://www.example.com", "https://admin.example.com").allowMethods("GET", "PUT")
      .allowHeaders("content-type", "x-custom").exposeHeaders("x-request-id", "date").maxAge(600)
      .allowCredentials(true).build();
  static final CorsConfiguration SCHEME = CorsConfiguration.builder()
      .allowOrigins("https://*").allowMethods("*").allowHeaders("*").build();
  static final CorsConfiguration SCHEME_CREDENTIALS = SCHEME.toBuilder().allowCredentials(true).build();
  static final CorsConfiguration MINIMAL = CorsConfiguration.builder().allowOrigins("https://www.example.com").build();
  static final CorsConfiguration NO_CACHE = CorsConfiguration.builder()
      .allowOrigins("*").allowMethods("*").maxAge(-1).build();
  static final CorsConfiguration ZERO_CACHE = NO_CACHE.toBuilder().maxAge(0).build();

  private static final String WWW = "https://www.example.com";
  private static final String ADMIN = "https://admin.example.com";
  private static final String ORIGIN = "access-control-allow-origin: ";
  private static final String CREDENTIALS = "access-control-allow-credentials: true";
  private static final String METHODS = "access-control-allow-methods: ";
  private static final String HEADERS = "access-control-allow-headers: ";
  private static final String EXPOSE = "access-control-expose-headers: ";
  private static final String MAX_AGE = "access-control-max-age: ";
  private static final String VARY = "vary: origin";

  static Stream<Arguments> preflights() {
    return Stream.of(
        pre("facts §5 preflight answered for an allowed origin", STAR, "https://a.example", "POST", "content-type",
            ORIGIN + "*", METHODS + "GET,POST", HEADERS + "content-type", MAX_AGE + "300"),
        pre("D7 '*' answers '*' whatever the origin", STAR, "null", "GET", null,
            ORIGIN + "*", METHODS + "GET,POST", HEADERS + "content-type", MAX_AGE + "300"),
        pre("D6 method not allowed: no allow headers", STAR, "https://a.example", "DELETE", null),
        pre("D6 header not allowed: no allow headers", STAR, "https://a.example", "POST", "x-other"),
        pre("D6 one header of several not allowed", STAR, "https://a.example", "POST", "content-type, x-other"),
        pre("D7 header names match case-insensitively", STAR, "https://a.example", "POST", "Content-Type",
            ORIGIN + "*", METHODS + "GET,POST", HEADERS + "content-type", MAX_AGE + "300"),
        pre("D7 methods match case-sensitively", STAR, "https://a.example", "post", null),
        pre("facts §5 expose headers are not part of a preflight answer", STAR, "https://a.example", "GET", null,
            ORIGIN + "*", METHODS + "GET,POST", HEADERS + "content-type", MAX_AGE + "300"),
        pre("D7 a configured origin is echoed, with vary", EXACT, WWW, "PUT", "x-custom",
            ORIGIN + WWW, CREDENTIALS, METHODS + "GET,PUT", HEADERS + "content-type,x-custom", MAX_AGE + "600",
            VARY),
        pre("D7 each configured origin is echoed", EXACT, ADMIN, "GET", null,
            ORIGIN + ADMIN, CREDENTIALS, METHODS + "GET,PUT", HEADERS + "content-type,x-custom", MAX_AGE + "600",
            VARY),
        pre("D7 origins compare case-sensitively", EXACT, "https://WWW.example.com", "GET", null, VARY),
        pre("D7 an explicit default port is another origin", EXACT, "https://www.example.com:443", "GET", null, VARY),
        pre("D7 a trailing slash is another origin", EXACT, WWW + "/", "GET", null, VARY),
        pre("D7 another scheme is another origin", EXACT, "http://www.example.com", "GET", null, VARY),
        pre("D7 a configured origin is not a prefix", EXACT, "https://www.example.com.evil.test", "GET", null, VARY),
        pre("D6 refused preflight from an unknown origin", EXACT, "https://evil.test", "GET", null, VARY),
        pre("D7 request headers: commas and whitespace", EXACT, WWW, "PUT", " content-type ,\tX-Custom ",
            ORIGIN + WWW, CREDENTIALS, METHODS + "GET,PUT", HEADERS + "content-type,x-custom", MAX_AGE + "600",
            VARY),
        pre("D7 request headers: duplicates in any case", EXACT, WWW, "PUT", "x-custom,x-custom,X-CUSTOM",
            ORIGIN + WWW, CREDENTIALS, METHODS + "GET,PUT", HEADERS + "content-type,x-custom", MAX_AGE + "600",
            VARY),
        pre("D7 request headers: empty entries are skipped", EXACT, WWW, "PUT", "content-type,, ,",
            ORIGIN + WWW, CREDENTIALS, METHODS + "GET,PUT", HEADERS + "content-type,x-custom", MAX_AGE + "600",
            VARY),
        pre("D7 request headers: an empty list asks for nothing", EXACT, WWW, "PUT", "",
            ORIGIN + WWW, CREDENTIALS, METHODS + "GET,PUT", HEADERS + "content-type,x-custom", MAX_AGE + "600",
            VARY),
        pre("D6 request headers: an entry that is not a header name", EXACT, WWW, "PUT", "x custom", VARY),
        pre("D6 request headers: CR LF never reaches an answer", SCHEME, "https://a.example", "GET",
            "x-a\r\nset-cookie: a=b", VARY),
        pre("facts §5 https://* allows any https origin", SCHEME, "https://anything.example", "PATCH", "x-a,x-b",
            ORIGIN + "https://anything.example", METHODS + "*", HEADERS + "*", VARY),
        pre("facts §5 https://* does not allow http", SCHEME, "http://anything.example", "GET", null, VARY),
        pre("facts §5 https://* with a port", SCHEME, "https://anything.example:8443", "GET", null,
            ORIGIN + "https://anything.example:8443", METHODS + "*", HEADERS + "*", VARY),
        pre("D7 https://* never echoes an origin with a path", SCHEME, "https://a.example/x", "GET", null, VARY),
        pre("D7 https://* needs a host", SCHEME, "https://", "GET", null, VARY),
        pre("D7 '*' lists with credentials echo the request (Fetch reads '*' literally)", SCHEME_CREDENTIALS,
            "https://app.example", "PATCH", "X-A, x-b",
            ORIGIN + "https://app.example", CREDENTIALS, METHODS + "PATCH", HEADERS + "x-a,x-b", VARY),
        pre("D6 a requested method that is not a token is refused, never echoed", SCHEME_CREDENTIALS,
            "https://app.example", "GET\r\nset-cookie: a=b", null, VARY),
        pre("D6 an empty requested method is refused", SCHEME, "https://app.example", "", null, VARY),
        pre("D6 no allowMethods configured: every preflight is refused", MINIMAL, WWW, "GET", null, VARY),
        pre("facts §5 maxAge -1 is sent as configured", NO_CACHE, "https://a.example", "DELETE", null,
            ORIGIN + "*", METHODS + "*", MAX_AGE + "-1"),
        pre("facts §5 maxAge 0 is sent as configured", ZERO_CACHE, "https://a.example", "DELETE", null,
            ORIGIN + "*", METHODS + "*", MAX_AGE + "0"));
  }

  static Stream<Arguments> actualRequests() {
    return Stream.of(
        act("facts §5 '*' on an actual response, with expose headers", STAR, "https://a.example",
            ORIGIN + "*", EXPOSE + "x-request-id"),
        act("facts §5 no Origin, no CORS headers", STAR, null),
        act("facts §5 no Origin, no CORS headers, also with echoing", EXACT, null),
        act("D7 configured origin echoed on an actual response", EXACT, WWW,
            ORIGIN + WWW, CREDENTIALS, EXPOSE + "x-request-id,date", VARY),
        act("D7 origin not allowed: nothing but vary", EXACT, "https://evil.test", VARY),
        act("D7 the opaque origin 'null' is not a configured origin", EXACT, "null", VARY),
        act("D7 '*' answers '*' to the opaque origin", STAR, "null", ORIGIN + "*", EXPOSE + "x-request-id"),
        act("facts §5 https://* on an actual response", SCHEME, "https://b.example", ORIGIN + "https://b.example",
            VARY),
        act("facts §5 https://* refuses http on an actual response", SCHEME, "http://b.example", VARY),
        act("facts §5 only the configured fields are sent", MINIMAL, WWW, ORIGIN + WWW, VARY));
  }

  static Stream<Arguments> preflightDetection() {
    return Stream.of(
        Arguments.of("facts §5 OPTIONS with Origin and Access-Control-Request-Method is a preflight",
            "OPTIONS", WWW, "PUT", true),
        Arguments.of("facts §5 without Origin it goes to routing", "OPTIONS", null, "PUT", false),
        Arguments.of("facts §5 without Access-Control-Request-Method it goes to routing", "OPTIONS", WWW, null,
            false),
        Arguments.of("facts §5 only OPTIONS is a preflight", "GET", WWW, "PUT", false),
        Arguments.of("D7 methods are case-sensitive: 'options' is not OPTIONS", "options", WWW, "PUT", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preflights")
  void preflight(String fact, CorsConfiguration configuration, String origin, String method, String headers,
      List<String> expected) {
    CorsHeaders answer = CorsPolicy.of(configuration).preflight(origin, method, headers);

    assertThat(lines(answer)).as(fact).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actualRequests")
  void actual(String fact, CorsConfiguration configuration, String origin, List<String> expected) {
    CorsHeaders answer = CorsPolicy.of(configuration).actualHeaders(origin);

    assertThat(lines(answer)).as(fact).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preflightDetection")
  void detection(String fact, String method, String origin, String requestMethod, boolean preflight) {
    assertThat(CorsPolicy.of(STAR).isPreflight(method, origin, requestMethod)).as(fact).isEqualTo(preflight);
  }

  @Test
  void factsSection5BackendCorsHeadersAreDropped() {
    CorsPolicy policy = CorsPolicy.of(EXACT);

    assertThat(policy.dropsBackendHeader("Access-Control-Allow-Origin")).isTrue();
    assertThat(policy.dropsBackendHeader("access-control-max-age")).isTrue();
    assertThat(policy.dropsBackendHeader("ACCESS-CONTROL-EXPOSE-HEADERS")).isTrue();
    assertThat(policy.dropsBackendHeader("vary")).isFalse();
    assertThat(policy.dropsBackendHeader("x-access-control-allow-origin")).isFalse();
    assertThat(policy.dropsBackendHeader("access-control")).isFalse();
  }

  @Test
  void tableHasAtLeastFortyRowsEachNamingAFact() {
    List<Arguments> all = Stream.of(preflights(), actualRequests(), preflightDetection())
        .flatMap(s -> s).toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all).allSatisfy(r -> assertThat((String) r.get()[0]).matches("^(facts §\\d|D\\d+).*"));
  }

  private static List<String> lines(CorsHeaders headers) {
    Map<String, String> map = new LinkedHashMap<>(headers.toMap());
    return map.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
  }

  private static Arguments pre(String fact, CorsConfiguration configuration, String origin, String method,
      String headers, String... expected) {
    return Arguments.of(fact, configuration, origin, method, headers, List.of(expected));
  }

  private static Arguments act(String fact, CorsConfiguration configuration, String origin, String... expected) {
    return Arguments.of(fact, configuration, origin, List.of(expected));
  }
}
