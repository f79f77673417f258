package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.testing.internal.BrowserCors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The browser's side of CORS as the Fetch standard defines it (CORS check, CORS-preflight fetch), one row per rule,
 * on hand-written answers: what {@code isCorsAllowed()} decides, independent of any gateway.
 */
class BrowserCorsTest {
  static final String ORIGIN = "https://app.example";

  static Stream<Arguments> rows() {
    return Stream.of(
        // rule, request headers, status, response headers, credentials, expected refusal (null = allowed)
        Arguments.of("no Origin: not a CORS request", Map.of(), 200, Map.of("access-control-allow-origin", "*"),
            false, "the request has no Origin header, so it is not a cross-origin request"),
        Arguments.of("echoed origin", Map.of("origin", ORIGIN), 200,
            Map.of("access-control-allow-origin", ORIGIN), false, null),
        Arguments.of("wildcard origin without credentials", Map.of("origin", ORIGIN), 200,
            Map.of("access-control-allow-origin", "*"), false, null),
        Arguments.of("wildcard origin refused with credentials", Map.of("origin", ORIGIN), 200,
            Map.of("access-control-allow-origin", "*", "access-control-allow-credentials", "true"), true,
            "access-control-allow-origin is '*', which browsers refuse for credentialed requests"),
        Arguments.of("credentials need allow-credentials true", Map.of("origin", ORIGIN), 200,
            Map.of("access-control-allow-origin", ORIGIN), true,
            "access-control-allow-credentials is [], not 'true'"),
        Arguments.of("credentials allowed", Map.of("origin", ORIGIN), 200,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-credentials", "true"), true, null),
        Arguments.of("another origin", Map.of("origin", ORIGIN), 200,
            Map.of("access-control-allow-origin", "https://other.example"), false,
            "access-control-allow-origin is 'https://other.example', not the page's origin 'https://app.example'"),
        Arguments.of("origin compared exactly (case)", Map.of("origin", ORIGIN), 200,
            Map.of("access-control-allow-origin", "https://APP.example"), false,
            "access-control-allow-origin is 'https://APP.example', not the page's origin 'https://app.example'"),
        Arguments.of("preflight needs an ok status", preflight("PUT", null), 404,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-methods", "PUT"), false,
            "the preflight answered 404, not an ok status (200-299)"),
        Arguments.of("preflight method listed", preflight("PUT", null), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-methods", "GET, PUT"), false, null),
        Arguments.of("preflight method not listed", preflight("DELETE", null), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-methods", "GET,PUT"), false,
            "method DELETE is not in access-control-allow-methods [GET, PUT]"),
        Arguments.of("safelisted methods need no listing", preflight("POST", "content-type"), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-headers", "content-type"), false,
            null),
        Arguments.of("method wildcard without credentials", preflight("PATCH", null), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-methods", "*"), false, null),
        Arguments.of("method wildcard does not count with credentials", preflight("PATCH", null), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-methods", "*",
                "access-control-allow-credentials", "true"), true,
            "method PATCH is not in access-control-allow-methods [*] ('*' does not count with credentials)"),
        Arguments.of("headers compared case-insensitively", preflight("GET", "X-Api-Key"), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-headers", "x-api-key"), false, null),
        Arguments.of("header not listed", preflight("GET", "x-api-key,x-trace"), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-headers", "x-api-key"), false,
            "header x-trace is not in access-control-allow-headers [x-api-key]"),
        Arguments.of("header wildcard", preflight("GET", "x-trace"), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-headers", "*"), false, null),
        Arguments.of("header wildcard never covers authorization", preflight("GET", "authorization"), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-headers", "*"), false,
            "header authorization is not in access-control-allow-headers [*] ('*' never covers authorization)"),
        Arguments.of("authorization listed explicitly", preflight("GET", "authorization"), 204,
            Map.of("access-control-allow-origin", ORIGIN, "access-control-allow-headers", "*, Authorization"),
            false, null));
  }

  static Map<String, String> preflight(String method, String headers) {
    Map<String, String> request = new TreeMap<>();
    request.put("origin", ORIGIN);
    request.put("access-control-request-method", method);
    if (headers != null) {
      request.put("access-control-request-headers", headers);
    }
    return request;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void fetchStandard(String rule, Map<String, String> request, int status, Map<String, String> response,
      boolean credentials, String refusal) {
    Optional<String> decided = BrowserCors.refusal(name -> Optional.ofNullable(request.get(name)), status,
        name -> response.containsKey(name) ? List.of(response.get(name)) : List.of(), credentials);
    assertThat(decided).isEqualTo(Optional.ofNullable(refusal));
  }
}
