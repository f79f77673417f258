package dev.portico.server;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayLimits;
import dev.portico.server.internal.AwsErrorHandler;
import dev.portico.server.internal.GatewayHandler;
import dev.portico.server.internal.HeaderDeadline;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP API served on an embedded Jetty 12, configured so that the gateway — not Jetty — decides what AWS
 * would decide.
 *
 * <pre>{@code
 * try (PorticoServer server = PorticoServer.builder(Gateway.create(api)).port(0).start()) {
 *   URI base = server.uri();            // http://127.0.0.1:PORT
 *   client.send(HttpRequest.newBuilder(base.resolve("/pets/7")).build(), HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 *
 * <p>Requests reach the gateway through a non-blocking Jetty core handler, not the servlet layer (half the CPU per
 * request); {@code PorticoServlet} and {@code PorticoFilter} remain for servlet containers.
 *
 * <p>How Jetty is set up: encoded slashes ({@code %2F}), encoded dots and empty segments ({@code //}) reach the
 * gateway, which routes them as AWS does (Jetty refuses them by default); request headers up to {@link
 * #MAX_HEADER_BYTES} are accepted so that the gateway answers AWS's 431 for anything over 10,240 bytes; a request
 * announcing a body over the limit gets 413 before the body is read, so {@code Expect: 100-continue} clients never
 * send it; no {@code Server} header; Jetty's own errors (a request its parser refuses) are AWS-shaped JSON with
 * {@code apigw-requestid}, never HTML. Bounded (issue 18): at most {@link Builder#maxConnections(int)}
 * connections, {@link Builder#headerTimeout(Duration)} for a connection's first request head, {@link
 * Builder#idleTimeout(Duration)} of silence. Binds to 127.0.0.1 unless told otherwise. {@link #close()} stops
 * gracefully: requests in flight finish (up to {@link Builder#stopTimeout(Duration)}), new connections are refused.
 */
public final class PorticoServer implements AutoCloseable {
  /** Jetty's own limit on request line and headers: far above AWS's 10,240 so the gateway answers 431 itself. */
  public static final int MAX_HEADER_BYTES = 64 * 1024;
  /** The default bound on open connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  /** The default time a new connection has for its first request line and headers. */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  /** The default time a silent connection stays open. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final Server server;
  private final ServerConnector connector;
  private final String host;

  private PorticoServer(Builder builder) {
    this.host = builder.host;
    QueuedThreadPool threads = new QueuedThreadPool(builder.maxThreads);
    threads.setName("portico-http");
    this.server = new Server(threads);
    // The gateway is asked for per request only (it may be replaced, or made per test), never here.
    this.connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
    connector.setHost(builder.host);
    connector.setPort(builder.port);
    connector.setIdleTimeout(builder.idleTimeout.toMillis());
    connector.addBean(new HeaderDeadline(connector.getScheduler(), builder.headerTimeout));
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(builder.maxConnections, connector));
    AwsErrorHandler errors = new AwsErrorHandler();
    server.setErrorHandler(errors);

    // Jetty's core API, not its servlet layer: the same mapping as the servlet adapter, at less than half the cost
    server.setHandler(new GracefulHandler(new GatewayHandler(builder.gateway)));
    server.setStopTimeout(builder.stopTimeout.toMillis());
    server.setStopAtShutdown(false);
  }

  /**
   * The HTTP configuration Portico needs from Jetty: ambiguous paths let through, request headers up to {@link
   * #MAX_HEADER_BYTES}, response headers up to the gateway's default bound (D16) and Jetty's own, no {@code Server}
   * header.
   *
   * @return a new configuration
   */
  public static HttpConfiguration httpConfiguration() {
    HttpConfiguration config = new HttpConfiguration();
    config.setUriCompliance(UriCompliance.DEFAULT.with("portico",
        UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
        UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
        UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
        UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
    config.setRequestHeaderSize(MAX_HEADER_BYTES);
    // Jetty must write whatever the gateway lets through by default (D16), plus its own Date and Content-Length.
    config.setResponseHeaderSize(GatewayLimits.DEFAULT_MAX_RESPONSE_HEADER_BYTES + 8192);
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    return config;
  }

  /**
   * A builder for a server of one API.
   *
   * @param gateway the API's gateway
   * @return the builder
   */
  public static Builder builder(Gateway gateway) {
    Objects.requireNonNull(gateway, "gateway");
    return new Builder(() -> gateway);
  }

  /**
   * A builder for a server whose API may be replaced while it serves: the supplier is asked on every request.
   *
   * @param gateway the current gateway; must not return null
   * @return the builder
   */
  public static Builder builder(Supplier<Gateway> gateway) {
    return new Builder(Objects.requireNonNull(gateway, "gateway"));
  }

  /** @return the port the server listens on (the chosen one when built with port 0) */
  public int port() {
    return connector.getLocalPort();
  }

  /** @return {@code http://HOST:PORT} */
  public URI uri() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port());
  }

  /**
   * Waits until the server has stopped.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops gracefully: requests in flight finish, up to the stop timeout. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the server did not stop cleanly: " + e, e);
    }
  }

  /** Builds and starts a {@link PorticoServer}. */
  public static final class Builder {
    private final Supplier<Gateway> gateway;
    private String host = "127.0.0.1";
    private int port = 3000;
    private int maxThreads = 200;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration headerTimeout = DEFAULT_HEADER_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration stopTimeout = Duration.ofSeconds(10);

    private Builder(Supplier<Gateway> gateway) {
      this.gateway = gateway;
    }

    /**
     * The address to listen on; default {@code 127.0.0.1} (this machine only).
     *
     * @param host an IP address or host name
     * @return this builder
     */
    public Builder host(String host) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
      this.host = host;
      return this;
    }

    /**
     * The port; default 3000, 0 for any free port.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Jetty's thread pool size; default 200. Integrations do not hold these threads while they run.
     *
     * @param maxThreads at least 8
     * @return this builder
     */
    public Builder maxThreads(int maxThreads) {
      if (maxThreads < 8) {
        throw new IllegalArgumentException("maxThreads must be at least 8, got " + maxThreads);
      }
      this.maxThreads = maxThreads;
      return this;
    }

    /**
     * The most connections open at once; default {@value PorticoServer#DEFAULT_MAX_CONNECTIONS}. Beyond it Jetty
     * stops accepting until one closes (clients wait in the listen backlog), so a flood of connections cannot
     * exhaust memory or file descriptors.
     *
     * @param maxConnections at least 1
     * @return this builder
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * How long a new connection may take to send its first request line and headers; default 10 s. A connection
     * still without them is closed (slowloris). Requests whose headers arrived are never cut by it.
     *
     * @param headerTimeout more than zero
     * @return this builder
     */
    public Builder headerTimeout(Duration headerTimeout) {
      this.headerTimeout = positive("headerTimeout", headerTimeout);
      return this;
    }

    /**
     * How long a connection may stay silent (no byte either way) before Jetty closes it; default 30 s.
     *
     * @param idleTimeout more than zero
     * @return this builder
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive("idleTimeout", idleTimeout);
      return this;
    }

    private static Duration positive(String field, Duration value) {
      Objects.requireNonNull(value, field);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(field + " must be more than zero, got " + value);
      }
      return value;
    }

    /**
     * How long {@link #close()} lets requests in flight finish; default 10 s.
     *
     * @param stopTimeout zero or more
     * @return this builder
     */
    public Builder stopTimeout(Duration stopTimeout) {
      Objects.requireNonNull(stopTimeout, "stopTimeout");
      if (stopTimeout.isNegative()) {
        throw new IllegalArgumentException("stopTimeout must not be negative, got " + stopTimeout);
      }
      this.stopTimeout = stopTimeout;
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the running server
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public PorticoServer start() {
      PorticoServer server = new PorticoServer(this);
      try {
        server.server.start();
      } catch (java.io.IOException e) {
        server.close();
        throw new java.io.UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
      } catch (Exception e) {
        server.close();
        throw new IllegalStateException("the server did not start: " + e, e);
      }
      return server;
    }
  }
}
