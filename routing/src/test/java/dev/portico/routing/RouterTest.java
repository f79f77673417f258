package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouterTest {

  @Test
  void duplicateKeyFailsAtBuildWithAwsMessage() {
    Router.Builder<String> builder = Router.<String>builder().route("GET /items", "a").route("GET /items", "b");

    assertThatThrownBy(builder::build)
        .isInstanceOf(RoutingConfigException.class)
        .hasMessage("Route with key 'GET /items' already exists");
  }

  @Test
  void sameShapeWithOtherVariableNamesConflicts() {
    Router.Builder<String> builder = Router.<String>builder()
        .route("GET /a/{x}", "a")
        .route("GET /a/{y}", "b")
        .route("ANY /p/{proxy+}", "c")
        .route("ANY /p/{rest+}", "d")
        .route("$default", "e")
        .route("$default", "f");

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(RoutingConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "Route with key 'GET /a/{y}' conflicts with 'GET /a/{x}': same method and path, only the variable "
                + "names differ",
            "Route with key 'ANY /p/{rest+}' conflicts with 'ANY /p/{proxy+}': same method and path, only the "
                + "variable names differ",
            "Route with key '$default' already exists"));
  }

  @Test
  void sameShapeWithOtherMethodsOrKindsDoesNotConflict() {
    Router<String> router = Router.<String>builder()
        .route("GET /a/{x}", "get")
        .route("ANY /a/{x}", "any")
        .route("GET /a/{x+}", "greedy")
        .route("GET /a/x", "literal")
        .route("GET /", "root")
        .route("GET /{x}", "variable")
        .build();

    assertThat(router.routes()).hasSize(6);
    assertThat(router.match("GET", "/a/y").orElseThrow().target()).isEqualTo("get");
    assertThat(router.match("GET", "/a/y/z").orElseThrow().target()).isEqualTo("greedy");
  }

  @Test
  void routesAreKeptInInsertionOrderAndCannotBeChanged() {
    Router<Integer> router = Router.<Integer>builder()
        .route("GET /b", 1).route("GET /a", 2).route(RouteKey.DEFAULT, 3).build();

    assertThat(new ArrayList<>(router.routes().keySet()).stream().map(RouteKey::toString))
        .containsExactly("GET /b", "GET /a", "$default");
    assertThatThrownBy(() -> router.routes().put(RouteKey.parse("GET /c"), 4))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderCanBeReusedWithoutChangingBuiltRouters() {
    Router.Builder<String> builder = Router.<String>builder().route("GET /a", "a");
    Router<String> first = builder.build();
    Router<String> second = builder.route("GET /b", "b").build();

    assertThat(first.match("GET", "/b")).isEmpty();
    assertThat(second.match("GET", "/b")).isPresent();
  }

  @Test
  void invalidKeyFailsAtRoute() {
    assertThatThrownBy(() -> Router.<String>builder().route("GET /a/", "x"))
        .isInstanceOf(InvalidRouteKeyException.class)
        .hasMessage("route key 'GET /a/' must not end with '/'");
  }

  @Test
  void nullsAreRejected() {
    Router.Builder<String> builder = Router.builder();
    assertThatThrownBy(() -> builder.route((RouteKey) null, "x")).hasMessage("key");
    assertThatThrownBy(() -> builder.route("GET /a", null)).hasMessage("target");
    Router<String> router = builder.build();
    assertThatThrownBy(() -> router.match(null, "/")).hasMessage("method");
    assertThatThrownBy(() -> router.match("GET", null)).hasMessage("rawPath");
  }

  @Test
  void emptyRouterMatchesNothing() {
    Router<String> router = Router.<String>builder().build();

    assertThat(router.match("GET", "/")).isEmpty();
    assertThat(router.routes()).isEmpty();
  }

  @Test
  void pathParametersAreImmutableAndOrdered() {
    Router<String> router = Router.<String>builder().route("GET /{z}/{a}/{m+}", "x").build();

    Map<String, String> parameters = router.match("GET", "/1/2/3/4").orElseThrow().pathParameters();

    assertThat(parameters).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"), Map.entry("m", "3/4"));
    assertThat(parameters).isEqualTo(Map.of("a", "2", "z", "1", "m", "3/4"));
    assertThat(parameters.get("nope")).isNull();
    assertThatThrownBy(() -> parameters.put("b", "c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> parameters.entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void routeMatchCopiesParametersInOrder() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("b", "1");
    source.put("a", "2");
    RouteMatch<String> match = new RouteMatch<>(RouteKey.parse("GET /{b}/{a}"), "t", source);
    source.put("c", "3");

    assertThat(match.pathParameters()).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
    assertThatThrownBy(() -> new RouteMatch<>(RouteKey.DEFAULT, null, Map.of())).hasMessage("target");
  }

  @Test
  void oneRouterServesManyThreads() throws Exception {
    Router.Builder<Integer> builder = Router.builder();
    for (int i = 0; i < 300; i++) {
      builder.route("GET /r" + i + "/{id}", i);
    }
    Router<Integer> router = builder.build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(() -> {
          for (int n = 0; n < 10_000; n++) {
            int i = n % 300;
            RouteMatch<Integer> match = router.match("GET", "/r" + i + "/" + n).orElseThrow();
            if (match.target() != i || !match.pathParameters().get("id").equals(Integer.toString(n))) {
              return false;
            }
          }
          return true;
        });
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
