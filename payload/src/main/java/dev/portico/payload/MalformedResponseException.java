package dev.portico.payload;

/**
 * Thrown when a function's answer is not a response API Gateway accepts: not JSON, a field of the wrong type, a
 * status outside 100–599, a body that is not valid base64 although {@code isBase64Encoded} says it is, and so on.
 * The message says what is wrong; the gateway answers such a response with 500
 * {@code {"message":"Internal Server Error"}} (facts §3), so the client never sees the message.
 *
 * <pre>{@code
 * ProxyResponses.decode("{\"statusCode\":\"200\"}".getBytes(UTF_8), PayloadFormat.V1_0);
 * // MalformedResponseException: statusCode must be an integer, but is a string
 * }</pre>
 */
public final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedResponseException(String message) {
    super(message);
  }

  MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
