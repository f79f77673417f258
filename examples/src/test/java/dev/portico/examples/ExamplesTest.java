package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.gateway.GatewayResponse;
import dev.portico.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The runnable examples do what their javadoc says. */
class ExamplesTest {

  @Test
  void directGatewayExample() {
    GatewayResponse response = DirectGatewayExample.call("GET", "/pets/1");
    response.statusCode();   // 200
    response.bodyText();     // {"id":1,"name":"Rex",...}

    GatewayResponse found = response;
    GatewayResponse missing = DirectGatewayExample.call("GET", "/cats/1");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.bodyText()).contains("\"name\":\"Rex\"");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyText()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void embeddedJettyExample() throws Exception {
    int port = 0;

    Server server = EmbeddedJettyExample.start(port);   // 0 for any free port
    // GET /pets      -> the pets Lambda handler, through the gateway
    // GET /about     -> the application's servlet

    try {
      String base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base + "/pets/2")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> site = client.send(HttpRequest.newBuilder(URI.create(base + "/about")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(api.body()).contains("\"name\":\"Tom\"");
      assertThat(api.headers().firstValue("apigw-requestid")).isPresent();
      assertThat(site.body()).isEqualTo("the application's own page: /about");
    } finally {
      server.stop();
    }
  }

  @Test
  void testIssuerTokensPassPorticosJwtAuthorizer() throws Exception {
    try (TestIssuer issuer = TestIssuer.start()) {
      JwtAuthorizer authorizer = JwtAuthorizer.create(
          JwtAuthorizerConfig.builder().issuer(issuer.issuer()).audiences("pets-app").build());

      AuthorizationResult allowed = authorizer.authorize(
          "Bearer " + issuer.token().subject("alice").audience("pets-app").scopes("pets/read").expiresIn(Duration.ofMinutes(5)).sign(),
          Set.of("pets/read"));
      AuthorizationResult wrongAudience = authorizer.authorize(
          "Bearer " + issuer.token().subject("alice").audience("other").scopes("pets/read").expiresIn(Duration.ofMinutes(5)).sign(), Set.of());

      assertThat(allowed).isInstanceOf(AuthorizationResult.Allowed.class);
      assertThat(((AuthorizationResult.Allowed) allowed).claims()).containsEntry("sub", "alice");
      assertThat(wrongAudience).isInstanceOf(AuthorizationResult.Denied.class);
    }
  }
}
