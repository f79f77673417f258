package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples of package-info.java, RouteKey, Router and README.md, kept compiling and true. */
class RoutingExamplesTest {

  @Test
  void packageExample() {
    Router<String> router = Router.<String>builder()
        .route("GET /pets/{id}", "getPet")
        .route("ANY /pets/{proxy+}", "pets")
        .route(RouteKey.DEFAULT, "fallback")
        .build();

    RouteMatch<String> match = router.match("GET", "/pets/7").orElseThrow();
    assertThat(match.target()).isEqualTo("getPet");
    assertThat(match.routeKey().toString()).isEqualTo("GET /pets/{id}");
    assertThat(match.pathParameters().get("id")).isEqualTo("7");

    assertThat(router.match("DELETE", "/pets/7/toys").orElseThrow().target()).isEqualTo("pets");
    assertThat(router.match("GET", "/owners").orElseThrow().target()).isEqualTo("fallback");
  }

  @Test
  void routeKeyExample() {
    RouteKey key = RouteKey.parse("GET /pets/{id}");
    assertThat(key.method()).contains("GET");
    assertThat(key.path()).contains("/pets/{id}");
    assertThat(key.toString()).isEqualTo("GET /pets/{id}");
    assertThat(RouteKey.parse("$default").isDefault()).isTrue();
    assertThat(RouteKey.tryParse("GET /pets/").isPresent()).isFalse();
  }

  @Test
  void routerExampleIsTheGuideExample() {
    Router<String> router = Router.<String>builder()
        .route("GET /pets/dog/1", "dogOne")
        .route("GET /pets/dog/{id}", "dog")
        .route("GET /pets/{proxy+}", "pets")
        .route("ANY /{proxy+}", "everything")
        .route(RouteKey.DEFAULT, "fallback")
        .build();

    assertThat(router.match("GET", "/pets/dog/2").orElseThrow().pathParameters()).containsEntry("id", "2");
    assertThat(router.match("GET", "/pets/cat/1").orElseThrow().pathParameters())
        .containsEntry("proxy", "cat/1");
    assertThat(router.match("POST", "/test/5").orElseThrow().routeKey()).hasToString("ANY /{proxy+}");
  }

  @Test
  void routeMatchExample() {
    Router<String> router = Router.<String>builder().route("GET /pets/{type}/{id}", "pet").build();

    RouteMatch<String> match = router.match("GET", "/pets/dog/7").orElseThrow();
    assertThat(match.routeKey()).hasToString("GET /pets/{type}/{id}");
    assertThat(match.pathParameters()).hasToString("{type=dog, id=7}");
  }

  @Test
  void exceptionExamples() {
    assertThat(RouteKey.tryParse("get /pets")).isEmpty();
    try {
      RouteKey.parse("get /pets");
    } catch (InvalidRouteKeyException e) {
      assertThat(e.rule()).isEqualTo("has method 'get': methods must be upper case");
    }
  }
}
