package dev.portico.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser proof: a page served from one origin ({@code http://127.0.0.1:A}) calls an API on another origin
 * ({@code http://localhost:B}) whose answers come from {@link CorsPolicy}, in Debian's headless Chromium. What the
 * page's script observed (success or a CORS failure) and what reached the API server are both asserted.
 */
class CorsBrowserIT {
  private static final List<String> apiLog = new CopyOnWriteArrayList<>();
  private static Server pageServer;
  private static Server apiServer;
  private static JsonNode results;

  @BeforeAll
  static void runThePageInChromium() throws Exception {
    Optional<Path> binary = HeadlessChromium.find();
    if (binary.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("CI must run the browser proof, but no Chromium was found: .ci/run installs Debian's chromium");
      }
      Assumptions.abort("CorsBrowserIT skipped: no Chromium (apt-get install chromium, or set PORTICO_CHROMIUM)");
    }
    pageServer = start(new PageHandler());
    String pageOrigin = "http://127.0.0.1:" + port(pageServer);
    CorsPolicy open = CorsPolicy.of(CorsConfiguration.builder()
        .allowOrigins(pageOrigin).allowMethods("GET", "PUT").allowHeaders("content-type", "x-custom")
        .exposeHeaders("x-request-id").maxAge(0).build());
    CorsPolicy credentialed = CorsPolicy.of(CorsConfiguration.builder()
        .allowOrigins(pageOrigin).allowMethods("GET").allowCredentials(true).build());
    CorsPolicy strict = CorsPolicy.of(CorsConfiguration.builder().allowOrigins("https://www.example.com").build());
    apiServer = start(new ApiHandler(open, credentialed, strict));
    String api = "http://localhost:" + port(apiServer);

    try (HeadlessChromium chromium = HeadlessChromium.start(binary.get())) {
      results = chromium.run(pageOrigin + "/page.html?api=" + api, Duration.ofSeconds(30));
    }
  }

  @AfterAll
  static void stopServers() throws Exception {
    for (Server server : new Server[] {pageServer, apiServer}) {
      if (server != null) {
        server.stop();
      }
    }
  }

  @Test
  void simpleGetSucceedsAndSeesOnlyExposedHeaders() {
    JsonNode simple = results.get("simple");
    assertThat(simple.get("ok").asBoolean()).as(simple.toString()).isTrue();
    assertThat(simple.get("body").asText()).isEqualTo("GET /open/hello");
    assertThat(simple.get("requestId").asText()).isEqualTo("r-1");
    assertThat(simple.get("secret").isNull()).as("x-secret is not exposed").isTrue();
    assertThat(apiLog).contains("GET /open/hello").doesNotContain("OPTIONS /open/hello");
  }

  @Test
  void putWithCustomHeaderAndJsonIsPreflightedThenSent() {
    JsonNode put = results.get("preflightedPut");
    assertThat(put.get("ok").asBoolean()).as(put.toString()).isTrue();
    assertThat(put.get("body").asText()).isEqualTo("PUT /open/items/1");
    assertThat(apiLog).containsSubsequence("OPTIONS /open/items/1", "PUT /open/items/1");
  }

  @Test
  void refusedPreflightStopsTheRequestInTheBrowser() {
    JsonNode refused = results.get("refusedHeader");
    assertThat(refused.get("ok").asBoolean()).as(refused.toString()).isFalse();
    assertThat(apiLog).contains("OPTIONS /open/items/2").doesNotContain("PUT /open/items/2");
  }

  @Test
  void credentialedFetchNeedsAllowCredentials() {
    JsonNode allowed = results.get("credentialed");
    assertThat(allowed.get("ok").asBoolean()).as(allowed.toString()).isTrue();
    assertThat(allowed.get("body").asText()).isEqualTo("GET /creds/me");

    JsonNode withoutAllowCredentials = results.get("credentialedWithoutAllow");
    assertThat(withoutAllowCredentials.get("ok").asBoolean()).as(withoutAllowCredentials.toString()).isFalse();
  }

  @Test
  void disallowedOriginIsBlockedEvenThoughTheBackendSaysStar() {
    JsonNode blocked = results.get("disallowedOrigin");
    assertThat(blocked.get("ok").asBoolean()).as(blocked.toString()).isFalse();
    // A simple GET is sent; the browser withholds the answer because the policy dropped the backend's '*'.
    assertThat(apiLog).contains("GET /strict/data");
  }

  private static Server start(Handler handler) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(handler);
    server.start();
    return server;
  }

  private static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Serves the page whose script makes the cross-origin calls. */
  private static final class PageHandler extends Handler.Abstract {
    private static final String PAGE = """
        <!doctype html><html><body><script>
        const api = new URLSearchParams(location.search).get('api');
        async function attempt(path, init) {
          try {
            const r = await fetch(api + path, init);
            return {ok: true, status: r.status, body: await r.text(),
                    requestId: r.headers.get('x-request-id'), secret: r.headers.get('x-secret')};
          } catch (e) {
            return {ok: false, error: String(e)};
          }
        }
        (async () => {
          const results = {};
          results.simple = await attempt('/open/hello', {});
          results.preflightedPut = await attempt('/open/items/1', {method: 'PUT',
              headers: {'content-type': 'application/json', 'x-custom': 'yes'}, body: JSON.stringify({a: 1})});
          results.refusedHeader = await attempt('/open/items/2', {method: 'PUT',
              headers: {'x-forbidden': 'yes'}, body: 'x'});
          results.credentialed = await attempt('/creds/me', {credentials: 'include'});
          results.credentialedWithoutAllow = await attempt('/open/hello', {credentials: 'include'});
          results.disallowedOrigin = await attempt('/strict/data', {});
          window.corsResults = results;
        })();
        </script></body></html>
        """;

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      response.setStatus(200);
      response.getHeaders().put("content-type", "text/html; charset=utf-8");
      Content.Sink.write(response, true, PAGE, callback);
      return true;
    }
  }

  /** The API: answers preflights from the policy; ordinary responses get the policy's headers. */
  private static final class ApiHandler extends Handler.Abstract {
    private final CorsPolicy open;
    private final CorsPolicy credentialed;
    private final CorsPolicy strict;

    ApiHandler(CorsPolicy open, CorsPolicy credentialed, CorsPolicy strict) {
      this.open = open;
      this.credentialed = credentialed;
      this.strict = strict;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String method = request.getMethod();
      String path = Request.getPathInContext(request);
      apiLog.add(method + " " + path);
      CorsPolicy policy = path.startsWith("/open") ? open : path.startsWith("/creds") ? credentialed : strict;
      String origin = request.getHeaders().get("origin");
      String requestMethod = request.getHeaders().get("access-control-request-method");
      if (policy.isPreflight(method, origin, requestMethod)) {
        response.setStatus(204);
        policy.preflight(origin, requestMethod, request.getHeaders().get("access-control-request-headers"))
            .forEach(response.getHeaders()::put);
        callback.succeeded();
        return true;
      }
      response.setStatus(200);
      // What a backend might send: its own CORS header, which API Gateway drops, and two plain headers.
      String[][] backend = {{"access-control-allow-origin", "*"}, {"x-request-id", "r-1"}, {"x-secret", "s"},
          {"content-type", "text/plain"}};
      for (String[] header : backend) {
        if (!policy.dropsBackendHeader(header[0])) {
          response.getHeaders().put(header[0], header[1]);
        }
      }
      policy.actualHeaders(origin).forEach(response.getHeaders()::put);
      Content.Sink.write(response, true, method + " " + path, callback);
      return true;
    }
  }
}
