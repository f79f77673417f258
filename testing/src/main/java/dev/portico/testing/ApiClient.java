package dev.portico.testing;

import dev.portico.gateway.Explanation;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends requests to an HTTP API in a test: in-process through {@link Gateway#handle} (no sockets, microseconds),
 * or over HTTP to a running API — one that {@link PorticoExtension} serves, {@code portico serve}, or the API
 * deployed on AWS.
 *
 * <pre>{@code
 * ApiClient client = ApiClient.of(Gateway.create(api));
 * ApiResponse response = client.get("/pets/7").bearer(token).send();
 * assertThat(response).hasStatus(200).routedTo("GET /pets/{petId}");
 *
 * ApiClient deployed = ApiClient.http(deployedUrl);   // https://abcdef1234.execute-api.eu-west-1.amazonaws.com
 * assertThat(deployed.get("/pets/7").send()).hasStatus(401).hasJsonMessage("Unauthorized");
 * }</pre>
 *
 * <p>A client that knows the gateway also knows which route each request took ({@link ApiResponse#routeKey()});
 * one given {@link RecordingFunction}s knows what each request made them receive ({@link
 * ApiResponse#invocations(String)}). Thread-safe.
 */
public final class ApiClient {
  /** How long {@link ApiRequest#send()} waits unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final @Nullable Supplier<Gateway> gateway;
  private final @Nullable URI baseUri;
  private final String base;
  private final @Nullable HttpClient http;
  private final Map<String, RecordingFunction> functions;
  private final Duration timeout;

  private ApiClient(Builder builder) {
    this.gateway = builder.gateway;
    this.baseUri = builder.baseUri;
    String text = baseUri == null ? "" : baseUri.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.http = baseUri == null ? null : HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(builder.timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.functions = Map.copyOf(builder.functions);
    this.timeout = builder.timeout;
  }

  /**
   * An in-process client.
   *
   * @param gateway the gateway
   * @return the client
   */
  public static ApiClient of(Gateway gateway) {
    Objects.requireNonNull(gateway, "gateway");
    return builder().gateway(() -> gateway).build();
  }

  /**
   * A client for an API running at a URL.
   *
   * @param baseUri the API's base URL, with the stage prefix if the requests should carry one
   * @return the client
   */
  public static ApiClient http(URI baseUri) {
    return builder().baseUri(baseUri).build();
  }

  /**
   * A builder, to combine a gateway, a URL and recording functions.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return whether requests go over HTTP */
  public boolean isHttp() {
    return baseUri != null;
  }

  /** @return the base URL requests go to, when over HTTP */
  public Optional<URI> baseUri() {
    return Optional.ofNullable(baseUri);
  }

  /**
   * A {@code GET}.
   *
   * @param target the path and query, as sent: {@code /pets/7?fields=name}
   * @return the request, to add to and send
   */
  public ApiRequest get(String target) {
    return request("GET", target);
  }

  /**
   * A {@code POST}.
   *
   * @param target the path and query
   * @return the request
   */
  public ApiRequest post(String target) {
    return request("POST", target);
  }

  /**
   * A {@code PUT}.
   *
   * @param target the path and query
   * @return the request
   */
  public ApiRequest put(String target) {
    return request("PUT", target);
  }

  /**
   * A {@code PATCH}.
   *
   * @param target the path and query
   * @return the request
   */
  public ApiRequest patch(String target) {
    return request("PATCH", target);
  }

  /**
   * A {@code DELETE}.
   *
   * @param target the path and query
   * @return the request
   */
  public ApiRequest delete(String target) {
    return request("DELETE", target);
  }

  /**
   * An {@code OPTIONS}.
   *
   * @param target the path and query
   * @return the request
   */
  public ApiRequest options(String target) {
    return request("OPTIONS", target);
  }

  /**
   * A CORS preflight as a browser sends it: {@code OPTIONS} with {@code Origin} and {@code
   * Access-Control-Request-Method} (and {@code Access-Control-Request-Headers} when headers are given).
   *
   * @param origin the page's origin
   * @param method the method the page wants to use
   * @param target the path and query
   * @param requestHeaders the non-simple headers the page wants to send
   * @return the request
   */
  public ApiRequest preflight(String origin, String method, String target, String... requestHeaders) {
    ApiRequest request = options(target).origin(origin).header("access-control-request-method", method);
    if (requestHeaders.length > 0) {
      request.header("access-control-request-headers", String.join(",", requestHeaders));
    }
    return request;
  }

  /**
   * Any method.
   *
   * @param method the method, as sent
   * @param target the path and query
   * @return the request
   */
  public ApiRequest request(String method, String target) {
    return new ApiRequest(this, method, target);
  }

  ApiResponse send(ApiRequest sent) {
    ApiRequest request = sent.copy();
    Gateway current = gateway == null ? null : gateway.get();
    Duration wait = request.timeout().orElse(timeout);
    if (baseUri != null && http != null) {
      Explanation explanation = current == null ? null : current.explain(toGatewayRequest(request));
      return overHttp(http, baseUri, request, explanation, wait);
    }
    if (current == null) {
      throw new IllegalStateException("the gateway supplier gave no gateway for " + request);
    }
    GatewayRequest gatewayRequest = toGatewayRequest(request);
    Explanation explanation = current.explain(gatewayRequest);
    GatewayResponse response;
    try {
      response = current.handle(gatewayRequest).toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer to " + request + " within " + wait, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + request, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the gateway failed " + request + " (a bug: it answers every request)",
          e.getCause());
    }
    return new ApiResponse(request, response.statusCode(), response.headers(), response.body(), explanation,
        functions);
  }

  private static GatewayRequest toGatewayRequest(ApiRequest request) {
    GatewayRequest.Builder builder = GatewayRequest.builder().method(request.method()).target(request.target())
        .body(request.body());
    request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    request.sourceIp().ifPresent(builder::sourceIp);
    return builder.build();
  }

  private ApiResponse overHttp(HttpClient http, URI baseUri, ApiRequest request, @Nullable Explanation explanation,
      Duration wait) {
    if (request.sourceIp().isPresent()) {
      throw new IllegalArgumentException("sourceIp is for in-process requests; over HTTP the gateway sees the"
          + " socket's address");
    }
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(URI.create(base + request.target()))
          .timeout(wait)
          .method(request.method(), request.body().length == 0
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(request + ": cannot be sent over HTTP: " + e.getMessage(), e);
    }
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      for (String value : header.getValue()) {
        try {
          builder.header(header.getKey(), value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("header '" + header.getKey() + "' cannot be sent by java.net.http ("
              + e.getMessage() + "); send it in-process", e);
        }
      }
    }
    try {
      HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new ApiResponse(request, response.statusCode(), response.headers().map(), response.body(),
          explanation, functions);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new IllegalStateException("no answer to " + request + " from " + baseUri + " within " + wait, e);
    } catch (IOException e) {
      throw new IllegalStateException(request + " to " + baseUri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + request, e);
    }
  }

  static Duration positive(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout " + timeout + " must be positive");
    }
    return timeout;
  }

  @Override
  public String toString() {
    return "ApiClient[" + (baseUri != null ? baseUri : "in-process") + "]";
  }

  /** Options for {@link ApiClient#builder()}. */
  public static final class Builder {
    private @Nullable Supplier<Gateway> gateway;
    private @Nullable URI baseUri;
    private final Map<String, RecordingFunction> functions = new LinkedHashMap<>();
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * The gateway: requests go to it in-process unless a {@link #baseUri(URI) URL} is set; with a URL, it explains
     * which route each request took.
     *
     * @param gateway the gateway; asked for each request, so that it may change between tests
     * @return this builder
     */
    public Builder gateway(Supplier<Gateway> gateway) {
      this.gateway = Objects.requireNonNull(gateway, "gateway");
      return this;
    }

    /**
     * Sends requests over HTTP to this URL.
     *
     * @param baseUri an absolute {@code http} or {@code https} URL
     * @return this builder
     * @throws IllegalArgumentException for another kind of URL
     */
    public Builder baseUri(URI baseUri) {
      Objects.requireNonNull(baseUri, "baseUri");
      if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme())) {
        throw new IllegalArgumentException("baseUri '" + baseUri + "' must be an http or https URL");
      }
      if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUri '" + baseUri + "' must have no query or fragment");
      }
      this.baseUri = baseUri;
      return this;
    }

    /**
     * Recording functions whose invocations responses can report.
     *
     * @param functions the functions
     * @return this builder
     * @throws IllegalArgumentException when two have the same name
     */
    public Builder functions(Collection<RecordingFunction> functions) {
      for (RecordingFunction function : functions) {
        if (this.functions.putIfAbsent(function.name(), function) != null) {
          throw new IllegalArgumentException("two recording functions are named '" + function.name() + "'");
        }
      }
      return this;
    }

    /**
     * How long a request waits for its answer unless it says otherwise.
     *
     * @param timeout a positive duration; {@link #DEFAULT_TIMEOUT} unless set
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout);
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException when neither a gateway nor a URL is set
     */
    public ApiClient build() {
      if (gateway == null && baseUri == null) {
        throw new IllegalStateException("an ApiClient needs a gateway (in-process) or a baseUri (over HTTP)");
      }
      return new ApiClient(this);
    }
  }
}
