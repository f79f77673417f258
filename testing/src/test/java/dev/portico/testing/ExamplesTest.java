package dev.portico.testing;

import static dev.portico.testing.PorticoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The javadoc examples of this module, kept compiling and true (the definition path is the examples' file). */
class ExamplesTest {

  /** package-info.java and docs/testing.md. */
  @Nested
  class PetsApiPolicyExample {
    @RegisterExtension
    static final PorticoExtension portico = PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
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

  /** TestIssuer's class javadoc. */
  @Test
  void testIssuer() {
    try (TestIssuer issuer = TestIssuer.start()) {
      JwtAuthorizerConfig config = JwtAuthorizerConfig.builder().issuer(issuer.issuer()).audiences("app").build();
      String token = issuer.token()
          .subject("u1").audience("app").scopes("pets/read")
          .expiresIn(Duration.ofMinutes(5)).claim("tenant", "t1")
          .sign();
      String expired = issuer.token().audience("app").expired().sign();
      JwtAuthorizer authorizer = JwtAuthorizer.create(config);
      assertThat(authorizer.authorize(token, Set.of("pets/read"))).isInstanceOf(AuthorizationResult.Allowed.class);
      assertThat(authorizer.authorize(expired, Set.of())).isInstanceOf(AuthorizationResult.Denied.class);
    }
  }

  /** ApiClient's and RecordingFunction's class javadoc. */
  @Test
  void clientAndDoubles() {
    RecordingFunction pets = RecordingFunction.named("pets").replyWith(200, "{\"id\":7}");
    HttpApi api = HttpApi.builder().route(Route.of("GET /pets/{petId}", LambdaIntegration.of("pets", pets))).build();
    ApiClient client = ApiClient.builder().gateway(() -> Gateway.create(api)).functions(java.util.List.of(pets))
        .build();
    ApiResponse response = client.get("/pets/7").send();
    assertThat(response).hasStatus(200).hasBody("{\"id\":7}").routedTo("GET /pets/{petId}");
    assertThat(response.invocations("pets")).hasSize(1);
    assertThat(pets.invocations().get(0).event().pathParameter("petId")).hasValue("7");
    assertThat(RecordingFunction.authorized(Map.of("role", "admin")))
        .isEqualTo("{\"isAuthorized\":true,\"context\":{\"role\":\"admin\"}}");
    assertThat(RecordingFunction.denied()).isEqualTo("{\"isAuthorized\":false}");
  }
}
