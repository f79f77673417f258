package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.integration.HttpProxyIntegration;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18, item 3, for HTTP backends: a backend that sends interim responses ({@code 103 Early Hints}, a
 * stray {@code 100 Continue}) before its answer, or an interim status as its only answer. The client gets the
 * final answer, or the gateway's 500 — never a 1xx as the answer. A raw socket plays the backend, since no HTTP
 * server library lets a handler send a bare interim status as its last word.
 */
class BackendInterimStatusRegressionIT {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", value = {
    "HTTP/1.1 103 Early Hints\\r\\nLink: </a.css>; rel=preload\\r\\n\\r\\nHTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok => 200",
    "HTTP/1.1 100 Continue\\r\\n\\r\\nHTTP/1.1 201 Created\\r\\nContent-Length: 2\\r\\n\\r\\nok => 201",
    "HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: h2c\\r\\nConnection: Upgrade\\r\\n\\r\\n => 500"
  })
  void theClientNeverGetsAnInterimStatusAsItsAnswer(String wire, int expected) throws Exception {
    String bytes = wire.replace("\\r\\n", "\r\n");
    try (ServerSocket backend = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> {
        try (Socket socket = backend.accept()) {
          readHead(socket.getInputStream());
          socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
          socket.getOutputStream().flush();
          socket.shutdownOutput();
          socket.getInputStream().read();
        } catch (IOException gatewayHungUp) {
          // the gateway may close first after a 101: nothing to check here
        }
      });
      serving.setDaemon(true);
      serving.start();
      Gateway gateway = Gateway.create(HttpApi.builder().route(Route.of("GET /", HttpProxyIntegration
          .builder("http://127.0.0.1:" + backend.getLocalPort() + "/").build())).build());

      GatewayResponse response = get(gateway, "/");

      assertThat(response.statusCode()).as(response.bodyText()).isEqualTo(expected);
      if (expected == 500) {
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
      } else {
        assertThat(response.bodyText()).isEqualTo("ok");
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
      head.append((char) b);
    }
  }
}
