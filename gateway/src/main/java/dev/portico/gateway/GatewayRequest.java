package dev.portico.gateway;

import dev.portico.payload.ClientCertificate;
import dev.portico.payload.HttpSyntax;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a host adapter (servlet filter, server, test) hands it to the gateway: what arrived on the
 * wire, plus what the connection knows (peer address, scheme, port, client certificate).
 *
 * <pre>{@code
 * GatewayRequest request = GatewayRequest.builder()
 *     .method("GET").target("/pets/7?expand=owner")
 *     .header("Host", "api.example.com").header("Authorization", "Bearer " + token)
 *     .sourceIp("192.0.2.1")
 *     .build();
 * }</pre>
 *
 * <p>Immutable. Header names are lowercased; values of one name keep their order. The path stays as sent
 * (percent-encoded); the gateway decodes it the way AWS does.
 */
public final class GatewayRequest {
  private static final byte[] EMPTY = new byte[0];

  private final String method;
  private final String rawPath;
  private final String rawQueryString;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final String sourceIp;
  private final String protocol;
  private final String scheme;
  private final int port;
  private final @Nullable ClientCertificate clientCertificate;

  private GatewayRequest(Builder b) {
    this.method = b.method;
    this.rawPath = b.rawPath;
    this.rawQueryString = b.rawQueryString;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    b.headers.forEach((name, values) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = b.body;
    this.sourceIp = b.sourceIp;
    this.protocol = b.protocol;
    this.scheme = b.scheme;
    this.port = b.port > 0 ? b.port : (b.scheme.equals("https") ? 443 : 80);
    this.clientCertificate = b.clientCertificate;
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the method as sent */
  public String method() {
    return method;
  }

  /** @return the path as sent, percent-encoded, without the query */
  public String rawPath() {
    return rawPath;
  }

  /** @return the query as sent, without {@code ?}; empty when none */
  public String rawQueryString() {
    return rawQueryString;
  }

  /** @return lowercased names to values, in arrival order */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value, if the header is present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /** @return the body's bytes; shared, do not modify */
  public byte[] body() {
    return body;
  }

  /** @return the immediate TCP peer's address */
  public String sourceIp() {
    return sourceIp;
  }

  /** @return the protocol, e.g. {@code HTTP/1.1} */
  public String protocol() {
    return protocol;
  }

  /** @return {@code http} or {@code https}: how the client reached the host */
  public String scheme() {
    return scheme;
  }

  /** @return the port the client connected to */
  public int port() {
    return port;
  }

  /** @return the mutual-TLS client certificate, when one was presented */
  public Optional<ClientCertificate> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  @Override
  public String toString() {
    return "GatewayRequest[" + method + " " + rawPath + (rawQueryString.isEmpty() ? "" : "?" + rawQueryString)
        + ", " + headers.size() + " headers, " + body.length + " body bytes]";
  }

  /** Builds a {@link GatewayRequest}. */
  public static final class Builder {
    private String method = "GET";
    private String rawPath = "/";
    private String rawQueryString = "";
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = EMPTY;
    private String sourceIp = "127.0.0.1";
    private String protocol = "HTTP/1.1";
    private String scheme = "https";
    private int port;
    private @Nullable ClientCertificate clientCertificate;

    private Builder() {}

    /**
     * Sets the method. Default: {@code GET}.
     *
     * @param method an HTTP token, as sent
     * @return this builder
     * @throws IllegalArgumentException when not a token
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
     * Sets path and query from a request target such as {@code /pets/7?expand=owner}.
     *
     * @param target the origin-form target as sent
     * @return this builder
     */
    public Builder target(String target) {
      Objects.requireNonNull(target, "target");
      int question = target.indexOf('?');
      return rawPath(question < 0 ? target : target.substring(0, question))
          .rawQueryString(question < 0 ? "" : target.substring(question + 1));
    }

    /**
     * Sets the path as sent. Default: {@code /}.
     *
     * @param rawPath percent-encoded, without query
     * @return this builder
     * @throws IllegalArgumentException when it holds a control character or space
     */
    public Builder rawPath(String rawPath) {
      this.rawPath = checkTargetText("rawPath", rawPath);
      return this;
    }

    /**
     * Sets the query as sent, without {@code ?}. Default: empty.
     *
     * @param rawQueryString the query
     * @return this builder
     */
    public Builder rawQueryString(String rawQueryString) {
      this.rawQueryString = checkTargetText("rawQueryString", rawQueryString);
      return this;
    }

    /**
     * Adds a header value.
     *
     * @param name an HTTP token, any case
     * @param value the value, without CR, LF or NUL
     * @return this builder
     * @throws IllegalArgumentException when the name or value is malformed
     */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(HttpSyntax.checkHeader(name, value), n -> new ArrayList<>(1)).add(value);
      return this;
    }

    /**
     * Sets the body. The array is kept, not copied: do not modify it afterwards.
     *
     * @param body the bytes
     * @return this builder
     */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    /**
     * Sets the body to the UTF-8 bytes of a text.
     *
     * @param body the text
     * @return this builder
     */
    public Builder body(String body) {
      return body(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets the TCP peer's address. Default: {@code 127.0.0.1}.
     *
     * @param sourceIp an IPv4 or IPv6 address
     * @return this builder
     */
    public Builder sourceIp(String sourceIp) {
      this.sourceIp = Objects.requireNonNull(sourceIp, "sourceIp");
      return this;
    }

    /**
     * Sets the protocol. Default: {@code HTTP/1.1}.
     *
     * @param protocol e.g. {@code HTTP/2.0}
     * @return this builder
     */
    public Builder protocol(String protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    /**
     * Sets the scheme the client used. Default: {@code https}, as API Gateway only serves HTTPS.
     *
     * @param scheme {@code http} or {@code https}
     * @return this builder
     */
    public Builder scheme(String scheme) {
      Objects.requireNonNull(scheme, "scheme");
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("scheme '" + scheme + "' must be http or https");
      }
      this.scheme = scheme;
      return this;
    }

    /**
     * Sets the port the client connected to. Default: 443 for https, 80 for http.
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the mutual-TLS client certificate.
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
     */
    public GatewayRequest build() {
      return new GatewayRequest(this);
    }

    private static String checkTargetText(String field, String text) {
      Objects.requireNonNull(text, field);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c <= ' ' || c == 0x7F) {
          throw new IllegalArgumentException(field + " holds a space or control character at index " + i);
        }
      }
      return text;
    }
  }
}
