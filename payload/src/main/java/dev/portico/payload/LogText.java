package dev.portico.payload;

import org.jspecify.annotations.Nullable;

/**
 * Text from a request (a header, a path, a token's {@code kid}, an exception message about them) made safe for a
 * log line: written as JSON string content, so {@code "} and {@code \} are escaped and control characters — C0,
 * DEL, C1, U+2028 and U+2029 — become {@code \n}, {@code \r}, {@code \t} or <code>&#92;uXXXX</code>. A request can
 * then neither split a line, forge another one, nor send terminal escapes (issue 18), and a value placed between
 * quotes in a JSON log format keeps the line valid JSON. One rule for every log Portico writes.
 *
 * <pre>{@code
 * LogText.escape("curl\r\n200 GET /admin");   // curl\r\n200 GET /admin, on one line
 * }</pre>
 */
public final class LogText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private LogText() {}

  /**
   * Escapes a text for a log line.
   *
   * @param text the text; null gives {@code null}
   * @return the escaped text
   */
  public static String escape(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    if (!needsEscaping(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    append(text, out);
    return out.toString();
  }

  /**
   * Appends a text, escaped, to a line being built.
   *
   * @param text the text
   * @param out the line
   */
  public static void append(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (isControl(c)) {
            out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static boolean needsEscaping(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || isControl(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
  }
}
