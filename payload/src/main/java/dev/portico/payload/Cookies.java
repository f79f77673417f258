package dev.portico.payload;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Splits {@code cookie} header values into the 2.0 event's {@code cookies} array: one element per pair. */
final class Cookies {
  private Cookies() {}

  static List<String> split(@Nullable List<String> cookieHeaders) {
    if (cookieHeaders == null) {
      return List.of();
    }
    List<String> cookies = new ArrayList<>();
    for (String header : cookieHeaders) {
      int start = 0;
      int length = header.length();
      while (start <= length) {
        int end = header.indexOf(';', start);
        if (end < 0) {
          end = length;
        }
        int from = start;
        int to = end;
        while (from < to && isSpace(header.charAt(from))) {
          from++;
        }
        while (to > from && isSpace(header.charAt(to - 1))) {
          to--;
        }
        if (to > from) {
          cookies.add(header.substring(from, to));
        }
        start = end + 1;
      }
    }
    return List.copyOf(cookies);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
