package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Binding functions to an import, and what the exporter refuses. */
class BindingsTest {

  @Test
  void unboundFunctionsAreReportedNotSilentlyIgnored() {
    ImportResult result = Corpus.read("definitions/export-lambda-jwt.json");

    assertThat(result.unboundFunctions(Bindings.of(Map.of("pets", Apis.OK))))
        .containsExactly("fallback", "pets-legacy");
    assertThatThrownBy(() -> result.apiBuilder(Map.of("pets", Apis.OK)))
        .isInstanceOf(OpenApiImportException.class)
        .hasMessageStartingWith("Lambda functions not bound: fallback, pets-legacy");
    assertThat(result.apiBuilder(Bindings.builder().function("pets", Apis.OK).allowUnbound().build()).build()
        .routes()).hasSize(4);
  }

  @Test
  void replacedRoutesAndAuthorizersNeedNoFunctionsAndMustExist() {
    ImportResult result = Corpus.read("definitions/export-lambda-authorizer.json");
    Authorizer.Jwt jwt = Authorizer.jwt("order-auth",
        JwtAuthorizerConfig.builder().issuer("https://issuer.example.com").audiences("app").build());
    Bindings bindings = Bindings.builder()
        .integration("GET /orders", LambdaIntegration.of("x", Apis.OK))
        .integration("DELETE /orders/{orderId}", LambdaIntegration.of("x", Apis.OK))
        .build();

    // The Lambda authorizer 'order-auth' still needs its function; a replacement must keep its type for routes.
    assertThat(result.unboundFunctions(bindings)).containsExactly("order-authorizer");
    assertThatThrownBy(() -> result.apiBuilder(Bindings.builder()
            .integration("GET /nope", LambdaIntegration.of("x", Apis.OK)).allowUnbound().build()))
        .isInstanceOf(OpenApiImportException.class)
        .hasMessageContaining("route 'GET /nope', which the definition does not have");
    assertThatThrownBy(() -> result.apiBuilder(Bindings.builder().authorizer(Authorizer.jwt("other",
            jwt.config())).allowUnbound().build()))
        .isInstanceOf(OpenApiImportException.class)
        .hasMessageContaining("authorizer 'other' replaces nothing");
  }

  @Test
  void aJwtAuthorizerCanBeRepointedAtAnotherIssuer() {
    ImportResult result = Corpus.read("definitions/export-lambda-jwt.json");
    Authorizer.Jwt local = Authorizer.jwt("cognito",
        JwtAuthorizerConfig.builder().issuer("http://127.0.0.1:9000/test").audiences("6example3clientid").build());

    HttpApi api = result.apiBuilder(Bindings.builder().authorizer(local).allowUnbound().build()).build();

    assertThat(api.authorizers().get("cognito")).isSameAs(local);
    assertThat(Apis.route(api, "POST /pets").scopes()).containsExactly("pets/write");
  }

  @Test
  void readsStreamsAndReportsUnknownExtensions() throws IOException {
    String yaml = "openapi: 3.0.1\nx-amazon-apigateway-future: 1\npaths: {}\n";
    ImportResult result = OpenApiImporter.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

    assertThat(result.errors()).isEmpty();
    assertThat(result.problems()).containsExactly(new ImportProblem(ImportProblem.Level.WARNING,
        "/x-amazon-apigateway-future", "x-amazon-apigateway-future is not supported; ignored"));
  }

  @Test
  void exporterRefusesIntegrationsWithoutAnOpenApiForm() {
    HttpApi api = HttpApi.builder()
        .route(Route.of("GET /custom", request -> new CompletableFuture<>()))
        .build();

    assertThatThrownBy(() -> OpenApiExporter.write(api, OpenApiExporter.Format.JSON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("route 'GET /custom': integration ")
        .hasMessageContaining("has no OpenAPI form");
  }

  @Test
  void exportedYamlKeepsVersionsAsStringsAndWritesDefaultRouteAsAwsDoes() {
    HttpApi api = HttpApi.builder()
        .route(Route.builder("$default", LambdaIntegration.of("fallback", Apis.OK)).build())
        .build();

    String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML);

    assertThat(yaml).contains("openapi: 3.0.1", "payloadFormatVersion: \"2.0\"",
        "x-amazon-apigateway-importexport-version: \"1.0\"", "/$default:", "x-amazon-apigateway-any-method:",
        "isDefaultRoute: true", "type: aws_proxy");
    assertThat(OpenApiImporter.read(yaml).routeKeys()).extracting(Object::toString).containsExactly("$default");
  }

  @Test
  void exportedUnsupportedIntegrationsAreWrittenBackAsImported() {
    ImportResult result = Corpus.read("definitions/unsupported-features.yaml");
    HttpApi api = result.apiBuilder(Bindings.builder().allowUnbound().build()).build();

    String json = OpenApiExporter.write(api, OpenApiExporter.Format.JSON);
    ImportResult again = OpenApiImporter.read(json);

    assertThat(json).contains("\"integrationSubtype\" : \"SQS-SendMessage\"", "\"connectionType\" : \"VPC_LINK\"");
    assertThat(Apis.routes(again.apiBuilder(Bindings.builder().allowUnbound().build()).build()))
        .isEqualTo(Apis.routes(api));
  }
}
