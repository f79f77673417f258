package dev.portico.server.internal;

import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import dev.portico.payload.ClientCertificate;
import dev.portico.payload.LogText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * {@code PorticoServer}'s way into the gateway: a Jetty core handler, without the servlet layer, which costs more
 * than half of what a request costs bare Jetty (docs/benchmarks.md, issue 21). The body is read as Jetty delivers
 * it and the answer written with a callback, and the gateway never waits either (functions and Lambda authorizers
 * run on their executors, a JWT route whose keys are being fetched is answered when the fetch ends), so it is
 * declared non-blocking: Jetty may run it on the selector thread, with no dispatch to a pool thread, and an answer
 * the gateway has at once is written at once. What the access log sink does runs there too for such answers (the
 * default writes a line to the logger). The servlet adapter stays for
 * hosts that embed Portico in a servlet container; both map requests the same way: the path and query as sent, the
 * headers as received, the peer's address, the client certificate of a mutual-TLS connection, a body over the
 * gateway's limit answered 413 as soon as its declared length or the bytes received exceed it.
 */
public final class GatewayHandler extends Handler.Abstract.NonBlocking {
  private static final System.Logger LOG = System.getLogger(GatewayHandler.class.getName());
  private static final byte[] EMPTY = new byte[0];
  private final Supplier<Gateway> gateway;

  /**
   * Creates the handler.
   *
   * @param gateway asked for on every request, so the API may be replaced while serving
   */
  public GatewayHandler(Supplier<Gateway> gateway) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Gateway current = Objects.requireNonNull(gateway.get(), "the gateway supplier returned null");
    GatewayRequest.Builder builder = GatewayRequest.builder();
    try {
      HttpURI uri = request.getHttpURI();
      builder.method(request.getMethod()).rawPath(uri.getPath() == null ? "/" : uri.getPath());
      if (uri.getQuery() != null) {
        builder.rawQueryString(uri.getQuery());
      }
      for (HttpField field : request.getHeaders()) {
        builder.header(field.getName(), field.getValue());
      }
      builder.sourceIp(Request.getRemoteAddr(request)).protocol(request.getConnectionMetaData().getProtocol())
          .scheme(request.isSecure() ? "https" : "http");
      int port = Request.getLocalPort(request);
      if (port > 0) {
        builder.port(port);
      }
      if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls
          && tls.peerCertificates() != null && tls.peerCertificates().length > 0) {
        X509Certificate[] chain = tls.peerCertificates();
        builder.clientCertificate(ClientCertificate.of(chain[0]));
      }
    } catch (IllegalArgumentException e) {
      // A request line or header the gateway cannot represent (a NUL in a header value, say): refused before
      // anything is routed, like a malformed request at AWS's edge.
      LOG.log(System.Logger.Level.INFO, "request refused with 400: {0}", LogText.escape(e.getMessage()));
      write(current.badRequest(builder.build()), response, callback);
      return true;
    }
    long declared = request.getLength();
    int max = current.api().limits().maxBodyBytes();
    if (declared > max) {
      // D11, without reading a byte: a client sending "Expect: 100-continue" never gets its 100.
      write(current.bodyTooLarge(builder.build()), response, callback);
      return true;
    }
    boolean bodyless = declared == 0 || (declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    if (bodyless) {
      answer(current, builder.body(EMPTY).build(), response, callback);
      return true;
    }
    new BodyReader(current, builder, request, response, callback, declared, max).run();
    return true;
  }

  private static void answer(Gateway gateway, GatewayRequest request, Response response, Callback callback) {
    CompletableFuture<GatewayResponse> answer = gateway.handle(request).toCompletableFuture();
    answer.whenComplete((written, error) -> {
      if (error != null) {
        // Gateway.handle never completes exceptionally; should it ever, the client still gets AWS's 500.
        LOG.log(System.Logger.Level.ERROR, "the gateway failed", error);
      }
      write(error == null ? written : null, response, callback);
    });
  }

  /** Writes an answer (AWS's 500 for none), letting Jetty frame the body. */
  private static void write(@Nullable GatewayResponse answer, Response response, Callback callback) {
    byte[] body;
    HttpFields.Mutable headers = response.getHeaders();
    if (answer != null) {
      response.setStatus(answer.statusCode());
      answer.forEachHeaderToWrite(headers::add);
      body = answer.body();
    } else {
      response.setStatus(500);
      headers.put(HttpHeader.CONTENT_TYPE, "application/json");
      body = "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.US_ASCII);
    }
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Reads the body as Jetty delivers it, without blocking; stops at the limit. */
  private static final class BodyReader implements Runnable {
    private final Gateway gateway;
    private final GatewayRequest.Builder builder;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int max;
    private byte[] buffer;
    private int size;

    BodyReader(Gateway gateway, GatewayRequest.Builder builder, Request request, Response response,
        Callback callback, long declared, int max) {
      this.gateway = gateway;
      this.builder = builder;
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.max = max;
      this.buffer = new byte[declared > 0 ? (int) Math.min(declared, 64 * 1024) : 8192];
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          // Malformed framing (broken chunked encoding) or a body that broke off: the gateway's 400, logged,
          // instead of a truncated body (issue 18).
          LOG.log(System.Logger.Level.INFO, "request body could not be read, answered 400: {0}",
              LogText.escape(String.valueOf(chunk.getFailure())));
          write(gateway.badRequest(builder.build()), response, callback);
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        if ((long) size + n > max) {
          chunk.release();
          // D11 while streaming: nothing more is read or kept.
          write(gateway.bodyTooLarge(builder.build()), response, callback);
          return;
        }
        if (size + n > buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min((long) max, Math.max((long) buffer.length * 2, size + n)));
        }
        bytes.get(buffer, size, n);
        size += n;
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          answer(gateway, builder.body(size == buffer.length ? buffer : Arrays.copyOf(buffer, size)).build(),
              response, callback);
          return;
        }
      }
    }
  }
}
