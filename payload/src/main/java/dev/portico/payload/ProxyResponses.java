package dev.portico.payload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Decodes a Lambda function's answer into the {@link ProxyResponse} API Gateway would send, or rejects it the
 * way API Gateway does (facts §3).
 *
 * <ul>
 *   <li>2.0: {@code statusCode}, {@code headers} (values as strings), {@code cookies} (each a {@code set-cookie}),
 *       {@code body}, {@code isBase64Encoded}. Valid JSON without {@code statusCode} is inferred: status 200,
 *       {@code content-type: application/json}, the JSON itself as body, or a JSON string's text.</li>
 *   <li>1.0: {@code statusCode} is required; {@code multiValueHeaders} wins over {@code headers} for the same
 *       name (decision D10).</li>
 *   <li>A body is base64-decoded whenever {@code isBase64Encoded} is {@code true}.</li>
 *   <li>Anything else — not JSON, wrong types, status outside 100–599, invalid base64 — throws
 *       {@link MalformedResponseException}; the gateway answers 500.</li>
 * </ul>
 *
 * <pre>{@code
 * ProxyResponse ok = ProxyResponses.decode("{\"hello\":\"world\"}".getBytes(UTF_8), PayloadFormat.V2_0);
 * ok.statusCode();   // 200, inferred
 * ok.bodyText();     // {"hello":"world"}
 * }</pre>
 */
public final class ProxyResponses {
  private ProxyResponses() {}

  /**
   * Decodes a function's answer within the default limits.
   *
   * @param json the function's output
   * @param format the route's payload format
   * @return the response
   * @throws MalformedResponseException when API Gateway would reject the answer
   * @throws PayloadTooLargeException when the answer is larger than 10 MB
   */
  public static ProxyResponse decode(byte[] json, PayloadFormat format) {
    return decode(json, format, PayloadLimits.defaults());
  }

  /**
   * Decodes a function's answer.
   *
   * @param json the function's output
   * @param format the route's payload format
   * @param limits the limits; {@link PayloadLimits#maxResponseBytes()} applies
   * @return the response
   * @throws MalformedResponseException when API Gateway would reject the answer
   * @throws PayloadTooLargeException when the answer is larger than the limit
   */
  public static ProxyResponse decode(byte[] json, PayloadFormat format, PayloadLimits limits) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(limits, "limits");
    limits.checkResponseSize(json.length);
    return ResponseReader.read(json, format);
  }

  /**
   * Reads and decodes a function's answer, failing as soon as it grows past the limit.
   *
   * @param in the function's output; read to its end, not closed
   * @param format the route's payload format
   * @param limits the limits; {@link PayloadLimits#maxResponseBytes()} applies
   * @return the response
   * @throws MalformedResponseException when API Gateway would reject the answer
   * @throws PayloadTooLargeException when the answer is larger than the limit
   * @throws IOException when reading fails
   */
  public static ProxyResponse decode(InputStream in, PayloadFormat format, PayloadLimits limits)
      throws IOException {
    Objects.requireNonNull(format, "format");
    return ResponseReader.read(limits.readResponse(in), format);
  }
}
