package dev.portico.servlet;

import dev.portico.gateway.Gateway;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A servlet that serves an HTTP API: every request it receives goes through the {@link Gateway} and gets AWS's
 * answer.
 *
 * <pre>{@code
 * // Jetty 12 (ee10); Spring's ServletRegistrationBean or Tomcat's addServlet work alike.
 * ServletHolder holder = new ServletHolder(PorticoServlet.of(Gateway.create(api)));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/api/*");   // GET /api/pets/7 is routed as GET /pets/7
 * }</pre>
 *
 * <p>Mounting: the context path and, for a {@code /prefix/*} mapping, the prefix are removed from the path before
 * the gateway sees it; the rest stays exactly as sent (percent-encoding, empty segments), as AWS receives it. With
 * the default mapping {@code /} the gateway sees the whole path after the context path.
 *
 * <p>Register it with {@code asyncSupported=true}: the body is then read and the answer written without
 * blocking, and no container thread waits while an integration runs. Without async support it still works, holding
 * the thread (a warning is logged once). A body over {@link dev.portico.gateway.GatewayLimits#maxBodyBytes()} is
 * answered 413 as soon as its declared length or the bytes received exceed the limit, without buffering it.
 */
public final class PorticoServlet implements Servlet {
  private final Supplier<Gateway> gateway;
  private @Nullable ServletConfig config;

  private PorticoServlet(Supplier<Gateway> gateway) {
    this.gateway = gateway;
  }

  /**
   * A servlet serving one API.
   *
   * @param gateway the API's gateway
   * @return the servlet
   */
  public static PorticoServlet of(Gateway gateway) {
    Objects.requireNonNull(gateway, "gateway");
    return new PorticoServlet(() -> gateway);
  }

  /**
   * A servlet that asks for the gateway on every request, so that a host can replace the API while serving (as
   * AWS's auto-deploy does); each request is served wholly by the gateway it got.
   *
   * @param gateway the current gateway; must not return null
   * @return the servlet
   */
  public static PorticoServlet of(Supplier<Gateway> gateway) {
    return new PorticoServlet(Objects.requireNonNull(gateway, "gateway"));
  }

  @Override
  public void init(ServletConfig config) {
    this.config = config;
  }

  @Override
  public @Nullable ServletConfig getServletConfig() {
    return config;
  }

  @Override
  public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
      throw new ServletException("PorticoServlet serves HTTP requests only");
    }
    ServletCall call = ServletCall.of(current(gateway), http, httpResponse, true);
    if (call != null) {
      call.serve();
    }
  }

  static Gateway current(Supplier<Gateway> gateway) {
    return Objects.requireNonNull(gateway.get(), "the gateway supplier returned null");
  }

  @Override
  public String getServletInfo() {
    return "Portico HTTP API servlet";
  }

  @Override
  public void destroy() {}
}
