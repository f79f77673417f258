package dev.portico.payload;

/**
 * Which request bodies an event carries as text. Facts §2 (verified on AWS): {@code text/*},
 * {@code application/json}, {@code application/xml} and {@code application/javascript}; decision D9 adds every
 * {@code +json} and {@code +xml} type. Everything else, a missing content type included, is base64.
 */
final class MediaTypes {
  private MediaTypes() {}

  static boolean isText(String contentType) {
    int end = contentType.indexOf(';');
    if (end < 0) {
      end = contentType.length();
    }
    int start = 0;
    while (start < end && isSpace(contentType.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(contentType.charAt(end - 1))) {
      end--;
    }
    int length = end - start;
    return startsWith(contentType, start, end, "text/")
        || (equalsIgnoreCase(contentType, start, length, "application/json")
            || equalsIgnoreCase(contentType, start, length, "application/xml")
            || equalsIgnoreCase(contentType, start, length, "application/javascript"))
        || (contentType.indexOf('/', start) > start && contentType.indexOf('/', start) < end
            && (endsWith(contentType, start, end, "+json") || endsWith(contentType, start, end, "+xml")));
  }

  private static boolean startsWith(String text, int start, int end, String prefix) {
    return end - start > prefix.length() && text.regionMatches(true, start, prefix, 0, prefix.length());
  }

  private static boolean endsWith(String text, int start, int end, String suffix) {
    return end - start > suffix.length() && text.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
  }

  private static boolean equalsIgnoreCase(String text, int start, int length, String other) {
    return length == other.length() && text.regionMatches(true, start, other, 0, length);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
