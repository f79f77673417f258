package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Issue 18, item 1, as properties: whatever a path parameter holds, the backend path either stays inside the
 * integration URI's own prefix — for an RFC 3986 resolver (Jetty-style: dot-segments removed before decoding) and
 * for a backend that decodes first, once or twice, and normalises after (Python {@code http.server}-style) — or the
 * request is refused with {@code BAD_REQUEST}. And the query never makes the URI invalid.
 */
class UriTemplateProperties {
  static final Gen<String> PIECES = lists().of(Generate.pick(List.of(
      ".", "..", "...", "/", "\\", "a", "é", "%", "%2e", "%2E", "%2f", "%2F", "%5c", "%252e", "%25252E", "%252f",
      "%c0%ae", "%C0%AE", "%e0%80%ae", "%00", "?", "#", ";", " ", "%zz", "%2", "+", "~"))).ofSizeBetween(0, 8)
      .map(parts -> String.join("", parts));

  @Test
  void aPathParameterNeverLeavesTheIntegrationPrefix() {
    UriTemplate single = UriTemplate.parse("http://backend/base/{id}.txt");
    UriTemplate greedy = UriTemplate.parse("http://backend/base/{proxy}");
    qt().withExamples(5_000).forAll(PIECES).checkAssert(value -> {
      checkStaysInside(single, Map.of("id", value), null, value);
      checkStaysInside(greedy, Map.of("proxy", value), "proxy", value);
    });
  }

  private static void checkStaysInside(UriTemplate template, Map<String, String> parameters, String greedy,
      String value) {
    URI uri;
    try {
      uri = template.expand(parameters, greedy, Map.of(), "");
    } catch (IntegrationException e) {
      assertThat(e.kind()).as(value).isEqualTo(IntegrationException.Kind.BAD_REQUEST);
      return;
    }
    String raw = uri.getRawPath();
    assertThat(URI.create("http://backend" + raw).normalize().getRawPath()).as("RFC 3986 resolver, %s", value)
        .startsWith("/base/");
    String decoded = raw;
    for (int times = 1; times <= 3; times++) {
      decoded = percentDecode(decoded);
      assertThat(normalize(decoded)).as("decoded %d times then normalised, %s", times, value).startsWith("/base/");
    }
  }

  @Test
  void everyQueryMakesAValidUri() {
    UriTemplate template = UriTemplate.parse("http://backend/a?fixed=1");
    qt().withExamples(3_000).forAll(PIECES.mix(org.quicktheories.generators.SourceDSL.strings().allPossible()
        .ofLengthBetween(0, 10))).checkAssert(query ->
            assertThatCode(() -> template.expand(Map.of(), null, Map.of(), query)).as(query).doesNotThrowAnyException());
  }

  /** Python's {@code urllib.parse.unquote}: each valid {@code %XX} becomes its byte; the rest stays. */
  static String percentDecode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0
          && Character.digit(bytes[i + 2], 16) >= 0) {
        out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    // An overlong UTF-8 dot decodes to '.' in lenient decoders; count it as one.
    return out.toString(StandardCharsets.ISO_8859_1).replace("\u00c0\u00ae", ".").replace("\u00e0\u0080\u00ae", ".");
  }

  /** {@code posixpath.normpath}, with {@code \} as a separator too (Windows-style backends). */
  static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String piece : path.split("[/\\\\]", -1)) {
      if (piece.isEmpty() || piece.equals(".")) {
        continue;
      }
      if (piece.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(piece);
      }
    }
    return "/" + String.join("/", parts) + "/";
  }
}
