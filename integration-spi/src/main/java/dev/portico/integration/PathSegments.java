package dev.portico.integration;

/**
 * The rule that keeps a value substituted into a backend path inside that path (issue 18): it must not hold a
 * dot-segment in any form a backend might resolve.
 *
 * <p>Backends differ in when they decode: Jetty and other RFC 3986 resolvers remove {@code ..} segments before
 * decoding, so {@code ..%2F} is harmless to them; Python's {@code http.server} (and many frameworks) decode first
 * and normalise after, so {@code ..%2F} and even {@code %2e%2e%2f} climb out. Encoding cannot be safe for both, so
 * a value is refused when, decoded as often as it has layers of {@code %25}, any piece between {@code /} or
 * {@code \} separators is {@code .} or {@code ..} — including the overlong UTF-8 dots ({@code %c0%ae},
 * {@code %e0%80%ae}) that some decoders still accept.
 */
final class PathSegments {
  private PathSegments() {}

  /**
   * Whether a decoded path parameter holds a dot-segment.
   *
   * @param value the value, decoded once (as routes deliver path parameters)
   * @return true when some layer of decoding yields a {@code .} or {@code ..} piece
   */
  static boolean holdsDotSegment(String value) {
    String text = value;
    for (int layer = 0; layer < 8; layer++) {
      if (hasDotPiece(text)) {
        return true;
      }
      String next = decodeSeparatorsAndDots(text);
      if (next.equals(text)) {
        return false;
      }
      text = next;
    }
    return true; // more layers than any client needs: refuse rather than guess
  }

  private static boolean hasDotPiece(String text) {
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '/' || text.charAt(i) == '\\') {
        int length = i - start;
        if ((length == 1 || length == 2) && text.charAt(start) == '.' && text.charAt(i - 1) == '.') {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** The escapes one layer of decoding resolves (matched in any case): dots, separators, and {@code %25}. */
  private static final String[][] ESCAPES = {
    {"%2e", "."}, {"%c0%ae", "."}, {"%e0%80%ae", "."}, {"%2f", "/"}, {"%5c", "\\"}, {"%25", "%"}
  };

  /** One layer of decoding of what matters here. */
  private static String decodeSeparatorsAndDots(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    next:
    while (i < text.length()) {
      if (text.charAt(i) == '%') {
        for (String[] escape : ESCAPES) {
          if (text.regionMatches(true, i, escape[0], 0, escape[0].length())) {
            out.append(escape[1]);
            i += escape[0].length();
            continue next;
          }
        }
      }
      out.append(text.charAt(i++));
    }
    return out.toString();
  }
}
