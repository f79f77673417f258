package dev.portico.testing;

import static dev.portico.testing.PorticoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.cors.CorsConfiguration;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every assertion passes when it should and fails, with a message naming the request and what was found, when it
 * should not — on an API built in code and registered with {@link PorticoExtension#api}.
 */
class ApiResponseAssertTest {
  static final RecordingFunction ITEMS = RecordingFunction.named("items").replyWith(200, "listed");
  static final RecordingFunction OTHER = RecordingFunction.named("other");

  @RegisterExtension
  static final PorticoExtension portico = PorticoExtension.api(() -> HttpApi.builder()
          .route(Route.of("GET /items/{id}", LambdaIntegration.of("items", ITEMS)))
          .route(Route.of("POST /other", LambdaIntegration.of("other", OTHER)))
          .cors(CorsConfiguration.builder().allowOrigins("https://a.example").allowMethods("GET", "PUT")
              .allowHeaders("*").build())
          .build())
      .functions(ITEMS, OTHER)
      .build();

  @Test
  void hasStatus(ApiClient client) {
    ApiResponse response = client.get("/items/1").send();
    assertThat(response).hasStatus(200);
    assertThatThrownBy(() -> assertThat(response).hasStatus(404))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting GET /items/1 to answer 404 but it answered 200 listed");
  }

  @Test
  void hasJsonMessage(ApiClient client) {
    ApiResponse missing = client.get("/nothing").send();
    assertThat(missing).hasStatus(404).hasJsonMessage("Not Found");
    assertThatThrownBy(() -> assertThat(missing).hasJsonMessage("Forbidden"))
        .hasMessageContaining("the message \"Forbidden\" but it was \"Not Found\" (status 404)");
    assertThatThrownBy(() -> assertThat(client.get("/items/1").send()).hasJsonMessage("Not Found"))
        .hasMessageContaining("to answer {\"message\":\"Not Found\"} but it answered 200 listed");
  }

  @Test
  void headers(ApiClient client) {
    ApiResponse response = client.get("/items/1").send();
    assertThat(response).hasHeader("APIGW-REQUESTID").doesNotHaveHeader("location");
    assertThatThrownBy(() -> assertThat(response).hasHeader("location"))
        .hasMessageContaining("to have header 'location'");
    assertThatThrownBy(() -> assertThat(response).hasHeader("apigw-requestid", "nope"))
        .hasMessageContaining("to have header 'apigw-requestid: nope' but its values are [");
    assertThatThrownBy(() -> assertThat(response).doesNotHaveHeader("apigw-requestid"))
        .hasMessageContaining("not to have header 'apigw-requestid'");
    assertThat(response).hasBody("listed").body().startsWith("list");
    assertThatThrownBy(() -> assertThat(response).hasBody("other"))
        .hasMessageContaining("body of the answer to GET /items/1");
  }

  @Test
  void routedTo(ApiClient client) {
    ApiResponse response = client.get("/items/1").send();
    assertThat(response).routedTo("GET /items/{id}");
    assertThatThrownBy(() -> assertThat(response).routedTo("GET /items/{other}"))
        .hasMessageContaining("to be routed to 'GET /items/{other}' but it was routed to 'GET /items/{id}'");
    assertThatThrownBy(() -> assertThat(response).isNotRouted())
        .hasMessageContaining("to match no route but it was routed to 'GET /items/{id}'");
    ApiResponse unrouted = client.get("/nothing").send();
    assertThat(unrouted).isNotRouted();
    assertThatThrownBy(() -> assertThat(unrouted).routedTo("GET /items/{id}"))
        .hasMessageContaining("but no route took it (NO_ROUTE: 404");
    assertThatThrownBy(() -> assertThat(response).routedTo("GET items"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("routedTo: ");
  }

  @Test
  void routedToNeedsAClientThatKnowsTheGateway(ApiClient client) {
    ApiClient blind = ApiClient.builder().gateway(portico::gateway).build();
    assertThat(blind.get("/items/1").send()).routedTo("GET /items/{id}");
    ApiResponse overHttpWithoutGateway = new ApiResponse(client.get("/x").copy(), 200, java.util.Map.of(),
        new byte[0], null, java.util.Map.of());
    assertThatThrownBy(() -> assertThat(overHttpWithoutGateway).routedTo("GET /x"))
        .hasMessageContaining("routedTo needs a client that knows the gateway");
  }

  @Test
  void cors(ApiClient client) {
    ApiResponse allowed = client.get("/items/1").origin("https://a.example").send();
    assertThat(allowed).isCorsAllowed();
    assertThatThrownBy(() -> assertThat(allowed).isCorsRefused())
        .hasMessageContaining("to block the answer to GET /items/1 (Origin https://a.example) but it would allow");
    ApiResponse refused = client.get("/items/1").origin("https://b.example").send();
    assertThat(refused).isCorsRefused();
    assertThatThrownBy(() -> assertThat(refused).isCorsAllowed())
        .hasMessageContaining("but it would block it: the answer has no access-control-allow-origin");
    assertThatThrownBy(() -> assertThat(client.get("/items/1").send()).isCorsRefused())
        .hasMessageContaining("the request has no Origin header");
    assertThatThrownBy(() -> assertThat(allowed).isCorsAllowedWithCredentials())
        .hasMessageContaining("access-control-allow-credentials is [], not 'true'");
  }

  @Test
  void corsWildcardHeadersNeverCoverAuthorization(ApiClient client) {
    assertThat(client.preflight("https://a.example", "PUT", "/items/1", "x-anything").send()).isCorsAllowed();
    assertThatThrownBy(() -> assertThat(client.preflight("https://a.example", "PUT", "/items/1", "authorization")
        .send()).isCorsAllowed())
        .hasMessageContaining("'*' never covers authorization");
    assertThatThrownBy(() -> assertThat(client.preflight("https://a.example", "DELETE", "/items/1").send())
        .isCorsAllowed())
        .hasMessageContaining("the answer has no access-control-allow-origin"); // the gateway refuses DELETE itself
  }

  @Test
  void invocations(ApiClient client) {
    ApiResponse response = client.get("/items/7").send();
    assertThat(response).invokedFunction("items").succeeded()
        .withEvent(e -> e.pathParameter("id").isEqualTo("7"))
        .event().routeKey().isEqualTo("GET /items/{id}");
    assertThat(response).didNotInvokeFunction("other");
    assertThatThrownBy(() -> assertThat(response).invokedFunction("items")
        .withEvent(e -> e.pathParameter("id").isEqualTo("8")))
        .hasMessageContaining("path parameter 'id' of the event")
        .hasMessageContaining("\"7\"");
    assertThatThrownBy(() -> assertThat(response).invokedFunction("other"))
        .hasMessageContaining("to invoke function 'other' once but it invoked it 0 times");
    assertThatThrownBy(() -> assertThat(response).didNotInvokeFunction("items"))
        .hasMessageContaining("not to invoke function 'items' but it did:");
    assertThatThrownBy(() -> assertThat(response).invokedNoFunction())
        .hasMessageContaining("to invoke no function but it invoked:");
    assertThatThrownBy(() -> assertThat(response).invokedFunction("itemz"))
        .hasMessageContaining("no recording function named 'itemz' (known: items, other)");
  }

  @Test
  void invocationsBelongToTheirOwnRequest(ApiClient client) {
    ApiResponse first = client.get("/items/1").send();
    ApiResponse second = client.get("/items/2").send();
    assertThat(first).invokedFunction("items").withEvent(e -> e.pathParameter("id").isEqualTo("1"));
    assertThat(second).invokedFunction("items").withEvent(e -> e.pathParameter("id").isEqualTo("2"));
    assertThat(ITEMS).hasInvocations(2).lastInvocation().event().pathParameter("id").isEqualTo("2");
    assertThatThrownBy(() -> assertThat(ITEMS).hasInvocations(3))
        .hasMessageContaining("to have been invoked 3 times but it was invoked 2 times");
    assertThatThrownBy(() -> assertThat(OTHER).lastInvocation())
        .hasMessageContaining("Expecting function 'other' to have been invoked but it was not");
    assertThat(OTHER).wasNotInvoked();
  }

  @Test
  void aFailedInvocationIsRecordedWithItsFailure(ApiClient client) {
    IllegalStateException boom = new IllegalStateException("boom");
    ITEMS.failWith(boom);
    ApiResponse response = client.get("/items/1").send();
    assertThat(response).hasStatus(500);
    assertThat(ITEMS.lastInvocation().orElseThrow().failure()).containsSame(boom);
    // issue 20: the failure reads as the Lambda console shows it, with the stack trace
    assertThatThrownBy(() -> assertThat(response).invokedFunction("items").succeeded())
        .hasMessageContaining("Expecting items to answer but the function items threw"
            + " java.lang.IllegalStateException: boom\n    \tat dev.portico.testing.ApiResponseAssertTest"
            + ".aFailedInvocationIsRecordedWithItsFailure(ApiResponseAssertTest.java:");
    // and a 500 says why: what the function threw
    assertThatThrownBy(() -> assertThat(response).hasStatus(200))
        .hasMessageContaining("to answer 200 but it answered 500 {\"message\":\"Internal Server Error\"}; the"
            + " function items threw java.lang.IllegalStateException: boom\n    \tat ");
  }

  @Test
  void eventAssertions(ApiClient client) {
    client.post("/other?x=1").header("x-h", "v").body("hello").send();
    RecordedEvent event = OTHER.lastInvocation().orElseThrow().event();
    assertThat(event).hasVersion("2.0").method().isEqualTo("POST");
    assertThat(event).body().isEqualTo("hello");
    assertThat(event).header("X-H").isEqualTo("v");
    assertThat(event).queryParameter("x").isEqualTo("1");
    assertThat(event).path().isEqualTo("/other");
    assertThat(event).field("/requestContext/http/method").isEqualTo("POST");
    assertThat(event).claim("sub").isNull();
    assertThat(event).scopes().isEmpty();
    assertThat(event).stageVariable("v").isNull();
    assertThatThrownBy(() -> assertThat(event).hasVersion("1.0"))
        .hasMessageContaining("Expecting a 1.0 event but it was 2.0");
  }
}
