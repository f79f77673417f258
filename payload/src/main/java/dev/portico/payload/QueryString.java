package dev.portico.payload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw query string the way the events' query maps present it: pairs split at {@code &}, name and value
 * at the first {@code =}, both percent-decoded as UTF-8 with {@code +} read as a space (what API Gateway does,
 * as reported in aws/aws-cdk#19827), a malformed escape kept as sent (like decision D13 for paths), empty pairs
 * skipped, a pair without {@code =} read as an empty value.
 */
final class QueryString {
  private QueryString() {}

  static Map<String, List<String>> parse(String raw) {
    if (raw.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    int start = 0;
    int length = raw.length();
    while (start <= length) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int equals = raw.indexOf('=', start);
        String name;
        String value;
        if (equals < 0 || equals > end) {
          name = decode(raw, start, end);
          value = "";
        } else {
          name = decode(raw, start, equals);
          value = decode(raw, equals + 1, end);
        }
        parameters.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
      }
      start = end + 1;
    }
    parameters.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return Collections.unmodifiableMap(parameters);
  }

  /** Percent-decodes {@code raw[start, end)}, reading {@code +} as a space; returns a substring when nothing changes. */
  static String decode(String raw, int start, int end) {
    int i = start;
    while (i < end) {
      char c = raw.charAt(i);
      if (c == '%' || c == '+') {
        break;
      }
      i++;
    }
    if (i == end) {
      return raw.substring(start, end);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
    byte[] prefix = raw.substring(start, i).getBytes(StandardCharsets.UTF_8);
    bytes.write(prefix, 0, prefix.length);
    while (i < end) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
        i++;
      } else if (c == '%' && hex(raw, i + 1, end) >= 0 && hex(raw, i + 2, end) >= 0) {
        bytes.write(hex(raw, i + 1, end) << 4 | hex(raw, i + 2, end));
        i += 3;
      } else {
        // A literal character (or a malformed escape, kept as sent): its UTF-8 bytes, surrogate pairs intact.
        int codePoint = raw.codePointAt(i);
        int next = i + Character.charCount(codePoint);
        byte[] encoded = raw.substring(i, Math.min(next, end)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i = Math.min(next, end);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(String raw, int index, int end) {
    if (index >= end || raw.charAt(index) >= 128) {
      return -1;
    }
    return Character.digit(raw.charAt(index), 16);
  }
}
