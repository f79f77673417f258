package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.openapi.ImportProblem.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The negative corpus: one mistake per file, each an error naming the JSON pointer of the offending node. */
class InvalidDefinitionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "swagger-2.json|/swagger|OpenAPI 2.0 (Swagger) is not supported",
      "missing-integration.yaml|/paths/~1pets/get|missing x-amazon-apigateway-integration",
      "bad-route-path.yaml|/paths/~1pets~1{id|unbalanced braces",
      "greedy-not-last.yaml|/paths/~1{proxy+}~1details|greedy variable '{proxy+}' that is not the last segment",
      "cors-credentials-wildcard.yaml|/x-amazon-apigateway-cors/allowCredentials|"
          + "allow-credentials is not supported if 'allow-origin' is *",
      "unknown-authorizer.yaml|/paths/~1pets/get/security/0/cognito|security scheme 'cognito' is not defined",
      "too-many-scopes.yaml|/paths/~1pets/get/security/0/jwt|at most 10 authorization scopes (AWS quota), got 11",
      "bad-payload-format.yaml|/paths/~1pets/get/x-amazon-apigateway-integration/payloadFormatVersion|"
          + "'3.0' is not a payload format version",
      "duplicate-operation.yaml|/paths/~1pets/get|Duplicate field 'get'",
      "conflicting-variables.yaml|/paths/~1pets~1{petId}/get|conflicts with 'GET /pets/{id}' at /paths/~1pets~1{id}/get",
      "bad-integration-type.yaml|/paths/~1pets~1{id}/get/x-amazon-apigateway-integration/type|"
          + "'lambda' is not an HTTP API integration type",
      "http-proxy-payload-2.yaml|/paths/~1pets/get/x-amazon-apigateway-integration/payloadFormatVersion|"
          + "only Lambda integrations support 2.0",
      "scopes-on-lambda-authorizer.yaml|/paths/~1pets/get/security/0/custom|"
          + "scopes are supported only with JWT authorizers",
      "timeout-out-of-range.yaml|/paths/~1pets/get/x-amazon-apigateway-integration/timeoutInMillis|"
          + "timeout must be between 50 ms and 30,000 ms",
      "unknown-integration-ref.yaml|/paths/~1pets/get/x-amazon-apigateway-integration/$ref|is not defined",
      "not-a-function-uri.yaml|/paths/~1pets/get/x-amazon-apigateway-integration/uri|does not name a Lambda function",
      "jwt-without-audience.yaml|/components/securitySchemes/jwt/x-amazon-apigateway-authorizer/jwtConfiguration/"
          + "audience|needs at least one audience",
      "simple-responses-v1.yaml|/components/securitySchemes/custom/x-amazon-apigateway-authorizer/"
          + "enableSimpleResponses|enableSimpleResponses needs authorizerPayloadFormatVersion 2.0",
      "two-security-requirements.yaml|/security|2 alternative security requirements",
      "import-export-version-2.json|/x-amazon-apigateway-importexport-version|the only version is 1.0",
      "syntax-error.json|/paths/~1pets/get|line 1, column 49",
      "default-route-with-get.yaml|/paths/~1$default/get/isDefaultRoute|"
          + "isDefaultRoute marks the $default route, which is written as path /$default"})
  void eachMistakeIsOneErrorAtItsPointer(String file, String pointer, String message) {
    ImportResult result = Corpus.read("invalid/" + file);

    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo(pointer);
      assertThat(error.message()).contains(message);
    });
    assertThat(result.hasErrors()).isTrue();
    assertThatThrownBy(() -> result.apiBuilder(Map.of()))
        .isInstanceOf(OpenApiImportException.class)
        .hasMessageContaining(pointer)
        .satisfies(e -> assertThat(((OpenApiImportException) e).problems()).isEqualTo(result.errors()));
  }

  @Test
  void everyFileOfTheNegativeCorpusIsChecked() {
    // Guards against a file added without an expectation above.
    assertThat(Corpus.files("invalid")).hasSize(22);
  }

  @Test
  void allErrorsAreReportedNotJustTheFirst() {
    ImportResult result = OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "paths:",
        "  /a:",
        "    get: {}",
        "  /b/{x:",
        "    get: {x-amazon-apigateway-integration: {type: aws_proxy, uri: f, payloadFormatVersion: '2.0'}}",
        "  /c:",
        "    get: {x-amazon-apigateway-integration: {type: aws_proxy, uri: f, payloadFormatVersion: '9'}}"));

    assertThat(result.errors()).extracting(ImportProblem::pointer).containsExactly(
        "/paths/~1a/get", "/paths/~1b~1{x",
        "/paths/~1c/get/x-amazon-apigateway-integration/payloadFormatVersion");
  }

  @Test
  void sharedIntegrationsDoNotChainAndAreReportedOnce() {
    ImportResult result = OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "paths:",
        "  /a: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/x'}}}",
        "  /b: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/y'}}}",
        "  /c: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/y'}}}",
        "components:",
        "  x-amazon-apigateway-integrations:",
        "    x: {$ref: '#/components/x-amazon-apigateway-integrations/y'}",
        "    y: {type: AWS_PROXY, uri: f, payloadFormatVersion: '7'}"));

    assertThat(result.errors()).extracting(ImportProblem::pointer).containsExactly(
        "/components/x-amazon-apigateway-integrations/x/$ref",
        "/components/x-amazon-apigateway-integrations/y/payloadFormatVersion");
  }

  @Test
  void documentsThatAreNotDefinitions() {
    assertThat(OpenApiImporter.read("").errors()).extracting(ImportProblem::message)
        .containsExactly("the document is empty");
    assertThat(OpenApiImporter.read("[1, 2]").errors()).extracting(ImportProblem::message)
        .containsExactly("a definition must be a JSON or YAML object, got array");
    assertThat(OpenApiImporter.read("openapi: 3.0.1\ninfo: {title: t}").errors())
        .extracting(ImportProblem::pointer, ImportProblem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/paths", "missing: a definition needs paths"));
    assertThat(OpenApiImporter.read("{\"openapi\": \"2.0\", \"paths\": {}}").errors())
        .extracting(ImportProblem::pointer).containsExactly("/openapi");
    assertThat(OpenApiImporter.read("{\"paths\": {}}").errors())
        .extracting(ImportProblem::pointer).containsExactly("/openapi");
  }

  @Test
  void yamlBombsAreRefusedNotExpanded() {
    StringBuilder yaml = new StringBuilder("openapi: 3.0.1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    List<ImportProblem> errors = OpenApiImporter.read(yaml.toString()).errors();

    assertThat(errors).containsExactly(new ImportProblem(Level.ERROR, "/a1/0",
        "YAML aliases (*name) are not supported; write the referenced value out in full"));
  }

  @Test
  void aliasesAreNamedWhereTheyStandRatherThanReadAsTheAnchorName() {
    ImportResult result = OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "x-shared: &lambda {type: aws_proxy, uri: f, payloadFormatVersion: '2.0'}",
        "paths:",
        "  /a:",
        "    get:",
        "      x-amazon-apigateway-integration: *lambda"));

    assertThat(result.errors()).extracting(ImportProblem::pointer)
        .containsExactly("/paths/~1a/get/x-amazon-apigateway-integration");
  }

  @Test
  void warningsAloneDoNotStopTheImport() {
    ImportResult result = Corpus.read("definitions/unsupported-features.yaml");

    assertThat(result.problems()).anyMatch(p -> p.level() == Level.WARNING);
    assertThat(result.apiBuilder(Bindings.of(Map.of("mapped", Apis.OK))).build().routes()).hasSize(4);
  }
}
