package dev.portico.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorsConfigurationTest {

  @Test
  void factsSection5CredentialsWithAnyOriginIsRejectedWithAwsMessage() {
    assertThatThrownBy(() -> CorsConfiguration.builder().allowOrigins("*").allowCredentials(true).build())
        .isInstanceOf(CorsConfigException.class)
        .hasMessage("allow-credentials is not supported if 'allow-origin' is *");
  }

  @Test
  void credentialsWithSchemeWildcardOrExactOriginsAreAllowed() {
    assertThat(CorsConfiguration.builder().allowOrigins("https://*").allowCredentials(true).build()
        .allowCredentials()).isTrue();
    assertThat(CorsConfiguration.builder().allowOrigins("https://a.example").allowCredentials(true).build()
        .allowOrigins()).containsExactly("https://a.example");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https://www.example.com/      | must not end with '/'",
      "https://www.example.com/app   | without path, query or fragment",
      "https://www.example.com?x=1   | without path, query or fragment",
      "https://www.example.com#top   | without path, query or fragment",
      "www.example.com               | scheme missing",
      "://www.example.com            | scheme missing",
      "HTTPS://www.example.com       | has an invalid scheme",
      "https://WWW.example.com       | must be lower case",
      "https://*.example.com         | uses a wildcard AWS does not support",
      "https://                      | has no host",
      "https://a b.example           | has a character not allowed in a host",
      "https://user@a.example        | has a character not allowed in a host",
  })
  void malformedOriginsAreRejectedNamingTheRule(String origin, String rule) {
    assertThatThrownBy(() -> CorsConfiguration.builder().allowOrigins(origin).build())
        .isInstanceOf(CorsConfigException.class)
        .hasMessageStartingWith("allowOrigins entry '" + origin + "'")
        .hasMessageContaining(rule);
  }

  @Test
  void entriesMustNotBeEmptyOrOverLong() {
    assertThatThrownBy(() -> CorsConfiguration.builder().allowHeaders("").build())
        .hasMessage("allowHeaders entries must not be empty");
    String longOrigin = "https://" + "a".repeat(CorsConfiguration.MAX_ENTRY_LENGTH);
    assertThatThrownBy(() -> CorsConfiguration.builder().allowOrigins(longOrigin).build())
        .hasMessageEndingWith("must not be longer than 2048 characters");
  }

  @Test
  void methodsAndHeaderNamesAreChecked() {
    assertThatThrownBy(() -> CorsConfiguration.builder().allowMethods("get").build())
        .hasMessage("allowMethods entry 'get' must be * or one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT "
            + "(upper case)");
    assertThatThrownBy(() -> CorsConfiguration.builder().allowMethods("ANY").build())
        .hasMessageStartingWith("allowMethods entry 'ANY'");
    assertThatThrownBy(() -> CorsConfiguration.builder().allowHeaders("x custom").build())
        .hasMessageStartingWith("allowHeaders entry 'x custom' must be * or a header name");
    assertThatThrownBy(() -> CorsConfiguration.builder().exposeHeaders("x:y").build())
        .hasMessageStartingWith("exposeHeaders entry 'x:y'");
  }

  @Test
  void maxAgeRangeIsMinusOneToOneDay() {
    assertThat(CorsConfiguration.builder().maxAge(-1).build().maxAge()).isEqualTo(OptionalInt.of(-1));
    assertThat(CorsConfiguration.builder().maxAge(86_400).build().maxAge()).isEqualTo(OptionalInt.of(86_400));
    assertThatThrownBy(() -> CorsConfiguration.builder().maxAge(-2).build())
        .hasMessage("maxAge -2 must be between -1 and 86400 seconds");
    assertThatThrownBy(() -> CorsConfiguration.builder().maxAge(86_401).build())
        .hasMessage("maxAge 86401 must be between -1 and 86400 seconds");
  }

  @Test
  void valuesAreImmutableAndComparedByValue() {
    List<String> origins = new java.util.ArrayList<>(List.of("https://a.example"));
    CorsConfiguration a = CorsConfiguration.builder().allowOrigins(origins).build();
    origins.add("https://b.example");

    assertThat(a.allowOrigins()).containsExactly("https://a.example");
    assertThat(a).isEqualTo(a.toBuilder().build());
    assertThatThrownBy(() -> a.allowOrigins().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theRecordConstructorValidatesToo() {
    assertThatThrownBy(() -> new CorsConfiguration(List.of("*"), List.of(), List.of(), List.of(),
        OptionalInt.empty(), true)).isInstanceOf(CorsConfigException.class);
  }
}
