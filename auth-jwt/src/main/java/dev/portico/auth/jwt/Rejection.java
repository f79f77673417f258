package dev.portico.auth.jwt;

import org.jspecify.annotations.Nullable;

/** A check failed: the reason and a precise detail for logs. Cheap: no stack trace. */
final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final DenialReason reason;

  Rejection(DenialReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  DenialReason reason() {
    return reason;
  }

  /**
   * A value from a token, the JWKS or the discovery document, fit for a detail that ends up in logs: strings in
   * single quotes with quotes, backslashes and control characters (C0, DEL, C1, line and paragraph separators)
   * escaped as <code>&#92;uXXXX</code>, so a hostile value cannot forge or split a log line (issue 18); at most 100
   * characters. {@code null} is {@code (absent)}.
   */
  static String quote(@Nullable Object value) {
    if (value == null) {
      return "(absent)";
    }
    String text = String.valueOf(value);
    boolean string = value instanceof String;
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 8);
    if (string) {
      out.append('\'');
    }
    int shown = Math.min(text.length(), MAX_QUOTED);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == '\\'
          || (string && c == '\'')) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (shown < text.length()) {
      out.append('…');
    }
    if (string) {
      out.append('\'');
    }
    return out.toString();
  }

  private static final int MAX_QUOTED = 100;
}
