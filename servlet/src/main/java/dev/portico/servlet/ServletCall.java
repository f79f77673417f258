package dev.portico.servlet;

import dev.portico.gateway.Explanation;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import dev.portico.payload.ClientCertificate;
import dev.portico.payload.LogText;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One request through the gateway inside a servlet container: the request's line and headers become a {@link
 * GatewayRequest}, the body is read without blocking and refused (413) as soon as it is over the gateway's limit,
 * and the answer is written without blocking. Shared by {@link PorticoServlet} and {@link PorticoFilter}.
 */
final class ServletCall {
  private static final System.Logger LOG = System.getLogger(ServletCall.class.getName());
  private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
  private static final byte[] EMPTY = new byte[0];
  private static final AtomicBoolean WARNED_SYNC = new AtomicBoolean();

  private final Gateway gateway;
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final GatewayRequest.Builder builder;

  private ServletCall(Gateway gateway, HttpServletRequest request, HttpServletResponse response,
      GatewayRequest.Builder builder) {
    this.gateway = gateway;
    this.request = request;
    this.response = response;
    this.builder = builder;
  }

  /**
   * Reads a request's line and headers.
   *
   * @param mountedAtServletPath whether a {@code /prefix/*} servlet mapping's prefix is removed from the path
   * @return the call, or null when the request cannot be expressed (it was answered 400)
   */
  static @Nullable ServletCall of(Gateway gateway, HttpServletRequest request, HttpServletResponse response,
      boolean mountedAtServletPath) throws IOException {
    GatewayRequest.Builder builder = GatewayRequest.builder();
    try {
      builder.method(request.getMethod()).rawPath(routedPath(request, mountedAtServletPath));
      String query = request.getQueryString();
      if (query != null) {
        builder.rawQueryString(query);
      }
      for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
        String name = names.nextElement();
        for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
          builder.header(name, values.nextElement());
        }
      }
      builder.sourceIp(request.getRemoteAddr()).protocol(request.getProtocol()).scheme(request.getScheme());
      if (request.getLocalPort() > 0) {
        builder.port(request.getLocalPort());
      }
      if (request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
        builder.clientCertificate(ClientCertificate.of(chain[0]));
      }
    } catch (IllegalArgumentException e) {
      // A request line or header the gateway cannot represent (e.g. a NUL in a header value): refused before
      // anything is routed, like a malformed request at AWS's edge.
      LOG.log(System.Logger.Level.INFO, "request refused with 400: {0}", LogText.escape(e.getMessage()));
      new ServletCall(gateway, request, response, builder).write(gateway.badRequest(builder.build()), null);
      return null;
    }
    return new ServletCall(gateway, request, response, builder);
  }

  /**
   * The path as sent, without the context path and, for a {@code /prefix/*} servlet mapping, without the prefix.
   * Removed by segments, so that the mount prefix may be sent percent-encoded; the rest stays exactly as sent.
   */
  static String routedPath(HttpServletRequest request, boolean mountedAtServletPath) {
    String uri = request.getRequestURI();
    String mount = request.getContextPath();
    if (mountedAtServletPath && request.getHttpServletMapping().getMappingMatch() == MappingMatch.PATH) {
      String pattern = request.getHttpServletMapping().getPattern();
      mount += pattern.substring(0, pattern.length() - 2);
    }
    int at = 0;
    for (int i = 0; i < mount.length(); i++) {
      if (mount.charAt(i) == '/') {
        int next = uri.indexOf('/', at + 1);
        at = next < 0 ? uri.length() : next;
      }
    }
    return at >= uri.length() ? "/" : uri.substring(at);
  }

  /** @return what the gateway would do with this request (no body needed) */
  Explanation explain() {
    return gateway.explain(builder.build());
  }

  /** Reads the body and answers, asynchronously when the container allows it. */
  void serve() throws IOException {
    long declared = request.getContentLengthLong();
    int max = gateway.api().limits().maxBodyBytes();
    boolean async = request.isAsyncSupported();
    if (!async && WARNED_SYNC.compareAndSet(false, true)) {
      LOG.log(System.Logger.Level.WARNING,
          "asynchronous processing is not enabled for the Portico servlet or filter; requests hold a container"
              + " thread while integrations run (register it with asyncSupported=true)");
    }
    if (declared > max) {
      // D11, without reading a byte: a client sending "Expect: 100-continue" never gets its 100.
      write(gateway.bodyTooLarge(builder.build()), async ? startAsync() : null);
      return;
    }
    boolean bodyless = declared == 0 || (declared < 0 && request.getHeader("transfer-encoding") == null);
    if (!async) {
      byte[] body;
      try {
        body = bodyless ? EMPTY : readBlocking(request.getInputStream(), declared, max);
      } catch (IOException e) {
        bodyFailed(e, null);
        return;
      }
      GatewayResponse answer =
          body == null
              ? gateway.bodyTooLarge(builder.build())
              : gateway.handle(builder.body(body).build()).toCompletableFuture().join();
      write(answer, null);
      return;
    }
    if (bodyless) {
      java.util.concurrent.CompletableFuture<GatewayResponse> answer =
          gateway.handle(builder.build()).toCompletableFuture();
      if (answer.isDone()) {
        // Answered already (the gateway itself, or an integration that ran on this thread): no async round trip.
        write(answer.getNow(null), null);
        return;
      }
      AsyncContext context = startAsync();
      answer.whenComplete((response, error) -> written(response, error, context));
      return;
    }
    AsyncContext context = startAsync();
    ServletInputStream in = request.getInputStream();
    in.setReadListener(new BodyReader(in, context, declared, max));
  }

  private AsyncContext startAsync() {
    AsyncContext context = request.startAsync();
    context.setTimeout(0); // the gateway's integration timeout answers 503 itself
    return context;
  }

  private static byte @Nullable [] readBlocking(InputStream in, long declared, int max) throws IOException {
    byte[] buffer = new byte[initialSize(declared)];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size > max) {
          return null;
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) max + 1, (long) buffer.length * 2));
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
      }
      size += n;
      if (size > max) {
        return null;
      }
    }
  }

  /** A declared length is a promise, not a fact: memory grows with what actually arrives. */
  private static int initialSize(long declared) {
    return declared > 0 ? (int) Math.min(declared, 64 * 1024) : 8192;
  }

  /**
   * The body could not be read: its framing was malformed (broken chunked encoding), or it broke off. Either way
   * the gateway's 400, logged, instead of a truncated body or an empty 200 (issue 18). Jetty reports both as an
   * early end of stream, so they cannot be told apart here; a client that has gone simply never reads the answer.
   */
  private void bodyFailed(Throwable error, @Nullable AsyncContext context) {
    LOG.log(System.Logger.Level.INFO, "request body could not be read, answered 400: {0}",
        LogText.escape(String.valueOf(error)));
    write(gateway.badRequest(builder.build()), context);
  }

  private void dispatch(byte[] body, AsyncContext context) {
    gateway.handle(builder.body(body).build()).whenComplete((answer, error) -> written(answer, error, context));
  }

  private void written(@Nullable GatewayResponse answer, @Nullable Throwable error, AsyncContext context) {
    if (error != null) {
      // Gateway.handle never completes exceptionally; should it ever, the client still gets AWS's 500.
      LOG.log(System.Logger.Level.ERROR, "the gateway failed", error);
      response.setStatus(500);
    }
    write(error == null ? answer : null, context);
  }

  /** Writes the answer; without blocking when {@code context} is given, completing it at the end. */
  private void write(@Nullable GatewayResponse answer, @Nullable AsyncContext context) {
    try {
      byte[] body;
      if (answer != null) {
        response.setStatus(answer.statusCode());
        answer.forEachHeaderToWrite(response::addHeader);
        body = answer.body();
      } else {
        response.setContentType("application/json");
        body = "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.US_ASCII);
      }
      response.setContentLength(body.length);
      ServletOutputStream out = response.getOutputStream();
      if (context == null) {
        out.write(body);
        return;
      }
      out.setWriteListener(new BodyWriter(out, body, context));
    } catch (IOException | RuntimeException e) {
      // The client went away, or the container already completed the request.
      LOG.log(System.Logger.Level.DEBUG, "response not written: {0}", e.toString());
      if (context != null) {
        complete(context);
      }
    }
  }

  private static void complete(AsyncContext context) {
    try {
      context.complete();
    } catch (IllegalStateException alreadyCompleted) {
      // completed by the container after an error
    }
  }

  /** Reads the body as the container delivers it; stops at the limit. */
  private final class BodyReader implements ReadListener, AsyncListener {
    private final ServletInputStream in;
    private final AsyncContext context;
    private final int max;
    private byte @Nullable [] buffer;
    private int size;
    private boolean done;

    BodyReader(ServletInputStream in, AsyncContext context, long declared, int max) {
      this.in = in;
      this.context = context;
      this.max = max;
      this.buffer = new byte[initialSize(declared)];
      context.addListener(this);
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (!done && in.isReady()) {
        byte[] kept = Objects.requireNonNull(buffer); // dropped only once done
        if (size == kept.length) {
          kept = Arrays.copyOf(kept, (int) Math.min((long) max + 1, (long) kept.length * 2));
          buffer = kept;
        }
        int n = in.read(kept, size, kept.length - size);
        if (n < 0) {
          return; // onAllDataRead follows
        }
        size += n;
        if (size > max) {
          // D11 while streaming: nothing more is read or kept.
          done = true;
          buffer = null;
          write(gateway.bodyTooLarge(builder.build()), context);
        }
      }
    }

    @Override
    public void onAllDataRead() {
      if (!done) {
        done = true;
        byte[] kept = Objects.requireNonNull(buffer); // dropped only once done
        byte[] body = size == kept.length ? kept : Arrays.copyOf(kept, size);
        buffer = null;
        dispatch(body, context);
      }
    }

    @Override
    public void onError(Throwable error) {
      if (!done) {
        done = true;
        buffer = null;
        bodyFailed(error, context);
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  /** Writes the body when the container is ready, then completes the exchange. */
  private static final class BodyWriter implements WriteListener {
    private final ServletOutputStream out;
    private final AsyncContext context;
    private byte @Nullable [] body;

    BodyWriter(ServletOutputStream out, byte[] body, AsyncContext context) {
      this.out = out;
      this.body = body;
      this.context = context;
    }

    @Override
    public void onWritePossible() throws IOException {
      while (out.isReady()) {
        if (body == null) {
          complete(context);
          return;
        }
        byte[] bytes = body;
        body = null;
        out.write(bytes);
      }
    }

    @Override
    public void onError(Throwable error) {
      LOG.log(System.Logger.Level.DEBUG, "response not delivered: {0}", error.toString());
      complete(context);
    }
  }
}
