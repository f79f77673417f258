package dev.portico.testing.docs;

import static dev.portico.testing.PorticoAssertions.assertThat;

import dev.portico.testing.ApiClient;
import dev.portico.testing.PorticoExtension;
import dev.portico.testing.RecordingFunction;
import dev.portico.testing.TestIssuer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/testing.md's complete test class, verbatim but for the package and the path: it must compile and pass. */
class CopyableExampleTest {
  static final String APP = "https://app.pets.example";

  // The Lambda authorizer, as a double: admin-key is allowed with a role, anything else denied.
  static final RecordingFunction API_KEYS = RecordingFunction.named("api-key-authorizer")
      .replyWith(event -> event.header("x-api-key").filter("admin-key"::equals).isPresent()
          ? RecordingFunction.authorized(Map.of("role", "admin"))
          : RecordingFunction.denied());

  @RegisterExtension
  static final PorticoExtension portico = PorticoExtension.definition(Path.of("../examples/pets-api.yaml"))
      .useTestIssuer()                                   // every JWT authorizer trusts the test issuer
      .function("api-key-authorizer", API_KEYS)          // other functions: doubles answering 200
      .build();

  static String token(TestIssuer issuer, String... scopes) {
    return issuer.token().subject("u1").audience("pets-app").scopes(scopes).sign();
  }

  @Test
  void listingPetsIsOpen(ApiClient client) {
    assertThat(client.get("/pets").send())
        .hasStatus(200)
        .routedTo("GET /pets")
        .invokedFunction("pets");
  }

  @Test
  void readingAPetNeedsAToken(ApiClient client) {
    assertThat(client.get("/pets/7").send())
        .hasStatus(401)
        .hasJsonMessage("Unauthorized")
        .routedTo("GET /pets/{petId}")
        .invokedNoFunction();
  }

  @Test
  void readingAPetNeedsTheReadScope(ApiClient client, TestIssuer issuer) {
    assertThat(client.get("/pets/7").bearer(token(issuer, "pets/write")).send())
        .hasStatus(403)
        .hasJsonMessage("Forbidden");
    assertThat(client.get("/pets/7").bearer(token(issuer, "pets/read")).send())
        .hasStatus(200)
        .invokedFunction("pets").withEvent(e -> {
          e.pathParameter("petId").isEqualTo("7");
          e.claim("sub").isEqualTo("u1");
        });
  }

  @Test
  void expiredAndForeignTokensAreRefused(ApiClient client, TestIssuer issuer) {
    String expired = issuer.token().audience("pets-app").scopes("pets/read").expired().sign();
    String foreign = issuer.token().audience("pets-app").scopes("pets/read").wrongIssuer().sign();
    assertThat(client.get("/pets/7").bearer(expired).send()).hasStatus(401);
    assertThat(client.get("/pets/7").bearer(foreign).send()).hasStatus(401);
  }

  @Test
  void deletingNeedsAnApiKeyAndTheAnswerIsCached(ApiClient client) {
    assertThat(client.delete("/pets/1").send()).hasStatus(401).invokedNoFunction();
    assertThat(client.delete("/pets/1").header("x-api-key", "stolen").send()).hasStatus(403);
    assertThat(client.delete("/pets/1").header("x-api-key", "admin-key").send())
        .hasStatus(200)
        .invokedFunction("pets").withEvent(e -> e.authorizerContext("role").isEqualTo("admin"));
    assertThat(client.delete("/pets/2").header("x-api-key", "admin-key").send())
        .didNotInvokeFunction("api-key-authorizer");       // authorizerResultTtlInSeconds: 300
  }

  @Test
  void theAppMayCallFromTheBrowser(ApiClient client) {
    assertThat(client.preflight(APP, "POST", "/pets", "authorization", "content-type").send())
        .hasStatus(204)
        .isCorsAllowed();
    assertThat(client.get("/pets").origin("https://evil.example").send())
        .isCorsRefused();
  }
}
