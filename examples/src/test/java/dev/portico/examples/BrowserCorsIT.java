package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.portico.cors.HeadlessChromium;
import dev.portico.testing.TestIssuer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CORS browser proof against the real server: headless Chromium runs a page whose script calls the pets API
 * served by {@code portico-server.jar}, once from an allowed origin and once from an origin the API does not list.
 */
class BrowserCorsIT {
  private static final String PAGE = """
      <!doctype html><html><body><script>
      const query = new URLSearchParams(location.search);
      const api = query.get('api');
      const token = query.get('token');
      async function attempt(path, init) {
        try {
          const r = await fetch(api + path, init);
          return {ok: true, status: r.status, body: await r.text(), location: r.headers.get('location'),
                  requestId: r.headers.get('apigw-requestid')};
        } catch (e) {
          return {ok: false, error: String(e)};
        }
      }
      (async () => {
        const results = {};
        results.list = await attempt('/pets', {});
        results.create = await attempt('/pets', {method: 'POST', headers: {'authorization': 'Bearer ' + token,
            'content-type': 'application/json'}, body: JSON.stringify({name: 'Browsy', type: 'cat'})});
        results.remove = await attempt('/pets/2', {method: 'DELETE', headers: {'x-api-key': 'pets-admin-key'}});
        results.refusedMethod = await attempt('/pets/1', {method: 'PATCH'});
        window.corsResults = results;
      })();
      </script></body></html>
      """;

  @TempDir
  static Path dir;
  private static HttpServer pages;
  private static TestIssuer issuer;
  private static ServerProcess server;
  private static JsonNode allowed;
  private static JsonNode foreign;

  @BeforeAll
  static void runThePagesInChromium() throws Exception {
    Optional<Path> binary = HeadlessChromium.find();
    if (binary.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("CI must run the browser proof, but no Chromium was found: .ci/run installs Debian's chromium");
      }
      Assumptions.abort("BrowserCorsIT skipped: no Chromium (apt-get install chromium, or set PORTICO_CHROMIUM)");
    }
    pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pages.createContext("/page.html", exchange -> {
      byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    pages.start();
    int pagePort = pages.getAddress().getPort();
    // The example's definition with the page's origin in place of the local front end's.
    Path api = dir.resolve("pets-api.yaml");
    Files.writeString(api, Files.readString(ServerProcess.PETS_API)
        .replace("http://localhost:5173", "http://127.0.0.1:" + pagePort));
    issuer = TestIssuer.start();
    server = ServerProcess.serve(api, "--jwt-issuer", "petsJwt=" + issuer.issuer());
    String token = issuer.token().subject("alice").audience("pets-app").scopes("pets/write").expiresIn(Duration.ofMinutes(5)).sign();
    String query = "?api=" + URLEncoder.encode(server.uri("").toString(), StandardCharsets.UTF_8) + "&token=" + token;
    try (HeadlessChromium chromium = HeadlessChromium.start(binary.get())) {
      allowed = chromium.run("http://127.0.0.1:" + pagePort + "/page.html" + query, Duration.ofSeconds(30));
    }
    try (HeadlessChromium chromium = HeadlessChromium.start(binary.get())) {
      foreign = chromium.run("http://localhost:" + pagePort + "/page.html" + query, Duration.ofSeconds(30));
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (issuer != null) {
      issuer.close();
    }
    if (pages != null) {
      pages.stop(0);
    }
  }

  @Test
  void aSimpleGetFromAnAllowedOriginIsReadable() {
    assertThat(allowed.path("list").path("ok").asBoolean()).as(allowed.toString()).isTrue();
    assertThat(allowed.path("list").path("body").asText()).contains("Rex");
    // facts §5: only exposed headers are visible to the script; apigw-requestid is not exposed.
    assertThat(allowed.path("list").path("requestId").isNull()).isTrue();
  }

  @Test
  void aPreflightedJwtPostPassesAndItsExposedHeaderIsVisible() {
    JsonNode create = allowed.path("create");
    assertThat(create.path("status").asInt()).as(create.toString()).isEqualTo(201);
    assertThat(create.path("body").asText()).contains("\"addedBy\":\"alice\"");
    assertThat(create.path("location").asText()).startsWith("/pets/");
  }

  @Test
  void aPreflightedDeleteWithTheLambdaAuthorizersKeyPasses() {
    assertThat(allowed.path("remove").path("status").asInt()).as(allowed.path("remove").toString()).isEqualTo(200);
  }

  @Test
  void aMethodTheApiDoesNotAllowIsStoppedByTheBrowser() {
    // D6: the preflight is answered 204 without Access-Control-Allow-* for PATCH; the browser refuses.
    assertThat(allowed.path("refusedMethod").path("ok").asBoolean()).isFalse();
  }

  @Test
  void anOriginTheApiDoesNotListIsBlockedEvenForSimpleRequests() {
    assertThat(foreign.path("list").path("ok").asBoolean()).as(foreign.toString()).isFalse();
    assertThat(foreign.path("create").path("ok").asBoolean()).isFalse();
  }
}
