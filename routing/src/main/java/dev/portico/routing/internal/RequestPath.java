package dev.portico.routing.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a request path into percent-decoded segments, the way the router compares them with routes.
 *
 * <p>Decision D13: the path is split at {@code /} first, then each segment is decoded, so {@code %2F} stays
 * inside its segment. A segment with a malformed escape ({@code %}, {@code %4}, {@code %zz}) or with escapes
 * that do not decode to UTF-8 ({@code %FF}) is kept exactly as sent. Decision D3: empty segments are kept.
 * {@code +} is not a space in a path.
 */
public final class RequestPath {
  private static final String[] NO_SEGMENTS = new String[0];

  private RequestPath() {}

  /**
   * Splits and decodes a path that starts with {@code /}. The root path {@code /} has no segments;
   * {@code /a/} has two, {@code "a"} and {@code ""}.
   *
   * @param rawPath the path as sent, starting with {@code /}, without query string
   * @return the decoded segments
   */
  public static String[] segments(String rawPath) {
    int length = rawPath.length();
    if (length == 1) {
      return NO_SEGMENTS;
    }
    int count = 1;
    for (int i = 1; i < length; i++) {
      if (rawPath.charAt(i) == '/') {
        count++;
      }
    }
    String[] segments = new String[count];
    int start = 1;
    for (int n = 0; n < count; n++) {
      int end = n == count - 1 ? length : rawPath.indexOf('/', start);
      segments[n] = decode(rawPath, start, end);
      start = end + 1;
    }
    return segments;
  }

  /**
   * Percent-decodes one segment as UTF-8, or returns it as sent when it is malformed.
   *
   * @param text the text holding the segment
   * @param start the segment's first index
   * @param end the index after the segment
   * @return the decoded segment
   */
  public static String decode(String text, int start, int end) {
    int percent = text.indexOf('%', start);
    if (percent < 0 || percent >= end) {
      return text.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start);
    out.append(text, start, percent);
    // Escapes left from the first '%' on bound every run's byte count.
    byte[] bytes = new byte[(end - percent) / 3];
    int i = percent;
    while (i < end) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      // A run of escapes: decode it as one UTF-8 byte sequence.
      int n = 0;
      while (i < end && text.charAt(i) == '%') {
        if (i + 2 >= end) {
          return text.substring(start, end);
        }
        int hi = hex(text.charAt(i + 1));
        int lo = hex(text.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          return text.substring(start, end);
        }
        bytes[n++] = (byte) (hi << 4 | lo);
        i += 3;
      }
      if (!appendUtf8(out, bytes, n)) {
        return text.substring(start, end);
      }
    }
    return out.toString();
  }

  /** ASCII hex only: {@link Character#digit(char, int)} would also accept other scripts' digits. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean appendUtf8(StringBuilder out, byte[] bytes, int length) {
    boolean ascii = true;
    for (int k = 0; k < length; k++) {
      if (bytes[k] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      for (int k = 0; k < length; k++) {
        out.append((char) bytes[k]);
      }
      return true;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
      out.append(chars);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
