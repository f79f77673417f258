package dev.portico.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The example of package-info.java, kept compiling and working. */
class ServletExamplesTest {

  @Test
  void packageExample() throws Exception {
    LambdaFunction petsFunction =
        (event, context) -> "{\"statusCode\":200,\"body\":\"pet\"}".getBytes(StandardCharsets.UTF_8);

    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", petsFunction)))
        .build());

    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder servlet = new ServletHolder(PorticoServlet.of(gateway));
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/api/*");

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api/pets/7")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("pet");
    } finally {
      server.stop();
    }
  }
}
