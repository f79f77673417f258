package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18, item 6: a token's {@code kid}, {@code alg} and {@code crit} reached the denial detail (and from there
 * the access log) unescaped, so a token could forge log lines or send terminal escapes. Each attacker-chosen
 * value is now quoted with its control characters escaped.
 */
class LogForgingRegressionTest {
  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final String FORGED = "x\r\n200 GET /admin route=GET /admin \u001b[2J\u0085\u2028end";
  static IssuerFixture issuer;
  static JwtAuthorizer authorizer;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.withKeyA();
    authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build());
    assertThat(authorizer.authorize(issuer.token().validAt(NOW).sign(), Set.of()).isAllowed()).isTrue();
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  static Stream<Arguments> hostileHeaders() {
    String forged = IssuerFixture.json(FORGED);
    return Stream.of(
        Arguments.of("kid", DenialReason.UNKNOWN_KID, issuer.token().validAt(NOW).kid(FORGED)
            .signedWith(IssuerFixture.RSA_A.getPrivate()).sign()),
        Arguments.of("alg", DenialReason.ALGORITHM_NOT_ALLOWED,
            JwtAttackTest.unsigned(issuer.token().validAt(NOW).headerJson("alg", forged), "AAAA")),
        Arguments.of("alg none", DenialReason.ALGORITHM_NONE,
            JwtAttackTest.unsigned(issuer.token().validAt(NOW).headerJson("alg", "\"none\""), "")),
        Arguments.of("crit", DenialReason.CRITICAL_HEADER,
            issuer.token().validAt(NOW).headerJson("crit", "[" + forged + "]").sign()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileHeaders")
  void attackerChosenHeaderValuesAreEscapedInTheDetail(String what, DenialReason reason, String token) {
    AuthorizationResult.Denied denied = (AuthorizationResult.Denied) authorizer.authorize(token, Set.of());

    assertThat(denied.reason()).isEqualTo(reason);
    assertThat(denied.detail().chars().filter(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028))
        .as(denied.detail()).isEmpty();
    if (!what.equals("alg none")) {
      assertThat(denied.detail()).contains("x\\u000d\\u000a200 GET /admin");
    }
  }
}
