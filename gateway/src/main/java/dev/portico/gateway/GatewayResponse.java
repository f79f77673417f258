package dev.portico.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway answers: a status, headers (lowercased names, multi-valued, {@code set-cookie} once per cookie)
 * and a body. Every answer carries {@code apigw-requestid}; AWS-shaped errors carry {@code content-type:
 * application/json} and a body like {@code {"message":"Not Found"}}.
 *
 * <pre>{@code
 * GatewayResponse response = gateway.handle(request).toCompletableFuture().join();
 * response.statusCode();                 // 200
 * response.header("apigw-requestid");    // Optional[JKJaXmPLvHcESHA=]
 * response.bodyText();
 * }</pre>
 */
public final class GatewayResponse {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  GatewayResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {
    this.statusCode = statusCode;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
  }

  /**
   * An AWS-shaped error answer with a new request id, for a host that must answer before any gateway sees the
   * request — its HTTP parser refused it (bad percent-encoding, headers beyond the container's limit, broken
   * framing). {@code portico serve} answers Jetty's own errors with it, so nothing it sends is an HTML page.
   *
   * <pre>{@code
   * GatewayResponse answer = GatewayResponse.error(400);   // {"message":"Bad Request"}, apigw-requestid
   * }</pre>
   *
   * @param status 400 to 599
   * @return the answer: {@code content-type: application/json}, {@code apigw-requestid}, {@code {"message":...}}
   * @throws IllegalArgumentException when the status is not an error status
   */
  public static GatewayResponse error(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status " + status + " is not an error status (400 to 599)");
    }
    dev.portico.gateway.internal.pipeline.Failure failure =
        dev.portico.gateway.internal.pipeline.Failure.forStatus(status);
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    headers.put("apigw-requestid", List.of(dev.portico.gateway.internal.RequestIds.next()));
    return new GatewayResponse(status, headers, failure.body().getBytes(StandardCharsets.UTF_8));
  }

  /** @return the status code */
  public int statusCode() {
    return statusCode;
  }

  /** @return lowercased names to values, in order */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Each header as an HTTP server writes it: all of them but {@code content-length} and {@code transfer-encoding},
   * which the server's own framing of the body replaces (a backend's framing would contradict it). Both of
   * Portico's HTTP adapters write headers this way.
   *
   * <pre>{@code
   * answer.forEachHeaderToWrite((name, value) -> servletResponse.addHeader(name, value));
   * }</pre>
   *
   * @param header told each name (lowercase) and value, in order
   */
  public void forEachHeaderToWrite(java.util.function.BiConsumer<String, String> header) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      String name = entry.getKey();
      if (!name.equals("content-length") && !name.equals("transfer-encoding")) {
        for (String value : entry.getValue()) {
          header.accept(name, value);
        }
      }
    }
  }

  /** @return the body's bytes; shared, do not modify */
  public byte[] body() {
    return body;
  }

  /** @return the body decoded as UTF-8 */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "GatewayResponse[" + statusCode + ", " + headers + ", " + body.length + " body bytes]";
  }
}
