package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import dev.portico.server.PorticoServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The client on its own: what it sends, how long it waits, and what it refuses, in-process and over HTTP. */
class ApiClientIT {
  static final RecordingFunction ECHO = RecordingFunction.named("echo")
      .replyWith(event -> "{\"statusCode\":200,\"body\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(
          event.method() + " " + event.path() + " " + event.header("x-a").orElse("-") + " " + event.body()) + "}");
  static final Gateway GATEWAY = Gateway.create(HttpApi.builder()
      .route(Route.of("ANY /{proxy+}", LambdaIntegration.of("echo", ECHO))).build());

  @Test
  void requestsCarryMethodTargetHeadersAndBody() {
    ApiClient client = ApiClient.builder().gateway(() -> GATEWAY).functions(List.of(ECHO)).build();
    ApiResponse response = client.request("PROPFIND", "/a/b?x=1").header("x-a", "1").header("x-a", "2")
        .body("hi").send();
    assertThat(response.bodyText()).isEqualTo("PROPFIND /a/b 1,2 hi");
    assertThat(response.request().rawPath()).isEqualTo("/a/b");
    assertThat(response.request().headers()).containsEntry("x-a", List.of("1", "2"));
    assertThat(response.headerValues("APIGW-REQUESTID")).hasSize(1);
    assertThat(response.invocations()).hasSize(1);
    assertThat(response.routeKey()).hasValueSatisfying(key -> assertThat(key.toString()).isEqualTo("ANY /{proxy+}"));
  }

  @Test
  void theSameRequestsGoOverHttp() {
    try (PorticoServer server = PorticoServer.builder(GATEWAY).port(0).start()) {
      ApiClient client = ApiClient.http(server.uri());
      assertThat(client.isHttp()).isTrue();
      ApiResponse response = client.put("/a/b").header("x-a", "1").body("hi").send();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("PUT /a/b 1 hi");
      assertThat(response.explanation()).isEmpty();
      assertThat(response.functionNames()).isEmpty();
      assertThatThrownBy(() -> client.get("/x").header("host", "evil.example").send())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("header 'host' cannot be sent by java.net.http");
      assertThatThrownBy(() -> client.get("/a b").send())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("GET /a b: cannot be sent over HTTP");
    }
  }

  @Test
  void aRequestWaitsNoLongerThanItsTimeout() {
    RecordingFunction slow = RecordingFunction.named("slow").replyWith(event -> {
      LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
      return "{\"statusCode\":200}";
    });
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /slow", LambdaIntegration.of("slow", slow))).build());
    assertThatThrownBy(() -> ApiClient.of(gateway).get("/slow").timeout(Duration.ofMillis(100)).send())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no answer to GET /slow within PT0.1S");
  }

  @Test
  void aRefusedConnectionIsReported() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> ApiClient.http(closed).get("/").send())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("GET / to " + closed + " failed: ");
  }

  @Test
  void badOptionsAreRefusedNamingTheRule() {
    assertThatThrownBy(() -> ApiClient.builder().build())
        .hasMessage("an ApiClient needs a gateway (in-process) or a baseUri (over HTTP)");
    assertThatThrownBy(() -> ApiClient.http(URI.create("ftp://x")))
        .hasMessage("baseUri 'ftp://x' must be an http or https URL");
    assertThatThrownBy(() -> ApiClient.http(URI.create("http://x/?a=1")))
        .hasMessage("baseUri 'http://x/?a=1' must have no query or fragment");
    assertThatThrownBy(() -> ApiClient.builder().timeout(Duration.ZERO))
        .hasMessage("timeout PT0S must be positive");
    assertThatThrownBy(() -> ApiClient.of(GATEWAY).get("pets"))
        .hasMessage("target 'pets' must start with '/'");
    assertThatThrownBy(() -> ApiClient.builder().gateway(() -> GATEWAY)
        .functions(List.of(ECHO, RecordingFunction.named("echo"))))
        .hasMessage("two recording functions are named 'echo'");
  }
}
