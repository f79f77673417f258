package dev.portico.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Issue 18, item 6: one escaping rule for every log line. */
class LogTextTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void controlCharactersQuotesAndBackslashesAreEscaped() {
    assertThat(LogText.escape("curl\r\n200 GET /admin")).isEqualTo("curl\\r\\n200 GET /admin");
    assertThat(LogText.escape("\u001b[31m\u007f\u0085\u2028\"\\\t")).isEqualTo("\\u001b[31m\\u007f\\u0085\\u2028\\\"\\\\\\t");
    assertThat(LogText.escape("plain é 中")).isEqualTo("plain é 中");
    assertThat(LogText.escape(null)).isEqualTo("null");
  }

  @Test
  void anyTextBecomesOneLineThatJsonReadsBackAsTheText() {
    qt().withExamples(3_000).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(text -> {
      String escaped = LogText.escape(text);
      assertThat(escaped.chars().filter(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029))
          .as(escaped).isEmpty();
      try {
        assertThat(JSON.readValue("\"" + escaped + "\"", String.class)).isEqualTo(text);
      } catch (java.io.IOException e) {
        throw new AssertionError(escaped, e);
      }
    });
  }
}
