package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples of package-info.java and JwtAuthorizer's javadoc, against a loopback issuer instead of idp.example.com. */
class JwtExamplesTest {

  @Test
  void packageExample() {
    try (IssuerFixture idp = IssuerFixture.withKeyA()) {
      JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
          .issuer(idp.issuer)
          .audiences("pets-api")
          .build());

      String token = idp.token().validAt(Clock.systemUTC().instant()).claim("scope", "pets/read").sign();
      AuthorizationResult result = authorizer.authorize("Bearer " + token, Set.of("pets/read"));
      assertThat(result).isInstanceOf(AuthorizationResult.Allowed.class);
      Map<String, Object> claims = ((AuthorizationResult.Allowed) result).claims();
      assertThat(claims).containsEntry("sub", "user-1");

      AuthorizationResult refused = authorizer.authorize("Bearer " + token, Set.of("pets/write"));
      if (refused instanceof AuthorizationResult.Denied denied) {
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(denied.reason()).isEqualTo(DenialReason.INSUFFICIENT_SCOPE);
      } else {
        throw new AssertionError("expected a denial");
      }
    }
  }

  @Test
  void algorithmParsing() {
    assertThat(JwtAlgorithm.parse("PS256")).contains(JwtAlgorithm.PS256);
    assertThat(JwtAlgorithm.parse("HS256")).isEmpty();
    assertThat(JwtAlgorithm.parse("none")).isEmpty();
  }
}
