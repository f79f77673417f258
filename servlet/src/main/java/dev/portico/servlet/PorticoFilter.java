package dev.portico.servlet;

import dev.portico.gateway.Explanation;
import dev.portico.gateway.Gateway;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A filter that serves an HTTP API in front of an application: requests go through the {@link Gateway}; what no
 * route serves either gets AWS's 404 or goes on down the filter chain to the application.
 *
 * <pre>{@code
 * PorticoFilter filter = PorticoFilter.builder(Gateway.create(api))
 *     .unrouted(PorticoFilter.Unrouted.CONTINUE)      // the application serves everything else
 *     .build();
 * FilterHolder holder = new FilterHolder(filter);
 * holder.setAsyncSupported(true);
 * context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>The gateway sees the path after the context path, exactly as sent. A request is the API's when a stage and a
 * route (or the {@code $default} route) serve it, or when it is a CORS preflight the API answers; the decision is
 * made from the request line and headers, before any body is read. Everything else about serving — asynchronous
 * reading and writing, the streaming body limit — is as in {@link PorticoServlet}.
 */
public final class PorticoFilter implements Filter {
  /** What happens to a request no stage or route of the API serves. */
  public enum Unrouted {
    /** AWS's answer: 404 {@code {"message":"Not Found"}} (facts §1). The default. */
    NOT_FOUND,
    /** The request goes on down the filter chain, untouched. */
    CONTINUE
  }

  private final Supplier<Gateway> gateway;
  private final Unrouted unrouted;

  private PorticoFilter(Builder builder) {
    this.gateway = builder.gateway;
    this.unrouted = builder.unrouted;
  }

  /**
   * A filter answering every request with the API, unrouted ones with AWS's 404.
   *
   * @param gateway the API's gateway
   * @return the filter
   */
  public static PorticoFilter of(Gateway gateway) {
    return builder(gateway).build();
  }

  /**
   * A builder.
   *
   * @param gateway the API's gateway
   * @return the builder
   */
  public static Builder builder(Gateway gateway) {
    Objects.requireNonNull(gateway, "gateway");
    return new Builder(() -> gateway);
  }

  /**
   * A builder for a filter that asks for the gateway on every request, so that a host can replace the API while
   * serving.
   *
   * @param gateway the current gateway; must not return null
   * @return the builder
   */
  public static Builder builder(Supplier<Gateway> gateway) {
    return new Builder(Objects.requireNonNull(gateway, "gateway"));
  }

  /** @return what happens to unrouted requests */
  public Unrouted unrouted() {
    return unrouted;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    ServletCall call = ServletCall.of(PorticoServlet.current(gateway), http, httpResponse, false);
    if (call == null) {
      return;
    }
    if (unrouted == Unrouted.CONTINUE) {
      Explanation.Outcome outcome = call.explain().outcome();
      if (outcome == Explanation.Outcome.NO_STAGE || outcome == Explanation.Outcome.NO_ROUTE) {
        chain.doFilter(request, response);
        return;
      }
    }
    call.serve();
  }

  /** Builds a {@link PorticoFilter}. */
  public static final class Builder {
    private final Supplier<Gateway> gateway;
    private Unrouted unrouted = Unrouted.NOT_FOUND;

    private Builder(Supplier<Gateway> gateway) {
      this.gateway = gateway;
    }

    /**
     * What happens to requests no stage or route serves.
     *
     * @param unrouted {@link Unrouted#NOT_FOUND} (the default) or {@link Unrouted#CONTINUE}
     * @return this builder
     */
    public Builder unrouted(Unrouted unrouted) {
      this.unrouted = Objects.requireNonNull(unrouted, "unrouted");
      return this;
    }

    /** @return the filter */
    public PorticoFilter build() {
      return new PorticoFilter(this);
    }
  }
}
