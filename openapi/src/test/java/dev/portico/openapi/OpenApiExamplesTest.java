package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The examples of the package documentation and docs/openapi.md, run. */
class OpenApiExamplesTest {

  @Test
  void importBindServeAndExport() throws Exception {
    Path file = Corpus.path("definitions/hand-written-pets.yaml");

    ImportResult result = OpenApiImporter.read(file);
    assertThat(result.problems()).isEmpty();
    assertThat(result.functionNames()).containsExactly("pet-store", "pet-store-health");
    HttpApi api = result.apiBuilder(Bindings.builder()
            .function("pet-store", Apis.OK)
            .function("pet-store-health", Apis.OK)
            .build())
        .build();
    Gateway gateway = Gateway.create(api);
    GatewayResponse health = gateway.handle(GatewayRequest.builder().method("GET").target("/health").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(health.statusCode()).isEqualTo(200);
    GatewayResponse pets = gateway.handle(GatewayRequest.builder().method("GET").target("/pets").build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(pets.statusCode()).isEqualTo(401);

    String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML);
    assertThat(OpenApiImporter.read(yaml).routeKeys()).isEqualTo(result.routeKeys());
  }

  @Test
  void exporterExample() {
    HttpApi api = HttpApi.builder()
        .route(Route.of("GET /pets", LambdaIntegration.of("pets", Apis.OK)))
        .build();

    String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML);

    assertThat(yaml).contains("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:us-east-1:123456789012:function:pets/invocations");
    assertThat(OpenApiImporter.read(yaml).apiBuilder(Map.of("pets", Apis.OK)).build().routes()).hasSize(1);
  }
}
