package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.testing.TestIssuer;
import dev.portico.testsupport.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18's high and medium findings, replayed against the real {@code portico serve} (the server jar as a
 * subprocess) with real loopback backends: a Jetty file server (an RFC 3986 resolver: dot-segments removed before
 * decoding) and Python's {@code http.server} (decodes first, normalises after). Each backend serves {@code
 * /base/public.txt} and, outside the integration's prefix, {@code /secret.txt} — which only the JWT route may
 * reach.
 */
class SecurityRegressionIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  @TempDir static Path files;
  static Server jettyBackend;
  static int jettyPort;
  static Process pythonBackend;
  static int pythonPort;
  static TestIssuer issuer;
  static ServerProcess portico;
  static Path api;

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(files.resolve("base"));
    Files.writeString(files.resolve("base/public.txt"), "public");
    Files.writeString(files.resolve("base/item.txt"), "an item");
    Files.writeString(files.resolve("secret.txt"), "TOP SECRET");
    jettyBackend = new Server();
    ServerConnector connector = new ServerConnector(jettyBackend);
    connector.setHost("127.0.0.1");
    jettyBackend.addConnector(connector);
    ResourceHandler resources = new ResourceHandler();
    resources.setBaseResource(ResourceFactory.of(jettyBackend).newResource(files));
    jettyBackend.setHandler(resources);
    jettyBackend.start();
    jettyPort = connector.getLocalPort();
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      pythonPort = free.getLocalPort();
    }
    pythonBackend = new ProcessBuilder("python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory",
        files.toString(), Integer.toString(pythonPort)).redirectErrorStream(true)
        .redirectOutput(files.resolve("python.log").toFile()).start();
    awaitPython();
    issuer = TestIssuer.start();
    api = files.resolve("security-api.yaml");
    String template = new String(SecurityRegressionIT.class.getResourceAsStream("/security/security-api.yaml")
        .readAllBytes(), StandardCharsets.UTF_8);
    Files.writeString(api, template.replace("BACKEND_JETTY", "http://127.0.0.1:" + connector.getLocalPort())
        .replace("BACKEND_PYTHON", "http://127.0.0.1:" + pythonPort).replace("ISSUER", issuer.issuer().toString()));
    portico = ServerProcess.start(List.of("serve", "--api", api.toString(), "--port", "0",
        "--classpath", Path.of("target/test-classes").toAbsolutePath().toString(),
        "--function", "interim=dev.portico.examples.hostile.InterimStatusHandler"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (portico != null) {
      portico.close();
    }
    if (pythonBackend != null) {
      pythonBackend.destroy();
      pythonBackend.waitFor(10, TimeUnit.SECONDS);
    }
    if (jettyBackend != null) {
      jettyBackend.stop();
    }
    if (issuer != null) {
      issuer.close();
    }
  }

  private static void awaitPython() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket("127.0.0.1", pythonPort)) {
        if (socket.isConnected()) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("python3 -m http.server did not start: " + Files.readString(files.resolve("python.log")));
  }

  static String raw(String target) throws IOException {
    return RawHttp.exchange(portico.port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  @Test
  void theBackendsReallyServeTheSecretToWhoeverAsksThemDirectly() throws Exception {
    // The premise: both backends resolve a dot-segment path to the file outside /base — Jetty the raw segment
    // that Portico used to send for a decoded '..', Python even an encoded slash.
    assertThat(RawHttp.exchange(jettyPort,
        "GET /base/../secret.txt HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")).endsWith("TOP SECRET");
    assertThat(RawHttp.exchange(pythonPort, "GET /base/..%2Fsecret.txt HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"))
        .endsWith("TOP SECRET");
    // And the routes work for what they are meant for.
    assertThat(raw("/public/public.txt")).startsWith("HTTP/1.1 200 ").endsWith("public");
    assertThat(raw("/py/public.txt")).startsWith("HTTP/1.1 200 ").endsWith("public");
    assertThat(raw("/item/item")).startsWith("HTTP/1.1 200 ").endsWith("an item");
  }

  /** Item 1: no path parameter reaches outside the integration's prefix, for either kind of backend. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "/public/..%2Fsecret.txt", "/public/%2e%2e/secret.txt", "/public/%2E%2E/secret.txt", "/public/../secret.txt",
    "/public/.%2E/secret.txt", "/py/..%2Fsecret.txt", "/py/%2e%2e/secret.txt", "/py/%252e%252e/secret.txt",
    "/py/%2e%2e%2fsecret.txt", "/py/..%5Csecret.txt", "/item/..%2Fsecret", "/item/%2e%2e%2Fsecret",
    "/jitem/..%2Fsecret", "/py/%c0%ae%c0%ae/secret.txt"
  })
  void aPublicRouteNeverReachesWhatTheJwtRouteProtects(String target) throws Exception {
    String response = raw(target);

    assertThat(response).doesNotContain("TOP SECRET");
    if (!response.startsWith("HTTP/1.1 404 ")) { // a raw '..' may be resolved by Jetty before routing
      assertThat(response).as(response).startsWith("HTTP/1.1 400 ").endsWith("{\"message\":\"Bad Request\"}")
          .contains("apigw-requestid: ");
    }
  }

  @Test
  void theJwtRouteStillServesTheSecretToItsTokenHolder() throws Exception {
    String token = issuer.token().subject("admin").audience("admin-app").expiresIn(Duration.ofMinutes(5)).sign();
    HttpResponse<String> withToken = CLIENT.send(HttpRequest.newBuilder(portico.uri("/admin/secret.txt"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> without = CLIENT.send(HttpRequest.newBuilder(portico.uri("/admin/secret.txt")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).isEqualTo("TOP SECRET");
    assertThat(without.statusCode()).isEqualTo(401);
  }

  /** Item 2: a token whose header number no parser can hold is a malformed token (401), not a 500. */
  @Test
  void anUnsignedTokenWithAHugeNumberIsUnauthorized() throws Exception {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"none\",\"kid\":\"x\",\"n\":1e9999999999}".getBytes(StandardCharsets.UTF_8));
    String claims = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(portico.uri("/admin/secret.txt"))
        .header("Authorization", "Bearer " + header + "." + claims + ".").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(portico.stderr()).noneMatch(line -> line.contains("NumberFormatException") || line.contains("SEVERE"));
  }

  /**
   * Item 3: a function answering 100, 101 or 103 left the request unanswered, so the next answer on the
   * keep-alive connection was taken for the first one's. Each request now gets its own final answer.
   */
  @ParameterizedTest
  @ValueSource(ints = {100, 101, 103})
  void anInterimStatusFromAFunctionNeverDesynchronisesAKeepAliveConnection(int status) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", portico.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET /status?status=" + status + " HTTP/1.1\r\nHost: h\r\n\r\n"
          + "GET /status?status=201 HTTP/1.1\r\nHost: h\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      String first = RawHttp.readResponse(in);
      String second = RawHttp.readResponse(in);

      assertThat(first).startsWith("HTTP/1.1 500 ").endsWith("{\"message\":\"Internal Server Error\"}");
      assertThat(second).startsWith("HTTP/1.1 201 ").contains("status 201");
      // Item 9: the function's hop-by-hop headers stay out; its other headers pass.
      assertThat(second.toLowerCase(java.util.Locale.ROOT)).contains("x-kept: yes").doesNotContain("upgrade:")
          .doesNotContain("keep-alive:");
    }
  }

  /** Item 4: AWS routing is kept, but a method that is no token is a 400, and validate names the open fallback. */
  @Test
  void methodsThatAreNoTokensAreRefusedAndValidateWarnsOfTheOpenFallback() throws Exception {
    String notAToken = RawHttp.exchange(portico.port(), "G\u0001T /admin/secret.txt HTTP/1.1\r\nHost: h\r\n"
        + "Connection: close\r\n\r\n");
    String lowerCase = RawHttp.exchange(portico.port(), "get /admin/secret.txt HTTP/1.1\r\nHost: h\r\n"
        + "Connection: close\r\n\r\n");
    ServerProcess validate = ServerProcess.run("validate", "--api", api.toString());

    assertThat(notAToken).startsWith("HTTP/1.1 400 ").endsWith("{\"message\":\"Bad Request\"}");
    // D4: methods are exact, so 'get' is not GET: it reaches $default (the function), never the secret.
    assertThat(lowerCase).doesNotContain("TOP SECRET");
    assertThat(validate.exitCode()).isZero();
    assertThat(validate.stdout).anySatisfy(line -> assertThat(line)
        .startsWith("WARNING route 'GET /admin/{proxy+}' requires JWT authorization").contains("reach '$default'"));
  }

  /** Item 8: queries the URI grammar forbids reach the backend encoded, never a 500. */
  @Test
  void awkwardQueriesPassThroughToTheBackend() throws Exception {
    String response = raw("/py/public.txt?a={x}&b=|^&c=\"<>\"&d=100%&e=%41");

    assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("public");
  }

  /** Item 10: the API's domain name (the host served on), never the client's Host, reaches handlers. */
  @Test
  void theClientsHostIsNotTheApisName() throws Exception {
    String response = RawHttp.exchange(portico.port(), "GET /status?status=200 HTTP/1.1\r\nHost: evil.example\r\n"
        + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("status 200 domain 127.0.0.1");
  }
}
