package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP integration URIs with path and stage variables (facts §6). */
class UriTemplateTest {

  @Test
  void expandsPathAndStageVariables() {
    UriTemplate template = UriTemplate.parse("https://${stageVariables.host}/v1/pets/{petId}/{proxy}");
    assertThat(template.expand(Map.of("petId", "a b/é", "proxy", "x/y z"), Map.of("host", "backend.internal:8443"),
        "q=1").toString())
        .isEqualTo("https://backend.internal:8443/v1/pets/a%20b/%C3%A9/x/y%20z?q=1");
  }

  @Test
  void missingValuesExpandToNothingAndQueriesJoin() {
    UriTemplate template = UriTemplate.parse("http://h/a/{x}?fixed=1");
    assertThat(template.expand(Map.of(), Map.of(), "b=2").toString()).isEqualTo("http://h/a/?fixed=1&b=2");
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
}
