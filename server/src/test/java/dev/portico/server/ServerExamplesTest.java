package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Gateway;
import dev.portico.integration.LambdaFunction;
import dev.portico.openapi.ImportResult;
import dev.portico.openapi.OpenApiImporter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of package-info.java, kept compiling and working. */
class ServerExamplesTest {

  @Test
  void packageExample() throws Exception {
    LambdaFunction items = (event, context) -> "{\"statusCode\":200,\"body\":\"items\"}".getBytes(StandardCharsets.UTF_8);

    ImportResult definition = OpenApiImporter.read(Path.of("src/test/resources/api/shop.yaml"));
    Gateway gateway = Gateway.create(
        definition.apiBuilder(Map.of("items", items, "files", items, "fallback", items)).build());
    try (PorticoServer server = PorticoServer.builder(gateway).port(0).start()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(server.uri().resolve("/items")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("items");
    }
  }
}
