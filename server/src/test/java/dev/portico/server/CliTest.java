package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.server.internal.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portico commands, run in-process on definitions written for these tests. */
class CliTest {
  private static final String SHOP = Path.of("src/test/resources/api/shop.yaml").toString();
  private static final String BROKEN = Path.of("src/test/resources/api/broken.yaml").toString();

  record Run(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validatePrintsEveryProblemWithItsPointerAndFailsOnErrors() {
    Run run = run("validate", "--api", BROKEN);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.lines()).containsExactly(
        "ERROR /paths/~1items~1: route key 'GET /items/' must not end with '/'",
        "ERROR /paths/~1orders/get/x-amazon-apigateway-integration/payloadFormatVersion: '3.0' is not a payload"
            + " format version: 1.0 or 2.0",
        "WARNING /paths/~1legacy/get/x-amazon-apigateway-integration/type: 'mock' integrations are for REST APIs;"
            + " the route answers 500 unless the host binds an integration for it",
        BROKEN + ": 2 errors, 1 warning, 1 routes — not deployable");
  }

  @Test
  void validatePassesAGoodDefinitionAndWarnsOfMethodsThatBypassItsAuthorizer() {
    Run run = run("validate", "--api", SHOP);

    assertThat(run.status()).isZero();
    // Issue 18, item 4: HEAD, 'get' or PROPFIND on /items/7 reach the open ANY route, not the JWT one.
    assertThat(run.lines()).containsExactly(
        "WARNING route 'GET /items/{id}' requires JWT authorization, but other methods on its path (HEAD, a"
            + " lower-case 'get', PROPFIND, ...) reach 'ANY /items/{id}', which requires none (AWS routes methods"
            + " exactly); unless that is meant, authorize 'ANY /items/{id}' too",
        SHOP + ": 0 errors, 1 warning, 5 routes");
  }

  @Test
  void validateStrictIsFailOnWarnings() {
    Run run = run("validate", "--api", SHOP, "--strict");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.lines()).last().isEqualTo(SHOP + ": 0 errors, 1 warning, 5 routes — not deployable with --strict"
        + " (failOnWarnings)");
  }

  @Test
  void validateAllPrintsInfoToo() {
    Run quiet = run("validate", "--api", BROKEN);
    Run all = run("validate", "--api", BROKEN, "--all");

    assertThat(all.status()).isEqualTo(1);
    assertThat(all.lines()).containsAll(quiet.lines().subList(0, quiet.lines().size() - 1))
        .anySatisfy(line -> assertThat(line).startsWith("INFO "));
    assertThat(quiet.lines()).noneSatisfy(line -> assertThat(line).startsWith("INFO "));
  }

  @Test
  void routesAreListedInPrecedenceOrder() {
    Run run = run("routes", "--api", SHOP);

    assertThat(run.status()).isZero();
    // facts §1: literal before {variable} before {greedy+}; a method before ANY; $default last.
    assertThat(run.lines()).containsExactly(
        "ROUTE                AUTHORIZATION             PAYLOAD  INTEGRATION",
        "GET /items           NONE                      2.0      Lambda function items",
        "GET /items/{id}      JWT shopJwt [items/read]  2.0      Lambda function items",
        "ANY /items/{id}      NONE                      1.0      Lambda function items",
        "GET /files/{proxy+}  NONE                      2.0      Lambda function files",
        "$default             NONE                      2.0      Lambda function fallback");
  }

  @Test
  void explainNamesTheRouteTheRuleAndTheAuthorization() {
    Run run = run("explain", "--api", SHOP, "GET", "/items/7", "-H", "Origin: https://shop.example");

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("  route          GET /items/{id}\n")
        .contains("a route for GET beats ANY at equal rank")
        .contains("  also matches   ANY /items/{id}, $default (lower precedence)\n")
        .contains("  path params    id=7\n")
        .contains("JWT authorizer 'shopJwt': token from $request.header.Authorization, issuer"
            + " https://issuer.shop.example, audience shop-app, scopes: any of items/read")
        .contains("  cors           access-control-allow-origin: https://shop.example\n");
  }

  @Test
  void explainShowsAnyGreedyAndDefaultRoutes() {
    assertThat(run("explain", "--api", SHOP, "DELETE", "/items/7").out())
        .contains("  route          ANY /items/{id}\n")
        .contains("ANY serves DELETE because no route for DELETE matches as well")
        .contains("payload 1.0");
    assertThat(run("explain", "--api", SHOP, "GET", "/files/a/b%2Fc").out())
        .contains("  route          GET /files/{proxy+}\n")
        .contains("greedy path variable {proxy+}")
        .contains("  path params    proxy=a/b/c\n");
    assertThat(run("explain", "--api", SHOP, "GET", "/items/").out())
        .contains("  route          $default\n")
        .contains("the $default route serves every request no route does");
  }

  @Test
  void explainAnswersPreflightsAndMissingStages() {
    Run preflight = run("explain", "--api", SHOP, "OPTIONS", "/items/7", "-H", "Origin: https://shop.example",
        "-H", "Access-Control-Request-Method: GET");
    assertThat(preflight.out())
        .contains("  answer         204, a CORS preflight the gateway answers itself")
        .contains("  cors           access-control-allow-origin: https://shop.example\n")
        .doesNotContain("route ");

    Run staged = run("explain", "--api", SHOP, "--stage", "prod", "GET", "/items");
    assertThat(staged.out())
        .contains("  stage          none: the first segment names no stage and there is no $default stage (stages: prod)")
        .contains("  answer         404 {\"message\":\"Not Found\"} (facts §1)");
    assertThat(run("explain", "--api", SHOP, "--stage", "prod", "GET", "/prod/items").out())
        .contains("  stage          prod: the first path segment names it; routing sees /items")
        .contains("  route          GET /items\n");
  }

  @Test
  void commandLineMistakesExitTwoWithOneLine() {
    for (String[] args : List.of(new String[0], new String[] {"frob"}, new String[] {"serve"},
        new String[] {"serve", "--api", SHOP, "--bogus"}, new String[] {"serve", "--api", SHOP, "--port", "http"},
        new String[] {"explain", "--api", SHOP, "GET"}, new String[] {"explain", "--api", SHOP, "GET", "pets"},
        new String[] {"serve", "--api", SHOP, "--function", "items"},
        new String[] {"routes", "--api", SHOP, "extra"})) {
      Run run = run(args);
      assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err().lines().toList()).as(String.join(" ", args)).hasSize(1)
          .allMatch(line -> line.startsWith("portico: ") && line.endsWith("(portico --help shows the usage)"));
    }
  }

  @Test
  void unusableApisAndHandlersExitOneWithOneLine() {
    String classes = Path.of("target/test-classes").toString();
    assertThat(run("serve", "--api", "missing.yaml").err()).isEqualTo("portico: --api missing.yaml: no such file\n");
    assertThat(run("serve", "--api", BROKEN).err()).startsWith("portico: " + BROKEN + " is not a valid API definition:"
        + " ERROR /paths/~1items~1: route key 'GET /items/' must not end with '/' (and 1 more errors;");
    assertThat(run("serve", "--api", SHOP, "--function", "items=x.Y").err())
        .isEqualTo("portico: --function needs --classpath: the jars and class folders of your handlers\n");
    assertThat(run("serve", "--api", SHOP, "--classpath", classes, "--function", "items=com.example.Missing").err())
        .startsWith("portico: --function items=com.example.Missing: handler 'com.example.Missing': class"
            + " com.example.Missing cannot be loaded");
    assertThat(run("serve", "--api", SHOP, "--classpath", classes, "--function", "items=" + NotAHandler.class.getName())
        .err()).contains("implements neither RequestHandler nor RequestStreamHandler");
    assertThat(run("serve", "--api", SHOP, "--classpath", "nowhere/at/all", "--function", "items=x.Y").err())
        .isEqualTo("portico: --classpath nowhere/at/all: no such file or folder\n");
    assertThat(run("serve", "--api", SHOP, "--jwt-issuer", "nobody=http://127.0.0.1:1/").err())
        .isEqualTo("portico: --jwt-issuer nobody: the definition has no JWT authorizer of that name (JWT"
            + " authorizers: shopJwt)\n");
    for (String[] args : List.of(new String[] {"serve", "--api", "missing.yaml"}, new String[] {"routes", "--api", BROKEN})) {
      Run run = run(args);
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err().lines().toList()).hasSize(1);
    }
  }

  @Test
  void helpPrintsTheUsage() {
    Run run = run("--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("usage: portico serve (--api FILE | --template FILE").contains("portico validate");
  }

  @Test
  void templatesAreReadWithTheirParametersAndOneApiIsChosen(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path template = dir.resolve("template.yaml");
    java.nio.file.Files.writeString(template, String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Prefix: {Type: String, Default: v1}",
        "Resources:",
        "  Orders:",
        "    Type: AWS::ApiGatewayV2::Api",
        "    Properties: {Name: orders, ProtocolType: HTTP, Target: !GetAtt Fn.Arn, RouteKey: !Sub 'GET /${Prefix}/orders'}",
        "  Items:",
        "    Type: AWS::Serverless::HttpApi",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: java21",
        "      Handler: a.B",
        "      CodeUri: .",
        "      Events:",
        "        Put: {Type: HttpApi, Properties: {ApiId: !Ref Items, Path: /items, Method: put}}",
        ""));

    Run validate = run("validate", "--template", template.toString(), "--parameter-overrides", "Prefix=v2");
    assertThat(validate.status()).isZero();
    assertThat(validate.lines()).last().isEqualTo(template + ": 0 errors, 0 warnings, 2 routes");

    Run ambiguous = run("routes", "--template", template.toString());
    assertThat(ambiguous.status()).isEqualTo(1);
    assertThat(ambiguous.err()).isEqualTo("portico: " + template + " defines 2 HTTP APIs (Orders, Items): choose one"
        + " with --http-api LOGICAL_ID\n");

    Run orders = run("routes", "--template", template.toString(), "--http-api", "Orders", "--parameter-overrides",
        "Prefix=v2");
    assertThat(orders.status()).isZero();
    assertThat(orders.lines()).hasSize(2).last().asString().startsWith("GET /v2/orders");

    Run unknown = run("routes", "--template", template.toString(), "--http-api", "Nope");
    assertThat(unknown.err()).contains("--http-api Nope: the template has no HTTP API of that logical id (HTTP APIs:"
        + " Orders, Items)");

    Run undeclared = run("validate", "--template", template.toString(), "--parameter-overrides", "Prefx=v2");
    assertThat(undeclared.status()).isEqualTo(1);
    assertThat(undeclared.lines()).first().isEqualTo("ERROR /Parameters: --parameter-overrides names 'Prefx',"
        + " which the template does not declare (parameters: Prefix)");
  }

  /** aws-samples' cognito-httpapi: the issuer is a nested stack's output, which only AWS knows; --get-att gives it. */
  @Test
  void getAttGivesAnAttributeOnlyAwsKnows(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path template = dir.resolve("template.yaml");
    java.nio.file.Files.writeString(template, String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  AuthStack: {Type: AWS::Serverless::Application, Properties: {Location: auth.yaml}}",
        "  Api:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      Auth:",
        "        DefaultAuthorizer: Jwt",
        "        Authorizers: {Jwt: {IdentitySource: $request.header.Authorization, JwtConfiguration:"
            + " {issuer: !GetAtt AuthStack.Outputs.Issuer, audience: [app]}}}",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: java21, Handler: a.B, CodeUri: ., Events: {Get: {Type: HttpApi, Properties:"
            + " {ApiId: !Ref Api, Path: /me, Method: get}}}}",
        ""));

    Run unknown = run("validate", "--template", template.toString());
    Run given = run("routes", "--template", template.toString(), "--get-att",
        "AuthStack.Outputs.Issuer=https://issuer.example");

    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.out()).contains("give its value with --get-att AuthStack.Outputs.Issuer=VALUE");
    assertThat(given.status()).isZero();
    assertThat(given.lines()).last().asString().startsWith("GET /me").contains("JWT Jwt");
    assertThat(run("routes", "--template", template.toString(), "--get-att", "Issuer=x").err())
        .startsWith("portico: --get-att takes LogicalId.Attribute=Value (as Fn::GetAtt names it), got 'Issuer=x'");
    assertThat(run("routes", "--api", SHOP, "--get-att", "A.B=x").err())
        .startsWith("portico: --http-api, --parameter-overrides, --get-att, --import-value and --s3-object go with"
            + " --template");
  }

  @Test
  void apiAndTemplateAreAlternatives() {
    assertThat(run("validate", "--api", SHOP, "--template", SHOP).err()).isEqualTo("portico: --api and --template"
        + " are alternatives: give one (portico --help shows the usage)\n");
    assertThat(run("validate").err()).startsWith("portico: --api FILE (an OpenAPI definition) or --template FILE");
    assertThat(run("validate", "--api", SHOP, "--http-api", "X").status()).isEqualTo(2);
    assertThat(run("validate", "--template", "missing.yaml").err()).isEqualTo("portico: --template missing.yaml:"
        + " no such file\n");
  }

  /** A class that is no Lambda handler. */
  public static final class NotAHandler {}
}
