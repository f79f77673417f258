package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension's life cycle and its configuration errors, driven through its JUnit callbacks the way the engine
 * calls them (it reads nothing from the {@code ExtensionContext}).
 */
class PorticoExtensionTest {
  @TempDir
  Path dir;

  static void refusesConnections(URI uri) {
    assertThatThrownBy(() -> new Socket(uri.getHost(), uri.getPort()).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  void nestedClassesShareOneRunAndTheLastAfterAllStopsIt() throws IOException {
    PorticoExtension portico = PorticoExtension.definition(PetsApiPolicyTest.PETS_API).useTestIssuer().overHttp()
        .build();
    portico.beforeAll(null);
    portico.beforeAll(null); // a @Nested class
    TestIssuer issuer = portico.issuer();
    URI server = portico.client().baseUri().orElseThrow();
    portico.beforeEach(null);
    assertThat(portico.client().get("/pets").send().status()).isEqualTo(200);
    portico.afterEach(null);
    portico.afterAll(null); // the @Nested class ends
    assertThat(portico.issuer()).isSameAs(issuer);
    portico.afterAll(null);
    refusesConnections(URI.create(issuer.issuer()));
    refusesConnections(server);
    assertThatThrownBy(portico::client).hasMessageContaining("the PorticoExtension is not running");
  }

  @Test
  void anInstanceFieldRunsForOneTestOnly() {
    PorticoExtension portico = PorticoExtension.definition(PetsApiPolicyTest.PETS_API).useTestIssuer().build();
    portico.beforeEach(null);
    TestIssuer issuer = portico.issuer();
    assertThat(portico.gateway()).isNotNull();
    portico.afterEach(null);
    refusesConnections(URI.create(issuer.issuer()));
  }

  @Test
  void eachTestGetsANewGatewayAndFunctionsThatForgot() {
    PorticoExtension portico = PorticoExtension.definition(PetsApiPolicyTest.PETS_API).build();
    portico.beforeAll(null);
    try {
      portico.beforeEach(null);
      var first = portico.gateway();
      portico.client().get("/pets").send();
      assertThat(portico.function("pets").invocations()).hasSize(1);
      portico.afterEach(null);
      assertThatThrownBy(portico::gateway).hasMessageContaining("does not exist outside one");
      portico.beforeEach(null);
      assertThat(portico.gateway()).isNotSameAs(first);
      assertThat(portico.function("pets").invocations()).isEmpty();
      assertThat(portico.httpApi().routes()).hasSize(7);
    } finally {
      portico.afterAll(null);
    }
  }

  @Test
  void aMissingDefinitionIsNamed() {
    PorticoExtension portico = PorticoExtension.definition(dir.resolve("nope.yaml")).build();
    assertThatThrownBy(() -> portico.beforeAll(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("API definition " + dir.resolve("nope.yaml").toAbsolutePath() + " does not exist");
  }

  @Test
  void anInvalidDefinitionListsItsErrors() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), """
        openapi: 3.0.1
        info: {title: bad, version: "1"}
        paths:
          /pets/:
            get:
              x-amazon-apigateway-integration:
                type: aws_proxy
                uri: arn:aws:lambda:eu-west-1:123456789012:function:pets
                payloadFormatVersion: "2.0"
        """);
    assertThatThrownBy(() -> PorticoExtension.definition(file).build().beforeAll(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(file + " is not a valid API definition:")
        .hasMessageContaining("/pets/");
  }

  @Test
  void bindingsMustNameTheDefinitionsFunctions() {
    assertThatThrownBy(() -> PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
        .function("petz", RecordingFunction.named("petz")).build().beforeAll(null))
        .hasMessageContaining("names no function petz (its functions: api-key-authorizer, fallback, files,"
            + " legacy-pets, pets)");
    assertThatThrownBy(() -> PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
        .function("pets", RecordingFunction.named("other")).build().beforeAll(null))
        .hasMessage("function 'pets' is bound to a RecordingFunction named 'other'; the names must agree");
    assertThatThrownBy(() -> PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
        .function("pets", RecordingFunction.named("pets")).function("pets", RecordingFunction.named("pets")))
        .hasMessage("function 'pets' is already bound");
    assertThatThrownBy(() -> PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
        .handler("pets", "com.example.Missing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.example.Missing");
  }

  @Test
  void useTestIssuerNeedsJwtAuthorizersOfThoseNames() {
    assertThatThrownBy(() -> PorticoExtension.definition(PetsApiPolicyTest.PETS_API).useTestIssuer("apiKey")
        .build().beforeAll(null))
        .hasMessage("useTestIssuer: no JWT authorizer named apiKey (JWT authorizers: petsJwt)");
    RecordingFunction items = RecordingFunction.named("items");
    assertThatThrownBy(() -> PorticoExtension.api(() -> HttpApi.builder()
            .route(Route.of("GET /items", LambdaIntegration.of("items", items))).build())
        .useTestIssuer().build().beforeAll(null))
        .hasMessage("useTestIssuer: the API has no JWT authorizer");
  }

  @Test
  void optionsBelongToTheirKindOfApi() {
    assertThatThrownBy(() -> PorticoExtension.api(() -> null).function("x", RecordingFunction.named("x")))
        .hasMessageContaining("function(...) is for definition files");
    assertThatThrownBy(() -> PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
        .functions(RecordingFunction.named("x")))
        .hasMessageContaining("functions(...) is for APIs built in code");
    assertThatThrownBy(() -> PorticoExtension.api(() -> null).build().beforeAll(null))
        .hasMessage("the HttpApi supplier returned null");
    RecordingFunction a = RecordingFunction.named("a");
    assertThatThrownBy(() -> PorticoExtension.api(() -> null).functions(a, RecordingFunction.named("a")).build()
        .beforeAll(null))
        .hasMessage("two recording functions are named 'a'");
  }

  @Test
  void accessorsExplainWhatIsMissing() {
    PorticoExtension portico = PorticoExtension.definition(PetsApiPolicyTest.PETS_API).build();
    assertThatThrownBy(portico::client).hasMessageContaining("register it with @RegisterExtension");
    portico.beforeAll(null);
    try {
      assertThatThrownBy(portico::issuer).hasMessageContaining("call useTestIssuer()");
      assertThatThrownBy(() -> portico.function("petz"))
          .hasMessage("no function named 'petz' (functions: api-key-authorizer, fallback, files, legacy-pets, pets)");
      assertThatThrownBy(() -> portico.client().get("/pets").send())
          .hasMessageContaining("the gateway is made before each test");
    } finally {
      portico.afterAll(null);
    }
  }

  @Test
  void customizeChangesTheImportedApi() {
    PorticoExtension portico = PorticoExtension.definition(PetsApiPolicyTest.PETS_API)
        .customize(api -> api.stage(dev.portico.gateway.Stage.builder("prod").variable("env", "test").build()))
        .build();
    portico.beforeAll(null);
    portico.beforeEach(null);
    try {
      assertThat(portico.client().get("/pets").send().status()).isEqualTo(404);
      ApiResponse response = portico.client().get("/prod/pets").send();
      PorticoAssertions.assertThat(response).hasStatus(200).routedTo("GET /pets")
          .invokedFunction("pets").withEvent(e -> e.stageVariable("env").isEqualTo("test"));
    } finally {
      portico.afterEach(null);
      portico.afterAll(null);
    }
  }
}
