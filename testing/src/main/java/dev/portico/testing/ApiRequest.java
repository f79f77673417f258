package dev.portico.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * A request being written for an {@link ApiClient}; {@link #send()} sends it and waits for the answer.
 *
 * <pre>{@code
 * ApiResponse response = client.post("/pets?dryRun=true")
 *     .bearer(token)
 *     .origin("https://app.pets.example")
 *     .json("{\"name\":\"Rex\"}")
 *     .send();
 * }</pre>
 *
 * <p>The target is sent as written, percent-encoding and all ({@code /files/a%2Fb}), as a client on the wire
 * sends it.
 */
public final class ApiRequest {
  private final ApiClient client;
  private final String method;
  private final String target;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private byte[] body = new byte[0];
  private @Nullable String sourceIp;
  private @Nullable Duration timeout;

  ApiRequest(ApiClient client, String method, String target) {
    this.client = client;
    this.method = Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("target '" + target + "' must start with '/'");
    }
    this.target = target;
  }

  /**
   * Adds a header value; adding a name twice sends it twice.
   *
   * @param name the name
   * @param value the value
   * @return this request
   */
  public ApiRequest header(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  /**
   * {@code Authorization: Bearer <token>}.
   *
   * @param token the token, e.g. from {@link TestIssuer#token()}
   * @return this request
   */
  public ApiRequest bearer(String token) {
    return header("authorization", "Bearer " + Objects.requireNonNull(token, "token"));
  }

  /**
   * {@code Origin}, for CORS.
   *
   * @param origin the origin, like {@code https://app.example.com}
   * @return this request
   */
  public ApiRequest origin(String origin) {
    return header("origin", origin);
  }

  /**
   * A body.
   *
   * @param body the bytes
   * @return this request
   */
  public ApiRequest body(byte[] body) {
    this.body = Objects.requireNonNull(body, "body").clone();
    return this;
  }

  /**
   * A text body, UTF-8.
   *
   * @param body the text
   * @return this request
   */
  public ApiRequest body(String body) {
    return body(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A JSON body with {@code Content-Type: application/json}.
   *
   * @param json the JSON text
   * @return this request
   */
  public ApiRequest json(String json) {
    return header("content-type", "application/json").body(json);
  }

  /**
   * The client's address the gateway sees ({@code sourceIp}). In-process only: over HTTP it is the socket's.
   *
   * @param sourceIp an IPv4 or IPv6 address
   * @return this request
   */
  public ApiRequest sourceIp(String sourceIp) {
    this.sourceIp = Objects.requireNonNull(sourceIp, "sourceIp");
    return this;
  }

  /**
   * How long {@link #send()} waits for the answer before failing.
   *
   * @param timeout a positive duration; the client's default (30 s) unless set
   * @return this request
   */
  public ApiRequest timeout(Duration timeout) {
    this.timeout = ApiClient.positive(timeout);
    return this;
  }

  /**
   * Sends the request and waits for the answer.
   *
   * @return the response
   * @throws IllegalStateException when no answer comes within the timeout, or the connection fails
   */
  public ApiResponse send() {
    return client.send(this);
  }

  /** @return the method */
  public String method() {
    return method;
  }

  /** @return the target: raw path and query, as written */
  public String target() {
    return target;
  }

  /** @return the raw path: the target up to {@code ?} */
  public String rawPath() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** @return the headers as added (names as written) */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value
   */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(header.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** @return the body (a copy) */
  public byte[] body() {
    return body.clone();
  }

  /** A snapshot, so that a response keeps the request as it was sent. */
  ApiRequest copy() {
    ApiRequest copy = new ApiRequest(client, method, target);
    headers.forEach((name, values) -> copy.headers.put(name, new ArrayList<>(values)));
    copy.body = body;
    copy.sourceIp = sourceIp;
    copy.timeout = timeout;
    return copy;
  }

  Optional<String> sourceIp() {
    return Optional.ofNullable(sourceIp);
  }

  Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  @Override
  public String toString() {
    return method + " " + target;
  }
}
