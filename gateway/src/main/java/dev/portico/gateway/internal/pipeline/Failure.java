package dev.portico.gateway.internal.pipeline;

import org.jspecify.annotations.Nullable;

/**
 * An AWS-shaped error answer: status, the {@code message} of the JSON body, and the {@code
 * $context.error.responseType} the access log shows (REST API gateway-response names, as AWS is silent for HTTP
 * APIs). {@code wwwAuthenticate} is null unless the answer is a JWT authorizer's 401 or 403.
 *
 * @param status the status
 * @param message the body's message
 * @param responseType the access log's response type
 * @param wwwAuthenticate the {@code www-authenticate} value, or null
 */
public record Failure(int status, String message, String responseType, @Nullable String wwwAuthenticate) {
  /** No stage or no route (facts §1). */
  public static final Failure NOT_FOUND = new Failure(404, "Not Found", "RESOURCE_NOT_FOUND", null);
  /** A request the host could not read whole (a malformed body): issue 18. */
  public static final Failure BAD_REQUEST_BODY = new Failure(400, "Bad Request", "BAD_REQUEST_BODY", null);
  /** A request an integration refuses to pass on (a path parameter leaving the backend path): issue 18. */
  public static final Failure BAD_REQUEST_PARAMETERS = new Failure(400, "Bad Request", "BAD_REQUEST_PARAMETERS", null);
  /** No valid identity (facts §4). */
  public static final Failure UNAUTHORIZED = new Failure(401, "Unauthorized", "UNAUTHORIZED", null);
  /** An authorizer said no (facts §4). */
  public static final Failure FORBIDDEN = new Failure(403, "Forbidden", "ACCESS_DENIED", null);
  /** D11. */
  public static final Failure TOO_LARGE = new Failure(413, "Request Entity Too Large", "REQUEST_TOO_LARGE", null);
  /** D11: the status is decided; AWS documents no body, so the message follows the 413's pattern. */
  public static final Failure HEADERS_TOO_LARGE =
      new Failure(431, "Request Header Fields Too Large", "REQUEST_TOO_LARGE", null);
  /** The integration threw, answered something malformed or could not be reached (facts §3). */
  public static final Failure INTEGRATION_FAILURE =
      new Failure(500, "Internal Server Error", "INTEGRATION_FAILURE", null);
  /** A Lambda authorizer failed or answered something malformed (facts §4). */
  public static final Failure AUTHORIZER_FAILURE = new Failure(500, "Internal Server Error", "AUTHORIZER_FAILURE", null);
  /** The integration ran past its timeout (facts §3). */
  public static final Failure INTEGRATION_TIMEOUT =
      new Failure(503, "Service Unavailable", "INTEGRATION_TIMEOUT", null);

  /**
   * The AWS-shaped failure for a status a host must answer itself (its HTTP parser refused the request): the
   * gateway's own message where it has one, else the status's reason phrase.
   *
   * @param status 400 to 599
   * @return the failure
   */
  public static Failure forStatus(int status) {
    for (Failure known : new Failure[] {BAD_REQUEST_BODY, NOT_FOUND, UNAUTHORIZED, FORBIDDEN, TOO_LARGE,
        HEADERS_TOO_LARGE, INTEGRATION_FAILURE, INTEGRATION_TIMEOUT}) {
      if (known.status == status) {
        return new Failure(status, known.message, "DEFAULT_" + (status / 100) + "XX", null);
      }
    }
    String message = switch (status) {
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 411 -> "Length Required";
      case 414 -> "Request-URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 417 -> "Expectation Failed";
      case 429 -> "Too Many Requests";
      case 501 -> "Not Implemented";
      case 505 -> "HTTP Version Not Supported";
      default -> status < 500 ? "Bad Request" : "Internal Server Error";
    };
    return new Failure(status, message, "DEFAULT_" + (status / 100) + "XX", null);
  }

  /**
   * The JSON body.
   *
   * @return {@code {"message":"..."}}; messages are plain ASCII words, nothing to escape
   */
  public String body() {
    return "{\"message\":\"" + message + "\"}";
  }
}
