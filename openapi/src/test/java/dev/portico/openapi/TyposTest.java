package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.portico.openapi.ImportProblem.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A definition where a route, its security or its CORS would disappear through a typo says so, naming the field it
 * probably meant; a typo of {@code security} is an error, because the route would be left open (issue 20: "a typo
 * must never silently open a route").
 */
class TyposTest {

  private static ImportResult definition(String operationExtra, String rootExtra) {
    return OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "info: {title: typos, version: '1'}",
        rootExtra,
        "paths:",
        "  /pets:",
        "    get:",
        operationExtra.isEmpty() ? "" : "      " + operationExtra, // CsvSource trims the indentation
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '2.0'}",
        "components:",
        "  securitySchemes:",
        "    jwt:",
        "      type: oauth2",
        "      x-amazon-apigateway-authorizer:",
        "        type: jwt",
        "        jwtConfiguration: {issuer: 'https://idp.example.com', audience: [pets]}",
        ""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "securiti: [{jwt: []}]|/paths/~1pets/get/securiti",
    "Security: [{jwt: []}]|/paths/~1pets/get/Security",
    "secuirty: [{jwt: []}]|/paths/~1pets/get/secuirty"})
  void aTypoOfSecurityOnAnOperationIsAnError(String line, String pointer) {
    ImportResult result = definition(line, "");

    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo(pointer);
      assertThat(error.message()).contains("did you mean 'security'?").endsWith("the route left open");
    });
  }

  @Test
  void aTypoOfTheDefaultSecurityIsAnErrorToo() {
    ImportResult result = definition("", "securty: [{jwt: []}]");

    assertThat(result.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/securty");
      assertThat(error.message()).contains("did you mean 'security'?");
    });
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "operationID: listPets|/paths/~1pets/get/operationID|did you mean 'operationId'?",
    "sumary: list|/paths/~1pets/get/sumary|did you mean 'summary'?",
    "x-amazon-apigateway-integratoin: {}|/paths/~1pets/get/x-amazon-apigateway-integratoin|"
        + "did you mean x-amazon-apigateway-integration?"})
  void otherTyposOnAnOperationAreWarningsNamingTheField(String line, String pointer, String hint) {
    ImportResult result = definition(line, "");

    assertThat(result.errors()).isEmpty();
    assertThat(result.problems()).filteredOn(p -> p.pointer().equals(pointer)).singleElement().satisfies(p -> {
      assertThat(p.level()).isEqualTo(Level.WARNING);
      assertThat(p.message()).contains(hint);
    });
  }

  @Test
  void aTypoedOperationIsAWarningThatNoRouteIsMade() {
    ImportResult result = OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "paths:",
        "  /pets:",
        "    gets:",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '2.0'}",
        "    post:",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVersion: '2.0'}",
        ""));

    assertThat(result.routeKeys()).extracting(Object::toString).containsExactly("POST /pets");
    assertThat(result.problems()).filteredOn(p -> p.level() == Level.WARNING).singleElement().satisfies(p -> {
      assertThat(p.pointer()).isEqualTo("/paths/~1pets/gets");
      assertThat(p.message()).isEqualTo("'gets' is not an OpenAPI operation; did you mean 'get'? ignored, so no"
          + " route is made of it");
    });
  }

  @Test
  void typosInsideExtensionsAndOfCorsAreWarningsNamingTheProperty() {
    ImportResult result = OpenApiImporter.read(String.join("\n",
        "openapi: 3.0.1",
        "x-amazon-apigateway-cor: {allowOrigins: ['https://app.example.com']}",
        "paths:",
        "  /pets:",
        "    get:",
        "      x-amazon-apigateway-integration: {type: aws_proxy, uri: pets, payloadFormatVerion: '2.0'}",
        ""));

    assertThat(result.problems()).filteredOn(p -> p.level() == Level.WARNING)
        .extracting(ImportProblem::pointer, ImportProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple("/x-amazon-apigateway-cor", "x-amazon-apigateway-cor is not supported;"
                + " did you mean x-amazon-apigateway-cors? ignored"),
            org.assertj.core.groups.Tuple.tuple("/paths/~1pets/get/x-amazon-apigateway-integration/payloadFormatVerion",
                "'payloadFormatVerion' is not an HTTP API property; did you mean 'payloadFormatVersion'? ignored"));
  }

  @Test
  void closenessGrowsWithTheNameAndIgnoresCase() {
    List<String> known = List.of("get", "security", "payloadFormatVersion");

    assertThat(Spelling.closest("gett", known)).contains("get");
    assertThat(Spelling.closest("got", known)).contains("get");
    assertThat(Spelling.closest("gxyz", known)).isEmpty();
    assertThat(Spelling.closest("SECURITY", known)).contains("security");
    assertThat(Spelling.closest("sceurity", known)).contains("security"); // a swap of neighbours is one edit
    assertThat(Spelling.closest("payloadFormatVers", known)).contains("payloadFormatVersion");
    assertThat(Spelling.closest("security", known)).isEmpty();
  }

  @Test
  void distanceIsAMetricOnAnyNames() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 12),
            strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .check((a, b) -> Spelling.distance(a, a, 20) == 0
            && Spelling.distance(a, b, 30) == Spelling.distance(b, a, 30)
            && Spelling.distance(a, b, 30) <= Math.max(a.length(), b.length())
            && (a.equals(b) || Spelling.distance(a, b, 30) > 0));
  }
}
