package dev.portico.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ConnectionStatistics;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A real Jetty 12 (ee10) on 127.0.0.1 and an ephemeral port, configured as a Portico host should be. */
final class Jetty implements AutoCloseable {
  final Server server;
  final ServerConnector connector;
  final ServletContextHandler context;
  /** Opened and open connections, to wait for disconnects without guessing. */
  final ConnectionStatistics connections = new ConnectionStatistics();

  private Jetty(Server server, ServerConnector connector, ServletContextHandler context) {
    this.server = server;
    this.connector = connector;
    this.context = context;
  }

  /** Lets ambiguous paths ({@code %2F}, {@code //}) through to the gateway, which decides as AWS does. */
  static HttpConfiguration httpConfiguration() {
    HttpConfiguration config = new HttpConfiguration();
    config.setUriCompliance(UriCompliance.DEFAULT.with("portico",
        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
        UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
    config.setRequestHeaderSize(64 * 1024);
    config.setSendServerVersion(false);
    return config;
  }

  static Jetty start(String contextPath, int maxThreads, java.util.function.Consumer<Jetty> setup,
      ConnectionFactory... factories) throws Exception {
    Server server = new Server(new QueuedThreadPool(maxThreads, Math.min(8, maxThreads)));
    ServerConnector connector =
        factories.length == 0
            ? new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()))
            : new ServerConnector(server, factories);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(contextPath);
    context.getServletHandler().setDecodeAmbiguousURIs(true);
    server.setHandler(context);
    Jetty jetty = new Jetty(server, connector, context);
    connector.addBean(jetty.connections);
    setup.accept(jetty);
    server.start();
    return jetty;
  }

  Jetty servlet(Servlet servlet, String mapping, boolean async) {
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(async);
    context.addServlet(holder, mapping);
    return this;
  }

  Jetty filter(Filter filter) {
    FilterHolder holder = new FilterHolder(filter);
    holder.setAsyncSupported(true);
    context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    return this;
  }

  int port() {
    return connector.getLocalPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }
}
