package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 11: a client that asked for the issuer's next key id before it was published put it in a negative
 * cache, so after the rotation genuine tokens got 401 until the scheduled refresh (up to an hour with a long
 * {@code max-age}). Now any unknown kid can start the rate-limited refetch: the damage is bounded by the 30 s
 * refetch interval, and the issuer still sees at most one fetch per interval however many kids are probed.
 */
class EarlyProbedKidRegressionTest {
  static final Instant T0 = Instant.ofEpochSecond(1_800_000_000L);
  IssuerFixture issuer;
  MutableClock clock;

  @BeforeEach
  void start() {
    issuer = IssuerFixture.withKeyA();
    clock = new MutableClock(T0);
  }

  @AfterEach
  void stop() {
    issuer.close();
  }

  @Test
  void aKidProbedBeforeTheRotationIsAcceptedOneRefetchIntervalAfterIt() {
    issuer.cacheControl = "max-age=3600"; // the scheduled refresh is an hour away at the earliest
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(clock).build());
    assertThat(authorizer.authorize(token("a"), Set.of()).isAllowed()).isTrue();

    // The attacker probes the next key id, which the issuer has not published yet.
    clock.advance(KeySource.UNKNOWN_KID_REFETCH_INTERVAL.plusSeconds(1));
    String probe = issuer.token().validAt(clock.instant()).kid("b").signedWith(IssuerFixture.RSA_B.getPrivate()).sign();
    assertThat(reason(authorizer.authorize(probe, Set.of()))).isEqualTo(DenialReason.UNKNOWN_KID);
    await(() -> authorizer.metrics().keyFetches() == 2 && issuer.jwksHits.get() == 2);

    // The issuer rotates; the first genuine token with the new kid arrives an interval later.
    issuer.addKey("b", IssuerFixture.RSA_B, "RS256");
    clock.advance(KeySource.UNKNOWN_KID_REFETCH_INTERVAL.plusSeconds(1));
    String genuine = token("b");
    authorizer.authorize(genuine, Set.of()); // starts the refetch; never waits for it

    await(() -> authorizer.authorize(genuine, Set.of()).isAllowed());
    assertThat(authorizer.metrics().keyFetches()).isEqualTo(3);
  }

  @Test
  void aFloodOfUnknownKidsStartsOneFetchPerInterval() {
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(clock).build());
    assertThat(authorizer.authorize(token("a"), Set.of()).isAllowed()).isTrue();

    for (int interval = 1; interval <= 3; interval++) {
      clock.advance(KeySource.UNKNOWN_KID_REFETCH_INTERVAL.plusSeconds(1));
      for (int i = 0; i < 200; i++) {
        String probe = issuer.token().validAt(clock.instant()).kid("probe-" + interval + "-" + i)
            .signedWith(IssuerFixture.RSA_B.getPrivate()).sign();
        assertThat(reason(authorizer.authorize(probe, Set.of()))).isEqualTo(DenialReason.UNKNOWN_KID);
      }
      int expected = 1 + interval;
      await(() -> issuer.jwksHits.get() == expected);
      assertThat(authorizer.metrics().keyFetches()).isEqualTo(expected);
    }
  }

  private String token(String kid) {
    return issuer.token().validAt(clock.instant()).kid(kid).sign();
  }

  private static DenialReason reason(AuthorizationResult result) {
    return ((AuthorizationResult.Denied) result).reason();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
