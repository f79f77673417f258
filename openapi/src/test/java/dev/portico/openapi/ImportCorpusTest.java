package dev.portico.openapi;

import static dev.portico.openapi.Apis.authorizers;
import static dev.portico.openapi.Apis.buildAll;
import static dev.portico.openapi.Apis.routes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.cors.CorsConfiguration;
import dev.portico.gateway.HttpApi;
import dev.portico.openapi.ImportProblem.Level;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Each definition of the corpus, imported: its routes, authorizers, CORS and the problems reported (facts §7). */
class ImportCorpusTest {

  @Test
  void corpusHasAtLeastTwelveDefinitionsAndEachImportsWithoutErrors() {
    List<String> files = Corpus.files("definitions");
    assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    for (String file : files) {
      ImportResult result = Corpus.read(file);
      assertThat(result.errors()).as(file).isEmpty();
      assertThat(buildAll(result).routes()).as(file).isNotEmpty();
    }
  }

  @Test
  void exportApiOutputWithJwtAuthorizerDefaultRouteAndCors() {
    ImportResult result = Corpus.read("definitions/export-lambda-jwt.json");
    HttpApi api = buildAll(result);

    assertThat(result.problems()).isEmpty();
    assertThat(result.title()).contains("pets-api");
    assertThat(routes(api)).containsExactly(
        "GET /pets -> lambda pets v2.0",
        "POST /pets -> lambda pets v2.0 [JWT cognito pets/write] 5000ms",
        "GET /pets/{id} -> lambda pets-legacy v1.0 [JWT cognito pets/read pets/admin]",
        "$default -> lambda fallback v2.0");
    assertThat(authorizers(api)).containsExactly(
        "cognito jwt https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE [6example3clientid] "
            + "$request.header.Authorization");
    assertThat(api.cors()).contains(CorsConfiguration.builder()
        .allowOrigins("https://app.example.com").allowMethods("GET", "POST")
        .allowHeaders("authorization", "content-type").maxAge(600).allowCredentials(true).build());
    // The execute-api server URL and the function ARNs give the API id, region and account events carry.
    assertThat(api.apiId()).isEqualTo("a1b2c3d4e5");
    assertThat(api.region()).isEqualTo("eu-west-1");
    assertThat(api.accountId()).isEqualTo("210987654321");
    assertThat(result.functionNames()).containsExactly("fallback", "pets", "pets-legacy");
  }

  @Test
  void exportApiOutputWithHttpProxies() {
    HttpApi api = buildAll(Corpus.read("definitions/export-http-proxy.json"));

    assertThat(routes(api)).containsExactly(
        "ANY /legacy/{proxy+} -> http ANY http://${stageVariables.backendHost}/v1/{proxy} v1.0 29000ms",
        "GET /status -> http GET https://status.example.com/health v1.0");
    assertThat(api.region()).isEqualTo("us-east-1"); // no Lambda ARN: the builder's default
  }

  @Test
  void exportApiOutputWithSimpleResponseLambdaAuthorizer() {
    ImportResult result = Corpus.read("definitions/export-lambda-authorizer.json");
    HttpApi api = buildAll(result);

    assertThat(routes(api)).containsExactly(
        "GET /orders -> lambda orders v2.0 [CUSTOM order-auth]",
        "DELETE /orders/{orderId} -> lambda orders v2.0 [CUSTOM order-auth]");
    // identitySource as export-api writes it: one comma-separated string.
    assertThat(authorizers(api)).containsExactly(
        "order-auth lambda order-authorizer v2.0 simple ttl=60 "
            + "[$request.header.Authorization,$request.querystring.tenant]");
    assertThat(result.problems()).extracting(ImportProblem::level, ImportProblem::pointer).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Level.INFO,
            "/components/securitySchemes/order-auth/x-amazon-apigateway-authorizer/authorizerCredentials"));
    assertThat(result.functionNames()).containsExactly("order-authorizer", "orders");
  }

  @Test
  void samDefinitionBodyBindsFunctionsByLogicalId() {
    ImportResult result = Corpus.read("definitions/sam-httpapi.yaml");
    HttpApi api = buildAll(result);

    assertThat(routes(api)).containsExactly(
        "GET /items -> lambda ListItemsFunction v2.0", // !Sub, payloadFormatVersion as a YAML number
        "POST /items -> lambda PutItemFunction v2.0",  // Fn::Sub object
        "GET /items/{sku} -> lambda GetItemFunction v1.0"); // !GetAtt
    assertThat(result.functionNames()).containsExactly("GetItemFunction", "ListItemsFunction", "PutItemFunction");
    assertThat(result.problems()).allSatisfy(p -> {
      assertThat(p.level()).isEqualTo(Level.INFO);
      assertThat(p.message()).startsWith("CloudFormation reference");
    });
    assertThat(api.cors().orElseThrow().allowOrigins()).containsExactly("*");
  }

  @Test
  void cdkStyleSharedIntegrationsByRefWithAliasesAndBareArns() {
    ImportResult result = Corpus.read("definitions/cdk-shared-integrations.json");
    HttpApi api = buildAll(result);

    assertThat(routes(api)).containsExactly(
        "GET /products -> lambda catalog:live v2.0 10000ms",
        "POST /products -> lambda catalog:live v2.0 10000ms",
        "GET /products/{productId} -> lambda catalog:live v2.0 10000ms",
        "PUT /products/{productId} -> lambda catalog:7 v1.0",
        "GET /search -> http GET https://search.example.com/query v1.0");
    assertThat(result.functionNames()).containsExactly("catalog:7", "catalog:live");
    assertThat(api.region()).isEqualTo("ap-southeast-2");
    assertThat(api.accountId()).isEqualTo("111122223333");
  }

  @Test
  void handWrittenYamlWithOpenIdConnectSchemeAndDefaultSecurity() {
    HttpApi api = buildAll(Corpus.read("definitions/hand-written-pets.yaml"));

    assertThat(routes(api)).containsExactly(
        "GET /pets -> lambda pet-store v2.0 [JWT auth0 pets:read]",          // root security applies
        "ANY /pets/{petId} -> lambda pet-store v2.0 [JWT auth0 pets:read]",
        "GET /pets/{petId} -> lambda pet-store v2.0 [JWT auth0 pets:read pets:detail]",
        "GET /health -> lambda pet-store-health v2.0");                      // security: [] opens it
    // The issuer is the openIdConnectUrl without /.well-known/openid-configuration; identitySource as an array.
    assertThat(authorizers(api)).containsExactly(
        "auth0 jwt https://example.eu.auth0.com [https://pets.example.com] $request.header.Authorization");
  }

  @Test
  void stageVariablesInFunctionNamesAndUris() {
    ImportResult result = Corpus.read("definitions/stage-variables.yaml");
    HttpApi api = buildAll(result);

    assertThat(routes(api)).containsExactly(
        "GET /reports -> lambda reports:${stageVariables.alias} v2.0",
        "POST /jobs -> lambda ${stageVariables.jobsFunction} v2.0",
        "ANY /upstream/{proxy+} -> http ANY http://${stageVariables.upstreamHost}/{proxy} v1.0");
    assertThat(result.functionNames()).containsExactly("${stageVariables.jobsFunction}", "reports:${stageVariables.alias}");
    // NAME:${stageVariables.alias} needs NAME bound; a name that is all stage variable is only known per request.
    assertThat(result.unboundFunctions(Bindings.builder().build())).containsExactly("reports:${stageVariables.alias}");
    assertThat(result.unboundFunctions(Bindings.of(java.util.Map.of("reports", Apis.OK)))).isEmpty();
  }

  @Test
  void basePathFromServerUrlIgnoredPrependedOrSplit() {
    assertThat(Corpus.read("definitions/basepath-server-url.yaml").routeKeys())
        .extracting(Object::toString).containsExactly("GET /users", "GET /users/{id}");

    assertThat(Corpus.read("definitions/basepath-server-url.yaml", BasePathMode.PREPEND).routeKeys())
        .extracting(Object::toString).containsExactly("GET /v1/users", "GET /v1/users/{id}");

    ImportResult split = Corpus.read("definitions/basepath-server-url.yaml", BasePathMode.SPLIT);
    assertThat(split.stageName()).contains("v1");
    assertThat(split.routeKeys()).extracting(Object::toString).containsExactly("GET /users", "GET /users/{id}");
    assertThat(buildAll(split).stages()).containsOnlyKeys("v1");
  }

  @Test
  void basePathFromTheBasePathServerVariable() {
    assertThat(Corpus.read("definitions/basepath-variable.json", BasePathMode.PREPEND).routeKeys())
        .extracting(Object::toString).containsExactly("GET /prod/v2/accounts");

    ImportResult split = Corpus.read("definitions/basepath-variable.json", BasePathMode.SPLIT);
    assertThat(split.stageName()).contains("prod");
    assertThat(split.routeKeys()).extracting(Object::toString).containsExactly("GET /v2/accounts");
    assertThat(Corpus.read("definitions/basepath-variable.json").stageName()).isEmpty();
  }

  @Test
  void unsupportedFeaturesAreWarningsAndIgnoredPropertiesInfo() {
    ImportResult result = Corpus.read("definitions/unsupported-features.yaml");
    HttpApi api = buildAll(result);

    assertThat(result.errors()).isEmpty();
    assertThat(routes(api)).containsExactly(
        "GET /mock -> unavailable v1.0",
        "GET /private -> unavailable v1.0",
        "POST /queue -> unavailable v1.0",
        "GET /mapped -> lambda mapped v2.0");
    assertThat(result.problems()).filteredOn(p -> p.level() == Level.WARNING)
        .extracting(ImportProblem::pointer).containsExactly(
            "/x-amazon-apigateway-binary-media-types",
            "/x-amazon-apigateway-request-validators",
            "/paths/~1mock/get/x-amazon-apigateway-integration/type",
            "/paths/~1private/get/x-amazon-apigateway-integration/connectionType",
            "/paths/~1queue/post/x-amazon-apigateway-integration/requestParameters",
            "/paths/~1queue/post/x-amazon-apigateway-integration/integrationSubtype",
            "/paths/~1mapped/get/x-amazon-apigateway-integration/requestParameters",
            "/paths/~1mapped/get/x-amazon-apigateway-request-validator");
    assertThat(result.problems()).filteredOn(p -> p.level() == Level.INFO)
        .extracting(ImportProblem::pointer).contains(
            "/x-amazon-apigateway-endpoint-configuration",
            "/components/securitySchemes/api_key",
            "/paths/~1mock/get/x-amazon-apigateway-integration/requestTemplates",
            "/paths/~1queue/post/x-amazon-apigateway-integration/credentials",
            "/paths/~1mapped/get/x-amazon-apigateway-integration/passthroughBehavior");
  }

  @Test
  void lambdaAuthorizersWithIamAnswersQualifiersAndNoCache() {
    ImportResult result = Corpus.read("definitions/lambda-authorizer-v1.yaml");
    HttpApi api = buildAll(result);

    assertThat(routes(api)).containsExactly(
        "ANY /admin/{proxy+} -> lambda admin v1.0 [CUSTOM legacy-auth]",
        "GET /reports -> lambda admin v2.0 [CUSTOM nocache-auth]");
    assertThat(authorizers(api)).containsExactly(
        "legacy-auth lambda policy-authorizer:prod v1.0 iam ttl=300 "
            + "[$request.header.X-Api-Token,$context.routeKey,$stageVariables.tenant]",
        "nocache-auth lambda policy-authorizer v2.0 iam ttl=0 []"); // type REQUEST in upper case
    assertThat(result.functionNames()).containsExactly("admin", "policy-authorizer", "policy-authorizer:prod");
  }

  @Test
  void minimalDefinitionAssumesPayloadFormatOne() {
    ImportResult result = Corpus.read("definitions/minimal.json");

    assertThat(routes(buildAll(result))).containsExactly("GET /hello -> lambda hello v1.0");
    assertThat(result.problems()).containsExactly(new ImportProblem(Level.INFO,
        "/paths/~1hello/get/x-amazon-apigateway-integration/payloadFormatVersion",
        "not set; 1.0 assumed, as AWS does for an integration without one"));
  }

  @Test
  void everyMethodAnyMethodAlongsideOthersGreedyRootAndCors() {
    HttpApi api = buildAll(Corpus.read("definitions/every-method.yaml"));

    assertThat(routes(api)).containsExactly(
        "GET / -> lambda root v2.0",
        "GET /things/{id} -> lambda things v2.0",
        "PUT /things/{id} -> lambda things v2.0",
        "POST /things/{id} -> lambda things v2.0",
        "DELETE /things/{id} -> lambda things v2.0",
        "OPTIONS /things/{id} -> lambda things v2.0",
        "HEAD /things/{id} -> lambda things v2.0",
        "PATCH /things/{id} -> lambda things v2.0",
        "ANY /things/{id} -> lambda things-any v2.0",
        "ANY /{proxy+} -> lambda catch-all v2.0");
    CorsConfiguration cors = api.cors().orElseThrow();
    assertThat(cors.allowOrigins()).containsExactly("https://a.example.com", "https://b.example.com:8443");
    assertThat(cors.allowMethods()).containsExactly("GET", "PUT", "DELETE");
    assertThat(cors.allowHeaders()).containsExactly("x-request-id");
    assertThat(cors.exposeHeaders()).containsExactly("x-trace");
    assertThat(cors.maxAge()).isEqualTo(OptionalInt.of(86400));
    assertThat(cors.allowCredentials()).isFalse();
  }
}
