package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** IAM wildcard matching against a regular-expression oracle. */
class GlobProperties {

  private static boolean oracle(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }

  @Test
  void agreesWithARegexOracle() {
    qt().withExamples(5000)
        .forAll(strings().betweenCodePoints('*', '/').ofLengthBetween(0, 8),
            strings().betweenCodePoints('*', '/').ofLengthBetween(0, 10))
        .checkAssert((pattern, text) ->
            assertThat(Glob.matches(pattern, text, false)).as("%s ~ %s", pattern, text).isEqualTo(oracle(pattern, text)));
  }

  @Test
  void everyTextMatchesItselfAndStar() {
    qt().withExamples(2000)
        .forAll(strings().allPossible().ofLengthBetween(0, 30))
        .assuming(text -> text.indexOf('*') < 0 && text.indexOf('?') < 0)
        .checkAssert(text -> {
          assertThat(Glob.matches(text, text, false)).isTrue();
          assertThat(Glob.matches("*", text, false)).isTrue();
        });
  }

  @Test
  void actionsMatchIgnoringCaseResourcesDoNot() {
    qt().withExamples(1000)
        .forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 20))
        .checkAssert(text -> {
          String upper = text.toUpperCase(java.util.Locale.ROOT);
          assertThat(Glob.matches(upper, text, true)).isTrue();
          assertThat(Glob.matches(upper, text, false)).isFalse();
        });
  }

  @Test
  void hostilePatternsStayFast() {
    String pattern = "*a".repeat(200) + "b";
    String text = "a".repeat(5000);
    assertThat(Glob.matches(pattern, text, false)).isFalse();
  }
}
