package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Issue 18, item 2: an unsigned JWT whose header held {@code 1e9999999999} escaped {@code authorize} as a
 * {@code NumberFormatException} (a 500 with a stack trace per request). Every number the parser cannot represent
 * is a malformed token, and no number shape in a header or in signed claims makes {@code authorize} throw.
 */
class HugeNumberRegressionTest {
  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static IssuerFixture issuer;
  static JwtAuthorizer authorizer;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.withKeyA();
    authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).tokenCacheSize(0).build());
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  @Test
  void anExponentBeyondAnIntInAnUnsignedHeaderIsAMalformedHeader() {
    String token = JwtAttackTest.unsigned(issuer.token().validAt(NOW).headerJson("x", "1e9999999999"), "");

    AuthorizationResult result = authorizer.authorize(token, Set.of());

    AuthorizationResult.Denied denied = (AuthorizationResult.Denied) result;
    assertThat(denied.reason()).isEqualTo(DenialReason.MALFORMED_HEADER);
    assertThat(denied.detail()).contains("number out of range");
    assertThat(denied.status()).isEqualTo(401);
  }

  @Test
  void theParserRefusesExponentsBeyondItsBoundAndKeepsThoseWithin() throws Exception {
    assertThat(Json.parseObject(bytes("{\"n\":1e1000}")).get("n")).isEqualTo(new java.math.BigDecimal("1e1000"));
    assertThat(Json.parseObject(bytes("{\"n\":-2.5e-997}")).get("n")).isEqualTo(new java.math.BigDecimal("-2.5e-997"));
    for (String number : List.of("1e1001", "1e-1002", "1E+9999999999", "-1e-9999999999", "1e2147483648")) {
      assertThatCode(() -> Json.parseObject(bytes("{\"n\":" + number + "}"))).as(number)
          .isInstanceOf(Json.JsonException.class).hasMessageContaining("number out of range");
    }
  }

  /** Number text of every shape: signs, leading zeros, long digit runs, fractions, exponents of any length. */
  static final Gen<String> NUMBERS = Generate.pick(List.of("", "-", "+", "--")).zip(
      Generate.pick(List.of("0", "00", "1", "007", "9".repeat(19), "1".repeat(400), "1".repeat(401), "")),
      Generate.pick(List.of("", ".", ".5", ".000", "." + "3".repeat(300))),
      Generate.pick(List.of("", "e", "E", "e+", "e-", "e0")).zip(
          integers().between(0, 12).map(n -> n == 0 ? "" : "9".repeat(n)), (e, d) -> e + d),
      (sign, digits, fraction, exponent) -> sign + digits + fraction + exponent);

  @Test
  void noNumberShapeInAHeaderEscapesAuthorize() {
    qt().withExamples(2_000).forAll(NUMBERS).checkAssert(number -> {
      String token = JwtAttackTest.unsigned(issuer.token().validAt(NOW).headerJson("n", number), "");
      assertThat(authorizer.authorize(token, Set.of()).isAllowed()).as(number).isFalse();
    });
  }

  @Test
  void noNumberShapeInSignedClaimsEscapesAuthorize() {
    qt().withExamples(1_000).forAll(NUMBERS, Generate.pick(List.of("exp", "nbf", "iat", "n"))).checkAssert(
        (number, claim) -> {
          String token = issuer.token().validAt(NOW).claimJson(claim, number).sign();
          AuthorizationResult result = authorizer.authorize(token, Set.of());
          if (!result.isAllowed()) {
            // Refused for what it is, never because a check blew up.
            assertThat(((AuthorizationResult.Denied) result).detail()).as(number)
                .doesNotContain("could not be checked");
          }
        });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
