package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.openapi.ImportResult;
import dev.portico.openapi.OpenApiImporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and working on 127.0.0.1. ({@code Portico}'s example is a command line: ServerIT runs those.)
 */
class ServerExamplesTest {
  private final LambdaFunction items =
      (event, context) -> "{\"statusCode\":200,\"body\":\"items\"}".getBytes(StandardCharsets.UTF_8);
  private final HttpClient client = HttpClient.newHttpClient();

  /** The package example, as a main method: it serves until its thread is interrupted. */
  private void serveShop(Path file) throws IOException, InterruptedException {
    ImportResult definition = OpenApiImporter.read(file);   // shop.yaml: functions items, files, fallback
    Gateway gateway = Gateway.create(
        definition.apiBuilder(Map.of("items", items, "files", items, "fallback", items)).build());
    try (PorticoServer server = PorticoServer.builder(gateway).port(0).start()) {
      System.out.println("Portico listening on " + server.uri());
      server.join();
    }
  }

  @Test
  void packageExample() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    AtomicReference<Throwable> ended = new AtomicReference<>();
    Thread main = new Thread(() -> {
      try {
        serveShop(Path.of("src/test/resources/api/shop.yaml"));
      } catch (Throwable e) {
        ended.set(e);
      }
    }, "package-example");
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    URI base;
    try {
      main.start();
      base = listeningOn(printed);
    } finally {
      System.setOut(original);
    }
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/items")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).isEqualTo("items");

    main.interrupt(); // join() gives up, try-with-resources stops the server
    main.join(Duration.ofSeconds(10).toMillis());
    assertThat(main.isAlive()).isFalse();
    assertThat(ended.get()).isInstanceOf(InterruptedException.class);
    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(base.resolve("/items")).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
  }

  private static URI listeningOn(ByteArrayOutputStream printed) throws InterruptedException {
    Pattern line = Pattern.compile("Portico listening on (http://\\S+)");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = line.matcher(printed.toString(StandardCharsets.UTF_8));
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the example printed no address: " + printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void porticoServerExample() throws Exception {
    HttpApi api = HttpApi.builder().route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", items))).build();

    try (PorticoServer server = PorticoServer.builder(Gateway.create(api)).port(0).start()) {
      URI base = server.uri();            // http://127.0.0.1:PORT
      client.send(HttpRequest.newBuilder(base.resolve("/pets/7")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(base.toString()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(client.send(HttpRequest.newBuilder(base.resolve("/pets/7")).build(),
          HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("items");
    }
  }
}
