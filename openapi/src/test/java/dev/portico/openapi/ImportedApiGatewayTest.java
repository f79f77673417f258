package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.gateway.Stage;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.payload.PayloadFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Imported definitions served through {@link Gateway}: one test per extension, each against real parts — a real
 * OIDC provider on loopback for JWT, a real HTTP server for HTTP_PROXY.
 */
class ImportedApiGatewayTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static MockOAuth2Server provider;
  static HttpServer backend;

  /** Answers with the event it received as its body, tagged with its own name. */
  static LambdaFunction echo(String name) {
    return (event, context) -> {
      ObjectMapper json = new ObjectMapper();
      String body = json.writeValueAsString(name + " " + new String(event, StandardCharsets.UTF_8));
      return ("{\"statusCode\":200,\"body\":" + body + "}").getBytes(StandardCharsets.UTF_8);
    };
  }

  @BeforeAll
  static void start() throws IOException {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    backend.createContext("/", exchange -> {
      byte[] body = ("backend saw " + exchange.getRequestMethod() + " " + exchange.getRequestURI())
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    backend.start();
  }

  @AfterAll
  static void stop() {
    provider.shutdown();
    backend.stop(0);
  }

  static GatewayResponse call(Gateway gateway, String method, String target, Map<String, String> headers) {
    GatewayRequest.Builder request = GatewayRequest.builder().method(method).target(target);
    headers.forEach(request::header);
    try {
      return gateway.handle(request.build()).toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + target + " got no answer", e);
    }
  }

  static GatewayResponse get(Gateway gateway, String target) {
    return call(gateway, "GET", target, Map.of());
  }

  /** The echoed event of a 200 answer, after the function's name. */
  static JsonNode event(GatewayResponse response, String function) {
    assertThat(response.statusCode()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.bodyText()).startsWith(function + " ");
    try {
      return JSON.readTree(response.bodyText().substring(function.length() + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Gateway gateway(ImportResult result, Bindings bindings) {
    assertThat(result.errors()).isEmpty();
    return Gateway.create(result.apiBuilder(bindings).build());
  }

  @Test
  @DisplayName("facts §7 x-amazon-apigateway-integration AWS_PROXY: 1.0 and 2.0 events as the definition says")
  void lambdaProxyIntegrationsWithTheirPayloadFormats() {
    Gateway gateway = gateway(Corpus.read("definitions/export-lambda-jwt.json"), Bindings.builder()
        .function("pets", echo("pets")).function("pets-legacy", echo("pets-legacy"))
        .function("fallback", echo("fallback")).build());

    JsonNode v2 = event(get(gateway, "/pets"), "pets");
    assertThat(v2.path("version").asText()).isEqualTo("2.0");
    assertThat(v2.path("routeKey").asText()).isEqualTo("GET /pets");
    assertThat(v2.path("requestContext").path("apiId").asText()).isEqualTo("a1b2c3d4e5");
    assertThat(v2.path("requestContext").path("accountId").asText()).isEqualTo("210987654321");
  }

  @Test
  @DisplayName("facts §7 /$default + x-amazon-apigateway-any-method + isDefaultRoute: the $default route")
  void defaultRoute() {
    Gateway gateway = gateway(Corpus.read("definitions/export-lambda-jwt.json"), Bindings.builder()
        .function("pets", echo("pets")).function("pets-legacy", echo("pets-legacy"))
        .function("fallback", echo("fallback")).build());

    JsonNode event = event(call(gateway, "DELETE", "/anything/else", Map.of()), "fallback");
    assertThat(event.path("routeKey").asText()).isEqualTo("$default");
    assertThat(event.path("rawPath").asText()).isEqualTo("/anything/else");
  }

  @Test
  @DisplayName("facts §7 x-amazon-apigateway-any-method: ANY next to GET; GET wins for GET (facts §1)")
  void anyMethod() {
    Gateway gateway = gateway(Corpus.read("definitions/every-method.yaml"), Bindings.builder()
        .function("root", echo("root")).function("things", echo("things"))
        .function("things-any", echo("things-any")).function("catch-all", echo("catch-all")).build());

    assertThat(event(get(gateway, "/things/1"), "things").path("routeKey").asText()).isEqualTo("GET /things/{id}");
    assertThat(event(call(gateway, "PUT", "/things/1", Map.of()), "things").path("routeKey").asText())
        .isEqualTo("PUT /things/{id}");
    assertThat(event(get(gateway, "/deep/er/path"), "catch-all").path("pathParameters").path("proxy").asText())
        .isEqualTo("deep/er/path");
    assertThat(event(get(gateway, "/"), "root").path("routeKey").asText()).isEqualTo("GET /");
  }

  @Test
  @DisplayName("facts §5/§7 x-amazon-apigateway-cors: preflights answered by the gateway from the imported policy")
  void cors() {
    Gateway gateway = gateway(Corpus.read("definitions/export-lambda-jwt.json"), Bindings.builder()
        .function("pets", echo("pets")).function("pets-legacy", echo("pets-legacy"))
        .function("fallback", echo("fallback")).build());

    GatewayResponse allowed = call(gateway, "OPTIONS", "/pets", Map.of("Origin", "https://app.example.com",
        "Access-Control-Request-Method", "POST"));
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.header("access-control-allow-origin")).contains("https://app.example.com");
    assertThat(allowed.header("access-control-allow-credentials")).contains("true");
    assertThat(allowed.header("access-control-max-age")).contains("600");

    GatewayResponse foreign = call(gateway, "OPTIONS", "/pets", Map.of("Origin", "https://evil.example.com",
        "Access-Control-Request-Method", "POST"));
    assertThat(foreign.header("access-control-allow-origin")).isEmpty();
  }

  static String token(List<String> audience, String scope) {
    Map<String, Object> claims = scope == null ? Map.of() : Map.of("scope", scope);
    return "Bearer " + provider.issueToken("default", "client-1",
        new DefaultOAuth2TokenCallback("default", "user-7", "JWT", audience, claims, 3600)).serialize();
  }

  static String jwtDefinition(String scheme) {
    return String.join("\n",
        "openapi: 3.0.1",
        "info: {title: jwt, version: '1'}",
        "paths:",
        "  /pets:",
        "    get:",
        "      security: [{oidc: [pets/read]}]",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '2.0'}",
        "components:",
        "  securitySchemes:",
        "    oidc:",
        scheme);
  }

  @Test
  @DisplayName("facts §4/§7 securitySchemes jwt + security scopes: 401 without token, 403 without scope, 200 with")
  void jwtAuthorizer() {
    String issuer = provider.issuerUrl("default").toString();
    Gateway gateway = gateway(OpenApiImporter.read(jwtDefinition(String.join("\n",
        "      type: oauth2",
        "      flows: {}",
        "      x-amazon-apigateway-authorizer:",
        "        type: jwt",
        "        identitySource: $request.header.Authorization",
        "        jwtConfiguration: {issuer: '" + issuer + "', audience: [pets-api]}"))),
        Bindings.of(Map.of("pets", echo("pets"))));

    assertThat(get(gateway, "/pets").statusCode()).isEqualTo(401);
    assertThat(call(gateway, "GET", "/pets", Map.of("Authorization", token(List.of("pets-api"), "other")))
        .statusCode()).isEqualTo(403);
    assertThat(call(gateway, "GET", "/pets", Map.of("Authorization", token(List.of("elsewhere"), "pets/read")))
        .statusCode()).isEqualTo(401);
    JsonNode event = event(call(gateway, "GET", "/pets",
        Map.of("Authorization", token(List.of("pets-api"), "pets/read"))), "pets");
    assertThat(event.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText())
        .isEqualTo("user-7");
  }

  @Test
  @DisplayName("facts §7 openIdConnect scheme: the issuer comes from openIdConnectUrl")
  void openIdConnectScheme() {
    String issuer = provider.issuerUrl("default").toString();
    Gateway gateway = gateway(OpenApiImporter.read(jwtDefinition(String.join("\n",
        "      type: openIdConnect",
        "      openIdConnectUrl: " + issuer + "/.well-known/openid-configuration",
        "      x-amazon-apigateway-authorizer:",
        "        type: jwt",
        "        jwtConfiguration: {audience: pets-api}"))),
        Bindings.of(Map.of("pets", echo("pets"))));

    assertThat(call(gateway, "GET", "/pets", Map.of("Authorization", token(List.of("pets-api"), "pets/read")))
        .statusCode()).isEqualTo(200);
    assertThat(get(gateway, "/pets").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("facts §4/§7 request authorizer: simple responses, identity sources from a comma-separated string")
  void lambdaAuthorizer() {
    LambdaFunction authorizer = (event, context) -> {
      JsonNode request = JSON.readTree(event);
      boolean ok = request.path("headers").path("authorization").asText().equals("let-me-in");
      return ("{\"isAuthorized\":" + ok + ",\"context\":{\"tenant\":\""
          + request.path("queryStringParameters").path("tenant").asText() + "\"}}").getBytes(StandardCharsets.UTF_8);
    };
    Gateway gateway = gateway(Corpus.read("definitions/export-lambda-authorizer.json"), Bindings.builder()
        .function("orders", echo("orders")).function("order-authorizer", authorizer).build());

    assertThat(call(gateway, "GET", "/orders?tenant=t1", Map.of()).statusCode()).isEqualTo(401);
    assertThat(call(gateway, "GET", "/orders", Map.of("Authorization", "let-me-in")).statusCode()).isEqualTo(401);
    assertThat(call(gateway, "GET", "/orders?tenant=t1", Map.of("Authorization", "wrong")).statusCode())
        .isEqualTo(403);
    JsonNode event = event(call(gateway, "GET", "/orders?tenant=t1", Map.of("Authorization", "let-me-in")),
        "orders");
    assertThat(event.path("requestContext").path("authorizer").path("lambda").path("tenant").asText())
        .isEqualTo("t1");
  }

  @Test
  @DisplayName("facts §7 $ref to components.x-amazon-apigateway-integrations, aliases, timeoutInMillis (503)")
  void sharedIntegrationsAliasesAndTimeouts() {
    ImportResult result = OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "paths:",
        "  /fast: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/f'}}}",
        "  /slow: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/s'}}}",
        "components:",
        "  x-amazon-apigateway-integrations:",
        "    f: {type: AWS_PROXY, uri: 'arn:aws:lambda:us-east-1:123456789012:function:work:live',"
            + " payloadFormatVersion: '2.0'}",
        "    s: {type: AWS_PROXY, uri: 'arn:aws:lambda:us-east-1:123456789012:function:work:slow',"
            + " payloadFormatVersion: '2.0', timeoutInMillis: 100}"));
    LambdaFunction sleepy = (event, context) -> {
      Thread.sleep(10_000);
      return new byte[0];
    };
    Gateway gateway = gateway(result, Bindings.builder()
        .function("work", echo("work"))            // serves work:live through the unqualified binding
        .function("work:slow", sleepy).build());

    assertThat(event(get(gateway, "/fast"), "work").path("routeKey").asText()).isEqualTo("GET /fast");
    GatewayResponse slow = get(gateway, "/slow");
    assertThat(slow.statusCode()).isEqualTo(503);
    assertThat(slow.bodyText()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  @DisplayName("facts §7 HTTP_PROXY: uri with ${stageVariables.x} and {proxy}, httpMethod ANY keeps the method")
  void httpProxy() {
    ImportResult result = Corpus.read("definitions/export-http-proxy.json");
    HttpApi api = result.apiBuilder(Bindings.builder().build())
        .stage(Stage.builder("$default")
            .variable("backendHost", "127.0.0.1:" + backend.getAddress().getPort()).build())
        .build();
    Gateway gateway = Gateway.create(api);

    GatewayResponse response = call(gateway, "POST", "/legacy/a/b?x=1", Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("backend saw POST /v1/a/b?x=1");
  }

  @Test
  @DisplayName("facts §6/§7 stage variables in function names: resolved per request from the stage")
  void stageVariablesChooseTheFunction() {
    ImportResult result = Corpus.read("definitions/stage-variables.yaml");
    HttpApi api = result.apiBuilder(Bindings.builder()
            .function("reports:live", echo("reports:live"))
            .function("reports:beta", echo("reports:beta"))
            .function("jobs-v2", echo("jobs-v2"))
            .build())
        .stage(Stage.builder("prod").variable("alias", "live").variable("jobsFunction", "jobs-v2").build())
        .stage(Stage.builder("beta").variable("alias", "beta").build())
        .build();
    Gateway gateway = Gateway.create(api);

    event(get(gateway, "/prod/reports"), "reports:live");
    event(get(gateway, "/beta/reports"), "reports:beta");
    event(call(gateway, "POST", "/prod/jobs", Map.of()), "jobs-v2");
    // beta defines no jobsFunction: the function cannot be named, as on AWS the call fails.
    assertThat(call(gateway, "POST", "/beta/jobs", Map.of()).statusCode()).isEqualTo(500);
  }

  @Test
  @DisplayName("AWS import-api --basepath split: the first base path segment is the stage")
  void splitBasePath() {
    Gateway gateway = gateway(Corpus.read("definitions/basepath-variable.json", BasePathMode.SPLIT),
        Bindings.of(Map.of("accounts", echo("accounts"))));

    JsonNode event = event(get(gateway, "/prod/v2/accounts"), "accounts");
    assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("prod");
    assertThat(event.path("routeKey").asText()).isEqualTo("GET /v2/accounts");
    assertThat(get(gateway, "/v2/accounts").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("unsupported integrations and unbound functions answer 500, as AWS does for a missing function")
  void unavailableIntegrationsAnswer500() {
    Gateway gateway = gateway(Corpus.read("definitions/unsupported-features.yaml"),
        Bindings.builder().allowUnbound().build());

    for (String target : List.of("/mock", "/private", "/mapped")) {
      GatewayResponse response = get(gateway, target);
      assertThat(response.statusCode()).as(target).isEqualTo(500);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
    // A host can bind its own integration to a route the definition could not give one.
    Gateway bound = gateway(Corpus.read("definitions/unsupported-features.yaml"), Bindings.builder()
        .function("mapped", echo("mapped"))
        .integration("GET /mock", LambdaIntegration.of("mock", echo("mock")))
        .allowUnbound().build());
    assertThat(event(get(bound, "/mock"), "mock").path("resource").asText()).isEqualTo("/mock");
  }

  @Test
  @DisplayName("an imported API answers exactly like the same API built by hand")
  void importedBehavesLikeBuilt() {
    LambdaFunction pets = echo("pets");
    Gateway imported = gateway(OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "servers: [{url: 'https://abcde12345.execute-api.us-east-1.amazonaws.com/{basePath}',"
            + " variables: {basePath: {default: ''}}}]",
        "paths:",
        "  /pets/{id}:",
        "    get: {x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '1.0'}}",
        "  /$default:",
        "    x-amazon-apigateway-any-method:",
        "      isDefaultRoute: true",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '2.0'}",
        "x-amazon-apigateway-cors: {allowOrigins: ['https://a.example.com'], exposeHeaders: [x-id]}")),
        Bindings.of(Map.of("pets", pets)));
    Gateway built = Gateway.create(HttpApi.builder()
        .apiId("abcde12345")
        .route(Route.builder("GET /pets/{id}", LambdaIntegration.of("pets", pets))
            .payloadFormat(PayloadFormat.V1_0).build())
        .route(Route.builder("$default", LambdaIntegration.of("pets", pets)).payloadFormat(PayloadFormat.V2_0).build())
        .cors(dev.portico.cors.CorsConfiguration.builder().allowOrigins("https://a.example.com")
            .exposeHeaders("x-id").build())
        .build());

    for (String[] request : List.of(new String[] {"GET", "/pets/7?q=1"}, new String[] {"POST", "/other"},
        new String[] {"OPTIONS", "/pets/7"}, new String[] {"GET", "/pets/%2F"})) {
      Map<String, String> headers = Map.of("Origin", "https://a.example.com", "Access-Control-Request-Method", "GET");
      GatewayResponse a = call(imported, request[0], request[1], headers);
      GatewayResponse b = call(built, request[0], request[1], headers);
      assertThat(a.statusCode()).as(request[1]).isEqualTo(b.statusCode());
      assertThat(normalize(a.bodyText())).as(request[1]).isEqualTo(normalize(b.bodyText()));
      assertThat(without(a.headers())).as(request[1]).isEqualTo(without(b.headers()));
    }
  }

  /** Request ids and times differ between two calls; everything else must not. */
  private static String normalize(String body) {
    return body.replaceAll("Root=1-[0-9a-f]{8}-[0-9a-f]{24}", "Root=TRACE").replaceAll("(?i)(requestId|apigw-requestid|extendedRequestId)(\\\\?\"?)[:=](\\\\?\")[^\\\\\"]*", "$1$2:$3ID")
        .replaceAll("(?i)(requestTime|requestTimeEpoch|time|timeEpoch)(\\\\?\")(:\\\\?\"?)[^,\\\\\"]*", "$1$2$3T");
  }

  private static Map<String, List<String>> without(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new java.util.TreeMap<>(headers);
    copy.remove("apigw-requestid");
    copy.remove("date");
    return copy;
  }
}
