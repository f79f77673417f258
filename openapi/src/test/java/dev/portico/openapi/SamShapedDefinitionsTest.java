package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.openapi.ImportProblem.Level;
import dev.portico.routing.RouteKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Definitions as SAM writes them and AWS imports them (issue 20, "OpenAPI fixes"): each was refused before.
 */
class SamShapedDefinitionsTest {

  private static String definition(String version, String defaultPath) {
    return String.join("\n",
        "openapi: " + version,
        "info: {title: sam, version: '1.0'}",
        "paths:",
        "  /pets:",
        "    get:",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '2.0'}",
        "  " + defaultPath + ":",
        "    x-amazon-apigateway-any-method:",
        "      isDefaultRoute: true",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: fallback, payloadFormatVersion: '2.0'}",
        "");
  }

  @ParameterizedTest(name = "openapi: {0}")
  @ValueSource(strings = {"'3.0'", "3.0", "'3.0.1'", "3.0.3", "'3.1'"})
  void openapiThreeZeroWithoutPatchIsAcceptedAsSamsRegexAndAwsAccept(String version) {
    ImportResult result = OpenApiImporter.read(definition(version, "/$default"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.routeKeys()).extracting(RouteKey::toString).containsExactly("GET /pets", "$default");
  }

  @ParameterizedTest(name = "openapi: {0}")
  @ValueSource(strings = {"'2.0'", "'3'", "'3.2.0'", "3.01", "'3.0.1-rc1'"})
  void otherVersionsAreStillRefusedAtTheirPointer(String version) {
    assertThat(OpenApiImporter.read(definition(version, "/$default")).errors()).singleElement()
        .satisfies(error -> {
          assertThat(error.pointer()).isEqualTo("/openapi");
          assertThat(error.message()).contains("is not an OpenAPI 3.0 version");
        });
  }

  @Test
  void samsDefaultPathKeyWithoutSlashIsTheDefaultRouteWithAwsWarning() {
    ImportResult result = OpenApiImporter.read(definition("'3.0'", "$default"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.routeKeys()).extracting(RouteKey::toString).containsExactly("GET /pets", "$default");
    assertThat(result.problems()).filteredOn(p -> p.level() == Level.WARNING).singleElement().satisfies(warning -> {
      assertThat(warning.pointer()).isEqualTo("/paths/$default");
      assertThat(warning.message()).startsWith("Resource $default should start with /");
    });
  }

  @Test
  void aDefaultPathKeyWithoutIsDefaultRouteIsAnErrorThatSaysHowToWriteIt() {
    ImportResult result = OpenApiImporter.read(definition("'3.0'", "$default").replace("isDefaultRoute: true",
        "summary: no flag"));

    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/paths/$default");
      assertThat(error.message()).isEqualTo("a path must start with '/'; for the $default route write /$default with"
          + " x-amazon-apigateway-any-method and isDefaultRoute: true");
    });
  }

  @Test
  void anErrorInASharedIntegrationIsReportedOnceAtItsOwnPointer() {
    ImportResult result = OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "paths:",
        "  /a: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/b'}}}",
        "  /c: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/b'}}}",
        "  /d: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/b'}}}",
        "components:",
        "  x-amazon-apigateway-integrations:",
        "    b: {type: http_proxy, httpMethod: GET, uri: 'https://backend.example.com', payloadFormatVersion: '2.0'}",
        ""));

    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/components/x-amazon-apigateway-integrations/b/payloadFormatVersion");
      assertThat(error.message()).contains("only Lambda integrations support 2.0");
    });
  }

  private static String lambdaAuthorizer(String extra) {
    return String.join("\n",
        "openapi: '3.0'",
        "paths:",
        "  /pets:",
        "    get:",
        "      security: [{LambdaAuth: []}]",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '2.0'}",
        "components:",
        "  securitySchemes:",
        "    LambdaAuth:",
        "      type: apiKey",
        "      in: header",
        "      name: Unused",
        "      x-amazon-apigateway-authorizer:",
        "        type: request",
        "        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations",
        "        authorizerPayloadFormatVersion: '2.0'",
        "        enableSimpleResponses: true",
        extra,
        "");
  }

  @Test
  void aLambdaAuthorizerWithoutIdentitySourceImportsWithCachingOffAsSamGeneratesIt() {
    ImportResult result = OpenApiImporter.read(lambdaAuthorizer(""));

    assertThat(result.errors()).isEmpty();
    assertThat(result.problems()).anySatisfy(info -> {
      assertThat(info.level()).isEqualTo(Level.INFO);
      assertThat(info.pointer()).isEqualTo(
          "/components/securitySchemes/LambdaAuth/x-amazon-apigateway-authorizer/identitySource");
      assertThat(info.message()).startsWith("no identity source: results are not cached");
    });
    dev.portico.gateway.HttpApi api = result.apiBuilder(java.util.Map.of("pets", Apis.OK, "auth", Apis.OK)).build();
    assertThat(((dev.portico.gateway.Authorizer.Lambda) api.authorizers().get("LambdaAuth")).resultTtl()).isZero();
  }

  @Test
  void anExplicitTtlWithoutIdentitySourceIsAWarningAndNothingIsCached() {
    ImportResult result = OpenApiImporter.read(lambdaAuthorizer("        authorizerResultTtlInSeconds: 300"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.problems()).filteredOn(p -> p.level() == Level.WARNING).singleElement().satisfies(warning -> {
      assertThat(warning.pointer()).endsWith("/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds");
      assertThat(warning.message()).startsWith("authorizerResultTtlInSeconds 300 is ignored");
    });
  }

  private static String secured(String requirement) {
    return String.join("\n",
        "openapi: '3.0'",
        "info: {title: sam, version: '1.0'}",
        "paths:",
        "  /health:",
        "    get:",
        "      security: [{" + requirement + "}]",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: fn, payloadFormatVersion: '2.0'}",
        "components:",
        "  securitySchemes:",
        "    Jwt:",
        "      type: oauth2",
        "      x-amazon-apigateway-authorizer: {type: jwt, identitySource: $request.header.Authorization,",
        "        jwtConfiguration: {issuer: 'https://issuer.example', audience: [a]}}",
        "");
  }

  @Test
  void samsAuthorizerNoneIsAnOpenRouteAsAwsImportsIt() {
    ImportResult result = OpenApiImporter.read(secured("NONE: []"));

    assertThat(result.errors()).isEmpty();
    assertThat(result.apiBuilder(Bindings.builder().allowUnbound().build()).build().routes()).singleElement()
        .satisfies(route -> assertThat(route.authorizationType()).isEqualTo(dev.portico.gateway.AuthorizationType.NONE));
    assertThat(result.problems()).filteredOn(p -> p.level() == Level.INFO)
        .anySatisfy(info -> assertThat(info.message()).startsWith("security requirement NONE"));
  }

  @ParameterizedTest(name = "security requirement {0}")
  @ValueSource(strings = {"None: []", "NONE: [read]", "Jwtt: []"})
  void anyOtherUndefinedSchemeIsStillAnErrorSoATypoNeverOpensARoute(String requirement) {
    assertThat(OpenApiImporter.read(secured(requirement)).errors()).singleElement()
        .satisfies(error -> assertThat(error.message()).contains("is not defined in components.securitySchemes"));
  }

  @Test
  void anIamRouteImportsWithAWarningAndIsRefusedAsAwsRefusesAnUnsignedRequest() {
    String yaml = String.join("\n",
        "openapi: '3.0.1'",
        "info: {title: iam, version: '1.0'}",
        "paths:",
        "  /iam:",
        "    get:",
        "      security: [{AWS_IAM: []}]",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: fn, payloadFormatVersion: '2.0'}",
        "  /open:",
        "    get:",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: fn, payloadFormatVersion: '2.0'}",
        "components:",
        "  securitySchemes:",
        "    AWS_IAM: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}",
        "");
    ImportResult result = OpenApiImporter.read(yaml);
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    dev.portico.integration.LambdaFunction fn = (event, context) -> {
      calls.incrementAndGet();
      return "{\"statusCode\":200,\"body\":\"ran\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    };

    assertThat(result.errors()).isEmpty();
    assertThat(result.problems()).filteredOn(p -> p.level() == Level.WARNING).singleElement().satisfies(warning -> {
      assertThat(warning.pointer()).isEqualTo("/paths/~1iam/get/security/0/AWS_IAM");
      assertThat(warning.message()).startsWith("the route needs AWS_IAM (SigV4), which Portico does not verify yet");
    });
    dev.portico.gateway.Gateway gateway = ImportedApiGatewayTest.gateway(result, Bindings.builder()
        .function("fn", fn).build());
    dev.portico.gateway.GatewayResponse refused = ImportedApiGatewayTest.get(gateway, "/iam");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyText()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(refused.header("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    assertThat(calls).hasValue(0);
    assertThat(ImportedApiGatewayTest.get(gateway, "/open").bodyText()).isEqualTo("ran");
    assertThat(calls).hasValue(1);
  }

  @Test
  void cloudFormationInADefinitionReadAloneSaysToReadTheTemplate() {
    String yaml = String.join("\n",
        "openapi: '3.0.1'",
        "info: {title: !Sub '${AWS::StackName}-api', version: '1.0'}",
        "paths:",
        "  /items:",
        "    get:",
        "      security: [{Jwt: []}]",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: !GetAtt Fn.Arn, payloadFormatVersion: '2.0'}",
        "components:",
        "  securitySchemes:",
        "    Jwt:",
        "      type: oauth2",
        "      x-amazon-apigateway-authorizer:",
        "        type: jwt",
        "        identitySource: $request.header.Authorization",
        "        jwtConfiguration: {issuer: !Ref Issuer, audience: [app]}",
        "");
    ImportResult result = OpenApiImporter.read(yaml);

    assertThat(result.problems()).filteredOn(p -> p.level() == Level.WARNING).singleElement().satisfies(warning -> {
      assertThat(warning.pointer()).isEqualTo(
          "/components/securitySchemes/Jwt/x-amazon-apigateway-authorizer/jwtConfiguration/issuer");
      assertThat(warning.message()).startsWith("'!Ref Issuer' is a CloudFormation short tag, read here as the text"
          + " 'Issuer': this definition belongs to a template, which resolves it; read the template instead");
    });

    String json = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/a\":"
        + "{\"get\":{\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\",\"uri\":\"fn\","
        + "\"payloadFormatVersion\":{\"Fn::If\":[\"IsV1\",\"1.0\",\"2.0\"]}}}}}}";
    assertThat(OpenApiImporter.read(json).errors()).singleElement().satisfies(error -> assertThat(error.message())
        .contains("the CloudFormation function Fn::If, which only a template resolves: read the template"));
  }
}
