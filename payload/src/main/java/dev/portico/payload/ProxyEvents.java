package dev.portico.payload;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Encodes {@link ProxyRequest}s into the Lambda proxy events API Gateway HTTP APIs send, payload format 1.0 or
 * 2.0, as UTF-8 JSON.
 *
 * <p>What the events reproduce (facts §2; choices where AWS is silent are in docs/payload.md):
 * <ul>
 *   <li>2.0: repeated headers and query parameters comma-joined; {@code cookies} array and no {@code cookie}
 *       header; empty parts omitted; {@code rawQueryString} {@code ""} without a query (D15).</li>
 *   <li>1.0: {@code headers} and {@code queryStringParameters} hold the last value of a repeated name (D14), the
 *       {@code multiValue…} maps all of them; empty parts are explicit {@code null}s.</li>
 *   <li>The body is text for textual content types and base64 otherwise, with {@code isBase64Encoded}
 *       (facts §2, D9).</li>
 *   <li>{@code time} as {@code dd/MMM/yyyy:HH:mm:ss +0000}; JWT claims as strings, arrays as {@code [a b c]}.</li>
 * </ul>
 *
 * <p>Encoding writes straight into one byte array: pre-encoded member names, no tree, no intermediate maps.
 *
 * <pre>{@code
 * byte[] v2 = ProxyEvents.encode(request, PayloadFormat.V2_0);
 * ProxyEvents.encode(request, PayloadFormat.V1_0, socketOutput);   // no intermediate array
 * }</pre>
 */
public final class ProxyEvents {
  private ProxyEvents() {}

  /**
   * Encodes the event a function would receive for the request.
   *
   * @param request the request
   * @param format the payload format
   * @return the event, UTF-8 JSON
   */
  public static byte[] encode(ProxyRequest request, PayloadFormat format) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(format, "format");
    JsonOut out = EventWriter.write(request, format);
    byte[] event = out.toByteArray();
    out.release();
    return event;
  }

  /**
   * Writes the event a function would receive for the request to a stream, which is flushed but not closed.
   *
   * @param request the request
   * @param format the payload format
   * @param out where the UTF-8 JSON goes
   * @throws IOException when writing to the stream fails
   */
  public static void encode(ProxyRequest request, PayloadFormat format, OutputStream out) throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    JsonOut json = EventWriter.write(request, format);
    try {
      out.write(json.buffer(), 0, json.length());
      out.flush();
    } finally {
      json.release();
    }
  }
}
