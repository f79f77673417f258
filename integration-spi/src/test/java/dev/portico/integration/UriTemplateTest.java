package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP integration URIs with path and stage variables (facts §6). */
class UriTemplateTest {

  @Test
  void expandsPathAndStageVariables() {
    UriTemplate template = UriTemplate.parse("https://${stageVariables.host}/v1/pets/{petId}/{proxy}");
    assertThat(template.expand(Map.of("petId", "a b/é", "proxy", "x/y z"), "proxy",
        Map.of("host", "backend.internal:8443"), "q=1").toString())
        .isEqualTo("https://backend.internal:8443/v1/pets/a%20b%2F%C3%A9/x/y%20z?q=1");
  }

  @Test
  void missingValuesExpandToNothingAndQueriesJoin() {
    UriTemplate template = UriTemplate.parse("http://h/a/{x}?fixed=1");
    assertThat(template.expand(Map.of(), null, Map.of(), "b=2").toString()).isEqualTo("http://h/a/?fixed=1&b=2");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "ftp://h/x", "/relative", "http://h/{unclosed", "http://h/{bad name}", "http://h/${stageVariables.}",
    "http://h/${stageVariables.a-b}", "http://h/#frag", "http:///nohost"
  })
  void refusesMalformedUris(String uri) {
    assertThatThrownBy(() -> UriTemplate.parse(uri)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(uri);
  }

  /** Issue 18, item 1: a single-segment variable is one segment; its slash cannot add a level. */
  @Test
  void aSingleSegmentVariableSendsItsSlashEncoded() {
    UriTemplate template = UriTemplate.parse("http://h/base/{id}.txt");
    assertThat(template.expand(Map.of("id", "a/b"), null, Map.of(), "").getRawPath()).isEqualTo("/base/a%2Fb.txt");
  }

  /** Issue 18, item 8: the query goes on as sent; only what RFC 3986 forbids is encoded, never a 500. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", value = {
    "a=1&b=2 => a=1&b=2",
    "q={x} => q=%7Bx%7D",
    "q=a|b^c => q=a%7Cb%5Ec",
    "q=\"<>\" => q=%22%3C%3E%22",
    "q=100% => q=100%25",
    "q=%zz&r=%4 => q=%25zz&r=%254",
    "q=%41%e9 => q=%41%e9",
    "q=é => q=%C3%A9",
    "q=a b => q=a%20b",
    "q=/path?x=:@!$'()*+,; => q=/path?x=:@!$'()*+,;"
  })
  void theQueryGoesOnAsSentWithOnlyForbiddenCharactersEncoded(String sent, String forwarded) {
    UriTemplate template = UriTemplate.parse("http://h/a");
    assertThat(template.expand(Map.of(), null, Map.of(), sent).getRawQuery()).isEqualTo(forwarded);
  }
}
