package dev.portico.payload;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RFC 9110 syntax checks for methods, header names and header values, shared by every module that takes HTTP
 * parts from a host (requests, responses, gateway requests, forwarded headers).
 *
 * <pre>{@code
 * HttpSyntax.isToken("GET");                        // true
 * HttpSyntax.isToken("x y");                        // false
 * String name = HttpSyntax.checkHeader("X-Id", "7"); // "x-id"
 * }</pre>
 */
public final class HttpSyntax {
  private HttpSyntax() {}

  /**
   * Whether a text is an RFC 9110 token, as methods and header names must be.
   *
   * @param text the text
   * @return true for a non-empty run of token characters
   */
  public static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks one header line of a message received (a request): RFC 9110 §5.5 requires refusing CR, LF and NUL,
   * which would split or truncate the line; other control characters may be kept as received.
   *
   * @param name the header name
   * @param value the header value
   * @return the name, lowercased
   * @throws IllegalArgumentException when the name is not a token or the value holds CR, LF or NUL
   */
  public static String checkHeader(String name, String value) {
    String lower = checkName(name, value);
    if (hasCrLfOrNul(value)) {
      throw new IllegalArgumentException("value of header '" + name + "' must not contain CR, LF or NUL");
    }
    return lower;
  }

  /**
   * Checks one header line of a message Portico sends (a response to a client, a request to a backend): RFC 9110 §5.5 lets a sender generate no
   * control character but HTAB. DEL, ESC and the rest would reach the client's terminal and logs (issue 18).
   *
   * @param name the header name
   * @param value the header value
   * @return the name, lowercased
   * @throws IllegalArgumentException when the name is not a token or the value holds a control character other
   *     than HTAB
   */
  public static String checkSentHeader(String name, String value) {
    String lower = checkName(name, value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new IllegalArgumentException("value of header '" + name + "' holds control character 0x"
            + Integer.toHexString(c) + " at index " + i + "; only HTAB is allowed (RFC 9110 §5.5)");
      }
    }
    return lower;
  }

  private static String checkName(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!isToken(name)) {
      throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /** CR, LF and NUL would split or truncate a header line. */
  static boolean hasCrLfOrNul(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The hop-by-hop headers of a message, which describe one connection and are never passed on by a gateway
   * (RFC 9110 §7.6.1): {@code connection} and every header it names, {@code keep-alive}, {@code proxy-connection},
   * {@code proxy-authenticate}, {@code proxy-authorization}, {@code te}, {@code trailer}, {@code transfer-encoding}
   * and {@code upgrade}. One rule for every direction: requests to HTTP backends, and responses from backends and
   * functions alike.
   *
   * <pre>{@code
   * Set<String> drop = HttpSyntax.hopByHop(Map.of("connection", List.of("close, x-trace"), "x-trace", List.of("1")));
   * // [connection, keep-alive, ..., upgrade, close, x-trace]
   * }</pre>
   *
   * @param headers lowercased names to values
   * @return the lowercased names to leave out
   */
  public static Set<String> hopByHop(Map<String, List<String>> headers) {
    List<String> connection = headers.get("connection");
    if (connection == null) {
      return HOP_BY_HOP;
    }
    Set<String> names = new HashSet<>(HOP_BY_HOP);
    for (String value : connection) {
      for (String token : value.split(",")) {
        String trimmed = token.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty()) {
          names.add(trimmed);
        }
      }
    }
    return Collections.unmodifiableSet(names);
  }

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
}
