package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lambda authorizer answers (facts §4): what is accepted, what is a 500. */
class AuthorizerResponsesTest {
  static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:api1/prod/GET/pets/7";

  static AuthorizerResponse parse(String json, boolean simple) {
    return AuthorizerResponses.parse(json.getBytes(StandardCharsets.UTF_8), simple);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
    "{\"isAuthorized\":true} | true",
    "{\"isAuthorized\":false,\"context\":{\"a\":1}} | false",
    "{\"isAuthorized\":true,\"context\":{\"nested\":{\"x\":[1,2]},\"n\":null}} | true"
  })
  void simpleResponses(String json, boolean allowed) {
    assertThat(parse(json, true).allows(ARN)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
    "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + ARN + "\"} | true",
    "{\"Effect\":\"Allow\",\"Action\":\"execute-api:invoke\",\"Resource\":\"*\"} | true",
    "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[\"arn:aws:execute-api:*:*:api1/*/GET/pets/*\"]} | true",
    "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:api1/*/POST/*\"} | false",
    "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"} | false",
    "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:api1/prod/GET/pets/?\"} | true",
    "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"} | false"
  })
  void policies(String statement, boolean allowed) {
    AuthorizerResponse response = parse(
        "{\"principalId\":\"u1\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}}",
        false);
    assertThat(response.allows(ARN)).isEqualTo(allowed);
    assertThat(response.principalId()).contains("u1");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "nope", "[]", "{\"isAuthorized\":\"true\"}", "{\"isAuthorized\":true} x", "{\"isAuthorized\":true,\"isAuthorized\":false}",
    "{\"isAuthorized\":true,\"context\":[]}"
  })
  void invalidSimpleResponses(String json) {
    assertThatThrownBy(() -> parse(json, true)).isInstanceOf(IntegrationException.class)
        .hasMessageStartingWith("invalid Lambda authorizer response")
        .satisfies(e -> assertThat(((IntegrationException) e).isTimeout()).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"isAuthorized\":true}",
    "{\"policyDocument\":{}}",
    "{\"policyDocument\":{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}}",
    "{\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":5,\"Resource\":\"*\"}]}}",
    "{\"principalId\":7,\"policyDocument\":{\"Statement\":[]}}"
  })
  void invalidPolicies(String json) {
    assertThatThrownBy(() -> parse(json, false)).isInstanceOf(IntegrationException.class);
  }

  @org.junit.jupiter.api.Test
  void deepNestingIsRefused() {
    String deep = "{\"isAuthorized\":true,\"context\":{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}}";
    assertThatThrownBy(() -> parse(deep, true)).hasMessageContaining("nests deeper");
  }
}
