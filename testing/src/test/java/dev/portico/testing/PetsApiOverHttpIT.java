package dev.portico.testing;

import static dev.portico.testing.PorticoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.testing.handlers.PetsHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pets API served over real HTTP (Jetty on 127.0.0.1, as {@code portico serve} serves it) with real handler
 * classes bound by class and by Lambda's {@code Class::method} name: the same assertions hold as in-process.
 */
class PetsApiOverHttpIT {
  @RegisterExtension
  static final PorticoExtension portico = PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
      .useTestIssuer()
      .handler("pets", PetsHandler.class)
      .handler("legacy-pets", "dev.portico.testing.handlers.LegacyHandler::list")
      .function("api-key-authorizer", RecordingFunction.named("api-key-authorizer")
          .replyWithJson(RecordingFunction.authorized(Map.of("role", "admin"))))
      .overHttp()
      .build();

  @Test
  void theClientSpeaksHttpToLoopback(ApiClient client) {
    assertThat(client.isHttp()).isTrue();
    assertThat(client.baseUri()).hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("127.0.0.1"));
    assertThatThrownBy(() -> client.get("/pets").sourceIp("192.0.2.1").send())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sourceIp is for in-process requests");
  }

  @Test
  void aRealHandlerAnswersAndIsRecorded(ApiClient client, TestIssuer issuer) {
    String token = issuer.token().subject("u7").audience("pets-app").scopes("pets/read").sign();
    ApiResponse response = client.get("/pets/7").bearer(token).send();
    assertThat(response)
        .hasStatus(200)
        .hasBody("pet 7 for u7 via pets")
        .hasHeader("content-type", "text/plain")
        .routedTo("GET /pets/{petId}")
        .invokedFunction("pets").succeeded().withEvent(e -> {
          e.field("/requestContext/http/sourceIp").isEqualTo("127.0.0.1");
          e.header("host").startsWith("127.0.0.1:");
        });
    assertThat(portico.function("pets").isRecorder()).isTrue();
    assertThat(portico.function("pets").lastInvocation().orElseThrow().response())
        .hasValueSatisfying(json -> assertThat(json).contains("pet 7 for u7 via pets"));
    assertThatThrownBy(() -> portico.function("pets").replyWith(200, "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("records a real function");
  }

  @Test
  void aClassMethodHandlerGetsItsVersion10Event(ApiClient client) {
    assertThat(client.get("/legacy/pets").send())
        .hasStatus(200)
        .hasBody("legacy GET")
        .invokedFunction("legacy-pets").withEvent(e -> e.hasVersion("1.0"));
  }

  @Test
  void refusalsAreTheSameOverTheWire(ApiClient client) {
    assertThat(client.get("/pets/7").send()).hasStatus(401).hasJsonMessage("Unauthorized").invokedNoFunction();
    assertThat(client.delete("/pets/7").send()).hasStatus(401).hasJsonMessage("Unauthorized");
    assertThat(client.delete("/pets/7").header("x-api-key", "k").send()).hasStatus(200)
        .hasBody("pet 7 for anonymous via pets")
        .invokedFunction("pets").withEvent(e -> e.authorizerContext("role").isEqualTo("admin"));
  }

  @Test
  void anEncodedSlashStaysInsideTheGreedyParameter(ApiClient client) {
    assertThat(client.get("/files/reports%2F2026/nov.csv").send())
        .hasStatus(200)
        .routedTo("ANY /files/{proxy+}")
        .invokedFunction("files").withEvent(e -> {
          e.pathParameter("proxy").isEqualTo("reports/2026/nov.csv");
          e.path().isEqualTo("/files/reports/2026/nov.csv"); // decoded, as AWS delivers it (D13)
        });
  }

  @Test
  void browsersGetTheirPreflightAnswerOverTheWire(ApiClient client) {
    assertThat(client.preflight("https://app.pets.example", "DELETE", "/pets/7", "x-api-key").send())
        .hasStatus(204)
        .isCorsAllowed();
    assertThat(client.preflight("https://app.pets.example", "PUT", "/pets/7").send()).isCorsRefused();
  }
}
