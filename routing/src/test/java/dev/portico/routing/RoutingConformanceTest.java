package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per AWS fact or Portico decision about route selection (facts §1, decisions D1–D4, D13).
 * Each row: the fact it pins, a route table, a request, and the route AWS picks ({@code 404} for none) with its
 * path parameters in order.
 */
class RoutingConformanceTest {

  private static final List<String> GUIDE = List.of(
      "GET /pets/dog/1", "GET /pets/dog/{id}", "GET /pets/{proxy+}", "ANY /{proxy+}", "$default");
  private static final List<String> ANY_VS_METHOD = List.of(
      "ANY /items", "GET /items", "GET /items/{id}", "ANY /items/{id}");
  private static final List<String> GET_ONLY = List.of("GET /a");
  private static final List<String> TODOS_WITH_DEFAULT = List.of("POST /todos", "$default");
  private static final List<String> TODOS = List.of("POST /todos", "GET /todos/{id}");
  private static final List<String> ROOT = List.of("GET /", "ANY /{proxy+}");
  private static final List<String> CASE = List.of("GET /Pets", "GET /pets/{id}");
  private static final List<String> ENCODED = List.of(
      "GET /files/{name}", "GET /static/{proxy+}", "GET /files/readme/raw");
  private static final List<String> LITERAL_VS_VARIABLE = List.of(
      "GET /users/me", "GET /users/{id}", "GET /users/{id}/posts", "GET /{tenant}/settings",
      "GET /users/{id}/{tab}");
  private static final List<String> OTHER_METHOD_LITERAL = List.of("POST /pets/dog", "GET /pets/{id}");
  private static final List<String> PATH_BEFORE_METHOD = List.of("ANY /pets/dog", "GET /pets/{id}");
  private static final List<String> FULL_BEFORE_GREEDY = List.of("GET /{a}/{b}", "GET /pets/{proxy+}");
  private static final List<String> GREEDY_PREFIXES = List.of(
      "ANY /{proxy+}", "ANY /api/{proxy+}", "ANY /api/v1/{proxy+}", "GET /api/{version}/{proxy+}");
  private static final List<String> OPTIONS_PROXY = List.of("OPTIONS /{proxy+}", "GET /pets", "$default");
  private static final List<String> DEFAULT_ONLY = List.of("$default");
  private static final List<String> DEEP = List.of("GET /a/b/c/d/e/f/g/h/i/j", "GET /a/{proxy+}");
  private static final String THOUSAND_SEGMENTS = "/a" + "/x".repeat(1000);

  static Stream<Arguments> rows() {
    return Stream.of(
        // facts §1: the developer guide's worked example, row by row.
        row("facts §1 guide example: exact route", GUIDE, "GET", "/pets/dog/1", "GET /pets/dog/1"),
        row("facts §1 guide example: variable", GUIDE, "GET", "/pets/dog/2", "GET /pets/dog/{id}", "id=2"),
        row("facts §1 guide example: greedy", GUIDE, "GET", "/pets/cat/1", "GET /pets/{proxy+}", "proxy=cat/1"),
        row("facts §1 guide example: ANY greedy", GUIDE, "POST", "/test/5", "ANY /{proxy+}", "proxy=test/5"),
        row("facts §1 guide table: GET routes do not serve POST", GUIDE, "POST", "/pets/dog/1", "ANY /{proxy+}",
            "proxy=pets/dog/1"),
        row("facts §1 guide table: greedy catches one child", GUIDE, "GET", "/pets/dog", "GET /pets/{proxy+}",
            "proxy=dog"),
        row("D1 guide table: /pets/{proxy+} does not match /pets", GUIDE, "GET", "/pets", "ANY /{proxy+}",
            "proxy=pets"),
        row("D1 guide table: /{proxy+} does not match /", GUIDE, "GET", "/", "$default"),
        row("facts §1 guide table: greedy catches deep children", GUIDE, "GET", "/pets/dog/1/toys",
            "GET /pets/{proxy+}", "proxy=dog/1/toys"),
        row("D4 guide table: HEAD is not GET", GUIDE, "HEAD", "/pets/dog/1", "ANY /{proxy+}", "proxy=pets/dog/1"),
        // facts §1: ANY matches the methods that have no route of their own for the resource.
        row("facts §1 ANY: own method wins", ANY_VS_METHOD, "GET", "/items", "GET /items"),
        row("facts §1 ANY: other method falls to ANY", ANY_VS_METHOD, "POST", "/items", "ANY /items"),
        row("facts §1 ANY: with a variable", ANY_VS_METHOD, "DELETE", "/items/5", "ANY /items/{id}", "id=5"),
        row("facts §1 ANY: own method with a variable", ANY_VS_METHOD, "GET", "/items/5", "GET /items/{id}",
            "id=5"),
        row("D4 HEAD falls to ANY, not GET", ANY_VS_METHOD, "HEAD", "/items", "ANY /items"),
        row("facts §1 ANY covers OPTIONS", ANY_VS_METHOD, "OPTIONS", "/items", "ANY /items"),
        row("facts §1 ANY covers methods AWS does not list", ANY_VS_METHOD, "PROPFIND", "/items", "ANY /items"),
        row("D4 HEAD has no implicit GET route", GET_ONLY, "HEAD", "/a", "404"),
        row("facts §1 no route and no $default: 404", GET_ONLY, "GET", "/b", "404"),
        row("facts §1 method without a route: 404", GET_ONLY, "POST", "/a", "404"),
        row("RFC 9110 §9.1 methods are case-sensitive (facts SILENT)", GET_ONLY, "get", "/a", "404"),
        // facts §1: trailing slash is significant (powertools e2e).
        row("facts §1 trailing slash: /todos/ falls to $default", TODOS_WITH_DEFAULT, "POST", "/todos/",
            "$default"),
        row("facts §1 trailing slash: /todos matches", TODOS_WITH_DEFAULT, "POST", "/todos", "POST /todos"),
        row("facts §1 trailing slash: 404 without $default", TODOS, "POST", "/todos/", "404"),
        row("D1 a variable needs a non-empty segment", TODOS, "GET", "/todos/", "404"),
        row("facts §1 trailing slash after a variable", TODOS, "GET", "/todos/1/", "404"),
        // Root path.
        row("facts §1 root route", ROOT, "GET", "/", "GET /"),
        row("facts §1 root route: ANY greedy takes the rest", ROOT, "GET", "/x", "ANY /{proxy+}", "proxy=x"),
        row("D1 root: greedy does not match /", ROOT, "POST", "/", "404"),
        row("D3 empty segments are kept in the greedy value", ROOT, "GET", "//", "ANY /{proxy+}", "proxy=/"),
        row("D3 empty segments are not collapsed", ROOT, "GET", "/a//b", "ANY /{proxy+}", "proxy=a//b"),
        // D3: case.
        row("D3 paths are case-sensitive: exact case", CASE, "GET", "/Pets", "GET /Pets"),
        row("D3 paths are case-sensitive: other case", CASE, "GET", "/pets", "404"),
        row("D3 paths are case-sensitive: upper-case literal", CASE, "GET", "/PETS/1", "404"),
        row("D3 variable values keep their case", CASE, "GET", "/pets/Rex", "GET /pets/{id}", "id=Rex"),
        // facts §1 (API Gateway decodes the path) and D13.
        row("D13 %2F stays inside its path parameter", ENCODED, "GET", "/files/a%2Fb", "GET /files/{name}",
            "name=a/b"),
        row("facts §1 path parameters arrive decoded", ENCODED, "GET", "/files/hello%20world",
            "GET /files/{name}", "name=hello world"),
        row("facts §1 UTF-8 escapes decode", ENCODED, "GET", "/files/caf%C3%A9", "GET /files/{name}",
            "name=caf\u00e9"),
        row("D13 malformed escape: segment as sent", ENCODED, "GET", "/files/%zz", "GET /files/{name}",
            "name=%zz"),
        row("D13 lone percent: segment as sent", ENCODED, "GET", "/files/100%", "GET /files/{name}",
            "name=100%"),
        row("D13 escape that is not UTF-8: segment as sent", ENCODED, "GET", "/files/%FF", "GET /files/{name}",
            "name=%FF"),
        row("D13 truncated UTF-8 sequence: segment as sent", ENCODED, "GET", "/files/%E2%82",
            "GET /files/{name}", "name=%E2%82"),
        row("D13 plus is not a space in a path", ENCODED, "GET", "/files/a+b", "GET /files/{name}", "name=a+b"),
        row("facts §1 greedy value is decoded", ENCODED, "GET", "/static/css/site%20v2.css",
            "GET /static/{proxy+}", "proxy=css/site v2.css"),
        row("D13 greedy value joins decoded segments", ENCODED, "GET", "/static/a%2Fb/c",
            "GET /static/{proxy+}", "proxy=a/b/c"),
        row("facts §1 literals compare with the decoded path", ENCODED, "GET", "/%66iles/readme",
            "GET /files/{name}", "name=readme"),
        row("facts §1 encoded literal segment matches the literal", ENCODED, "GET", "/files/%72eadme/raw",
            "GET /files/readme/raw"),
        row("D13 encoded slash is not a separator", ENCODED, "GET", "/files/readme%2Fraw", "GET /files/{name}",
            "name=readme/raw"),
        // D2: literal beats variable at the first segment where routes differ.
        row("D2 literal beats variable", LITERAL_VS_VARIABLE, "GET", "/users/me", "GET /users/me"),
        row("D2 variable when no literal matches", LITERAL_VS_VARIABLE, "GET", "/users/42", "GET /users/{id}",
            "id=42"),
        row("D2 literal after a variable", LITERAL_VS_VARIABLE, "GET", "/users/42/posts",
            "GET /users/{id}/posts", "id=42"),
        row("D2 two variables in order", LITERAL_VS_VARIABLE, "GET", "/users/42/likes",
            "GET /users/{id}/{tab}", "id=42", "tab=likes"),
        row("D2 the first differing segment decides", LITERAL_VS_VARIABLE, "GET", "/users/settings",
            "GET /users/{id}", "id=settings"),
        row("D2 leading variable", LITERAL_VS_VARIABLE, "GET", "/acme/settings", "GET /{tenant}/settings",
            "tenant=acme"),
        row("facts §1 a literal route of another method does not hide a variable route", OTHER_METHOD_LITERAL,
            "GET", "/pets/dog", "GET /pets/{id}", "id=dog"),
        row("facts §1 literal route with its method", OTHER_METHOD_LITERAL, "POST", "/pets/dog",
            "POST /pets/dog"),
        row("facts §1 no route for the method", OTHER_METHOD_LITERAL, "POST", "/pets/cat", "404"),
        row("D2 path rank before method: ANY literal beats GET variable", PATH_BEFORE_METHOD, "GET",
            "/pets/dog", "ANY /pets/dog"),
        row("D2 path rank before method: variable where the literal fails", PATH_BEFORE_METHOD, "GET",
            "/pets/cat", "GET /pets/{id}", "id=cat"),
        // facts §1 (1) before (2): any full match beats any greedy match.
        row("facts §1 full match with variables beats greedy", FULL_BEFORE_GREEDY, "GET", "/pets/x",
            "GET /{a}/{b}", "a=pets", "b=x"),
        row("facts §1 greedy when no full match", FULL_BEFORE_GREEDY, "GET", "/pets/x/y", "GET /pets/{proxy+}",
            "proxy=x/y"),
        row("D1 greedy needs a child resource", FULL_BEFORE_GREEDY, "GET", "/pets", "404"),
        // D2 among greedy routes: the longest literal prefix wins.
        row("D2 greedy: longest literal prefix", GREEDY_PREFIXES, "GET", "/api/v1/users", "ANY /api/v1/{proxy+}",
            "proxy=users"),
        row("D2 greedy: variable prefix beats shorter literal prefix", GREEDY_PREFIXES, "GET", "/api/v2/users",
            "GET /api/{version}/{proxy+}", "version=v2", "proxy=users"),
        row("D2 greedy: method falls back to a shorter prefix", GREEDY_PREFIXES, "POST", "/api/v2/users",
            "ANY /api/{proxy+}", "proxy=v2/users"),
        row("D2 greedy: root greedy catches the rest", GREEDY_PREFIXES, "GET", "/other", "ANY /{proxy+}",
            "proxy=other"),
        row("D1 greedy: /api/{proxy+} does not match /api", GREEDY_PREFIXES, "GET", "/api", "ANY /{proxy+}",
            "proxy=api"),
        row("D1 greedy: one child under /api", GREEDY_PREFIXES, "GET", "/api/v1", "ANY /api/{proxy+}",
            "proxy=v1"),
        // facts §1: OPTIONS /{proxy+} has higher priority than $default (http-api-cors).
        row("facts §1 OPTIONS /{proxy+} beats $default", OPTIONS_PROXY, "OPTIONS", "/pets", "OPTIONS /{proxy+}",
            "proxy=pets"),
        row("D1 OPTIONS /{proxy+} does not match /", OPTIONS_PROXY, "OPTIONS", "/", "$default"),
        row("facts §1 GET route next to OPTIONS proxy", OPTIONS_PROXY, "GET", "/pets", "GET /pets"),
        row("facts §1 $default catches the rest", OPTIONS_PROXY, "GET", "/cats", "$default"),
        row("facts §1 a path without a leading slash only reaches $default", OPTIONS_PROXY, "OPTIONS", "*",
            "$default"),
        row("facts §1 an empty path only reaches $default", OPTIONS_PROXY, "GET", "", "$default"),
        row("facts §1 $default alone catches every request", DEFAULT_ONLY, "DELETE", "/any/path", "$default"),
        // Long paths.
        row("facts §1 deep literal route", DEEP, "GET", "/a/b/c/d/e/f/g/h/i/j", "GET /a/b/c/d/e/f/g/h/i/j"),
        row("facts §1 one segment deeper goes to greedy", DEEP, "GET", "/a/b/c/d/e/f/g/h/i/j/k",
            "GET /a/{proxy+}", "proxy=b/c/d/e/f/g/h/i/j/k"),
        row("facts §1 a thousand segments", DEEP, "GET", THOUSAND_SEGMENTS, "GET /a/{proxy+}",
            "proxy=" + THOUSAND_SEGMENTS.substring(3)));
  }

  @ParameterizedTest(name = "{0}: {2} {3}")
  @MethodSource("rows")
  void routesAsAws(String fact, List<String> table, String method, String path, String expectedKey,
      Map<String, String> expectedParameters) {
    Router.Builder<String> builder = Router.builder();
    table.forEach(key -> builder.route(key, key));
    Router<String> router = builder.build();

    Optional<RouteMatch<String>> match = router.match(method, path);

    if (expectedKey.equals("404")) {
      assertThat(match).as(fact).isEmpty();
      return;
    }
    assertThat(match).as(fact).isPresent();
    assertThat(match.get().routeKey()).as(fact).hasToString(expectedKey);
    assertThat(match.get().target()).as(fact).isEqualTo(expectedKey);
    assertThat(new ArrayList<>(match.get().pathParameters().entrySet()))
        .as(fact + ": path parameters in order")
        .containsExactlyElementsOf(expectedParameters.entrySet());
  }

  @org.junit.jupiter.api.Test
  void tableHasAtLeastSixtyRowsEachNamingAFact() {
    List<Arguments> all = rows().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    assertThat(all).allSatisfy(r -> assertThat((String) r.get()[0]).matches("^(facts §\\d|D\\d+|RFC).*"));
  }

  private static Arguments row(String fact, List<String> table, String method, String path, String expected,
      String... parameters) {
    Map<String, String> expectedParameters = new LinkedHashMap<>();
    Arrays.stream(parameters).forEach(p -> {
      int eq = p.indexOf('=');
      expectedParameters.put(p.substring(0, eq), p.substring(eq + 1));
    });
    return Arguments.of(fact, table, method, path, expected, expectedParameters);
  }
}
