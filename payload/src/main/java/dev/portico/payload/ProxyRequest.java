package dev.portico.payload;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a Lambda proxy event is made of: one HTTP request as API Gateway saw it, plus what the gateway
 * learned about it (stage, route, path parameters, authorizer). {@link ProxyEvents} turns it into the event of
 * either payload format.
 *
 * <p>Immutable. Header names are lowercased on the way in (facts §2); repeated headers keep every value in order.
 * The path is the path as delivered to the integration: already percent-decoded and, on a named stage, still
 * carrying the stage prefix (facts §2). The raw query string stays encoded; {@link #queryParameters()} decodes it.
 * This is a final class rather than a record because it holds the body as bytes and must not expose a public
 * constructor.
 *
 * <pre>{@code
 * ProxyRequest request = ProxyRequest.builder()
 *     .method("POST").path("/pets/7").rawQueryString("expand=owner")
 *     .header("Content-Type", "application/json").header("Cookie", "session=abc")
 *     .body("{\"name\":\"Rex\"}")
 *     .sourceIp("192.0.2.1").requestId("JFwPVhMQIAMEVZA=").time(clock.instant())
 *     .apiId("a1b2c3d4e5").accountId("123456789012").domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
 *     .routeKey("POST /pets/{id}").pathParameter("id", "7")
 *     .build();
 * byte[] event = ProxyEvents.encode(request, PayloadFormat.V2_0);
 * }</pre>
 */
public final class ProxyRequest {
  private static final byte[] EMPTY = new byte[0];
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private final String method;
  private final String path;
  private final String rawQueryString;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String sourceIp;
  private final String protocol;
  private final String userAgent;
  private final String requestId;
  private final Instant time;
  private final String stage;
  private final String routeKey;
  private final Map<String, String> pathParameters;
  private final Map<String, String> stageVariables;
  private final String domainName;
  private final String domainPrefix;
  private final String apiId;
  private final String accountId;
  private final AuthorizerContext authorizer;
  private final @Nullable ClientCertificate clientCertificate;

  private ProxyRequest(Builder b) {
    // build() has checked every required value.
    this.method = Objects.requireNonNull(b.method);
    this.path = Objects.requireNonNull(b.path);
    this.rawQueryString = b.rawQueryString;
    this.headers = freezeHeaders(b.headers);
    this.body = b.body;
    this.sourceIp = Objects.requireNonNull(b.sourceIp);
    this.protocol = b.protocol;
    this.requestId = Objects.requireNonNull(b.requestId);
    this.time = Objects.requireNonNull(b.time);
    this.stage = b.stage;
    this.routeKey = b.routeKey;
    this.pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.pathParameters));
    this.stageVariables = Collections.unmodifiableMap(new LinkedHashMap<>(b.stageVariables));
    this.domainName = Objects.requireNonNull(b.domainName);
    this.apiId = Objects.requireNonNull(b.apiId);
    this.accountId = Objects.requireNonNull(b.accountId);
    this.authorizer = b.authorizer;
    this.clientCertificate = b.clientCertificate;
    if (b.userAgent != null) {
      this.userAgent = b.userAgent;
    } else {
      List<String> agents = headers.get("user-agent");
      this.userAgent = agents == null ? "" : agents.get(0);
    }
    if (b.domainPrefix != null) {
      this.domainPrefix = b.domainPrefix;
    } else {
      int dot = domainName.indexOf('.');
      this.domainPrefix = dot < 0 ? domainName : domainName.substring(0, dot);
    }
  }

  /** A copy with another authorizer context; everything else is shared, nothing is copied or checked again. */
  private ProxyRequest(ProxyRequest from, AuthorizerContext authorizer) {
    this.method = from.method;
    this.path = from.path;
    this.rawQueryString = from.rawQueryString;
    this.headers = from.headers;
    this.body = from.body;
    this.sourceIp = from.sourceIp;
    this.protocol = from.protocol;
    this.userAgent = from.userAgent;
    this.requestId = from.requestId;
    this.time = from.time;
    this.stage = from.stage;
    this.routeKey = from.routeKey;
    this.pathParameters = from.pathParameters;
    this.stageVariables = from.stageVariables;
    this.domainName = from.domainName;
    this.domainPrefix = from.domainPrefix;
    this.apiId = from.apiId;
    this.accountId = from.accountId;
    this.authorizer = authorizer;
    this.clientCertificate = from.clientCertificate;
  }

  /**
   * This request as its integration sees it once an authorizer has allowed it: the same request with the
   * authorizer's context. Cheap: the headers, parameters and body are shared, not copied.
   *
   * <pre>{@code
   * ProxyRequest allowed = request.withAuthorizer(AuthorizerContext.jwt(claims));
   * }</pre>
   *
   * @param authorizer the context
   * @return the request with it
   */
  public ProxyRequest withAuthorizer(AuthorizerContext authorizer) {
    return new ProxyRequest(this, Objects.requireNonNull(authorizer, "authorizer"));
  }

  /**
   * Returns a new builder.
   *
   * @return a builder with the defaults documented on its setters
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.method = method;
    b.path = path;
    b.rawQueryString = rawQueryString;
    headers.forEach((name, values) -> b.headers.put(name, new ArrayList<>(values)));
    b.body = body;
    b.sourceIp = sourceIp;
    b.protocol = protocol;
    b.userAgent = userAgent;
    b.requestId = requestId;
    b.time = time;
    b.stage = stage;
    b.routeKey = routeKey;
    b.pathParameters.putAll(pathParameters);
    b.stageVariables.putAll(stageVariables);
    b.domainName = domainName;
    b.domainPrefix = domainPrefix;
    b.apiId = apiId;
    b.accountId = accountId;
    b.authorizer = authorizer;
    b.clientCertificate = clientCertificate;
    return b;
  }

  /** @return the HTTP method as sent, e.g. {@code GET} */
  public String method() {
    return method;
  }

  /** @return the path as delivered to the integration (decoded, with a named stage's prefix) */
  public String path() {
    return path;
  }

  /** @return the query string as sent, still percent-encoded, without {@code ?}; empty when there is none */
  public String rawQueryString() {
    return rawQueryString;
  }

  /**
   * Returns the query parameters, percent-decoded ({@code +} as a space), in order of first appearance, each
   * with all its values in order.
   *
   * @return an unmodifiable map; empty when there is no query
   */
  public Map<String, List<String>> queryParameters() {
    return QueryString.parse(rawQueryString);
  }

  /** @return the headers: lowercased names in order of first appearance, each with all its values in order */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the cookies of the {@code cookie} headers, one element per {@code name=value} pair, as the 2.0
   * event's {@code cookies} array carries them (facts §2).
   *
   * @return the cookies; empty when there are none
   */
  public List<String> cookies() {
    return Cookies.split(headers.get("cookie"));
  }

  /** @return a copy of the body; empty when the request has none */
  public byte[] body() {
    return body.clone();
  }

  /** @return the body's length in bytes */
  public int bodyLength() {
    return body.length;
  }

  byte[] bodyBytes() {
    return body;
  }

  /** @return the immediate TCP peer's address (facts §2) */
  public String sourceIp() {
    return sourceIp;
  }

  /** @return the protocol, e.g. {@code HTTP/1.1} */
  public String protocol() {
    return protocol;
  }

  /** @return the user agent: as set, else the first {@code user-agent} header, else empty */
  public String userAgent() {
    return userAgent;
  }

  /** @return the request id ({@code apigw-requestid}) */
  public String requestId() {
    return requestId;
  }

  /** @return when the gateway received the request */
  public Instant time() {
    return time;
  }

  /** @return the stage name, {@code $default} by default */
  public String stage() {
    return stage;
  }

  /** @return the matched route key, e.g. {@code GET /pets/{id}} or {@code $default} */
  public String routeKey() {
    return routeKey;
  }

  /**
   * Returns the route's path template, 1.0's {@code resource} and {@code resourcePath}: the route key without
   * its method, or {@code $default} for the default route.
   *
   * @return the template
   */
  public String resourcePath() {
    int space = routeKey.indexOf(' ');
    return space < 0 ? routeKey : routeKey.substring(space + 1);
  }

  /** @return the decoded path parameters in the route's order */
  public Map<String, String> pathParameters() {
    return pathParameters;
  }

  /** @return the stage variables */
  public Map<String, String> stageVariables() {
    return stageVariables;
  }

  /** @return the host name the client called */
  public String domainName() {
    return domainName;
  }

  /** @return the first label of the domain name, unless set explicitly */
  public String domainPrefix() {
    return domainPrefix;
  }

  /** @return the API id */
  public String apiId() {
    return apiId;
  }

  /** @return the AWS account id the API belongs to */
  public String accountId() {
    return accountId;
  }

  /** @return what the route's authorizer established; {@link AuthorizerContext#none()} by default */
  public AuthorizerContext authorizer() {
    return authorizer;
  }

  /** @return the mutual-TLS client certificate, when the connection had one */
  public Optional<ClientCertificate> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProxyRequest that
        && method.equals(that.method) && path.equals(that.path) && rawQueryString.equals(that.rawQueryString)
        && headers.equals(that.headers) && Arrays.equals(body, that.body) && sourceIp.equals(that.sourceIp)
        && protocol.equals(that.protocol) && userAgent.equals(that.userAgent)
        && requestId.equals(that.requestId) && time.equals(that.time) && stage.equals(that.stage)
        && routeKey.equals(that.routeKey) && pathParameters.equals(that.pathParameters)
        && stageVariables.equals(that.stageVariables) && domainName.equals(that.domainName)
        && domainPrefix.equals(that.domainPrefix) && apiId.equals(that.apiId)
        && accountId.equals(that.accountId) && authorizer.equals(that.authorizer)
        && Objects.equals(clientCertificate, that.clientCertificate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, rawQueryString, headers, Arrays.hashCode(body), requestId, time, routeKey);
  }

  @Override
  public String toString() {
    return "ProxyRequest[" + method + " " + path + (rawQueryString.isEmpty() ? "" : "?" + rawQueryString)
        + ", route=" + routeKey + ", requestId=" + requestId + ", body=" + body.length + " bytes]";
  }

  private static Map<String, List<String>> freezeHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> frozen = new LinkedHashMap<>(headers.size() * 2);
    headers.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(frozen);
  }

  /**
   * Builds a {@link ProxyRequest}. {@code method}, {@code path}, {@code requestId}, {@code time},
   * {@code sourceIp}, {@code apiId}, {@code accountId} and {@code domainName} are required; {@link #build()}
   * names every one that is missing. Setters check their values at once.
   */
  public static final class Builder {
    private @Nullable String method;
    private @Nullable String path;
    private String rawQueryString = "";
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = EMPTY;
    private @Nullable String sourceIp;
    private String protocol = "HTTP/1.1";
    private @Nullable String userAgent;
    private @Nullable String requestId;
    private @Nullable Instant time;
    private String stage = "$default";
    private String routeKey = "$default";
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private @Nullable String domainName;
    private @Nullable String domainPrefix;
    private @Nullable String apiId;
    private @Nullable String accountId;
    private AuthorizerContext authorizer = AuthorizerContext.none();
    private @Nullable ClientCertificate clientCertificate;

    private Builder() {}

    /**
     * Sets the HTTP method, as sent (methods are case-sensitive).
     *
     * @param method an HTTP token, e.g. {@code GET}
     * @return this builder
     * @throws IllegalArgumentException when the method is not an HTTP token
     */
    public Builder method(String method) {
      Objects.requireNonNull(method, "method");
      if (!HttpSyntax.isToken(method)) {
        throw new IllegalArgumentException("method '" + method + "' is not an HTTP token");
      }
      this.method = method;
      return this;
    }

    /**
     * Sets the path as delivered to the integration: decoded, starting with {@code /}.
     *
     * @param path the path
     * @return this builder
     * @throws IllegalArgumentException when the path does not start with {@code /}
     */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path '" + path + "' must start with '/'");
      }
      this.path = path;
      return this;
    }

    /**
     * Sets the query string as sent, without the {@code ?}. Default: empty.
     *
     * @param rawQueryString the encoded query
     * @return this builder
     */
    public Builder rawQueryString(String rawQueryString) {
      this.rawQueryString = Objects.requireNonNull(rawQueryString, "rawQueryString");
      return this;
    }

    /**
     * Adds one header value. The name is lowercased; values of the same name keep their order.
     *
     * @param name the header name, an HTTP token
     * @param value the value, without CR, LF or NUL
     * @return this builder
     * @throws IllegalArgumentException when the name is not a token or the value holds CR, LF or NUL
     */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(HttpSyntax.checkHeader(name, value), n -> new ArrayList<>(1)).add(value);
      return this;
    }

    /**
     * Replaces all headers with the given ones, as by {@link #header(String, String)} for each value in order.
     *
     * @param headers names to values
     * @return this builder
     */
    public Builder headers(Map<String, ? extends Collection<String>> headers) {
      Objects.requireNonNull(headers, "headers");
      this.headers.clear();
      headers.forEach((name, values) -> values.forEach(value -> header(name, value)));
      return this;
    }

    /**
     * Sets the body. The bytes are copied. Default: empty.
     *
     * @param body the body's bytes
     * @return this builder
     */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body").clone();
      return this;
    }

    /**
     * Sets the body to the UTF-8 encoding of a text.
     *
     * @param body the text
     * @return this builder
     */
    public Builder body(String body) {
      this.body = Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * Sets the immediate TCP peer's address.
     *
     * @param sourceIp the address, e.g. {@code 192.0.2.1}
     * @return this builder
     */
    public Builder sourceIp(String sourceIp) {
      this.sourceIp = Objects.requireNonNull(sourceIp, "sourceIp");
      return this;
    }

    /**
     * Sets the protocol. Default: {@code HTTP/1.1}.
     *
     * @param protocol e.g. {@code HTTP/1.1} or {@code HTTP/2.0}
     * @return this builder
     */
    public Builder protocol(String protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Sets the user agent. Default: the first {@code user-agent} header, else empty.
     *
     * @param userAgent the user agent
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /**
     * Sets the request id.
     *
     * @param requestId the id, e.g. {@code JFwPVhMQIAMEVZA=}
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = Objects.requireNonNull(requestId, "requestId");
      return this;
    }

    /**
     * Sets when the gateway received the request; events carry it to the millisecond.
     *
     * @param time the instant, in the years 0000 to 9999
     * @return this builder
     * @throws IllegalArgumentException when the instant is outside the years 0000 to 9999
     */
    public Builder time(Instant time) {
      Objects.requireNonNull(time, "time");
      if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
        throw new IllegalArgumentException("time " + time + " must be within the years 0000 to 9999");
      }
      this.time = time;
      return this;
    }

    /**
     * Sets the stage name. Default: {@code $default}.
     *
     * @param stage the stage
     * @return this builder
     */
    public Builder stage(String stage) {
      this.stage = Objects.requireNonNull(stage, "stage");
      return this;
    }

    /**
     * Sets the matched route key. Default: {@code $default}.
     *
     * @param routeKey the canonical route key, e.g. {@code GET /pets/{id}}
     * @return this builder
     */
    public Builder routeKey(String routeKey) {
      this.routeKey = Objects.requireNonNull(routeKey, "routeKey");
      return this;
    }

    /**
     * Adds a decoded path parameter; parameters keep the order they are added in.
     *
     * @param name the variable's name
     * @param value its decoded value
     * @return this builder
     */
    public Builder pathParameter(String name, String value) {
      pathParameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Replaces all path parameters.
     *
     * @param pathParameters names to decoded values, in route order
     * @return this builder
     */
    public Builder pathParameters(Map<String, String> pathParameters) {
      Objects.requireNonNull(pathParameters, "pathParameters");
      this.pathParameters.clear();
      pathParameters.forEach(this::pathParameter);
      return this;
    }

    /**
     * Replaces all stage variables.
     *
     * @param stageVariables names to values
     * @return this builder
     */
    public Builder stageVariables(Map<String, String> stageVariables) {
      Objects.requireNonNull(stageVariables, "stageVariables");
      this.stageVariables.clear();
      stageVariables.forEach((name, value) -> this.stageVariables.put(
          Objects.requireNonNull(name, "stage variable name"), Objects.requireNonNull(value, name)));
      return this;
    }

    /**
     * Sets the host name the client called.
     *
     * @param domainName e.g. {@code a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com}
     * @return this builder
     */
    public Builder domainName(String domainName) {
      this.domainName = Objects.requireNonNull(domainName, "domainName");
      return this;
    }

    /**
     * Sets the domain prefix. Default: the domain name's first label.
     *
     * @param domainPrefix the prefix
     * @return this builder
     */
    public Builder domainPrefix(String domainPrefix) {
      this.domainPrefix = Objects.requireNonNull(domainPrefix, "domainPrefix");
      return this;
    }

    /**
     * Sets the API id.
     *
     * @param apiId the id
     * @return this builder
     */
    public Builder apiId(String apiId) {
      this.apiId = Objects.requireNonNull(apiId, "apiId");
      return this;
    }

    /**
     * Sets the AWS account id.
     *
     * @param accountId the id
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /**
     * Sets what the authorizer established. Default: {@link AuthorizerContext#none()}.
     *
     * @param authorizer the context
     * @return this builder
     */
    public Builder authorizer(AuthorizerContext authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /**
     * Sets the mutual-TLS client certificate. Default: none.
     *
     * @param clientCertificate the certificate
     * @return this builder
     */
    public Builder clientCertificate(ClientCertificate clientCertificate) {
      this.clientCertificate = Objects.requireNonNull(clientCertificate, "clientCertificate");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     * @throws IllegalStateException naming every required value that is missing
     */
    public ProxyRequest build() {
      List<String> missing = new ArrayList<>();
      if (method == null) {
        missing.add("method");
      }
      if (path == null) {
        missing.add("path");
      }
      if (requestId == null) {
        missing.add("requestId");
      }
      if (time == null) {
        missing.add("time");
      }
      if (sourceIp == null) {
        missing.add("sourceIp");
      }
      if (apiId == null) {
        missing.add("apiId");
      }
      if (accountId == null) {
        missing.add("accountId");
      }
      if (domainName == null) {
        missing.add("domainName");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("ProxyRequest needs " + String.join(", ", missing));
      }
      return new ProxyRequest(this);
    }
  }
}
