package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.portico.testing.TestIssuer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portico serve --template} (issue 20) with the real {@code portico-server.jar}: the example's SAM template
 * served with no {@code --function} flags, and a SAM app written the way teams write it — functions with {@code
 * HttpApi} events on the implicit API, a Lambda authorizer from {@code Auth.Authorizers}, {@code
 * CorsConfiguration}, a Python function bound to an HTTP endpoint — with {@code --watch} picking up rebuilt code.
 */
class TemplateServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Path TEMPLATE = Path.of("template.yaml");

  static HttpResponse<String> send(ServerProcess server, String method, String path, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theExampleTemplateServesItsFunctionsWithoutFunctionFlags() throws Exception {
    try (TestIssuer issuer = TestIssuer.start();
        ServerProcess server = ServerProcess.start(List.of("serve", "--template", TEMPLATE.toString(), "--port", "0",
            "--jwt-issuer", "petsJwt=" + issuer.issuer()))) {
      // issue 20: the five functions' cold starts are done before the ready line, not by the first requests
      assertThat(server.stderr().stream().filter(line -> line.contains("cold start of")).count()).isEqualTo(5);
      assertThat(send(server, "GET", "/pets").statusCode()).isEqualTo(200);
      String token = issuer.token().subject("alice").audience("pets-app").scopes("pets/read")
          .expiresIn(Duration.ofMinutes(5)).sign();
      HttpResponse<String> pet = send(server, "GET", "/pets/1", "Authorization", "Bearer " + token);
      assertThat(pet.statusCode()).as(pet.body()).isEqualTo(200);
      assertThat(send(server, "GET", "/pets/1").statusCode()).isEqualTo(401);
      assertThat(send(server, "DELETE", "/pets/2", "x-api-key", "pets-admin-key").statusCode()).isEqualTo(200);
      assertThat(send(server, "DELETE", "/pets/2", "x-api-key", "wrong").statusCode()).isEqualTo(403);
      assertThat(JSON.readTree(send(server, "GET", "/legacy/pets?limit=5").body()).path("function").asText())
          .isEqualTo("legacy-pets");
      assertThat(server.stderr()).noneMatch(line -> line.contains("not bound"));
      // the server's own warm-up request (a 413 that no route sees) leaves no access log line
      assertThat(server.stderr()).noneMatch(line -> line.contains("warm-up") || line.contains(" 413 "));
      // Globals.Function.Environment.Variables PETS_STAGE: !Ref Stage reaches the handler's System.getenv
      assertThat(JSON.readTree(send(server, "GET", "/elsewhere").body()).path("stage").asText())
          .isEqualTo("$default");
    }
  }

  @Test
  void envVarsOverrideTheTemplatesVariablesAsSamLocalDoes(@TempDir Path dir) throws Exception {
    Path env = dir.resolve("env.json");
    Files.writeString(env, "{\"Parameters\": {\"PETS_STAGE\": \"from-env-vars\", \"UNDECLARED\": \"x\"},"
        + " \"FallbackFunction\": {\"PETS_STAGE\": \"only-fallback\"}}");
    try (ServerProcess server = ServerProcess.start(List.of("serve", "--template", TEMPLATE.toString(), "--port", "0",
        "--env-vars", env.toString(), "--parameter-overrides", "Stage=dev"))) {
      // the function's own entry wins over Parameters, and only that function sees it (each has its environment)
      assertThat(JSON.readTree(send(server, "GET", "/dev/elsewhere").body()).path("stage").asText())
          .isEqualTo("only-fallback");
      assertThat(server.stderr()).noneMatch(line -> line.contains("Environment variable"));
    }
    Files.writeString(env, "{\"Parameters\": {\"PETS_STAGE\": \"from-env-vars\"}}");
    try (ServerProcess server = ServerProcess.start(List.of("serve", "--template", TEMPLATE.toString(), "--port", "0",
        "--env-vars", env.toString(), "--parameter-overrides", "Stage=dev"))) {
      assertThat(JSON.readTree(send(server, "GET", "/dev/elsewhere").body()).path("stage").asText())
          .isEqualTo("from-env-vars");
    }
  }

  @Test
  void theLocalIssuerAndPorticoTokenMakeJwtRoutesCallable() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String issuer = "http://127.0.0.1:" + port;
    try (ServerProcess server = ServerProcess.start(List.of("serve", "--template", TEMPLATE.toString(), "--port", "0",
        "--local-issuer", "--local-issuer-port", String.valueOf(port)))) {
      assertThat(server.awaitStderr("portico: local issuer " + issuer + " signs for the JWT authorizers petsJwt; a"
          + " token: portico token --scopes SCOPES --issuer " + issuer)).as(String.join("\n", server.stderr()))
          .isTrue();
      ServerProcess token = ServerProcess.run("token", "--scopes", "pets/read,pets/write", "--claim", "team=blue",
          "--subject", "carol", "--issuer", issuer);
      assertThat(token.exitCode()).isZero();
      String jwt = token.stdout.get(0);
      JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
      assertThat(claims.path("iss").asText()).isEqualTo(issuer);
      assertThat(claims.path("aud").asText()).isEqualTo("pets-app"); // the authorizer's audience
      assertThat(claims.path("scope").asText()).isEqualTo("pets/read pets/write");
      assertThat(claims.path("team").asText()).isEqualTo("blue");
      assertThat(send(server, "GET", "/pets/1", "Authorization", "Bearer " + jwt).statusCode()).isEqualTo(200);

      String readOnly = ServerProcess.run("token", "--scopes", "pets/read", "--issuer", issuer).stdout.get(0);
      assertThat(send(server, "POST", "/pets", "Authorization", "Bearer " + readOnly).statusCode()).isEqualTo(403);
    }
    ServerProcess none = ServerProcess.run("token", "--issuer", issuer);
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.stderr()).singleElement().asString().startsWith("portico: no local issuer at " + issuer);
  }

  @Test
  void validateAndRoutesReadTheTemplate() throws Exception {
    ServerProcess validate = ServerProcess.run("validate", "--template", TEMPLATE.toString());
    assertThat(validate.exitCode()).isZero();
    assertThat(validate.stdout).last().isEqualTo("template.yaml: 0 errors, 3 warnings, 7 routes");
    ServerProcess routes = ServerProcess.run("routes", "--template", TEMPLATE.toString());
    assertThat(routes.stdout).anyMatch(line -> line.startsWith("GET /pets/{petId}") && line.contains("JWT petsJwt"));
    ServerProcess refused = ServerProcess.run("validate", "--template", TEMPLATE.toString(), "--parameter-overrides",
        "Stage=no/slashes");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.stdout).first().asString().startsWith("ERROR /Parameters/Stage: 'no/slashes' does not match"
        + " the AllowedPattern");
  }

  @Test
  void aSamAppWithEventsAuthorizerCorsAndAPythonFunction(@TempDir Path app) throws Exception {
    Path jar = app.resolve("build/functions.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(ServerProcess.FUNCTIONS, jar);
    Path template = app.resolve("template.yaml");
    Files.writeString(template, String.join("\n",
        "AWSTemplateFormatVersion: '2010-09-09'",
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function: {Runtime: java21, CodeUri: build/functions.jar, Timeout: 10}",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      CorsConfiguration: {AllowOrigins: [https://app.example], AllowMethods: [GET, DELETE], MaxAge: 60}",
        "      Auth:",
        "        Authorizers:",
        "          Keys:",
        "            FunctionArn: !GetAtt KeysFunction.Arn",
        "            AuthorizerPayloadFormatVersion: '2.0'",
        "            EnableSimpleResponses: true",
        "            Identity: {Headers: [x-api-key]}",
        "  PetsFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Handler: dev.portico.examples.functions.PetsHandler",
        "      Events:",
        "        List: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /pets, Method: get}}",
        "        Remove: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: '/pets/{petId}', Method: delete,"
            + " Auth: {Authorizer: Keys}}}",
        "  KeysFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Handler: dev.portico.examples.functions.ApiKeyAuthorizer}",
        "  ReportsFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      CodeUri: reports/",
        "      Events:",
        "        Report: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /reports, Method: get}}",
        ""));
    AtomicReference<String> received = new AtomicReference<>();
    HttpServer python = backend("{\"statusCode\":200,\"body\":\"report from python\"}",
        (request, body) -> received.set(body));
    try {
      answers500Until(template, "ReportsFunction (python3.12) cannot run in-process", "GET", "/reports");
      String endpoint = "http://127.0.0.1:" + python.getAddress().getPort() + "/invoke";
      try (ServerProcess server = ServerProcess.start(List.of("serve", "--template", template.toString(), "--port",
          "0", "--watch", "--function", "ReportsFunction=" + endpoint))) {
        assertThat(send(server, "GET", "/pets").statusCode()).isEqualTo(200);
        assertThat(send(server, "DELETE", "/pets/1").statusCode()).isEqualTo(401);
        assertThat(send(server, "DELETE", "/pets/1", "x-api-key", "wrong").statusCode()).isEqualTo(403);
        assertThat(send(server, "DELETE", "/pets/1", "x-api-key", "pets-admin-key").statusCode()).isEqualTo(200);
        HttpResponse<String> preflight = send(server, "OPTIONS", "/pets", "Origin", "https://app.example",
            "Access-Control-Request-Method", "DELETE");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("https://app.example");
        assertThat(preflight.headers().firstValue("access-control-max-age")).contains("60");

        HttpResponse<String> report = send(server, "GET", "/reports?month=11");
        assertThat(report.body()).isEqualTo("report from python");
        JsonNode event = JSON.readTree(received.get());
        assertThat(event.path("routeKey").asText()).isEqualTo("GET /reports");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("month=11");

        // a rebuilt function jar is picked up
        Files.copy(ServerProcess.FUNCTIONS, app.resolve("rebuilt.jar"));
        Files.move(app.resolve("rebuilt.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
        assertThat(server.awaitStderr("portico: reloaded " + template)).as(String.join("\n", server.stderr()))
            .isTrue();
        assertThat(send(server, "GET", "/pets").statusCode()).isEqualTo(200);
      }
    } finally {
      python.stop(0);
    }
  }

  /**
   * aws-samples' apigw-appsync-dynamodb-sam: an HTTP_PROXY to an AppSync URL only AWS knows. Issue 20: a warning,
   * the route answers 500, and --integration binds it to a local endpoint.
   */
  @Test
  void aProxyUriOnlyAwsKnowsAnswers500UntilBoundWithIntegration(@TempDir Path app) throws Exception {
    Path template = app.resolve("template.yaml");
    Files.writeString(template, String.join("\n",
        "AWSTemplateFormatVersion: '2010-09-09'",
        "Resources:",
        "  Graph: {Type: AWS::AppSync::GraphQLApi, Properties: {Name: graph, AuthenticationType: API_KEY}}",
        "  Api:",
        "    Type: AWS::ApiGatewayV2::Api",
        "    Properties:",
        "      Body:",
        "        openapi: '3.0.1'",
        "        info: {title: graph-proxy, version: '1'}",
        "        paths:",
        "          /graphql:",
        "            post:",
        "              x-amazon-apigateway-integration:",
        "                type: http_proxy",
        "                httpMethod: POST",
        "                payloadFormatVersion: '1.0'",
        "                uri: !GetAtt Graph.GraphQLUrl",
        ""));
    AtomicReference<String> received = new AtomicReference<>();
    HttpServer graph = backend("{\"data\":{\"ok\":true}}", (request, body) -> received.set(request + " " + body));
    try {
      answers500Until(template, "the route answers 500 until its integration is bound", "POST", "/graphql");
      String endpoint = "http://127.0.0.1:" + graph.getAddress().getPort() + "/graphql";
      try (ServerProcess server = ServerProcess.start(List.of("serve", "--template", template.toString(), "--port",
          "0", "--integration", "POST /graphql=" + endpoint))) {
        HttpResponse<String> bound = CLIENT.send(HttpRequest.newBuilder(server.uri("/graphql"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ ok }\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(bound.statusCode()).isEqualTo(200);
        assertThat(bound.body()).isEqualTo("{\"data\":{\"ok\":true}}");
        assertThat(received.get()).isEqualTo("POST /graphql {\"query\":\"{ ok }\"}");
      }
      ServerProcess typo = ServerProcess.run("serve", "--template", template.toString(), "--port", "0",
          "--integration", "POST /graphq=" + endpoint);
      assertThat(typo.exitCode()).isEqualTo(1);
      assertThat(String.join("\n", typo.stderr())).contains("--integration POST /graphq=" + endpoint + ": the API has"
          + " no route POST /graphq (routes: POST /graphql)");
    } finally {
      graph.stop(0);
    }
  }

  /** A loopback HTTP server answering 200 with the given body, telling each request line and body it received. */
  static HttpServer backend(String reply, java.util.function.BiConsumer<String, String> received) throws IOException {
    HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/", exchange -> {
      received.accept(exchange.getRequestMethod() + " " + exchange.getRequestURI(),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = reply.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    backend.start();
    return backend;
  }

  /** Serves the template without bindings: it says why at start, and the route answers AWS's 500. */
  static void answers500Until(Path template, String startLine, String method, String path) throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of("serve", "--template", template.toString(), "--port",
        "0"))) {
      assertThat(server.awaitStderr(startLine)).isTrue();
      HttpResponse<String> unbound = send(server, method, path);
      assertThat(unbound.statusCode()).isEqualTo(500);
      assertThat(unbound.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
  }
}
