package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "GET /pets", "POST /pets/{id}", "PUT /", "PATCH /a/b/c", "DELETE /{proxy+}", "HEAD /pets/{type}/{id}",
      "OPTIONS /{proxy+}", "ANY /pets/{proxy+}", "GET /pets/dog.json", "GET /v1/a-b_c~d",
      "GET /files/{file.name}", "GET /x/{a-b}/{c_d}", "GET /!$&'()*+,;=:@", "GET /a/{proxy+}"})
  void parsesValidKeysAndPrintsThemBack(String text) {
    RouteKey key = RouteKey.parse(text);

    assertThat(key).hasToString(text);
    assertThat(key.isDefault()).isFalse();
    assertThat(key.method().orElseThrow() + " " + key.path().orElseThrow()).isEqualTo(text);
    assertThat(RouteKey.tryParse(text)).contains(key);
  }

  @Test
  void defaultRouteKey() {
    RouteKey key = RouteKey.parse("$default");

    assertThat(key).isSameAs(RouteKey.DEFAULT).hasToString("$default");
    assertThat(key.isDefault()).isTrue();
    assertThat(key.method()).isEmpty();
    assertThat(key.path()).isEmpty();
  }

  @Test
  void equalityIsByValue() {
    RouteKey a = RouteKey.parse("GET /pets/{id}");
    RouteKey b = RouteKey.parse("GET /pets/" + "{id}");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotSameAs(b);
    assertThat(a).isNotEqualTo(RouteKey.parse("GET /pets/{petId}"));
    assertThat(a).isNotEqualTo(RouteKey.parse("ANY /pets/{id}"));
    assertThat(a).isNotEqualTo("GET /pets/{id}");
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "GET /pets/               | must not end with '/'",
      "GET pets                 | must have a path that starts with '/'",
      "GET                      | must be '$default' or a method and a path separated by one space",
      "GET /a//b                | must not contain an empty path segment ('//')",
      "GET /a/{id               | has unbalanced braces in segment '{id'",
      "GET /a/id}               | has unbalanced braces in segment 'id}'",
      "GET /a/}id{              | has unbalanced braces in segment '}id{'",
      "GET /a/{{id}}            | has nested braces in segment '{{id}}'",
      "GET /a{b}                | mixes a variable with other text in segment 'a{b}'",
      "GET /{a}b                | mixes a variable with other text in segment '{a}b'",
      "GET /{a}{b}              | mixes a variable with other text in segment '{a}{b}'",
      "GET /{proxy+}/a          | has greedy variable '{proxy+}' that is not the last segment",
      "GET /{id}/{id}           | uses the variable name 'id' twice",
      "GET /{id}/{id+}          | uses the variable name 'id' twice",
      "GET /{}                  | has a variable without a name in segment '{}'",
      "GET /{+}                 | has a variable without a name in segment '{+}'",
      "GET /{a b}               | must not contain whitespace",
      "GET /{a+b}               | has variable name 'a+b': names may hold only letters, digits, '_', '-' and '.'",
      "GET /{a/b}               | has unbalanced braces in segment '{a'",
      "FETCH /pets              | has method 'FETCH': the method must be one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT",
      "get /pets                | has method 'get': methods must be upper case",
      "Any /pets                | has method 'Any': methods must be upper case",
      "\"GET  /pets\"           | must not contain whitespace",
      "\"GET /pets \"           | must not contain whitespace",
      "\" GET /pets\"           | must not contain whitespace",
      "\" /pets\"               | must start with a method",
      "GET /pe ts               | must not contain whitespace",
      "GET /a?b                 | has character '?' in segment 'a?b'",
      "GET /a#b                 | has character '#' in segment 'a#b'",
      "GET /caf%C3%A9           | has character '%' in segment 'caf%C3%A9'",
      "GET /caf\u00e9           | has character '\u00e9' in segment 'caf\u00e9'",
      "$DEFAULT                 | '$default' is the only route key that starts with '$'",
      "$default /x              | '$default' is the only route key that starts with '$'",
      "\"\"                     | must not be empty",
  })
  void rejectsInvalidKeysNamingTheKeyAndTheRule(String text, String rule) {
    assertThatThrownBy(() -> RouteKey.parse(text))
        .isInstanceOf(InvalidRouteKeyException.class)
        .hasMessageStartingWith("route key '" + text + "' ")
        .hasMessageContaining(rule)
        .satisfies(e -> assertThat(((InvalidRouteKeyException) e).key()).isEqualTo(text))
        .satisfies(e -> assertThat(((InvalidRouteKeyException) e).rule()).contains(rule));
    assertThat(RouteKey.tryParse(text)).isEmpty();
  }

  @Test
  void rejectsControlCharactersAndPrintsThemEscaped() {
    assertThatThrownBy(() -> RouteKey.parse("GET /a\nb"))
        .isInstanceOf(InvalidRouteKeyException.class)
        .hasMessage("route key 'GET /a\\u000ab' must not contain whitespace or control characters other than "
            + "the one space after the method");
  }

  @Test
  void rejectsTabsAsWhitespace() {
    assertThatThrownBy(() -> RouteKey.parse("GET\t/pets"))
        .hasMessage("route key 'GET\\u0009/pets' must not contain whitespace or control characters other than "
            + "the one space after the method");
  }

  @Test
  void rejectsUnicodeSpaces() {
    assertThat(RouteKey.tryParse("GET\u00a0/pets")).isEmpty();
    assertThat(RouteKey.tryParse("GET /pets\u2003")).isEmpty();
  }

  @Test
  void acceptsKeysUpToTheMaximumLength() {
    String longest = "GET /" + "a".repeat(RouteKey.MAX_LENGTH - 5);
    assertThat(RouteKey.parse(longest).toString()).hasSize(RouteKey.MAX_LENGTH);

    assertThatThrownBy(() -> RouteKey.parse(longest + "a"))
        .isInstanceOf(InvalidRouteKeyException.class)
        .hasMessageEndingWith("must not be longer than 8192 characters");
  }

  @Test
  void nullIsAProgrammingError() {
    assertThatThrownBy(() -> RouteKey.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    assertThatThrownBy(() -> RouteKey.tryParse(null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET /a/{x}|GET /a/{y}|true", "GET /a/{x}|GET /a/{x}|true", "GET /{p+}|GET /{q+}|true",
      "$default|$default|true", "GET /a/{x}|ANY /a/{x}|false", "GET /a/{x}|GET /a/x|false",
      "GET /a/{x}|GET /a/{x+}|false", "GET /|GET /a|false", "GET /a|$default|false"})
  void conflictsWhenOnlyVariableNamesDiffer(String a, String b, boolean conflict) {
    assertThat(RouteKey.parse(a).conflictsWith(RouteKey.parse(b))).isEqualTo(conflict);
    assertThat(RouteKey.parse(b).conflictsWith(RouteKey.parse(a))).isEqualTo(conflict);
  }
}
