package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.testsupport.RawHttp;
import dev.portico.testing.TestIssuer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code portico-server.jar} as a subprocess, serving {@code pets-api.yaml} with the handler classes of
 * {@code pets-functions.jar}, its JWT authorizer pointed at a {@link TestIssuer}.
 */
class ServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static TestIssuer issuer;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    issuer = TestIssuer.start();
    server = ServerProcess.serve(ServerProcess.PETS_API, "--jwt-issuer", "petsJwt=" + issuer.issuer());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      int status = server.terminate();
      // SIGTERM stops it gracefully: the JVM's status for SIGTERM, and its goodbye on standard error.
      assertThat(status).isEqualTo(143);
      assertThat(server.stderr()).contains("portico: stopping");
      server.close();
      // Exactly one line on standard output: the ready line.
      assertThat(server.stdout).containsExactly("Portico listening on http://127.0.0.1:" + server.port());
    }
    if (issuer != null) {
      issuer.close();
    }
  }

  static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static String bearer(String... scopes) {
    return "Bearer " + issuer.token().subject("alice").audience("pets-app").scopes(scopes).expiresIn(Duration.ofMinutes(5)).sign();
  }

  @Test
  void anOpenRouteAnswersWithTheHandlersResponse() throws Exception {
    HttpResponse<String> response = send("GET", "/pets", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).findValuesAsText("name")).contains("Rex");
    assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
  }

  @Test
  void jwtRoutesNeedATokenAndTheirScope() throws Exception {
    HttpResponse<String> none = send("GET", "/pets/1", null);
    HttpResponse<String> wrongScope = send("GET", "/pets/1", null, "Authorization", bearer("pets/write"));
    HttpResponse<String> right = send("GET", "/pets/1", null, "Authorization", bearer("pets/read"));
    HttpResponse<String> foreign = send("GET", "/pets/1", null, "Authorization",
        "Bearer " + issuer.token().subject("alice").audience("another-app").scopes("pets/read").expiresIn(Duration.ofMinutes(5)).sign());

    // facts §4: no token 401, valid token without the route's scope 403.
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(wrongScope.statusCode()).isEqualTo(403);
    assertThat(wrongScope.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(json(right).path("name").asText()).isEqualTo("Rex");
    assertThat(foreign.statusCode()).isEqualTo(401);
  }

  @Test
  void claimsReachTheHandler() throws Exception {
    HttpResponse<String> created = send("POST", "/pets", "{\"name\":\"Kiki\",\"type\":\"parrot\"}",
        "Authorization", bearer("pets/write"), "Content-Type", "application/json");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).path("addedBy").asText()).isEqualTo("alice");
    assertThat(created.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).startsWith("/pets/"));
  }

  @Test
  void theLambdaAuthorizerDecidesAndItsContextReachesTheHandler() throws Exception {
    HttpResponse<String> created = send("POST", "/pets", "{\"name\":\"Doomed\"}",
        "Authorization", bearer("pets/write"), "Content-Type", "application/json");
    String id = json(created).path("id").asText();

    assertThat(send("DELETE", "/pets/" + id, null).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "/pets/" + id, null, "x-api-key", "guess").statusCode()).isEqualTo(403);
    HttpResponse<String> deleted = send("DELETE", "/pets/" + id, null, "x-api-key", "pets-staff-key");
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(json(deleted).path("by").asText()).isEqualTo("staff");
  }

  @Test
  void payloadFormatOneAndMultiValueHeaders() throws Exception {
    HttpResponse<String> response = send("GET", "/legacy/pets?limit=5", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("x-pets-source")).containsExactly("legacy", "v1");
    JsonNode body = json(response);
    assertThat(body.path("resource").asText()).isEqualTo("/legacy/pets");
    assertThat(body.path("limit").asText()).isEqualTo("5");
    assertThat(body.path("function").asText()).isEqualTo("legacy-pets");
  }

  @Test
  void greedyRoutesAndMethodReferenceHandlers() throws Exception {
    HttpResponse<String> response = send("PUT", "/files/docs/a%2Fb.txt", "x");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("method").asText()).isEqualTo("PUT");
    assertThat(json(response).path("file").asText()).isEqualTo("docs/a/b.txt");
    // The Context carries the remaining time of the route's 30 s timeout.
    assertThat(json(response).path("remainingMillis").asLong()).isBetween(1L, 30_000L);
  }

  @Test
  void theDefaultRouteCatchesTheRest() throws Exception {
    HttpResponse<String> response = send("GET", "/nothing/here", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("rawPath").asText()).isEqualTo("/nothing/here");
    assertThat(json(response).path("requestId").asText()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
  }

  @Test
  void corsPreflightsAreAnsweredByTheGateway() throws Exception {
    HttpResponse<String> allowed = send("OPTIONS", "/pets", null, "Origin", "https://app.pets.example",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
    HttpResponse<String> refused = send("OPTIONS", "/pets", null, "Origin", "https://evil.example",
        "Access-Control-Request-Method", "POST");
    HttpResponse<String> actual = send("GET", "/pets", null, "Origin", "https://app.pets.example");

    // facts §5 / D6: 204 either way; only the allowed origin gets Access-Control-Allow-* headers.
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains("https://app.pets.example");
    assertThat(allowed.headers().firstValue("access-control-max-age")).contains("600");
    assertThat(refused.statusCode()).isEqualTo(204);
    assertThat(refused.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertThat(actual.headers().firstValue("access-control-expose-headers")).contains("location");
  }

  @Test
  void oversizedBodiesAndHeadersGetAwsAnswers() throws Exception {
    String response = RawHttp.exchange(server.port(), "POST /pets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: 10485761\r\nExpect: 100-continue\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 413 ").endsWith("{\"message\":\"Request Entity Too Large\"}");
    HttpResponse<String> headers = send("GET", "/pets", null, "X-Big", "x".repeat(10_300));
    assertThat(headers.statusCode()).isEqualTo(431);
    assertThat(headers.body()).isEqualTo("{\"message\":\"Request Header Fields Too Large\"}");
  }

  @Test
  void everyRequestIsLoggedWithWhyItFailed() throws Exception {
    HttpResponse<String> response = send("GET", "/pets/1", null);

    assertThat(server.awaitStderr("401 GET /pets/1 route=GET /pets/{petId}")).isTrue();
    assertThat(server.stderr()).anyMatch(line -> line.contains("id=" + response.headers().firstValue("apigw-requestid")
        .orElseThrow()) && line.contains("authorizer=the identity source $request.header.Authorization is empty"));
  }

  @Test
  void aNamedStageKeepsItsPrefixInTheEvent() throws Exception {
    try (ServerProcess staged = ServerProcess.serve(ServerProcess.PETS_API, "--stage", "prod",
        "--stage-variable", "color=blue", "--jwt-issuer", "petsJwt=" + issuer.issuer())) {
      HttpResponse<String> pets = CLIENT.send(HttpRequest.newBuilder(staged.uri("/prod/pets")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> unstaged = CLIENT.send(HttpRequest.newBuilder(staged.uri("/pets")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> fallback = CLIENT.send(HttpRequest.newBuilder(staged.uri("/prod/elsewhere")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(pets.statusCode()).isEqualTo(200);
      // facts §1: without a $default stage, a path outside the stage is 404.
      assertThat(unstaged.statusCode()).isEqualTo(404);
      assertThat(unstaged.body()).isEqualTo("{\"message\":\"Not Found\"}");
      // facts §2: the stage prefix stays in rawPath.
      assertThat(json(fallback).path("rawPath").asText()).isEqualTo("/prod/elsewhere");
    }
  }

  @Test
  void watchReloadsAChangedDefinitionAndKeepsTheOldOneWhenTheNewIsInvalid(@TempDir Path dir) throws Exception {
    Path api = dir.resolve("pets-api.yaml");
    String original = Files.readString(ServerProcess.PETS_API);
    Files.writeString(api, original);
    try (ServerProcess watched = ServerProcess.serve(api, "--watch", "--jwt-issuer", "petsJwt=" + issuer.issuer())) {
      HttpResponse<String> before = CLIENT.send(HttpRequest.newBuilder(watched.uri("/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(json(before).path("message").asText()).contains("$default route caught it");

      Files.writeString(api, original.replace("paths:\n", "paths:\n  /health:\n    get:\n"
          + "      x-amazon-apigateway-integration:\n        $ref: \"#/components/x-amazon-apigateway-integrations/pets\"\n"));
      assertThat(watched.awaitStderr("portico: reloaded " + api + " (8 routes)")).as(String.join("\n", watched.stderr()))
          .isTrue();
      HttpResponse<String> after = CLIENT.send(HttpRequest.newBuilder(watched.uri("/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(json(after).path("message").asText()).isEqualTo("pets does not serve GET /health");

      Files.writeString(api, original.replace("payloadFormatVersion: \"1.0\"", "payloadFormatVersion: \"9.9\""));
      assertThat(watched.awaitStderr("not reloaded, still serving the previous API")).isTrue();
      HttpResponse<String> kept = CLIENT.send(HttpRequest.newBuilder(watched.uri("/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(json(kept).path("message").asText()).isEqualTo("pets does not serve GET /health");
    }
  }

  @Test
  void validateRoutesAndExplainWorkOnTheExampleDefinition() throws Exception {
    ServerProcess validate = ServerProcess.run("validate", "--api", ServerProcess.PETS_API.toString());
    assertThat(validate.exitCode()).isZero();
    // Issue 18, item 4: the example's open $default catches HEAD, lower-case and unknown methods on its protected
    // paths (AWS routes methods exactly); validate says so for each protected route.
    assertThat(validate.stdout).hasSize(4).last().isEqualTo("pets-api.yaml: 0 errors, 3 warnings, 7 routes");
    assertThat(validate.stdout.subList(0, 3)).allMatch(line -> line.startsWith("WARNING route '")
        && line.contains("reach '$default', which requires none"));
    assertThat(validate.stdout.get(2)).startsWith("WARNING route 'DELETE /pets/{petId}' requires Lambda (CUSTOM)"
        + " authorization");

    ServerProcess routes = ServerProcess.run("routes", "--api", ServerProcess.PETS_API.toString());
    assertThat(routes.stdout).hasSize(8).last().asString().startsWith("$default");
    assertThat(routes.stdout).anyMatch(line -> line.startsWith("GET /pets/{petId}") && line.contains("JWT petsJwt [pets/read]"));

    ServerProcess explain = ServerProcess.run("explain", "--api", ServerProcess.PETS_API.toString(), "DELETE",
        "/pets/7", "-H", "Origin: http://localhost:5173");
    assertThat(String.join("\n", explain.stdout))
        .contains("route          DELETE /pets/{petId}")
        .contains("Lambda authorizer 'apiKey': identity from $request.header.x-api-key (any missing: 401), simple"
            + " responses, payload 2.0, results cached 300 s")
        .contains("cors           access-control-allow-origin: http://localhost:5173");
  }

  @Test
  void startupFailuresExitWithOneLine() throws Exception {
    ServerProcess badHandler = ServerProcess.run("serve", "--api", ServerProcess.PETS_API.toString(), "--classpath",
        ServerProcess.FUNCTIONS.toString(), "--function", "pets=dev.portico.examples.functions.Nope");
    assertThat(badHandler.exitCode()).isEqualTo(1);
    assertThat(badHandler.stderr()).singleElement().asString()
        .startsWith("portico: --function pets=dev.portico.examples.functions.Nope: handler");
    assertThat(badHandler.stdout).isEmpty();

    ServerProcess wrongShape = ServerProcess.run("serve", "--api", ServerProcess.PETS_API.toString(), "--classpath",
        ServerProcess.FUNCTIONS.toString(), "--function", "pets=dev.portico.examples.functions.FilesHandler");
    assertThat(wrongShape.exitCode()).isEqualTo(1);
    assertThat(wrongShape.stderr()).singleElement().asString()
        .contains("implements neither RequestHandler nor RequestStreamHandler");

    ServerProcess missing = ServerProcess.run("serve", "--api", "no-such.yaml");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stderr()).containsExactly("portico: --api no-such.yaml: no such file");
  }


}
