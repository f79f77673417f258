package dev.portico.servlet;

import static dev.portico.servlet.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.cors.CorsConfiguration;
import dev.portico.testsupport.RawHttp;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.payload.PayloadFormat;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PorticoServlet and PorticoFilter on a real Jetty 12 (ee10), driven over HTTP by the JDK's HttpClient. */
class ServletIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private static final AtomicInteger DIGESTS = new AtomicInteger();
  private static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);
  private static final CountDownLatch SLOW_STARTED = new CountDownLatch(1);

  private static Jetty servlet;

  @BeforeAll
  static void start() throws Exception {
    Gateway gateway = Gateway.create(api());
    servlet = Jetty.start("/ctx", 200, jetty -> jetty.servlet(PorticoServlet.of(gateway), "/api/*", true));
  }

  @AfterAll
  static void stop() throws Exception {
    RELEASE_SLOW.countDown();
    servlet.close();
  }

  static HttpApi api() {
    LambdaFunction counted = (event, context) -> {
      DIGESTS.incrementAndGet();
      return Functions.DIGEST.handle(event, context);
    };
    LambdaFunction slow = (event, context) -> {
      SLOW_STARTED.countDown();
      RELEASE_SLOW.await(30, TimeUnit.SECONDS);
      return "{\"statusCode\":200,\"body\":\"late\"}".getBytes(StandardCharsets.UTF_8);
    };
    return HttpApi.builder()
        .route(Route.of("ANY /echo/{proxy+}", LambdaIntegration.of("echo", Functions.ECHO_EVENT)))
        .route(Route.of("GET /seg/{one}", LambdaIntegration.of("echo", Functions.ECHO_EVENT)))
        .route(Route.of("POST /binary", LambdaIntegration.of("binary", Functions.ECHO_BODY)))
        .route(Route.of("POST /digest", LambdaIntegration.of("digest", counted)))
        .route(Route.builder("GET /multi", LambdaIntegration.of("multi", Functions.MULTI_V1))
            .payloadFormat(PayloadFormat.V1_0).build())
        .route(Route.of("GET /cookies", LambdaIntegration.of("cookies", Functions.COOKIES_V2)))
        .route(Route.of("GET /slow", LambdaIntegration.of("slow", slow)))
        .cors(CorsConfiguration.builder().allowOrigins("https://app.example").allowMethods("GET", "POST").build())
        .build();
  }

  static HttpResponse<String> get(String url, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> post(String url, byte[] body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void contextPathAndServletPathAreRemovedAndTheRestArrivesAsSent() throws Exception {
    HttpResponse<String> response = get(servlet.url("/ctx/api/echo/a%2Fb//c?x=1&x=2"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = json(response.body());
    // facts §2 / D3: rawPath arrives decoded, empty segments kept.
    assertThat(event.path("rawPath").asText()).isEqualTo("/echo/a/b//c");
    assertThat(event.path("pathParameters").path("proxy").asText()).isEqualTo("a/b//c");
    assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1&x=2");
    // facts §2: 2.0 joins duplicate query keys with commas.
    assertThat(event.path("queryStringParameters").path("x").asText()).isEqualTo("1,2");
    JsonNode http = event.path("requestContext").path("http");
    assertThat(http.path("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(http.path("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(http.path("method").asText()).isEqualTo("GET");
    assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
  }

  @Test
  void anEncodedSlashStaysInsideItsSegmentForRouting() throws Exception {
    HttpResponse<String> response = get(servlet.url("/ctx/api/seg/a%2Fb"));

    // The container hands the path over undecoded, so the router sees one segment, as AWS's does.
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()).path("pathParameters").path("one").asText()).isEqualTo("a/b");
    assertThat(json(response.body()).path("routeKey").asText()).isEqualTo("GET /seg/{one}");
  }

  @Test
  void unroutedPathsGetAwsNotFound() throws Exception {
    HttpResponse<String> response = get(servlet.url("/ctx/api/nothing"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
  }

  @Test
  void multiValuedRequestHeadersAndCookiesReachTheEvent() throws Exception {
    HttpResponse<String> response = get(servlet.url("/ctx/api/echo/h"),
        "X-Multi", "a", "X-Multi", "b", "Cookie", "c1=v1; c2=v2");

    JsonNode event = json(response.body());
    // facts §2: names lowercased, duplicates comma-joined, cookies one element per pair and no cookie header.
    assertThat(event.path("headers").path("x-multi").asText()).isEqualTo("a,b");
    assertThat(event.path("cookies").toString()).isEqualTo("[\"c1=v1\",\"c2=v2\"]");
    assertThat(event.path("headers").has("cookie")).isFalse();
  }

  @Test
  void multiValuedResponseHeadersAreWrittenOnePerValue() throws Exception {
    HttpResponse<String> response = get(servlet.url("/ctx/api/multi"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("x-multi")).containsExactly("a", "b");
    assertThat(response.body()).isEqualTo("made");
  }

  @Test
  void eachCookieBecomesItsOwnSetCookieHeader() throws Exception {
    HttpResponse<String> response = get(servlet.url("/ctx/api/cookies"));

    // facts §3: 2.0 cookies each become a set-cookie header.
    assertThat(response.headers().allValues("set-cookie")).containsExactly("session=s1; Path=/; HttpOnly", "theme=dark");
  }

  @Test
  void binaryBodiesRoundTripByteForByte() throws Exception {
    byte[] every = new byte[256];
    for (int i = 0; i < every.length; i++) {
      every[i] = (byte) i;
    }
    byte[] large = new byte[4 * 1024 * 1024];
    new Random(7).nextBytes(large);

    for (byte[] body : List.of(every, large)) {
      HttpResponse<byte[]> response = post(servlet.url("/ctx/api/binary"), body);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(body);
      assertThat(response.headers().firstValueAsLong("content-length")).hasValue(body.length);
    }
  }

  @Test
  void aBodyJustUnderTheLimitArrivesWhole() throws Exception {
    byte[] body = new byte[10 * 1024 * 1024 - 1024];
    new Random(11).nextBytes(body);

    HttpResponse<byte[]> response = post(servlet.url("/ctx/api/digest"), body);

    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(body.length + " " + HexFormat.of().formatHex(Functions.sha256(body)));
  }

  @Test
  void aDeclaredOversizedBodyIsRefusedBeforeTheClientSendsIt() throws Exception {
    int before = DIGESTS.get();

    String response = declareOversizedBody(servlet.port(), "/ctx/api/digest");

    // D11: 413 without reading the body; the client never got "100 Continue", so it never sent a byte.
    assertThat(response).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
    assertThat(response).endsWith("{\"message\":\"Request Entity Too Large\"}");
    assertThat(DIGESTS.get()).as("the function is never called").isEqualTo(before);
  }

  /**
   * Sends only the head of a POST that declares 11 MB and expects "100 Continue", and returns what the server
   * answers. A raw socket, because the JDK 17 client hangs when a final status answers its Expect (JDK-8286171), and
   * sending the body without Expect races the upload against the server's early 413 and close (a reset loses it).
   */
  private static String declareOversizedBody(int port, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
          + "Content-Length: " + (11 * 1024 * 1024) + "\r\nExpect: 100-continue\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return RawHttp.readResponse(socket.getInputStream());
    }
  }

  @Test
  void aStreamedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
    int before = DIGESTS.get();
    try (Socket socket = new Socket("127.0.0.1", servlet.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /ctx/api/digest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
        byte[] chunk = new byte[64 * 1024];
        try {
          for (int sent = 0; sent < 64 * 1024 * 1024; sent += chunk.length) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        } catch (IOException expected) {
          // the server stopped reading and closed the connection
        }
      });

      String response = RawHttp.readResponse(socket.getInputStream());

      assertThat(response).startsWith("HTTP/1.1 413 ").endsWith("{\"message\":\"Request Entity Too Large\"}");
      socket.shutdownOutput();
      sending.join();
    }
    assertThat(DIGESTS.get()).isEqualTo(before);
  }

  @Test
  void aClientThatDisconnectsMidBodyCostsNothingAndTheServerKeepsServing() throws Exception {
    int before = DIGESTS.get();
    try (Jetty own = Jetty.start("/", 50, jetty -> jetty.servlet(PorticoServlet.of(Gateway.create(api())), "/*", true))) {
      for (int i = 0; i < 20; i++) {
        try (Socket socket = new Socket("127.0.0.1", own.port())) {
          socket.getOutputStream().write(("POST /digest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Length: 100000\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII));
        }
      }
      awaitConnectionsClosed(own, 20);

      assertThat(DIGESTS.get()).as("no function saw a partial body").isEqualTo(before);
      assertThat(get(own.url("/echo/after")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aClientThatDisconnectsWhileTheFunctionRunsDoesNotDisturbTheServer() throws Exception {
    try (Jetty own = Jetty.start("/", 50, jetty -> jetty.servlet(PorticoServlet.of(Gateway.create(api())), "/*", true))) {
      try (Socket socket = new Socket("127.0.0.1", own.port())) {
        socket.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        assertThat(SLOW_STARTED.await(20, TimeUnit.SECONDS)).isTrue();
      }
      RELEASE_SLOW.countDown();
      awaitConnectionsClosed(own, 1);

      assertThat(get(own.url("/echo/after-slow")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aThousandConcurrentRequestsEachGetTheirOwnAnswer() throws Exception {
    int n = 1000;
    ExecutorService executor = Executors.newFixedThreadPool(8);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
    try {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(client.sendAsync(
            HttpRequest.newBuilder(URI.create(servlet.url("/ctx/api/echo/n?i=" + i)))
                .timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < n; i++) {
        HttpResponse<String> response = calls.get(i).get(120, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).path("queryStringParameters").path("i").asText()).isEqualTo("" + i);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void integrationsNeverHoldAContainerThread() throws Exception {
    // 40 requests must all be inside the function at once, on a Jetty with far fewer threads than that: if the
    // servlet held a container thread while an integration runs, the latch would never open.
    int requests = 40;
    CountDownLatch inside = new CountDownLatch(requests);
    ExecutorService functions = Executors.newCachedThreadPool();
    LambdaFunction rendezvous = (event, context) -> {
      inside.countDown();
      boolean all = inside.await(30, TimeUnit.SECONDS);
      return ("{\"statusCode\":" + (all ? 200 : 504) + ",\"body\":\"\"}").getBytes(StandardCharsets.UTF_8);
    };
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /meet", LambdaIntegration.builder("meet", rendezvous).executor(functions).build()))
        .build());
    try (Jetty small = Jetty.start("/", 12, jetty -> jetty.servlet(PorticoServlet.of(gateway), "/*", true))) {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        calls.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(small.url("/meet")))
            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        assertThat(call.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    } finally {
      functions.shutdownNow();
    }
  }

  @Test
  void withoutAsyncSupportItStillServesAndLimits() throws Exception {
    try (Jetty sync = Jetty.start("/", 50, jetty -> jetty.servlet(PorticoServlet.of(Gateway.create(api())), "/*", false))) {
      byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
      assertThat(post(sync.url("/binary"), body).body()).isEqualTo(body);

      String tooLarge = declareOversizedBody(sync.port(), "/binary");
      assertThat(tooLarge).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue")
          .endsWith("{\"message\":\"Request Entity Too Large\"}");
    }
  }

  @Test
  void aFilterServesTheApiAndPassesEverythingElseToTheApplication() throws Exception {
    Gateway gateway = Gateway.create(api());
    HttpServlet application = new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("application " + request.getRequestURI());
      }
    };
    PorticoFilter filter = PorticoFilter.builder(gateway).unrouted(PorticoFilter.Unrouted.CONTINUE).build();
    try (Jetty app = Jetty.start("/shop", 50, jetty -> jetty.filter(filter).servlet(application, "/", true))) {
      HttpResponse<String> routed = get(app.url("/shop/echo/x"));
      assertThat(json(routed.body()).path("rawPath").asText()).isEqualTo("/echo/x");

      HttpResponse<String> unrouted = get(app.url("/shop/home"));
      assertThat(unrouted.body()).isEqualTo("application /shop/home");

      // facts §5 / D6: a preflight is the API's even where no route serves the path.
      HttpResponse<String> preflight = CLIENT.send(HttpRequest.newBuilder(URI.create(app.url("/shop/home")))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
          .header("Origin", "https://app.example").header("Access-Control-Request-Method", "GET").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("https://app.example");
    }
  }

  @Test
  void aFilterAnswersAwsNotFoundByDefault() throws Exception {
    HttpServlet application = new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write("application");
      }
    };
    try (Jetty app = Jetty.start("/", 50,
        jetty -> jetty.filter(PorticoFilter.of(Gateway.create(api()))).servlet(application, "/", true))) {
      HttpResponse<String> unrouted = get(app.url("/home"));

      assertThat(unrouted.statusCode()).isEqualTo(404);
      assertThat(unrouted.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }
  }

  /** Waits (up to 20 s) until Jetty has accepted {@code opened} connections and closed them all. */
  private static void awaitConnectionsClosed(Jetty jetty, int opened) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((jetty.connections.getConnectionsTotal() < opened || jetty.connections.getConnections() > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(jetty.connections.getConnectionsTotal()).as("connections Jetty accepted").isGreaterThanOrEqualTo(opened);
    assertThat(jetty.connections.getConnections()).as("connections Jetty still holds").isZero();
  }


}
