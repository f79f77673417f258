package dev.portico.examples;

import static dev.portico.testing.PorticoAssertions.assertThat;

import dev.portico.testing.ApiClient;
import dev.portico.testing.ApiResponse;
import dev.portico.testing.PorticoExtension;
import dev.portico.testing.TestIssuer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pets API with its real handlers, tested the way a team using portico-testing tests its own: the deployed
 * definition, the handler classes named as in Lambda's configuration, tokens from a test issuer.
 */
class PetsApiTest {
  @RegisterExtension
  static final PorticoExtension portico = portico();

  static PorticoExtension portico() {
    PorticoExtension.Builder builder = PorticoExtension.definition(Path.of("pets-api.yaml")).useTestIssuer();
    for (String function : PetsExample.FUNCTIONS) {
      String[] nameAndHandler = function.split("=", 2);
      builder.handler(nameAndHandler[0], nameAndHandler[1]);
    }
    return builder.build();
  }

  static String token(TestIssuer issuer, String subject, String... scopes) {
    return issuer.token().subject(subject).audience("pets-app").scopes(scopes).sign();
  }

  @Test
  void aWriterAddsAPetAndAReaderReadsIt(ApiClient client, TestIssuer issuer) {
    ApiResponse created = client.post("/pets").bearer(token(issuer, "alice", "pets/write"))
        .origin("https://app.pets.example").json("{\"name\":\"Fido\",\"type\":\"dog\"}").send();
    assertThat(created)
        .hasStatus(201)
        .isCorsAllowed()
        .hasHeader("access-control-expose-headers", "location")
        .invokedFunction("pets").succeeded().withEvent(e -> e.claim("sub").isEqualTo("alice"));
    String location = created.header("location").orElseThrow();

    assertThat(client.get(location).bearer(token(issuer, "bob", "pets/read")).send())
        .hasStatus(200)
        .routedTo("GET /pets/{petId}")
        .body().contains("\"name\":\"Fido\"").contains("\"addedBy\":\"alice\"");
  }

  @Test
  void theHandlersOwnValidationAnswersBehindTheGateway(ApiClient client, TestIssuer issuer) {
    assertThat(client.post("/pets").bearer(token(issuer, "alice", "pets/write")).json("{}").send())
        .hasStatus(400)
        .hasJsonMessage("a pet needs a name");
  }

  @Test
  void onlyTheAdminKeyDeletesAndTheAuthorizerAnswerIsCached(ApiClient client) {
    assertThat(client.delete("/pets/1").header("x-api-key", "wrong").send()).hasStatus(403);
    assertThat(client.delete("/pets/404").header("x-api-key", "pets-admin-key").send())
        .hasStatus(404)
        .invokedFunction("api-key-authorizer").withEvent(e -> e.header("x-api-key").isEqualTo("pets-admin-key"));
    assertThat(client.delete("/pets/405").header("x-api-key", "pets-admin-key").send())
        .hasStatus(404)
        .didNotInvokeFunction("api-key-authorizer")
        .invokedFunction("pets").withEvent(e -> e.authorizerContext("caller").isEqualTo("admin"));
  }

  @Test
  void theLegacyRouteSpeaksPayloadFormat10(ApiClient client) {
    assertThat(client.get("/legacy/pets?limit=5").send())
        .hasStatus(200)
        .hasHeader("x-pets-source", "v1")
        .invokedFunction("legacy-pets").withEvent(e -> {
          e.hasVersion("1.0");
          e.queryParameter("limit").isEqualTo("5");
        });
  }
}
