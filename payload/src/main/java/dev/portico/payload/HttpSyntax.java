package dev.portico.payload;

import java.util.Locale;
import java.util.Objects;

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
   * Checks one header line's parts.
   *
   * @param name the header name
   * @param value the header value
   * @return the name, lowercased
   * @throws IllegalArgumentException when the name is not a token or the value holds CR, LF or NUL
   */
  public static String checkHeader(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (!isToken(name)) {
      throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
    }
    if (hasCrLfOrNul(value)) {
      throw new IllegalArgumentException("value of header '" + name + "' must not contain CR, LF or NUL");
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
}
