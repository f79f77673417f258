package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.echo;
import static dev.portico.gateway.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.cors.CorsConfiguration;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.payload.PayloadFormat;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise. Tokens come from a real OpenID
 * provider on loopback (mock-oauth2-server).
 */
class GatewayExamplesTest {
  static MockOAuth2Server provider;
  static JwtAuthorizerConfig jwtConfig;

  // What the examples name: functions, integrations, authorizers.
  private final LambdaFunction petsFunction = (event, context) ->
      "{\"statusCode\":200,\"body\":\"[]\"}".getBytes(StandardCharsets.UTF_8);
  private final Integration pets = echo();
  private final Integration health = Fixtures.answering("{\"statusCode\":204}");
  private final Integration backend = echo();
  private final LambdaFunction checkToken = (event, context) ->
      "{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void start() {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    jwtConfig = JwtAuthorizerConfig.builder().issuer(provider.issuerUrl("cognito").toString()).audiences("app")
        .build();
  }

  @AfterAll
  static void stop() {
    provider.shutdown();
  }

  static String token(String scope) {
    return provider.issueToken("cognito", "client-1", new DefaultOAuth2TokenCallback("cognito", "user-7", "JWT",
        List.of("app"), Map.of("scope", scope), 3600)).serialize();
  }

  private HttpApi petsApi() {
    return HttpApi.builder()
        .route(Route.of("GET /pets", LambdaIntegration.of("pets", petsFunction)))
        .route(Route.builder("GET /pets/{id}", pets).jwt("cognito", "pets/read").build())
        .authorizer(Authorizer.jwt("cognito", jwtConfig))
        .build();
  }

  @Test
  void packageExample() {
    HttpApi api = HttpApi.builder()
        .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", (event, context) ->
            "{\"statusCode\":200,\"body\":\"a pet\"}".getBytes(StandardCharsets.UTF_8))))
        .build();
    Gateway gateway = Gateway.create(api);
    GatewayResponse response = gateway.handle(GatewayRequest.builder().method("GET").target("/pets/7").build())
        .toCompletableFuture().join();
    response.statusCode();   // 200

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("a pet");
    gateway.close();
  }

  @Test
  void httpApiExample() {
    HttpApi api = HttpApi.builder()
        .route(Route.of("GET /pets", LambdaIntegration.of("pets", petsFunction)))
        .route(Route.builder("GET /pets/{id}", pets).jwt("cognito", "pets/read").build())
        .authorizer(Authorizer.jwt("cognito", jwtConfig))
        .cors(CorsConfiguration.builder().allowOrigins("https://www.example.com").build())
        .stage(Stage.defaultStage())
        .build();
    Gateway gateway = Gateway.create(api);

    GatewayRequest withoutToken = GatewayRequest.builder().method("GET").target("/pets/7").build();
    assertThat(Fixtures.call(gateway, withoutToken).statusCode()).isEqualTo(401);
    assertThat(Fixtures.get(gateway, "/pets").bodyText()).isEqualTo("[]");
    gateway.close();
  }

  @Test
  void gatewayExample() {
    List<String> events = new CopyOnWriteArrayList<>();
    HttpApi api = HttpApi.builder()
        .authorizer(Authorizer.jwt("cognito", jwtConfig))
        .route(Route.builder("GET /pets/{id}", LambdaIntegration.of("pets", (event, context) -> {
          events.add(new String(event, StandardCharsets.UTF_8));
          return "{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8);
        })).jwt("cognito", "pets/read").build())
        .build();
    String token = token("pets/read");

    try (Gateway gateway = Gateway.create(api)) {
      GatewayResponse response = gateway.handle(GatewayRequest.builder()
              .method("GET").target("/pets/7").header("Authorization", "Bearer " + token).build())
          .toCompletableFuture().join();
      response.statusCode();   // 200 with a valid token, 401 without
    }

    assertThat(events).singleElement().satisfies(event -> assertThat(Fixtures.json(event)
        .at("/requestContext/authorizer/jwt/claims/sub").asText()).isEqualTo("user-7"));
  }

  @Test
  void gatewayRequestAndResponseExamples() {
    String token = token("pets/read");
    Gateway gateway = Gateway.create(petsApi());

    GatewayRequest request = GatewayRequest.builder()
        .method("GET").target("/pets/7?expand=owner")
        .header("Host", "api.example.com").header("Authorization", "Bearer " + token)
        .sourceIp("192.0.2.1")
        .build();

    GatewayResponse response = gateway.handle(request).toCompletableFuture().join();
    response.statusCode();                 // 200
    response.header("apigw-requestid");    // Optional[JKJaXmPLvHcESHA=]
    response.bodyText();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.header("apigw-requestid")).hasValueSatisfying(id -> assertThat(id).hasSize(16));
    assertThat(event(response).at("/rawQueryString").asText()).isEqualTo("expand=owner");
    assertThat(event(response).at("/requestContext/http/sourceIp").asText()).isEqualTo("192.0.2.1");
    gateway.close();
  }

  @Test
  void forEachHeaderToWriteExample() {
    Gateway gateway = Gateway.create(HttpApi.builder().route(Route.of("GET /x", Fixtures.answering(
        "{\"statusCode\":200,\"headers\":{\"content-length\":\"99\",\"x-a\":\"1\"},\"body\":\"hello\"}")))
        .build());
    GatewayResponse answer = Fixtures.call(gateway, GatewayRequest.builder().target("/x").build());
    java.util.Map<String, String> written = new java.util.LinkedHashMap<>();
    Servlet servletResponse = written::put;

    answer.forEachHeaderToWrite((name, value) -> servletResponse.addHeader(name, value));

    assertThat(answer.headers()).containsKey("content-length");
    assertThat(written).containsKeys("x-a", "apigw-requestid").doesNotContainKey("content-length");
    gateway.close();
  }

  /** The one method of a servlet response the example calls. */
  private interface Servlet {
    void addHeader(String name, String value);
  }

  @Test
  void gatewayResponseErrorExample() {
    GatewayResponse answer = GatewayResponse.error(400);   // {"message":"Bad Request"}, apigw-requestid

    assertThat(answer.bodyText()).isEqualTo("{\"message\":\"Bad Request\"}");
    assertThat(answer.header("apigw-requestid")).isPresent();
    assertThat(answer.header("content-type")).contains("application/json");
  }

  @Test
  void explanationExample() {
    Gateway gateway = Gateway.create(petsApi());

    Explanation why = gateway.explain(GatewayRequest.builder().method("GET").target("/pets/7").build());
    why.outcome();                          // ROUTE
    why.route().map(Route::routeKey);       // GET /pets/{id}
    why.pathParameters();                   // {id=7}

    assertThat(why.outcome()).isEqualTo(Explanation.Outcome.ROUTE);
    assertThat(why.route().map(Route::routeKey)).hasValueSatisfying(key -> assertThat(key)
        .hasToString("GET /pets/{id}"));
    assertThat(why.pathParameters()).isEqualTo(Map.of("id", "7"));
    gateway.close();
  }

  @Test
  void accessLogSinkExample() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Stage stage = Stage.builder("$default")
        .accessLog("$context.requestId $context.routeKey $context.status", (stageName, line) -> lines.add(line))
        .build();

    try (Gateway gateway = Gateway.create(HttpApi.builder().route(Route.of("GET /pets", pets)).stage(stage).build())) {
      GatewayResponse response = Fixtures.get(gateway, "/pets");
      assertThat(lines).containsExactly(response.header("apigw-requestid").orElseThrow() + " GET /pets 200");
    }
  }

  @Test
  void apiWarningExample() {
    HttpApi api = HttpApi.builder()
        .route(Route.builder("GET /pets", pets).jwt("cognito").build())
        .route(Route.of("ANY /{proxy+}", backend))
        .authorizer(Authorizer.jwt("cognito", jwtConfig))
        .build();

    for (ApiWarning warning : api.warnings()) {
      System.err.println(warning.kind() + " " + warning.routeKeys() + ": " + warning.message());
    }

    assertThat(api.warnings()).singleElement().satisfies(warning -> {
      assertThat(warning.kind()).isEqualTo(ApiWarning.Kind.UNPROTECTED_OTHER_METHODS);
      assertThat(warning.routeKeys()).containsExactly("GET /pets", "ANY /{proxy+}");
    });
  }

  @Test
  void authorizationTypeExample() {
    Route route = Route.builder("GET /pets", pets).jwt("cognito", "pets/read").build();
    route.authorizationType();   // JWT

    assertThat(route.authorizationType()).isEqualTo(AuthorizationType.JWT);
    assertThat(Route.of("GET /pets", pets).authorizationType()).isEqualTo(AuthorizationType.NONE);
  }

  @Test
  void authorizerExample() {
    Authorizer cognito = Authorizer.jwt("cognito", JwtAuthorizerConfig.builder()
        .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc").audiences("app").build());

    Authorizer tokens = Authorizer.lambda("tokens", LambdaAuthorizer.of("check-token", checkToken))
        .payloadFormat(PayloadFormat.V2_0)
        .simpleResponses(true)
        .identitySources("$request.header.Authorization")
        .resultTtl(Duration.ofMinutes(5))
        .build();

    assertThat(cognito.name()).isEqualTo("cognito");
    assertThat(tokens).isInstanceOfSatisfying(Authorizer.Lambda.class, lambda -> {
      assertThat(lambda.identitySources()).containsExactly("$request.header.Authorization");
      assertThat(lambda.resultTtl()).isEqualTo(Duration.ofMinutes(5));
    });
  }

  @Test
  void authorizerToBuilderExample() {
    Authorizer.Lambda authorizer = Authorizer.lambda("tokens", LambdaAuthorizer.of("check-token", checkToken))
        .simpleResponses(true).identitySources("$request.header.Authorization").build();

    Authorizer.Lambda uncached = authorizer.toBuilder().resultTtl(Duration.ZERO).build();

    assertThat(uncached.resultTtl()).isZero();
    assertThat(uncached).isEqualTo(new Authorizer.Lambda(authorizer.name(), authorizer.function(),
        authorizer.payloadFormat(), authorizer.simpleResponses(), authorizer.identitySources(), Duration.ZERO));
  }

  @Test
  void jwtWithIssuer() {
    Authorizer.Jwt deployed = Authorizer.jwt("petsJwt", JwtAuthorizerConfig.builder()
        .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_PETS01").audiences("pets-app").build());
    Authorizer.Jwt local = deployed.withIssuer("http://127.0.0.1:8081");

    assertThat(local.name()).isEqualTo("petsJwt");
    assertThat(local.config().issuer().toString()).isEqualTo("http://127.0.0.1:8081");
    assertThat(local.config().audiences()).isEqualTo(deployed.config().audiences());
    assertThat(local.config().identitySource()).isEqualTo(deployed.config().identitySource());
  }

  @Test
  void expressionExample() {
    Expression token = Expression.parse("$request.header.Authorization");
    token.single();        // Optional[$request.header.authorization]: header names match in any case
    Expression both = Expression.parse("${request.path.type}-${request.path.id}");
    both.variables();      // [$request.path.type, $request.path.id]

    assertThat(token.single()).hasToString("Optional[$request.header.authorization]")
        .contains(new Expression.Variable(Expression.Source.HEADER, "authorization"));
    assertThat(token).hasToString("$request.header.Authorization"); // the expression keeps its text
    assertThat(both.variables()).hasToString("[$request.path.type, $request.path.id]").containsExactly(new Expression.Variable(Expression.Source.PATH_PARAMETER, "type"),
        new Expression.Variable(Expression.Source.PATH_PARAMETER, "id"));
  }

  @Test
  void gatewayConfigExceptionExample() {
    try {
      Stage stage = Stage.builder("my stage").build();
    } catch (GatewayConfigException e) {
      e.field();      // "Stage.name"
      e.getMessage(); // stage name 'my stage' must be ...
    }

    assertThatThrownBy(() -> Stage.builder("my stage").build())
        .isInstanceOfSatisfying(GatewayConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("Stage.name");
          assertThat(e.getMessage()).startsWith("stage name 'my stage' must be ");
        });
  }

  @Test
  void gatewayLimitsExample() {
    GatewayLimits limits = GatewayLimits.builder()
        .maxBodyBytes(1 << 20)                          // 413 above 1 MiB
        .integrationTimeout(Duration.ofSeconds(5))      // 503 after 5 s
        .build();

    try (Gateway gateway = Gateway.create(HttpApi.builder().route(Route.of("POST /pets", pets)).limits(limits)
        .build())) {
      GatewayRequest big = GatewayRequest.builder().method("POST").target("/pets").body(new byte[(1 << 20) + 1])
          .build();
      assertThat(Fixtures.call(gateway, big).statusCode()).isEqualTo(413);
    }
    assertThat(limits.integrationTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void routeExample() {
    Route open = Route.of("GET /health", health);
    Route scoped = Route.builder("GET /pets/{id}", pets)
        .payloadFormat(PayloadFormat.V1_0)
        .jwt("cognito", "pets/read", "pets/admin")
        .timeout(Duration.ofSeconds(5))
        .build();
    Route custom = Route.builder("ANY /{proxy+}", backend).custom("token-check").build();

    assertThat(open.authorizationType()).isEqualTo(AuthorizationType.NONE);
    assertThat(scoped.scopes()).containsExactlyInAnyOrder("pets/read", "pets/admin");
    assertThat(scoped.timeout()).contains(Duration.ofSeconds(5));
    assertThat(custom.authorizationType()).isEqualTo(AuthorizationType.CUSTOM);
    assertThat(custom.authorizerName()).contains("token-check");
  }

  @Test
  void routeToBuilderExample() {
    Route route = Route.builder("GET /pets/{id}", pets).jwt("cognito", "pets/read").build();

    Route slower = route.toBuilder().timeout(Duration.ofSeconds(29)).build();

    assertThat(slower.timeout()).contains(Duration.ofSeconds(29));
    assertThat(slower.scopes()).isEqualTo(route.scopes());
    assertThat(slower.routeKey()).isEqualTo(route.routeKey());
  }

  @Test
  void stageExample() {
    Stage prod = Stage.builder("prod")
        .variable("backend", "orders.internal:8080")
        .accessLog("{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}")
        .build();

    assertThat(prod.variables()).containsEntry("backend", "orders.internal:8080");
    assertThat(prod.accessLogFormat()).contains("{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}");
  }

  @Test
  void stageToBuilderExample() {
    Stage stage = Stage.builder("prod").variable("backend", "orders.internal:8080").build();

    Stage traced = stage.toBuilder().variable("trace", "on").build();

    assertThat(traced.variables()).containsOnly(Map.entry("backend", "orders.internal:8080"), Map.entry("trace", "on"));
    assertThat(stage.variables()).doesNotContainKey("trace");
  }
}
