package dev.portico.routing.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A request path split into segments, the way the router compares them with routes.
 *
 * <p>Decision D13: the path is split at {@code /} first, then each segment is percent-decoded as UTF-8, so
 * {@code %2F} stays inside its segment. A segment with a malformed escape ({@code %}, {@code %4}, {@code %zz})
 * or with escapes that are not UTF-8 ({@code %FF}) is kept exactly as sent. Decision D3: empty segments are
 * kept. {@code +} is not a space in a path.
 *
 * <p>Built for the hot path: a path without {@code %} is not copied at all. Its segments are regions of the raw
 * text, compared with route literals in place; only the values of matched variables become strings.
 */
public final class RequestPath {
  private final String raw;
  /** {@code slashes[i]} is the index of the {@code /} before segment {@code i}; the last entry is the length. */
  private final int[] slashes;
  /** The decoded segments when the path has a {@code %}; otherwise null and segments are regions of raw. */
  private final String @Nullable [] decoded;

  private RequestPath(String raw, int[] slashes, String @Nullable [] decoded) {
    this.raw = raw;
    this.slashes = slashes;
    this.decoded = decoded;
  }

  /**
   * Splits a path. The root path {@code /} has no segments; {@code /a/} has two, {@code "a"} and {@code ""}.
   *
   * @param rawPath the path as sent, starting with {@code /}, without query string
   * @return the split path
   */
  public static RequestPath of(String rawPath) {
    int length = rawPath.length();
    int count = 0;
    boolean escaped = false;
    if (length > 1) {
      for (int i = 0; i < length; i++) {
        char c = rawPath.charAt(i);
        if (c == '/') {
          count++;
        } else if (c == '%') {
          escaped = true;
        }
      }
    }
    int[] slashes = new int[count + 1];
    for (int i = 0, n = 0; n < count; i++) {
      if (rawPath.charAt(i) == '/') {
        slashes[n++] = i;
      }
    }
    slashes[count] = length;
    String @Nullable [] decoded = null;
    if (escaped) {
      decoded = new String[count];
      for (int n = 0; n < count; n++) {
        decoded[n] = decode(rawPath, slashes[n] + 1, slashes[n + 1]);
      }
    }
    return new RequestPath(rawPath, slashes, decoded);
  }

  /**
   * Splits and decodes a path into strings.
   *
   * @param rawPath the path as sent, starting with {@code /}
   * @return the decoded segments
   * @see #of(String)
   */
  public static String[] segments(String rawPath) {
    RequestPath path = of(rawPath);
    String[] segments = new String[path.size()];
    for (int i = 0; i < segments.length; i++) {
      segments[i] = path.segment(i);
    }
    return segments;
  }

  /**
   * The number of segments.
   *
   * @return the segment count; 0 for {@code /}
   */
  public int size() {
    return slashes.length - 1;
  }

  /**
   * Whether a segment is empty, as between the slashes of {@code //}.
   *
   * @param i the segment's index
   * @return true if the segment has no characters
   */
  public boolean isEmpty(int i) {
    return slashes[i + 1] == slashes[i] + 1;
  }

  /**
   * The decoded segment's {@link String#hashCode()}, computed without creating the string.
   *
   * @param i the segment's index
   * @return the hash code
   */
  public int hash(int i) {
    if (decoded != null) {
      return decoded[i].hashCode();
    }
    int h = 0;
    for (int k = slashes[i] + 1, end = slashes[i + 1]; k < end; k++) {
      h = 31 * h + raw.charAt(k);
    }
    return h;
  }

  /**
   * Whether the decoded segment equals a text.
   *
   * @param i the segment's index
   * @param text the text, e.g. a route's literal segment
   * @return true if equal
   */
  public boolean segmentEquals(int i, String text) {
    if (decoded != null) {
      return decoded[i].equals(text);
    }
    int start = slashes[i] + 1;
    return slashes[i + 1] - start == text.length() && raw.regionMatches(start, text, 0, text.length());
  }

  /**
   * The decoded segment.
   *
   * @param i the segment's index
   * @return the segment
   */
  public String segment(int i) {
    return decoded != null ? decoded[i] : raw.substring(slashes[i] + 1, slashes[i + 1]);
  }

  /**
   * The decoded segments from {@code i} on, joined with {@code /}: a greedy variable's value.
   *
   * @param i the first segment's index
   * @return the rest of the path, decoded
   */
  public String rest(int i) {
    if (decoded == null) {
      return raw.substring(slashes[i] + 1);
    }
    StringBuilder rest = new StringBuilder(raw.length());
    for (int k = i; k < decoded.length; k++) {
      if (k > i) {
        rest.append('/');
      }
      rest.append(decoded[k]);
    }
    return rest.toString();
  }

  /**
   * Whether the rest from segment {@code i} on is non-empty, as a greedy variable needs (D1).
   *
   * @param i the first segment's index
   * @return true if at least one character, a {@code /} included, follows the {@code /} before segment i
   */
  public boolean hasRest(int i) {
    return i < size() && raw.length() > slashes[i] + 1;
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
