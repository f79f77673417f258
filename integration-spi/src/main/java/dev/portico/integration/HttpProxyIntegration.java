package dev.portico.integration;

import dev.portico.payload.BoundedBody;
import dev.portico.payload.HttpSyntax;
import dev.portico.payload.PayloadFormat;
import dev.portico.payload.PayloadLimits;
import dev.portico.payload.ProxyRequest;
import dev.portico.payload.ProxyResponse;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * An {@code HTTP_PROXY} integration: the whole request is forwarded to a URI and the whole response passed back
 * (facts §6).
 *
 * <pre>{@code
 * Integration backend = HttpProxyIntegration.builder("https://backend.internal/pets/{id}").build();
 * Integration everything = HttpProxyIntegration.builder("http://127.0.0.1:8080/${stageVariables.prefix}/{proxy}")
 *     .method("POST")                      // default: the request's own method
 *     .httpClient(sharedClient)
 *     .build();
 * }</pre>
 *
 * <p>Per request: {@code {name}} is replaced by the route's path parameter, percent-encoded as one segment
 * ({@code /} sent as {@code %2F}); the route's greedy variable ({@code {proxy}} for {@code {proxy+}}) keeps its
 * {@code /}. A value holding a dot-segment ({@code .} or {@code ..} in any encoding) is refused with 400, so no
 * path parameter ever reaches outside the URI's own path, whatever the backend decodes first (issue 18).
 * {@code ${stageVariables.name}} is replaced by the stage variable, and the raw query string is appended as sent
 * (only what the URI grammar forbids is percent-encoded). Hop-by-hop headers ({@link HttpSyntax#hopByHop}) are
 * removed both ways; {@code host}, {@code content-length} and {@code expect} are set by the HTTP client. The
 * client's {@code x-forwarded-*} headers are not forwarded: one standard {@code Forwarded} header (RFC 7239), as
 * API Gateway sends, carries the address chain, the API's domain name as {@code host} (never the client's {@code
 * X-Forwarded-Host}) and the scheme the client used. The call is non-blocking (JDK {@link HttpClient}) and
 * bounded by the request's deadline; a backend that cannot be reached completes the stage with an {@link
 * IntegrationException} (500), one that answers too late with a timeout (503). A backend's own 5xx is passed
 * through unchanged; a 1xx it sends as its final answer is a failure (500).
 *
 * <p>Only payload format 1.0 (facts §2): the gateway refuses routes that pair this integration with 2.0.
 */
public final class HttpProxyIntegration implements Integration {
  /**
   * Headers never forwarded besides the hop-by-hop ones ({@link HttpSyntax#hopByHop}): those the HTTP client owns,
   * and the client's forwarding headers, which become one {@code Forwarded} header.
   */
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "content-length", "expect", "http2-settings", "x-forwarded-for", "x-forwarded-proto",
          "x-forwarded-host", "forwarded");
  /** Headers never returned besides the hop-by-hop ones: the body's framing is the client connection's. */
  private static final Set<String> NOT_RETURNED = Set.of("content-length", ":status");

  private static final class DefaultClient {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  private final UriTemplate uri;
  private final @Nullable String method;
  private final HttpClient client;
  private final long maxResponseBytes;

  private HttpProxyIntegration(Builder builder) {
    this.uri = builder.uri;
    this.method = builder.method;
    this.client = builder.client != null ? builder.client : DefaultClient.INSTANCE;
    this.maxResponseBytes = builder.maxResponseBytes;
  }

  /**
   * A builder for an integration forwarding to a URI.
   *
   * @param uri an absolute {@code http} or {@code https} URI, with optional {@code {name}} and {@code
   *     ${stageVariables.name}} parts
   * @return a new builder
   * @throws IntegrationConfigException when the URI is malformed, naming the rule
   */
  public static Builder builder(String uri) {
    return new Builder(uri);
  }

  /** @return the URI template as configured */
  public String uri() {
    return uri.toString();
  }

  /** @return the method used for every request, when fixed */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  @Override
  public Set<PayloadFormat> payloadFormats() {
    return EnumSet.of(PayloadFormat.V1_0);
  }

  @Override
  public CompletionStage<ProxyResponse> invoke(IntegrationRequest call) {
    Duration left = call.remainingTime();
    if (left.isNegative() || left.isZero()) {
      return CompletableFuture.failedFuture(IntegrationException.timedOut("no time left for the HTTP integration"));
    }
    HttpRequest request;
    try {
      request = toHttpRequest(call.request(), left);
    } catch (IntegrationException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, BoundedBody.handler(maxResponseBytes, (size, declared) -> IntegrationException.failed(
            "HTTP integration response body is larger than maxResponseBytes " + maxResponseBytes, null)));
    CompletableFuture<ProxyResponse> result =
        exchange.handle(
            (response, error) -> {
              if (error != null) {
                throw translate(request.uri(), error);
              }
              return toProxyResponse(request.uri(), response);
            });
    result.whenComplete(
        (response, error) -> {
          if (result.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return result;
  }

  private HttpRequest toHttpRequest(ProxyRequest in, Duration timeout) {
    URI target = uri.expand(in.pathParameters(), greedyVariable(in.resourcePath()), in.stageVariables(),
        in.rawQueryString());
    byte[] body = in.body();
    HttpRequest.Builder out =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .method(
                method != null ? method : in.method(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    Map<String, List<String>> headers = in.headers();
    Set<String> hopByHop = HttpSyntax.hopByHop(headers);
    headers.forEach(
        (name, values) -> {
          if (!NOT_FORWARDED.contains(name) && !hopByHop.contains(name)) {
            for (String value : values) {
              try {
                out.header(name, value);
              } catch (IllegalArgumentException e) {
                // A value the host accepted but HTTP/1.1 cannot carry to the backend (a control character, a
                // character beyond Latin-1): the client's request is refused, not the gateway's (issue 18).
                throw IntegrationException.badRequest("request header '" + name + "' cannot be forwarded: "
                    + e.getMessage());
              }
            }
          }
        });
    out.header("forwarded", Forwarded.of(in));
    return out.build();
  }

  /** The greedy variable of a route's path ({@code proxy} for {@code /files/{proxy+}}), or null. */
  static @Nullable String greedyVariable(String resourcePath) {
    if (!resourcePath.endsWith("+}")) {
      return null;
    }
    int open = resourcePath.lastIndexOf('{');
    return open < 0 ? null : resourcePath.substring(open + 1, resourcePath.length() - 2);
  }

  private ProxyResponse toProxyResponse(URI target, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status < 200) {
      // An interim status as the final answer would leave the client's request unanswered (issue 18).
      throw IntegrationException.failed("HTTP integration " + where(target) + " answered " + status
          + ", not a final status", null);
    }
    ProxyResponse.Builder out = ProxyResponse.builder().statusCode(status);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    Set<String> hopByHop = HttpSyntax.hopByHop(headers);
    try {
      headers.forEach(
          (name, values) -> {
            if (!NOT_RETURNED.contains(name) && !hopByHop.contains(name)) {
              for (String value : values) {
                out.header(name, value);
              }
            }
          });
    } catch (IllegalArgumentException e) {
      throw IntegrationException.failed("HTTP integration " + where(target) + " answered a header that cannot be"
          + " passed on: " + e.getMessage(), e);
    }
    return out.body(response.body()).build();
  }

  private static String where(URI target) {
    return target.getScheme() + "://" + target.getRawAuthority();
  }

  private static RuntimeException translate(URI target, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof IntegrationException e) {
      return e;
    }
    String where = where(target);
    if (cause instanceof HttpTimeoutException) {
      return IntegrationException.timedOut("HTTP integration " + where + " did not answer in time");
    }
    if (cause instanceof ConnectException) {
      return IntegrationException.failed("HTTP integration " + where + " refused the connection", cause);
    }
    return IntegrationException.failed("HTTP integration " + where + " failed: " + cause, cause);
  }

  @Override
  public String toString() {
    return "HttpProxyIntegration[" + (method == null ? "ANY" : method) + " " + uri + "]";
  }

  /** Builds an {@link HttpProxyIntegration}. */
  public static final class Builder {
    private final UriTemplate uri;
    private @Nullable String method;
    private @Nullable HttpClient client;
    private long maxResponseBytes = PayloadLimits.TEN_MEGABYTES;

    private Builder(String uri) {
      this.uri = UriTemplate.parse(Objects.requireNonNull(uri, "uri"));
    }

    /**
     * Sets the method of every forwarded request. Default: the request's own method (AWS's {@code ANY}).
     *
     * @param method an HTTP method, e.g. {@code GET}; {@code ANY} restores the default
     * @return this builder
     * @throws IntegrationConfigException when the method is not one of API Gateway's
     */
    public Builder method(String method) {
      Objects.requireNonNull(method, "method");
      if (method.equals("ANY")) {
        this.method = null;
        return this;
      }
      if (!Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT").contains(method)) {
        throw new IntegrationConfigException("method", method,
            "method '" + method + "' must be one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
      }
      this.method = method;
      return this;
    }

    /**
     * Sets the HTTP client. Default: a shared client that never follows redirects, HTTP/1.1, 10 s connect
     * timeout.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the largest response body accepted. Default: 10 MB (API Gateway's payload quota, facts §6).
     *
     * @param maxResponseBytes 0 to {@link PayloadLimits#MAX_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxResponseBytes(int maxResponseBytes) {
      PayloadLimits.builder().maxResponseBytes(maxResponseBytes).build();
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Builds the integration.
     *
     * @return the integration
     */
    public HttpProxyIntegration build() {
      return new HttpProxyIntegration(this);
    }
  }
}
