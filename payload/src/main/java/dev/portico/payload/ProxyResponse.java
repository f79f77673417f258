package dev.portico.payload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP response a Lambda proxy integration produced: status, headers (each cookie a {@code set-cookie}
 * value) and body bytes, ready to send. {@link ProxyResponses#decode(byte[], PayloadFormat)} makes one from a
 * function's JSON answer; integrations that are not Lambda functions build one directly.
 *
 * <p>Immutable. Header names are lowercased, as HTTP API responses carry them (docs/payload.md, choice P6).
 *
 * <pre>{@code
 * ProxyResponse response = ProxyResponse.builder()
 *     .statusCode(201)
 *     .header("Content-Type", "application/json")
 *     .cookie("session=abc; HttpOnly")
 *     .body("{\"id\":7}")
 *     .build();
 * response.headers();   // {content-type=[application/json], set-cookie=[session=abc; HttpOnly]}
 * }</pre>
 */
public final class ProxyResponse {
  private static final byte[] EMPTY = new byte[0];

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private ProxyResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {
    this.statusCode = statusCode;
    Map<String, List<String>> frozen = new LinkedHashMap<>(headers.size() * 2);
    headers.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(frozen);
    this.body = body;
  }

  /**
   * Returns a new builder: status 200, no headers, empty body.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this response's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.statusCode = statusCode;
    headers.forEach((name, values) -> b.headers.put(name, new ArrayList<>(values)));
    b.body = body;
    return b;
  }

  /** @return the status code, a final status: 200 to 599 */
  public int statusCode() {
    return statusCode;
  }

  /** @return the headers: lowercased names, each with its values in order, {@code set-cookie} included */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** @return the {@code set-cookie} values in order; empty when there are none */
  public List<String> cookies() {
    return headers.getOrDefault("set-cookie", List.of());
  }

  /** @return a copy of the body */
  public byte[] body() {
    return body.clone();
  }

  /** @return the body's length in bytes */
  public int bodyLength() {
    return body.length;
  }

  /** @return the body decoded as UTF-8 */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Writes the body to a stream without copying it.
   *
   * @param out the stream; not flushed or closed
   * @throws IOException when writing fails
   */
  public void writeBodyTo(OutputStream out) throws IOException {
    out.write(body);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProxyResponse that && statusCode == that.statusCode
        && headers.equals(that.headers) && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * statusCode + headers.hashCode()) + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "ProxyResponse[" + statusCode + ", headers=" + headers + ", body=" + body.length + " bytes]";
  }

  /** Whether a status may answer a request: 200 to 599 (1xx statuses are interim, never answers). */
  static boolean isFinalStatus(int statusCode) {
    return statusCode >= 200 && statusCode <= 599;
  }

  static String statusProblem(Object statusCode) {
    return "statusCode " + statusCode + " must be a final status, 200 to 599";
  }

  /**
   * Builds a {@link ProxyResponse}; setters check their values at once.
   */
  public static final class Builder {
    private int statusCode = 200;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = EMPTY;

    private Builder() {}

    /**
     * Sets the status code. Default: 200.
     *
     * @param statusCode a final status, 200 to 599: an informational 1xx status is never an answer (it would
     *     leave the client's request unanswered and desynchronise its connection, issue 18)
     * @return this builder
     * @throws IllegalArgumentException when the status is outside 200 to 599
     */
    public Builder statusCode(int statusCode) {
      if (!isFinalStatus(statusCode)) {
        throw new IllegalArgumentException(statusProblem(statusCode));
      }
      this.statusCode = statusCode;
      return this;
    }

    /**
     * Adds a header value; the name is lowercased.
     *
     * @param name an HTTP token
     * @param value the value, without control characters other than HTAB
     * @return this builder
     * @throws IllegalArgumentException when the name is not a token or the value holds a control character
     */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(HttpSyntax.checkSentHeader(name, value), n -> new ArrayList<>(1)).add(value);
      return this;
    }

    /**
     * Replaces all headers, as by {@link #header(String, String)} for each value in order.
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
     * Adds a cookie: one {@code set-cookie} header value.
     *
     * @param cookie e.g. {@code session=abc; Path=/; HttpOnly}
     * @return this builder
     */
    public Builder cookie(String cookie) {
      return header("set-cookie", cookie);
    }

    /**
     * Sets the body. The bytes are copied. Default: empty.
     *
     * @param body the bytes
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

    Builder bodyOwned(byte[] body) {
      this.body = body;
      return this;
    }

    /**
     * Builds the response.
     *
     * @return the response
     */
    public ProxyResponse build() {
      return new ProxyResponse(statusCode, headers, body);
    }
  }
}
