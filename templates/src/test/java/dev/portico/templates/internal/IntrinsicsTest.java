package dev.portico.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CloudFormation's intrinsic functions as its user guide ("Intrinsic function reference") defines them, read from
 * YAML short tags as a template writes them.
 */
class IntrinsicsTest {
  private static final String TEMPLATE = String.join("\n",
      "Parameters:",
      "  Stage: {Type: String, Default: prod}",
      "  Subnets: {Type: CommaDelimitedList, Default: 'a, b,c'}",
      "  Secret: {Type: String}",
      "  Timeout: {Type: Number, Default: 5000}",
      "Mappings:",
      "  Regions: {us-east-1: {Zone: use1}}",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "  IsDev: !Not [!Condition IsProd]",
      "  Both: !And [!Condition IsProd, !Or [!Condition IsDev, !Equals [a, a]]]",
      "Resources:",
      "  Fn: {Type: AWS::Serverless::Function}",
      "");

  private static JsonNode resolve(String yamlValue) throws Exception {
    Stack stack = stack(Map.of());
    return stack.intrinsics().resolve(TemplateText.read("v: " + yamlValue).get("v"), "/v");
  }

  private static Stack stack(Map<String, String> overrides) throws Exception {
    return new Stack(TemplateText.read(TEMPLATE), overrides, Map.of("AWS::Region", "us-east-1",
        "AWS::AccountId", "123456789012", "AWS::Partition", "aws"), Map.of("shared-id", "vpc-1"),
        new Stack.Attributes() {
          @Override
          public @Nullable JsonNode attribute(String logicalId, String type, String attribute) {
            return attribute.equals("Arn") ? TextNode.valueOf("arn:aws:lambda:us-east-1:123456789012:function:"
                + logicalId) : null;
          }

          @Override
          public JsonNode ref(String logicalId, String type) {
            return TextNode.valueOf(logicalId);
          }
        });
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "!Ref Stage | prod",
      "!Ref AWS::Region | us-east-1",
      "!Ref Fn | Fn",
      "!Sub 'api-${Stage}-${AWS::AccountId}' | api-prod-123456789012",
      "!Sub '${Fn.Arn}' | arn:aws:lambda:us-east-1:123456789012:function:Fn",
      "!Sub '${!Literal}-${Stage}' | ${Literal}-prod",
      "!Sub ['${Host}/${Stage}', {Host: example.com}] | example.com/prod",
      "!Join ['-', [a, !Ref Stage, c]] | a-prod-c",
      "!Select [1, !Ref Subnets] | b",
      "!Select [2, !Split [',', 'x,y,z']] | z",
      "!If [IsProd, big, small] | big",
      "!If [IsDev, big, small] | small",
      "!If [Both, big, small] | big",
      "!FindInMap [Regions, !Ref AWS::Region, Zone] | use1",
      "!ImportValue shared-id | vpc-1",
      "!Base64 hi | aGk=",
      "!Select [0, !GetAZs ''] | us-east-1a",
      "!GetAtt Fn.Arn | arn:aws:lambda:us-east-1:123456789012:function:Fn",
  })
  void resolvesAsCloudFormationDoes(String expression, String expected) throws Exception {
    assertThat(resolve(expression).asText()).isEqualTo(expected);
  }

  @Test
  void noValueRemovesTheListElementAndListParametersAreTrimmed() throws Exception {
    assertThat(resolve("[a, !Ref AWS::NoValue, b]").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(resolve("!Ref Subnets").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(resolve("!Length [a, b, c]").asInt()).isEqualTo(3);
    // a Number parameter is a number where one is expected, and text in a Sub
    assertThat(resolve("!Ref Timeout").isIntegralNumber()).isTrue();
    assertThat(resolve("!Ref Timeout").asLong()).isEqualTo(5000);
    assertThat(resolve("!Sub 't${Timeout}'").asText()).isEqualTo("t5000");
    assertThat(resolve("!ToJsonString {a: !Ref Stage}").asText()).isEqualTo("{\"a\":\"prod\"}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "!Ref Secret | /v/Ref | Ref to parameter 'Secret', which has no Default; give its value with"
          + " --parameter-overrides Secret=VALUE",
      "!Ref Nope | /v/Ref | Ref to 'Nope', which is neither a parameter nor a resource of the template",
      "!ImportValue other | /v/Fn::ImportValue | Fn::ImportValue 'other' is another stack's export",
      "!If [Missing, a, b] | /v/Fn::If/0 | Fn::If: the template has no condition 'Missing'",
      "!Select [5, [a]] | /v/Fn::Select/0 | Fn::Select index 5 is outside the list of",
      "!Sub '${Stage' | /v/Fn::Sub | Fn::Sub: '${' without a closing '}'",
      "!FindInMap [Regions, eu-west-1, Zone] | /v/Fn::FindInMap | Fn::FindInMap: Mappings has no Regions",
  })
  void whatCannotBeResolvedNamesWhereAndWhy(String expression, String pointer, String reason) {
    assertThatThrownBy(() -> resolve(expression)).isInstanceOfSatisfying(Intrinsics.Unresolved.class, e -> {
      assertThat(e.pointer()).isEqualTo(pointer);
      assertThat(e.reason()).startsWith(reason);
    });
  }

  @Test
  void overridesReplaceDefaultsAndRefusedValuesAreReportedOnce() throws Exception {
    Stack stack = stack(Map.of("Stage", "dev", "Secret", "s3cr3t"));
    assertThat(stack.intrinsics().resolve(TemplateText.read("v: !If [IsDev, d, p]").get("v"), "/v").asText())
        .isEqualTo("d");
    assertThat(stack.intrinsics().resolve(TemplateText.read("v: !Ref Secret").get("v"), "/v").asText())
        .isEqualTo("s3cr3t");
    assertThat(stack.problems()).isEmpty();
  }
}
