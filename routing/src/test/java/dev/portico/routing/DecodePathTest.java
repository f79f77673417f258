package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecodePathTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/ | /",
        "/pets/caf%C3%A9 | /pets/café",
        "/a%2Fb//c | /a/b//c", // decision D13 then D3: %2F decodes inside its segment, // is kept
        "/a/%zz/%4 | /a/%zz/%4", // decision D13: malformed escapes stay as sent
        "/a/%FF | /a/%FF", // not UTF-8: kept as sent
        "/a+b/x%20y | /a+b/x y", // + is not a space in a path
        "/pets/ | /pets/"
      })
  void decodesLikeApiGateway(String raw, String decoded) {
    assertThat(Router.decodePath(raw)).isEqualTo(decoded);
  }

  @Test
  void pathsWithoutEscapesAreReturnedAsTheyAre() {
    String raw = "/pets/dog/1";
    assertThat(Router.decodePath(raw)).isSameAs(raw);
  }

  @Test
  void encodedSegmentsWithoutSlashesDecodeToTheOriginal() {
    qt().withExamples(500)
        .forAll(lists().of(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 8)).ofSizeBetween(1, 5))
        .assuming(segments -> segments.stream().noneMatch(s -> s.contains("/") || hasSurrogate(s)))
        .checkAssert(segments -> {
          StringBuilder raw = new StringBuilder();
          StringBuilder plain = new StringBuilder();
          for (String segment : segments) {
            raw.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
            plain.append('/').append(segment);
          }
          assertThat(Router.decodePath(raw.toString())).isEqualTo(plain.toString());
        });
  }

  private static boolean hasSurrogate(String s) {
    return s.chars().anyMatch(c -> Character.isSurrogate((char) c));
  }
}
