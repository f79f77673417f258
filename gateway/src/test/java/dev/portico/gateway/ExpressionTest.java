package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.answering;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.portico.gateway.Expression.Source;
import dev.portico.gateway.Expression.Variable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one expression model (facts-2 §2.3): parsed once, printed as written, refused with its rule. */
class ExpressionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", value = {
    "$request.header.Authorization => HEADER:authorization",
    "$request.header.x-api-key => HEADER:x-api-key",
    "$request.querystring.token => QUERY_STRING:token",
    "$request.path => PATH:",
    "$request.path.id => PATH_PARAMETER:id",
    "$request.body => BODY:",
    "$request.body.order.items[0].sku => BODY:order.items[0].sku",
    "$context.identity.sourceIp => CONTEXT:identity.sourceIp",
    "$stageVariables.backend_host => STAGE_VARIABLE:backend_host"
  })
  void aSingleVariable(String text, String expected) {
    Expression expression = Expression.parse(text);
    String[] parts = expected.split(":", -1);

    assertThat(expression.single()).contains(new Variable(Source.valueOf(parts[0]), parts[1]));
    assertThat(expression.toString()).isEqualTo(text);
    // A header variable's name is lowercased (header names match in any case); the expression keeps its text.
    assertThat(expression.single().orElseThrow().toString())
        .isEqualTo(parts[0].equals("HEADER") ? text.toLowerCase(java.util.Locale.ROOT) : text);
  }

  @Test
  void variablesInsideStaticText() {
    Expression expression = Expression.parse("order-${request.path.type}/${context.requestId}!");

    assertThat(expression.single()).isEmpty();
    assertThat(expression.parts()).containsExactly("order-", new Variable(Source.PATH_PARAMETER, "type"), "/",
        new Variable(Source.CONTEXT, "requestId"), "!");
    assertThat(Expression.parse("plain text").parts()).containsExactly("plain text");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "$request.header.", "$request.cookie.x", "$context.a-b", "$stageVariables.a-b", "${request.path.x",
    "$request.body..price", "$request.body.items[?(@.x)]", "$request.body.*", "header.x", "$", "${}"
  })
  void malformedExpressionsAreRefusedWithTheirRuleAsData(String text) {
    if (!text.startsWith("$")) {
      // Static text is an expression too, just not a variable: identity sources refuse it (HttpApiConfigTest).
      assertThat(Expression.parse(text).variables()).isEmpty();
      return;
    }
    assertThatThrownBy(() -> Expression.parse(text)).isInstanceOfSatisfying(GatewayConfigException.class, e -> {
      assertThat(e.field()).isEqualTo("expression");
      assertThat(e.value()).isEqualTo(text);
      assertThat(e.getMessage()).startsWith("expression '" + text + "' ");
    });
    assertThat(Expression.tryParse(text)).isEmpty();
  }

  @Test
  void everyTextParsesAndPrintsBackOrIsRefusedAsConfiguration() {
    qt().withExamples(3_000).forAll(strings().betweenCodePoints('!', '~').ofLengthBetween(0, 24)
        .mix(org.quicktheories.generators.Generate.pick(List.of("$request.header.", "${context.", "}",
            "$stageVariables.", "$request.body.", "${request.path.", "$request.path")).zip(
                strings().betweenCodePoints('!', '~').ofLengthBetween(0, 8), String::concat)))
        .checkAssert(text -> {
          try {
            assertThat(Expression.parse(text).toString()).isEqualTo(text);
          } catch (GatewayConfigException e) {
            assertThat(e.field()).isEqualTo("expression");
          }
        });
  }

  @Test
  void valuesThatChangeHaveToBuilder() {
    Stage stage = Stage.builder("prod").variable("a", "1").accessLog("$context.requestId").build();
    Route route = Route.builder("GET /pets/{id}", answering("{}")).timeout(java.time.Duration.ofSeconds(3)).build();
    Authorizer.Lambda lambda = Authorizer.lambda("tokens", dev.portico.integration.LambdaAuthorizer.of("check",
        (event, context) -> "{}".getBytes())).identitySources("$request.header.x").build();
    HttpApi api = HttpApi.builder().apiId("abc").domainName("api.example.com").route(route).stage(stage)
        .authorizer(lambda).build();

    assertThat(stage.toBuilder().build()).isEqualTo(stage);
    assertThat(route.toBuilder().build()).isEqualTo(route);
    assertThat(lambda.toBuilder().build()).isEqualTo(lambda);
    assertThat(api.toBuilder().build()).isEqualTo(api);
    assertThat(api.limits().toBuilder().build()).isEqualTo(api.limits());
    assertThat(lambda.identitySourceExpressions()).containsExactly(Expression.parse("$request.header.x"));
  }
}
