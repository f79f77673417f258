package dev.portico.testing;

import static dev.portico.testing.PorticoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.server.PorticoServer;
import dev.portico.testing.handlers.PetsHandler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise. The API is the examples' pets
 * API; its functions are the doubles the examples name.
 */
class ExamplesTest {

  /** package-info.java and docs/testing.md. */
  @Nested
  class PetsApiPolicyTest {
    @RegisterExtension
    static final PorticoExtension portico = PorticoExtension.definition(Path.of("../examples/pets-api.yaml"))
        .useTestIssuer()
        .build();

    @Test
    void writingNeedsTheWriteScope(ApiClient client, TestIssuer issuer) {
      String reader = issuer.token().audience("pets-app").scopes("pets/read").sign();
      assertThat(client.post("/pets").bearer(reader).json("{}").send())
          .hasStatus(403).hasJsonMessage("Forbidden").routedTo("POST /pets");
    }

    @Test
    void theAppMayReadPets(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().audience("pets-app").scopes("pets/read").sign();
      assertThat(client.get("/pets/7").bearer(token).origin("https://app.pets.example").send())
          .hasStatus(200)
          .isCorsAllowed()
          .invokedFunction("pets").withEvent(e -> e.pathParameter("petId").isEqualTo("7"));
    }
  }

  /** PorticoExtension's example: a real handler class behind the definition. */
  @Nested
  class PetsApiScopesTest {
    @RegisterExtension
    static final PorticoExtension portico = PorticoExtension.definition(Path.of("../examples/pets-api.yaml"))
        .useTestIssuer()
        .handler("pets", PetsHandler.class)
        .build();

    @Test
    void readingAPetNeedsTheReadScope(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().audience("pets-app").scopes("pets/write").sign();
      assertThat(client.get("/pets/7").bearer(token).send())
          .hasStatus(403).hasJsonMessage("Forbidden").routedTo("GET /pets/{petId}").invokedNoFunction();
    }
  }

  /** The examples that send requests to the pets API, with the doubles and tokens they name. */
  @Nested
  class Requests {
    static final RecordingFunction PETS = RecordingFunction.named("pets").replyWith(200, "{\"id\":7}");
    static final RecordingFunction KEYS = RecordingFunction.named("api-key-authorizer")
        .replyWith(event -> event.header("x-api-key").filter("k1"::equals).isPresent()
            ? RecordingFunction.authorized(Map.of("role", "admin")) : RecordingFunction.denied());

    @RegisterExtension
    static final PorticoExtension portico = PorticoExtension.definition(Path.of("../examples/pets-api.yaml"))
        .useTestIssuer("petsJwt")
        .function("pets", PETS)
        .function("api-key-authorizer", KEYS)
        .build();

    ApiClient client;
    RecordingFunction pets;
    RecordingFunction authorizer;
    String token;
    String readOnly;
    String writeOnly;

    @BeforeEach
    void names(ApiClient client, TestIssuer issuer) {
      this.client = client;
      this.pets = PETS;
      this.authorizer = KEYS;
      this.token = issuer.token().subject("u1").audience("pets-app").scopes("pets/read", "pets/write").sign();
      this.readOnly = issuer.token().subject("u1").audience("pets-app").scopes("pets/read").sign();
      this.writeOnly = issuer.token().subject("u1").audience("pets-app").scopes("pets/write").sign();
    }

    @Test
    void apiClientExample() {
      HttpApi api = portico.httpApi();
      URI deployedUrl;
      try (PorticoServer served = PorticoServer.builder(Gateway.create(api)).host("127.0.0.1").port(0).start()) {
        deployedUrl = served.uri(); // stands in for the API on AWS

        ApiClient client = ApiClient.of(Gateway.create(api));
        ApiResponse response = client.get("/pets/7").bearer(token).send();
        assertThat(response).hasStatus(200).routedTo("GET /pets/{petId}");

        ApiClient deployed = ApiClient.http(deployedUrl);   // https://abcdef1234.execute-api.eu-west-1.amazonaws.com
        assertThat(deployed.get("/pets/7").send()).hasStatus(401).hasJsonMessage("Unauthorized");
      }
    }

    @Test
    void apiRequestExample() {
      ApiResponse response = client.post("/pets?dryRun=true")
          .bearer(token)
          .origin("https://app.pets.example")
          .json("{\"name\":\"Rex\"}")
          .send();

      assertThat(response).hasStatus(200).isCorsAllowed().invokedFunction("pets").withEvent(e -> {
        e.header("content-type").isEqualTo("application/json");
        e.body().isEqualTo("{\"name\":\"Rex\"}");
      });
    }

    @Test
    void apiResponseExample() {
      ApiResponse response = client.get("/pets/7").bearer(token).send();
      response.status();                         // 200
      response.routeKey();                       // Optional[GET /pets/{petId}]
      response.invocations("pets").size();       // 1

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.routeKey()).hasToString("Optional[GET /pets/{petId}]");
      assertThat(response.invocations("pets")).hasSize(1);
    }

    @Test
    void apiResponseAssertExample() {
      assertThat(client.get("/pets/7").bearer(writeOnly).send())
          .hasStatus(403)
          .hasJsonMessage("Forbidden")
          .routedTo("GET /pets/{petId}")
          .invokedNoFunction();
      assertThat(client.preflight("https://app.pets.example", "POST", "/pets", "authorization").send())
          .isCorsAllowed();
    }

    @Test
    void porticoAssertionsExample() {
      assertThat(client.get("/pets/7").bearer(readOnly).send())
          .hasStatus(200)
          .routedTo("GET /pets/{petId}")
          .invokedFunction("pets").withEvent(e -> e.pathParameter("petId").isEqualTo("7"));
      assertThat(client.delete("/pets/7").send()).hasStatus(401).hasJsonMessage("Unauthorized");
      assertThat(authorizer).hasInvocations(0);   // no x-api-key: refused before the authorizer runs
    }

    @Test
    void invocationExample() {
      client.get("/pets/7").bearer(token).send();

      Invocation call = pets.lastInvocation().orElseThrow();
      call.event().pathParameter("petId");   // Optional[7]
      call.response();                       // Optional[{"statusCode":200,...}]

      assertThat(call.event().pathParameter("petId")).contains("7");
      assertThat(call.response()).hasValueSatisfying(text -> assertThat(text).startsWith("{\"statusCode\":200,"));
    }

    @Test
    void invocationAssertExample() {
      ApiResponse response = client.get("/pets/7").bearer(token).send();

      assertThat(response).invokedFunction("pets")
          .withEvent(e -> e.pathParameter("petId").isEqualTo("7"))
          .succeeded();
    }

    @Test
    void recordedEventExamples() {
      client.get("/pets/7").bearer(token).send();

      RecordedEvent event = pets.lastInvocation().orElseThrow().event();
      event.pathParameter("petId");                 // Optional[7]
      event.claim("sub");                           // Optional[u1]
      APIGatewayV2HTTPEvent typed = event.as(APIGatewayV2HTTPEvent.class);

      event.field("/requestContext/http/protocol");   // Optional[HTTP/1.1]

      assertThat(event.pathParameter("petId")).contains("7");
      assertThat(event.claim("sub")).contains("u1");
      assertThat(typed.getPathParameters()).containsEntry("petId", "7");
      assertThat(event.field("/requestContext/http/protocol")).contains("HTTP/1.1");
    }

    @Test
    void recordedEventAsExample() {
      client.delete("/pets/7").header("x-api-key", "k1").send();
      RecordedEvent event = authorizer.lastInvocation().orElseThrow().event();

      APIGatewayV2HTTPEvent v2 = event.as(APIGatewayV2HTTPEvent.class);
      APIGatewayProxyRequestEvent v1 = event.as(APIGatewayProxyRequestEvent.class);
      APIGatewayV2CustomAuthorizerEvent authorizer = event.as(APIGatewayV2CustomAuthorizerEvent.class);

      assertThat(v2.getRawPath()).isEqualTo("/pets/7");
      assertThat(v1).isNotNull();
      assertThat(authorizer.getRouteArn()).endsWith("/DELETE/pets/7");
      assertThat(authorizer.getIdentitySource()).containsExactly("k1");
    }

    @Test
    void recordedEventAssertExample() {
      ApiResponse response = client.get("/pets/7").bearer(token).send();

      assertThat(response).invokedFunction("pets").withEvent(e -> {
        e.pathParameter("petId").isEqualTo("7");
        e.claim("sub").isEqualTo("u1");
        e.header("x-api-key").isNull();
      });
    }

    @Test
    void recordingFunctionAssertExample() {
      client.delete("/pets/7").header("x-api-key", "k1").send();
      client.delete("/pets/8").header("x-api-key", "k1").send();
      assertThat(authorizer).hasInvocations(1);   // the second answer came from the authorizer cache

      assertThat(pets.invocations()).hasSize(2);
    }
  }

  @Test
  void recordingFunctionExample() throws Exception {
    RecordingFunction pets = RecordingFunction.named("pets").replyWith(200, "{\"id\":7}");
    RecordingFunction keys = RecordingFunction.named("api-key-authorizer")
        .replyWith(event -> event.header("x-api-key").filter("k1"::equals).isPresent()
            ? RecordingFunction.authorized(Map.of("role", "admin")) : RecordingFunction.denied());
    RecordingFunction real = RecordingFunction.recording("pets", AwsLambdaHandlers.requestHandler(new PetsHandler()));

    HttpApi api = HttpApi.builder().route(dev.portico.gateway.Route.of("GET /pets/{petId}",
        dev.portico.integration.LambdaIntegration.of("pets", pets))).build();
    ApiClient client = ApiClient.builder().gateway(() -> Gateway.create(api)).functions(java.util.List.of(pets))
        .build();
    assertThat(client.get("/pets/7").send()).hasStatus(200).hasBody("{\"id\":7}");
    assertThat(pets.invocations().get(0).event().pathParameter("petId")).hasValue("7");
    assertThat(keys.name()).isEqualTo("api-key-authorizer");
    assertThat(real.name()).isEqualTo("pets");
    assertThat(RecordingFunction.authorized(Map.of("role", "admin")))
        .isEqualTo("{\"isAuthorized\":true,\"context\":{\"role\":\"admin\"}}");
    assertThat(RecordingFunction.denied()).isEqualTo("{\"isAuthorized\":false}");
  }

  @Test
  void testIssuerExample() {
    try (TestIssuer issuer = TestIssuer.start()) {
      JwtAuthorizerConfig config = JwtAuthorizerConfig.builder().issuer(issuer.issuer()).audiences("app").build();
      String token = issuer.token()
          .subject("u1").audience("app").scopes("pets/read")
          .expiresIn(Duration.ofMinutes(5)).claim("tenant", "t1")
          .sign();
      String expired = issuer.token().audience("app").expired().sign();

      try (JwtAuthorizer authorizer = JwtAuthorizer.create(config)) {
        assertThat(authorizer.authorize(token, Set.of("pets/read"))).isInstanceOf(AuthorizationResult.Allowed.class);
        assertThat(authorizer.authorize(expired, Set.of())).isInstanceOf(AuthorizationResult.Denied.class);
      }
    }
  }
}
