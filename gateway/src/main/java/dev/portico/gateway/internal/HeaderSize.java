package dev.portico.gateway.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The size of a request line and its headers, counted as HTTP/1.1 puts them on the wire (facts §6, D11). */
public final class HeaderSize {
  private HeaderSize() {}

  /**
   * Counts {@code METHOD SP path[?query] SP protocol CRLF} plus {@code name: value CRLF} per header value.
   *
   * @param method the method
   * @param rawPath the path as sent
   * @param rawQuery the query as sent
   * @param protocol the protocol
   * @param headers the headers
   * @return the byte count
   */
  public static long of(
      String method, String rawPath, String rawQuery, String protocol, Map<String, List<String>> headers) {
    long size = method.length() + 1 + utf8(rawPath) + (rawQuery.isEmpty() ? 0 : 1 + utf8(rawQuery)) + 1
        + protocol.length() + 2;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      int name = header.getKey().length();
      for (String value : header.getValue()) {
        size += name + 2 + utf8(value) + 2;
      }
    }
    return size;
  }

  private static int utf8(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return text.length();
  }
}
