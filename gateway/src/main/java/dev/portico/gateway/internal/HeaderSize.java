package dev.portico.gateway.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The size of a request or status line and its headers, counted as HTTP/1.1 puts them on the wire (facts §6,
 * D11, D16).
 */
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
    long line = method.length() + 1 + utf8(rawPath) + (rawQuery.isEmpty() ? 0 : 1 + utf8(rawQuery)) + 1
        + protocol.length() + 2;
    return line + headers(headers);
  }

  /**
   * Counts {@code HTTP/1.1 SP status SP reason CRLF} (the reason taken as 32 bytes, the longest common one) plus
   * {@code name: value CRLF} per header value.
   *
   * @param headers the headers
   * @return the byte count
   */
  public static long ofResponse(Map<String, List<String>> headers) {
    return "HTTP/1.1 200 ".length() + 32 + 2 + headers(headers);
  }

  private static long headers(Map<String, List<String>> headers) {
    long size = 0;
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
