package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.answering;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.cors.CorsConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, items 4 and 14: what a definition allows but rarely means. AWS routes methods exactly (D4: HEAD is its
 * own method), so a protected {@code GET} route's path is open to {@code HEAD}, {@code get} or {@code PROPFIND}
 * when an unprotected {@code ANY} or {@code $default} route catches them.
 */
class ApiWarningsTest {
  static final Authorizer JWT = Authorizer.jwt("jwt", JwtAuthorizerConfig.builder()
      .issuer("https://idp.example.com").audiences("api").build());

  @Test
  void aProtectedRouteWhosePathAnOpenDefaultRouteServesForOtherMethods() {
    HttpApi api = HttpApi.builder().authorizer(JWT)
        .route(Route.builder("GET /pets/{id}", answering("{}")).jwt("jwt").build())
        .route(Route.of("$default", answering("{}")))
        .build();

    assertThat(api.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(ApiWarning.Kind.UNPROTECTED_OTHER_METHODS);
      assertThat(w.routeKeys()).containsExactly("GET /pets/{id}", "$default");
      assertThat(w.message()).isEqualTo("route 'GET /pets/{id}' requires JWT authorization, but other methods on"
          + " its path (HEAD, a lower-case 'get', PROPFIND, ...) reach '$default', which requires none (AWS routes"
          + " methods exactly); unless that is meant, authorize '$default' too");
    });
  }

  @Test
  void aGreedyAnyRouteIsNamedToo() {
    HttpApi api = HttpApi.builder().authorizer(JWT)
        .route(Route.builder("DELETE /admin/{proxy+}", answering("{}")).jwt("jwt").build())
        .route(Route.of("ANY /{proxy+}", answering("{}")))
        .build();

    assertThat(api.warnings()).extracting(ApiWarning::routeKeys)
        .containsExactly(java.util.List.of("DELETE /admin/{proxy+}", "ANY /{proxy+}"));
  }

  @Test
  void noWarningWhenTheCatchAllIsProtectedOrTheRouteCoversEveryMethod() {
    HttpApi catchAllProtected = HttpApi.builder().authorizer(JWT)
        .route(Route.builder("GET /pets/{id}", answering("{}")).jwt("jwt").build())
        .route(Route.builder("$default", answering("{}")).jwt("jwt").build())
        .build();
    HttpApi anyMethod = HttpApi.builder().authorizer(JWT)
        .route(Route.builder("ANY /pets/{id}", answering("{}")).jwt("jwt").build())
        .route(Route.of("$default", answering("{}")))
        .build();
    HttpApi otherPath = HttpApi.builder().authorizer(JWT)
        .route(Route.builder("GET /pets/{id}", answering("{}")).jwt("jwt").build())
        .route(Route.of("ANY /public/{proxy+}", answering("{}")))
        .build();

    assertThat(catchAllProtected.warnings()).isEmpty();
    assertThat(anyMethod.warnings()).isEmpty();
    assertThat(otherPath.warnings()).isEmpty();
  }

  @Test
  void corsReflectingEveryHttpsOriginWithCredentials() {
    // AWS documents 'https://*' as an origin and refuses only '*' with credentials, so the API is valid.
    HttpApi api = HttpApi.builder().route(Route.of("GET /", answering("{}")))
        .cors(CorsConfiguration.builder().allowOrigins("https://*").allowCredentials(true).build())
        .build();

    assertThat(api.warnings()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo(ApiWarning.Kind.CORS_SCHEME_WILDCARD_WITH_CREDENTIALS);
      assertThat(w.message()).contains("'https://*'").contains("any https site");
    });
    assertThat(api.toBuilder().cors(CorsConfiguration.builder().allowOrigins("https://*").build()).build()
        .warnings()).isEmpty();
  }
}
