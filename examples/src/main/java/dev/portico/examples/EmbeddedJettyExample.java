package dev.portico.examples;

import dev.portico.examples.functions.PetsHandler;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.server.PorticoServer;
import dev.portico.servlet.PorticoFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Portico inside an application you already run: a plain Jetty 12 server whose own servlet serves the site, with
 * {@link PorticoFilter} in front answering the API's routes the way API Gateway would and passing everything else
 * on.
 *
 * <pre>{@code
 * Server server = EmbeddedJettyExample.start(port);   // 0 for any free port
 * // GET /pets      -> the pets Lambda handler, through the gateway
 * // GET /about     -> the application's servlet
 * }</pre>
 */
public final class EmbeddedJettyExample {
  private EmbeddedJettyExample() {}

  /**
   * Starts the server on 127.0.0.1.
   *
   * @param port the port, 0 for any free one
   * @return the running server
   * @throws Exception when Jetty cannot start
   */
  public static Server start(int port) throws Exception {
    LambdaIntegration pets = LambdaIntegration.of("pets", AwsLambdaHandlers.requestHandler(new PetsHandler()));
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /pets", pets))
        .route(Route.of("GET /pets/{petId}", pets))
        .build());

    Server server = new Server();
    // Portico's settings: %2F and // reach the gateway, header limits above AWS's so the gateway answers 431.
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(PorticoServer.httpConfiguration()));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler("/");
    context.getServletHandler().setDecodeAmbiguousURIs(true);
    FilterHolder api = new FilterHolder(
        PorticoFilter.builder(gateway).unrouted(PorticoFilter.Unrouted.CONTINUE).build());
    api.setAsyncSupported(true);
    context.addFilter(api, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new SiteServlet()), "/");
    server.setHandler(context);
    server.start();
    return server;
  }

  /**
   * Runs until stopped.
   *
   * @param args unused
   * @throws Exception when Jetty cannot start
   */
  public static void main(String[] args) throws Exception {
    Server server = start(8080);
    System.out.println("Jetty with Portico on http://127.0.0.1:8080 — try /pets, /pets/1 and /about");
    server.join();
  }

  /** The application's own servlet. */
  static final class SiteServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("text/plain");
      response.getWriter().write("the application's own page: " + request.getRequestURI());
    }
  }
}
