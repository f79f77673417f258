package dev.portico.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RequestPathProperties {

  @Test
  void decodingUndoesEncoding() {
    // Any text without lone surrogates, encoded as a browser would, decodes back to itself.
    Gen<String> text = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 20)
        .assuming(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)) && s.indexOf('/') < 0);
    qt().withExamples(3000).forAll(text).checkAssert(s -> {
      String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
      assertThat(RequestPath.decode(encoded, 0, encoded.length())).isEqualTo(s);
    });
  }

  @Test
  void splittingNeverThrowsAndKeepsEverySeparator() {
    Gen<String> pieces = lists().of(Generate.pick(List.of("/", "%", "%2", "%2F", "%FF", "%C3", "a", "", "\u00e9")))
        .ofSizeBetween(0, 16).map(parts -> "/" + String.join("", parts));
    qt().withExamples(5000).forAll(pieces.mix(strings().allPossible().ofLengthBetween(0, 30).map(s -> "/" + s)))
        .checkAssert(path -> {
          String[] segments = RequestPath.segments(path);
          long slashes = path.chars().filter(c -> c == '/').count();
          assertThat(segments).hasSize(path.equals("/") ? 0 : (int) slashes);
          String[] raw = path.substring(1).split("/", -1);
          for (int i = 0; i < segments.length; i++) {
            if (raw[i].indexOf('%') < 0) {
              assertThat(segments[i]).isEqualTo(raw[i]);
            }
          }
        });
  }
}
