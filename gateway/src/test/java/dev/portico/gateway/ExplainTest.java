package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static dev.portico.gateway.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.cors.CorsConfiguration;
import dev.portico.routing.RouteKey;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@link Gateway#explain} says what {@link Gateway#handle} then does, and {@link Gateway#bodyTooLarge}. */
class ExplainTest {
  private static final Gateway GATEWAY =
      Gateway.create(
          HttpApi.builder()
              .route(Route.of("GET /pets", Fixtures.echo()))
              .route(Route.of("GET /pets/{id}", Fixtures.echo()))
              .route(Route.of("ANY /pets/{id}", Fixtures.echo()))
              .route(Route.of("GET /files/{proxy+}", Fixtures.echo()))
              .cors(CorsConfiguration.builder().allowOrigins("https://app.example").allowMethods("GET").build())
              .stage(Stage.builder("prod").build())
              .build());

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("GET", "/prod/pets", Map.of(), Explanation.Outcome.ROUTE, "GET /pets"),
        Arguments.of("GET", "/prod/pets/7", Map.of(), Explanation.Outcome.ROUTE, "GET /pets/{id}"),
        // facts §1: a route for the request's own method beats ANY at equal rank.
        Arguments.of("DELETE", "/prod/pets/7", Map.of(), Explanation.Outcome.ROUTE, "ANY /pets/{id}"),
        Arguments.of("GET", "/prod/files/a/b%2Fc", Map.of(), Explanation.Outcome.ROUTE, "GET /files/{proxy+}"),
        // facts §1: no $default stage, so a path without a stage prefix has no stage.
        Arguments.of("GET", "/pets", Map.of(), Explanation.Outcome.NO_STAGE, null),
        // D3: the trailing slash is significant.
        Arguments.of("GET", "/prod/pets/", Map.of(), Explanation.Outcome.NO_ROUTE, null),
        // facts §5 / D6: the gateway answers a preflight itself, with or without an OPTIONS route.
        Arguments.of("OPTIONS", "/prod/pets",
            Map.of("Origin", "https://app.example", "Access-Control-Request-Method", "GET"),
            Explanation.Outcome.PREFLIGHT, null),
        // D11: request line and headers over 10,240 bytes.
        Arguments.of("GET", "/prod/pets", Map.of("X-Big", "x".repeat(10_300)), Explanation.Outcome.HEADERS_TOO_LARGE,
            null));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("requests")
  void explainAgreesWithHandle(
      String method, String target, Map<String, String> headers, Explanation.Outcome outcome, String routeKey) {
    GatewayRequest.Builder builder = GatewayRequest.builder().method(method).target(target);
    headers.forEach(builder::header);
    GatewayRequest request = builder.build();

    Explanation explanation = GATEWAY.explain(request);
    GatewayResponse response = call(GATEWAY, request);

    assertThat(explanation.outcome()).isEqualTo(outcome);
    if (outcome == Explanation.Outcome.ROUTE) {
      assertThat(explanation.route().map(Route::routeKey)).contains(RouteKey.parse(routeKey));
      assertThat(event(response).path("routeKey").asText()).isEqualTo(routeKey);
    } else {
      assertThat(explanation.route()).isEmpty();
      assertThat(outcome.status()).contains(response.statusCode());
    }
  }

  @Test
  void pathParametersAndStageAreReported() {
    Explanation explanation =
        GATEWAY.explain(GatewayRequest.builder().method("GET").target("/prod/files/a/b%2Fc")
            .header("Origin", "https://app.example").build());

    assertThat(explanation.stage()).contains("prod");
    assertThat(explanation.routedPath()).isEqualTo("/files/a/b%2Fc");
    assertThat(explanation.pathParameters()).containsExactly(Map.entry("proxy", "a/b/c"));
    assertThat(explanation.corsHeaders()).containsEntry("access-control-allow-origin", "https://app.example");
  }

  @Test
  void preflightReportsTheAnswersHeaders() {
    Explanation explanation =
        GATEWAY.explain(GatewayRequest.builder().method("OPTIONS").target("/prod/anything")
            .header("Origin", "https://app.example").header("Access-Control-Request-Method", "GET").build());

    assertThat(explanation.corsHeaders())
        .containsEntry("access-control-allow-origin", "https://app.example")
        .containsEntry("access-control-allow-methods", "GET");
  }

  @Test
  void bodyTooLargeAnswersAsHandleDoesForAnOversizedBody() {
    GatewayRequest headersOnly =
        GatewayRequest.builder().method("GET").target("/prod/pets").header("Origin", "https://app.example").build();
    GatewayRequest oversized =
        GatewayRequest.builder().method("GET").target("/prod/pets").header("Origin", "https://app.example")
            .body(new byte[GatewayLimits.DEFAULT_MAX_BODY_BYTES + 1]).build();

    GatewayResponse early = GATEWAY.bodyTooLarge(headersOnly);
    GatewayResponse full = call(GATEWAY, oversized);

    // D11: 413 {"message":"Request Entity Too Large"}.
    assertThat(early.statusCode()).isEqualTo(413).isEqualTo(full.statusCode());
    assertThat(early.bodyText()).isEqualTo("{\"message\":\"Request Entity Too Large\"}").isEqualTo(full.bodyText());
    assertThat(early.headers().keySet()).isEqualTo(full.headers().keySet());
    assertThat(early.header("access-control-allow-origin")).contains("https://app.example");
    assertThat(List.copyOf(early.headers().get("apigw-requestid"))).isNotEqualTo(full.headers().get("apigw-requestid"));
  }
}
