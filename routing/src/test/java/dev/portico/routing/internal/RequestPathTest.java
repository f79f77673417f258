package dev.portico.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "/              | (none)",
      "/a             | a",
      "/a/            | a,''",
      "//             | '',''",
      "/a//b          | a,'',b",
      "/a/b/c         | a,b,c",
      "/%61/b         | a,b",
      "/a%2Fb/c       | a/b,c",
      "/%E2%82%AC     | \u20ac",
      "/%e2%82%ac     | \u20ac",
      "/x%F0%9F%98%80y | x\ud83d\ude00y",
      "/%             | %",
      "/%4            | %4",
      "/%4g           | %4g",
      "/a%20%zz       | a%20%zz",
      "/%FF           | %FF",
      "/%C3           | %C3",
      "/%C3x%A9       | %C3x%A9",
      "/%ED%A0%80     | %ED%A0%80",
      "/%C0%AF        | %C0%AF",
      "/a+b           | a+b",
      "/\u00e9%41     | \u00e9A",
      "/%\u0663\u0663  | %\u0663\u0663",
  })
  void splitsThenDecodesEachSegment(String rawPath, String expected) {
    String[] segments = RequestPath.segments(rawPath);
    String joined = String.join(",", Arrays.stream(segments).map(s -> s.isEmpty() ? "''" : s).toList());

    assertThat(segments.length == 0 ? "(none)" : joined).isEqualTo(expected);
  }

  @Test
  void decodesNulLikeAnyOtherByte() {
    assertThat(RequestPath.segments("/a%00b")).containsExactly("a\u0000b");
  }
}
