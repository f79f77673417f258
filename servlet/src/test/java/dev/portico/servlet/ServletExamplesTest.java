package dev.portico.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and working in a real Jetty on 127.0.0.1.
 */
class ServletExamplesTest {
  private final LambdaFunction petsFunction =
      (event, context) -> "{\"statusCode\":200,\"body\":\"pet\"}".getBytes(StandardCharsets.UTF_8);
  private final HttpApi api = HttpApi.builder()
      .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", petsFunction)))
      .build();

  /** The application's own servlet, behind the filter. */
  static final class AboutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.getWriter().write("about");
    }
  }

  @Test
  void packageExample() throws Exception {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", petsFunction)))
        .build());

    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder servlet = new ServletHolder(PorticoServlet.of(gateway));
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/api/*");

    assertThat(get(context, "/api/pets/7")).isEqualTo("200 pet");
  }

  @Test
  void porticoServletExample() throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");

    // Jetty 12 (ee10); Spring's ServletRegistrationBean or Tomcat's addServlet work alike.
    ServletHolder holder = new ServletHolder(PorticoServlet.of(Gateway.create(api)));
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/api/*");   // GET /api/pets/7 is routed as GET /pets/7

    assertThat(get(context, "/api/pets/7")).isEqualTo("200 pet");
    assertThat(get(context, "/api/owners/7")).isEqualTo("404 {\"message\":\"Not Found\"}");
  }

  @Test
  void porticoFilterExample() throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new AboutServlet()), "/about");

    PorticoFilter filter = PorticoFilter.builder(Gateway.create(api))
        .unrouted(PorticoFilter.Unrouted.CONTINUE)      // the application serves everything else
        .build();
    FilterHolder holder = new FilterHolder(filter);
    holder.setAsyncSupported(true);
    context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));

    assertThat(get(context, "/pets/7")).isEqualTo("200 pet");
    assertThat(get(context, "/about")).isEqualTo("200 about");
  }

  /** Serves the context on 127.0.0.1 and answers "status body" for one GET. */
  private static String get(ServletContextHandler context, String path) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    } finally {
      server.stop();
    }
  }
}
