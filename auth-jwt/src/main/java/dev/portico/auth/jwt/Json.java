package dev.portico.auth.jwt;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A strict RFC 8259 parser for JOSE headers and JWT claim sets, from UTF-8 bytes to plain Java values.
 *
 * <p>Objects become insertion-ordered unmodifiable {@code Map<String, Object>}s, arrays unmodifiable {@code List}s,
 * strings {@code String}, integers {@code Long} (or {@code BigDecimal} beyond 64 bits), other numbers
 * {@code BigDecimal}, and {@code true}/{@code false} {@code Boolean}, and {@code null} Java {@code null}.
 *
 * <p>Stricter than most JSON libraries on purpose, because an attacker writes these documents: a duplicate member
 * name is an error (RFC 7515 §4 and RFC 7519 §4 require rejecting or using the last; two readers that disagree on
 * which is a classic bypass), invalid UTF-8 is an error, nesting is capped at {@link #MAX_DEPTH}, nothing may
 * follow the value, and a number must fit {@link #MAX_EXPONENT} and 400 characters. Written for JWTs instead of
 * using jose4j's json-simple copy: it is several times faster on the per-token path and gives no way to ask for
 * duplicate detection.
 */
final class Json {

  /** The deepest nesting of objects and arrays accepted. */
  static final int MAX_DEPTH = 32;

  /**
   * The largest decimal exponent a number may have, either way ({@code 1e1000}, {@code 1e-1000}). Beyond it a
   * number is malformed: nothing a JWT or JWKS holds needs more, and a number written out in plain digits (as the
   * claims in Lambda events are) stays within about 1,400 characters.
   */
  static final int MAX_EXPONENT = 1000;

  private final byte[] in;
  private int pos;
  private final int end;
  private int depth;

  private Json(byte[] in, int off, int len) {
    this.in = in;
    this.pos = off;
    this.end = off + len;
  }

  /** Parses a JSON object; anything else (including a top-level array or scalar) is an error. */
  static Map<String, Object> parseObject(byte[] utf8) throws JsonException {
    Json p = new Json(utf8, 0, utf8.length);
    p.skipWhitespace();
    if (p.pos >= p.end || p.in[p.pos] != '{') {
      throw new JsonException("not a JSON object");
    }
    Map<String, Object> value = p.readObject();
    p.skipWhitespace();
    if (p.pos != p.end) {
      throw new JsonException("unexpected data after the JSON object at offset " + p.pos);
    }
    return value;
  }

  private @Nullable Object readValue() throws JsonException {
    skipWhitespace();
    if (pos >= end) {
      throw new JsonException("unexpected end of JSON");
    }
    byte b = in[pos];
    switch (b) {
      case '{':
        return readObject();
      case '[':
        return readArray();
      case '"':
        return readString();
      case 't':
        expectLiteral("true");
        return Boolean.TRUE;
      case 'f':
        expectLiteral("false");
        return Boolean.FALSE;
      case 'n':
        expectLiteral("null");
        return null;
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return readNumber();
        }
        throw new JsonException("unexpected character at offset " + pos);
    }
  }

  private Map<String, Object> readObject() throws JsonException {
    enter();
    pos++; // '{'
    Map<String, Object> map = new LinkedHashMap<>();
    if (closesEmpty('}')) {
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipWhitespace();
      if (pos >= end || in[pos] != '"') {
        throw new JsonException("expected a member name at offset " + pos);
      }
      String name = readString();
      skipWhitespace();
      if (pos >= end || in[pos] != ':') {
        throw new JsonException("expected ':' at offset " + pos);
      }
      pos++;
      Object value = readValue();
      if (map.containsKey(name)) {
        throw new JsonException("duplicate member name \"" + name + "\"");
      }
      map.put(name, value);
      if (closesAfterItem('}', "object")) {
        return Collections.unmodifiableMap(map);
      }
    }
  }

  private List<Object> readArray() throws JsonException {
    enter();
    pos++; // '['
    List<Object> list = new ArrayList<>();
    if (closesEmpty(']')) {
      return Collections.unmodifiableList(list);
    }
    while (true) {
      list.add(readValue());
      if (closesAfterItem(']', "array")) {
        return Collections.unmodifiableList(list);
      }
    }
  }

  /** At an empty container's closing bracket: consumes it and leaves the container. */
  private boolean closesEmpty(char close) {
    skipWhitespace();
    if (pos < end && in[pos] == close) {
      pos++;
      depth--;
      return true;
    }
    return false;
  }

  /** After a member or element: true when the closing bracket follows (consumed), false after a comma. */
  private boolean closesAfterItem(char close, String container) throws JsonException {
    skipWhitespace();
    if (pos >= end) {
      throw new JsonException("unterminated " + container);
    }
    byte b = in[pos++];
    if (b == close) {
      depth--;
      return true;
    }
    if (b != ',') {
      throw new JsonException("expected ',' or '" + close + "' at offset " + (pos - 1));
    }
    return false;
  }

  private void enter() throws JsonException {
    if (++depth > MAX_DEPTH) {
      throw new JsonException("JSON nested deeper than " + MAX_DEPTH);
    }
  }

  private String readString() throws JsonException {
    pos++; // opening quote
    int start = pos;
    boolean ascii = true;
    // Fast path: no escapes.
    while (pos < end) {
      byte b = in[pos];
      if (b == '"') {
        String s = text(start, pos - start, ascii);
        pos++;
        return s;
      }
      if (b == '\\') {
        break;
      }
      if (b >= 0 && b < 0x20) {
        throw new JsonException("control character in string at offset " + pos);
      }
      if (b < 0) {
        ascii = false;
      }
      pos++;
    }
    if (pos >= end) {
      throw new JsonException("unterminated string");
    }
    // Slow path: escapes. Decode the raw run so far, then continue character by character.
    StringBuilder sb = new StringBuilder(text(start, pos - start, ascii));
    while (true) {
      if (pos >= end) {
        throw new JsonException("unterminated string");
      }
      byte b = in[pos];
      if (b == '"') {
        pos++;
        return sb.toString();
      }
      if (b == '\\') {
        pos++;
        if (pos >= end) {
          throw new JsonException("unterminated string");
        }
        byte e = in[pos++];
        switch (e) {
          case '"': sb.append('"'); break;
          case '\\': sb.append('\\'); break;
          case '/': sb.append('/'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'n': sb.append('\n'); break;
          case 'r': sb.append('\r'); break;
          case 't': sb.append('\t'); break;
          case 'u': sb.append(readHex4()); break;
          default: throw new JsonException("invalid escape at offset " + (pos - 1));
        }
        continue;
      }
      if (b >= 0 && b < 0x20) {
        throw new JsonException("control character in string at offset " + pos);
      }
      int runStart = pos;
      boolean runAscii = true;
      while (pos < end && in[pos] != '"' && in[pos] != '\\' && (in[pos] < 0 || in[pos] >= 0x20)) {
        if (in[pos] < 0) {
          runAscii = false;
        }
        pos++;
      }
      sb.append(text(runStart, pos - runStart, runAscii));
    }
  }

  private char readHex4() throws JsonException {
    if (end - pos < 4) {
      throw new JsonException("truncated \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(in[pos++], 16);
      if (d < 0) {
        throw new JsonException("invalid \\u escape at offset " + (pos - 1));
      }
      v = (v << 4) | d;
    }
    return (char) v;
  }

  private String text(int off, int len, boolean ascii) throws JsonException {
    return ascii ? new String(in, off, len, StandardCharsets.ISO_8859_1) : decodeUtf8(off, len);
  }

  private String decodeUtf8(int off, int len) throws JsonException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(in, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JsonException("invalid UTF-8 in string at offset " + off);
    }
  }

  private Object readNumber() throws JsonException {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
    }
    if (pos >= end) {
      throw new JsonException("truncated number");
    }
    if (in[pos] == '0') {
      pos++;
    } else if (in[pos] >= '1' && in[pos] <= '9') {
      while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
        pos++;
      }
    } else {
      throw new JsonException("invalid number at offset " + start);
    }
    boolean integral = true;
    if (pos < end && in[pos] == '.') {
      integral = false;
      pos++;
      int digits = pos;
      while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
        pos++;
      }
      if (pos == digits) {
        throw new JsonException("invalid number at offset " + start);
      }
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      integral = false;
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      int digits = pos;
      while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
        pos++;
      }
      if (pos == digits) {
        throw new JsonException("invalid number at offset " + start);
      }
    }
    int len = pos - start;
    if (integral && len <= 18) {
      long v = 0;
      int i = start;
      boolean negative = in[i] == '-';
      if (negative) {
        i++;
      }
      for (; i < pos; i++) {
        v = v * 10 + (in[i] - '0');
      }
      return negative ? -v : v;
    }
    if (len > 400) {
      throw new JsonException("number longer than 400 characters at offset " + start);
    }
    String text = new String(in, start, len, StandardCharsets.ISO_8859_1);
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException overflow) {
      // An exponent beyond an int (1e9999999999): not representable, so malformed (issue 18 regression).
      throw new JsonException("number out of range at offset " + start);
    }
    if (Math.abs((long) d.scale()) > MAX_EXPONENT) {
      // RFC 8259 §6 lets a parser limit the range; this bound keeps every number printable in a few KB.
      throw new JsonException("number out of range at offset " + start + ": its exponent is beyond ±"
          + MAX_EXPONENT);
    }
    if (integral) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException tooBig) {
        return d;
      }
    }
    return d;
  }

  private void expectLiteral(String literal) throws JsonException {
    int n = literal.length();
    if (end - pos < n) {
      throw new JsonException("invalid literal at offset " + pos);
    }
    for (int i = 0; i < n; i++) {
      if (in[pos + i] != literal.charAt(i)) {
        throw new JsonException("invalid literal at offset " + pos);
      }
    }
    pos += n;
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        pos++;
      } else {
        return;
      }
    }
  }

  /** Malformed JSON; the message says where and why. */
  static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    JsonException(String message) {
      super(message, null, false, false);
    }
  }
}
