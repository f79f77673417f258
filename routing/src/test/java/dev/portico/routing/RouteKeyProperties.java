package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RouteKeyProperties {

  /** Valid route keys: a method, then 0..5 segments, variables uniquely named, greedy only last. */
  static Gen<String> validKeys() {
    Gen<String> method = Generate.pick(List.of("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"));
    Gen<String> literal = strings().betweenCodePoints('!', '~').ofLengthBetween(1, 6)
        .map(s -> s.replaceAll("[^A-Za-z0-9\\-._~!$&'()*+,;=:@]", "x"));
    Gen<Integer> kind = Generate.range(0, 2);
    Gen<List<String>> segments = lists().of(literal.zip(kind, (text, k) -> k + text)).ofSizeBetween(0, 5);
    return method.zip(segments, Generate.booleans(), (m, segs, greedyLast) -> {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < segs.size(); i++) {
        char k = segs.get(i).charAt(0);
        String text = segs.get(i).substring(1);
        path.append('/');
        boolean last = i == segs.size() - 1;
        if (last && greedyLast) {
          path.append("{v").append(i).append("+}");
        } else if (k == '0') {
          path.append(text);
        } else {
          path.append("{v").append(i).append('}');
        }
      }
      return m + " " + (path.length() == 0 ? "/" : path.toString());
    });
  }

  /** Strings made of the pieces route keys are made of, so that most are near misses of valid keys. */
  static Gen<String> nearMisses() {
    Gen<String> token = Generate.pick(List.of(
        "GET", "ANY", "get", "FETCH", " ", "  ", "\t", "/", "//", "{", "}", "+", "{id}", "{proxy+}", "a", "b.c",
        "$default", "$", "%", "%41", "?", "#", "\u00e9", "\n", "{a}b", "-", ""));
    return lists().of(token).ofSizeBetween(0, 8).map(parts -> String.join("", parts));
  }

  @Test
  void printThenParseGivesTheSameKey() {
    qt().forAll(validKeys()).checkAssert(text -> {
      RouteKey key = RouteKey.parse(text);
      assertThat(key).hasToString(text);
      assertThat(RouteKey.parse(key.toString())).isEqualTo(key).hasSameHashCodeAs(key);
    });
  }

  @Test
  void everyStringEitherParsesToItselfOrThrowsTheDocumentedException() {
    Gen<String> anyText = nearMisses().mix(strings().allPossible().ofLengthBetween(0, 20));
    qt().withExamples(5000).forAll(anyText).checkAssert(text -> {
      Throwable thrown = catchThrowable(() -> RouteKey.parse(text));
      if (thrown == null) {
        assertThat(RouteKey.parse(text)).hasToString(text);
        assertThat(RouteKey.tryParse(text)).isPresent();
      } else {
        assertThat(thrown).isInstanceOf(InvalidRouteKeyException.class);
        assertThat(((InvalidRouteKeyException) thrown).key()).isEqualTo(text);
        assertThat(thrown.getMessage()).startsWith("route key '");
        assertThat(RouteKey.tryParse(text)).isEmpty();
      }
    });
  }
}
