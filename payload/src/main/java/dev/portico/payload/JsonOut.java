package dev.portico.payload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A UTF-8 JSON writer for events, writing straight into one growing byte array: member names arrive pre-encoded
 * ({@link #name(String)}), strings are escaped in one pass, numbers and base64 are written without intermediate
 * strings. Measured against Jackson's {@code JsonGenerator}, which was no faster than binding POJOs for events
 * (docs/benchmarks.md); every event it writes is parsed back by Jackson in the tests.
 *
 * <p>Not thread-safe; one instance per event. The scratch array is kept per thread when it is small.
 */
final class JsonOut {
  private static final int KEEP = 64 * 1024;
  private static final int CHUNK = 4096;
  private static final ThreadLocal<byte[]> SCRATCH = new ThreadLocal<>();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  /** 0: written as is; otherwise the character after the backslash, or 'u' for a \\u00XX escape. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
    ESCAPES['\t'] = 't';
    ESCAPES['\b'] = 'b';
    ESCAPES['\f'] = 'f';
  }

  /** What a released writer holds: it is used once. */
  private static final byte[] RELEASED = new byte[0];
  private byte[] buf;
  private int len;
  /** Per nesting level: does the next member or element need a comma before it. */
  private boolean[] comma = new boolean[16];
  private int depth;
  private boolean afterName;

  JsonOut() {
    byte[] scratch = SCRATCH.get();
    if (scratch != null) {
      SCRATCH.set(null); // a nested encode on this thread gets its own
      buf = scratch;
    } else {
      buf = new byte[4096];
    }
  }

  /** Encodes {@code "name":} once, for {@link #writeFieldName(byte[])}. */
  static byte[] name(String name) {
    JsonOut out = new JsonOut();
    out.writeFieldName(name);
    byte[] bytes = Arrays.copyOf(out.buf, out.len);
    out.release();
    return bytes;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  byte[] buffer() {
    return buf;
  }

  int length() {
    return len;
  }

  /** Hands the array back for the next event on this thread. */
  void release() {
    if (buf.length <= KEEP) {
      SCRATCH.set(buf);
    }
    buf = RELEASED;
  }

  void writeStartObject() {
    beforeValue();
    put((byte) '{');
    push();
  }

  void writeEndObject() {
    depth--;
    put((byte) '}');
  }

  void writeStartArray() {
    beforeValue();
    put((byte) '[');
    push();
  }

  void writeEndArray() {
    depth--;
    put((byte) ']');
  }

  void writeFieldName(byte[] encodedName) {
    if (comma[depth]) {
      put((byte) ',');
    }
    comma[depth] = true;
    ensure(encodedName.length);
    System.arraycopy(encodedName, 0, buf, len, encodedName.length);
    len += encodedName.length;
    afterName = true;
  }

  void writeFieldName(String name) {
    if (comma[depth]) {
      put((byte) ',');
    }
    comma[depth] = true;
    quoted(name);
    put((byte) ':');
    afterName = true;
  }

  /** {@code "name":"value"}: a member whose value is a string. */
  void writeStringField(byte[] encodedName, String value) {
    writeFieldName(encodedName);
    writeString(value);
  }

  void writeNull() {
    raw(NULL);
  }

  void writeBoolean(boolean value) {
    raw(value ? TRUE : FALSE);
  }

  void writeNumber(long value) {
    beforeValue();
    if (value == Long.MIN_VALUE) {
      ascii(Long.toString(value));
      return;
    }
    ensure(20);
    if (value < 0) {
      buf[len++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len += digits;
  }

  void writeNumber(double value) {
    beforeValue();
    ascii(Double.toString(value));
  }

  void writeNumber(BigDecimal value) {
    beforeValue();
    ascii(value.toString());
  }

  void writeNumber(BigInteger value) {
    beforeValue();
    ascii(value.toString());
  }

  /** A string value; a lone surrogate, which is not text and has no UTF-8 form, becomes U+FFFD. */
  void writeString(String value) {
    beforeValue();
    quoted(value);
  }

  /** A string value from bytes that are well-formed UTF-8 (the caller checks). */
  void writeUtf8String(byte[] utf8, int offset, int length) {
    beforeValue();
    put((byte) '"');
    int end = offset + length;
    for (int from = offset; from < end; ) {
      int to = (int) Math.min(end, (long) from + CHUNK);
      ensure(6 * (to - from));
      byte[] b = buf;
      int at = len;
      for (int i = from; i < to; i++) {
        byte c = utf8[i];
        if (c >= 0 && ESCAPES[c] != 0) {
          at = escape(b, at, c);
        } else {
          b[at++] = c;
        }
      }
      len = at;
      from = to;
    }
    put((byte) '"');
  }

  /** A string value holding the bytes in standard base64 with padding. */
  void writeBase64(byte[] bytes, int offset, int length) {
    beforeValue();
    ensure((length + 2) / 3 * 4 + 2);
    byte[] b = buf;
    int at = len;
    b[at++] = '"';
    int i = offset;
    int end = offset + length;
    for (; i + 2 < end; i += 3) {
      int n = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
      b[at++] = BASE64[n >>> 18];
      b[at++] = BASE64[(n >>> 12) & 0x3F];
      b[at++] = BASE64[(n >>> 6) & 0x3F];
      b[at++] = BASE64[n & 0x3F];
    }
    if (i < end) {
      int n = (bytes[i] & 0xFF) << 16 | (i + 1 < end ? (bytes[i + 1] & 0xFF) << 8 : 0);
      b[at++] = BASE64[n >>> 18];
      b[at++] = BASE64[(n >>> 12) & 0x3F];
      b[at++] = i + 1 < end ? BASE64[(n >>> 6) & 0x3F] : (byte) '=';
      b[at++] = '=';
    }
    b[at++] = '"';
    len = at;
  }

  /** A value that is already encoded JSON, e.g. a pre-encoded constant string. */
  void raw(byte[] encoded) {
    beforeValue();
    ensure(encoded.length);
    System.arraycopy(encoded, 0, buf, len, encoded.length);
    len += encoded.length;
  }

  /** A string value of ASCII characters that need no escaping (digits, fixed formats). */
  void writeAsciiString(char[] chars, int count) {
    beforeValue();
    ensure(count + 2);
    buf[len++] = '"';
    for (int i = 0; i < count; i++) {
      buf[len++] = (byte) chars[i];
    }
    buf[len++] = '"';
  }

  private void quoted(String s) {
    int n = s.length();
    put((byte) '"');
    for (int from = 0; from < n; ) {
      int to = (int) Math.min(n, (long) from + CHUNK);
      if (to < n && Character.isHighSurrogate(s.charAt(to - 1))) {
        to++; // keep a surrogate pair in one chunk
      }
      from = quotedChunk(s, from, to);
    }
    put((byte) '"');
  }

  private int quotedChunk(String s, int from, int to) {
    int n = s.length();
    ensure(6 * (to - from));
    byte[] b = buf;
    int at = len;
    int i = from;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (ESCAPES[c] == 0) {
          b[at++] = (byte) c;
        } else {
          at = escape(b, at, c);
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[at++] = (byte) (0xF0 | cp >> 18);
          b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
          b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
          b[at++] = (byte) (0x80 | cp & 0x3F);
        } else {
          b[at++] = (byte) 0xEF; // U+FFFD
          b[at++] = (byte) 0xBF;
          b[at++] = (byte) 0xBD;
        }
      } else {
        b[at++] = (byte) (0xE0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    len = at;
    return i;
  }

  private static int escape(byte[] b, int at, int c) {
    byte e = ESCAPES[c];
    b[at++] = '\\';
    if (e == 'u') {
      b[at++] = 'u';
      b[at++] = '0';
      b[at++] = '0';
      b[at++] = HEX[c >> 4];
      b[at++] = HEX[c & 0xF];
    } else {
      b[at++] = e;
    }
    return at;
  }

  private void ascii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      buf[len++] = (byte) text.charAt(i);
    }
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
    } else if (depth > 0) {
      if (comma[depth]) {
        put((byte) ',');
      }
      comma[depth] = true;
    }
  }

  private void push() {
    if (++depth == comma.length) {
      comma = Arrays.copyOf(comma, depth * 2);
    }
    comma[depth] = false;
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  private void ensure(int extra) {
    long needed = (long) len + extra;
    if (needed > buf.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("event larger than 2 GB");
      }
      buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * buf.length)));
    }
  }
}
