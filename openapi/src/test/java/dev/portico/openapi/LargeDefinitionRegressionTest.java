package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 7: import compared every route key with every earlier one (10,000 routes: 18 s; 100,000 never
 * finished), and the 300-route quota was checked only after all were read. Import is linear, and a definition
 * over the quota stops at the first route over it with an error naming the quota, which the host may raise.
 * The time guards only catch a hang; the scaling is measured in benchmarks/ (ImportBenchmark).
 */
class LargeDefinitionRegressionTest {
  static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** A JSON definition of {@code n} routes {@code GET /rI/{id}}, plus an optional extra path item. */
  static String definition(int n, String extra) {
    StringBuilder json = new StringBuilder(n * 220).append("{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"big\","
        + "\"version\":\"1\"},\"paths\":{");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append("\"/r").append(i).append("/{id}\":{\"get\":{")
          .append("\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",")
          .append("\"uri\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"payloadFormatVersion\":\"2.0\"}}}");
    }
    return json.append(extra).append("}}").toString();
  }

  @Test
  void aDefinitionOverTheQuotaStopsAtTheFirstRouteOverIt() {
    String huge = definition(100_000, "");

    ImportResult result = assertTimeoutPreemptively(HANG_GUARD, () -> OpenApiImporter.read(huge));

    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/paths/~1r300~1{id}/get");
      assertThat(error.message()).startsWith("more than 300 routes per API: over the route quota"
          + " (ImportOptions.maxRoutes; AWS's default quota is 300 and can be raised)");
    });
  }

  @Test
  void aRaisedQuotaImportsTenThousandRoutesThatBuildAndRoute() throws Exception {
    ImportOptions raised = ImportOptions.builder().maxRoutes(10_000).build();

    ImportResult result = assertTimeoutPreemptively(HANG_GUARD,
        () -> OpenApiImporter.read(definition(10_000, ""), raised));

    assertThat(result.errors()).isEmpty();
    assertThat(result.routeKeys()).hasSize(10_000);
    HttpApi api = result.apiBuilder(Map.of("f", (event, context) -> "{}".getBytes())).build();
    assertThat(api.limits().maxRoutes()).isEqualTo(10_000);
    assertThat(Gateway.create(api).explain(dev.portico.gateway.GatewayRequest.builder().target("/r9999/7").build())
        .route()).hasValueSatisfying(route -> assertThat(route.routeKey().toString()).isEqualTo("GET /r9999/{id}"));
  }

  @Test
  void conflictsAreStillFoundAmongThousands() {
    String conflicting = ",\"/r4321/{other}\":{\"get\":{\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\","
        + "\"httpMethod\":\"POST\",\"uri\":\"arn:aws:lambda:us-east-1:123456789012:function:f\","
        + "\"payloadFormatVersion\":\"2.0\"}}}";

    ImportResult result = OpenApiImporter.read(definition(5_000, conflicting),
        ImportOptions.builder().maxRoutes(6_000).build());

    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/paths/~1r4321~1{other}/get");
      assertThat(error.message()).isEqualTo("route key 'GET /r4321/{other}' conflicts with 'GET /r4321/{id}' at"
          + " /paths/~1r4321~1{id}/get: same method and path, only the variable names differ");
    });
  }
}
