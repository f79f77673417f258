package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise.
 */
class RoutingExamplesTest {

  @Test
  void packageExample() {
    Router<String> router = Router.<String>builder()
        .route("GET /pets/{id}", "getPet")
        .route("ANY /pets/{proxy+}", "pets")
        .route(RouteKey.DEFAULT, "fallback")
        .build();

    RouteMatch<String> match = router.match("GET", "/pets/7").orElseThrow();
    match.target();                     // "getPet"
    match.routeKey().toString();        // "GET /pets/{id}"
    match.pathParameters().get("id");   // "7"

    router.match("DELETE", "/pets/7/toys").orElseThrow().target();   // "pets"
    router.match("GET", "/owners").orElseThrow().target();           // "fallback"

    assertThat(match.target()).isEqualTo("getPet");
    assertThat(match.routeKey().toString()).isEqualTo("GET /pets/{id}");
    assertThat(match.pathParameters().get("id")).isEqualTo("7");
    assertThat(router.match("DELETE", "/pets/7/toys").orElseThrow().target()).isEqualTo("pets");
    assertThat(router.match("GET", "/owners").orElseThrow().target()).isEqualTo("fallback");
  }

  @Test
  void routeKeyExample() {
    RouteKey key = RouteKey.parse("GET /pets/{id}");
    key.method();      // Optional[GET]
    key.path();        // Optional[/pets/{id}]
    key.toString();    // "GET /pets/{id}"

    RouteKey.parse("$default").isDefault();          // true
    RouteKey.tryParse("GET /pets/").isPresent();     // false: a path must not end with '/'

    assertThat(key.method()).contains("GET");
    assertThat(key.path()).contains("/pets/{id}");
    assertThat(key.toString()).isEqualTo("GET /pets/{id}");
    assertThat(RouteKey.parse("$default").isDefault()).isTrue();
    assertThat(RouteKey.tryParse("GET /pets/").isPresent()).isFalse();
  }

  @Test
  void routeKeyConflictsWithExample() {
    RouteKey.parse("GET /a/{x}").conflictsWith(RouteKey.parse("GET /a/{y}")); // true
    RouteKey.parse("GET /a/{x}").conflictsWith(RouteKey.parse("ANY /a/{x}")); // false

    assertThat(RouteKey.parse("GET /a/{x}").conflictsWith(RouteKey.parse("GET /a/{y}"))).isTrue();
    assertThat(RouteKey.parse("GET /a/{x}").conflictsWith(RouteKey.parse("ANY /a/{x}"))).isFalse();
  }

  @Test
  void routeKeyShapeExample() {
    RouteKey.parse("GET /a/{x}").shape();   // "GET /a/{}"

    assertThat(RouteKey.parse("GET /a/{x}").shape()).isEqualTo("GET /a/{}");
  }

  @Test
  void routeMatchExample() {
    Router<String> router = Router.<String>builder().route("GET /pets/{type}/{id}", "pet").build();

    RouteMatch<String> match = router.match("GET", "/pets/dog/7").orElseThrow();
    match.routeKey();         // GET /pets/{type}/{id}
    match.target();           // what the route was built with
    match.pathParameters();   // {type=dog, id=7}

    assertThat(match.routeKey()).hasToString("GET /pets/{type}/{id}");
    assertThat(match.target()).isEqualTo("pet");
    assertThat(match.pathParameters()).hasToString("{type=dog, id=7}");
  }

  /** What the Router example routes to. */
  private enum Handler { DOG_ONE, DOG, PETS, EVERYTHING, FALLBACK }

  @Test
  void routerExample() {
    Handler dogOne = Handler.DOG_ONE;
    Handler dog = Handler.DOG;
    Handler pets = Handler.PETS;
    Handler everything = Handler.EVERYTHING;
    Handler fallback = Handler.FALLBACK;

    Router<Handler> router = Router.<Handler>builder()
        .route("GET /pets/dog/1", dogOne)
        .route("GET /pets/dog/{id}", dog)
        .route("GET /pets/{proxy+}", pets)
        .route("ANY /{proxy+}", everything)
        .route(RouteKey.DEFAULT, fallback)
        .build();

    router.match("GET", "/pets/dog/2");    // GET /pets/dog/{id}, {id=2}
    router.match("GET", "/pets/cat/1");    // GET /pets/{proxy+}, {proxy=cat/1}
    router.match("POST", "/test/5");       // ANY /{proxy+}, {proxy=test/5}

    RouteMatch<Handler> two = router.match("GET", "/pets/dog/2").orElseThrow();
    assertThat(two.routeKey()).hasToString("GET /pets/dog/{id}");
    assertThat(two.pathParameters()).hasToString("{id=2}");
    RouteMatch<Handler> cat = router.match("GET", "/pets/cat/1").orElseThrow();
    assertThat(cat.routeKey()).hasToString("GET /pets/{proxy+}");
    assertThat(cat.pathParameters()).hasToString("{proxy=cat/1}");
    RouteMatch<Handler> post = router.match("POST", "/test/5").orElseThrow();
    assertThat(post.routeKey()).hasToString("ANY /{proxy+}");
    assertThat(post.pathParameters()).hasToString("{proxy=test/5}");
  }

  @Test
  void routerDecodePathExample() {
    Router.decodePath("/pets/caf%C3%A9");   // "/pets/café"
    Router.decodePath("/a%2Fb//c%zz");      // "/a/b//c%zz"

    assertThat(Router.decodePath("/pets/caf%C3%A9")).isEqualTo("/pets/café");
    assertThat(Router.decodePath("/a%2Fb//c%zz")).isEqualTo("/a/b//c%zz");
  }

  @Test
  void routingConfigExceptionExample() {
    assertThatThrownBy(() -> {
      Router.<String>builder().route("GET /items", "a").route("GET /items", "b").build();
      // RoutingConfigException: Route with key 'GET /items' already exists
    }).isInstanceOf(RoutingConfigException.class).hasMessage("Route with key 'GET /items' already exists");
  }

  @Test
  void invalidRouteKeyExceptionExample() {
    try {
      RouteKey.parse("get /pets");
    } catch (InvalidRouteKeyException e) {
      e.rule();   // "has method 'get': methods must be upper case"
    }

    assertThatThrownBy(() -> RouteKey.parse("get /pets")).isInstanceOfSatisfying(InvalidRouteKeyException.class,
        e -> assertThat(e.rule()).isEqualTo("has method 'get': methods must be upper case"));
    assertThatThrownBy(() -> RouteKey.parse("GET /pets/")).hasMessage("route key 'GET /pets/' must not end with '/'");
  }
}
