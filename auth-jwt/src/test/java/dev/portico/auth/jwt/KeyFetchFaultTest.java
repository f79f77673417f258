package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The identity provider misbehaves; a real HTTP server on loopback does the misbehaving. Nothing may hang, cached
 * keys keep serving, and an issuer without keys fails closed with 401.
 */
class KeyFetchFaultTest {

  static final Instant T0 = Instant.ofEpochSecond(1_800_000_000L);
  static final Duration HANG_GUARD = Duration.ofSeconds(10);

  IssuerFixture issuer;
  MutableClock clock;

  @BeforeEach
  void start() {
    issuer = IssuerFixture.withKeyA();
    clock = new MutableClock(T0);
  }

  @AfterEach
  void stop() {
    CountDownLatch gate = issuer.gate;
    if (gate != null) {
      gate.countDown();
    }
    issuer.close();
  }

  JwtAuthorizer authorizer() {
    return JwtAuthorizer.create(issuer.config(clock).fetchTimeout(Duration.ofMillis(300)).build());
  }

  String token() {
    return issuer.token().validAt(clock.instant()).sign();
  }

  AuthorizationResult authorize(JwtAuthorizer authorizer, String token) {
    return assertTimeoutPreemptively(HANG_GUARD, () -> authorizer.authorize(token, Set.of()));
  }

  static Stream<Arguments> coldFaults() {
    return Stream.of(
        fault("provider slower than the timeout", i -> i.delayMillis = 2_000, "timed out"),
        fault("provider answers 500", i -> i.status = 500, "answered 500"),
        fault("provider answers HTML", i -> i.jwksBody = "<html><body>Sign in</body></html>"
            .getBytes(StandardCharsets.UTF_8), "is not a JWKS"),
        fault("JWKS of 10 MB (declared length)", i -> i.jwksBody = new byte[10 << 20], "declares 10485760 bytes"),
        fault("JWKS of 10 MB (chunked, no length)", i -> {
          i.jwksBody = new byte[10 << 20];
          i.chunked = true;
        }, "larger than 150000 bytes"),
        fault("JWKS is malformed JSON", i -> i.jwksBody = "{\"keys\":[{\"kid\":".getBytes(StandardCharsets.UTF_8),
            "is not a JWKS"),
        fault("JWKS without a keys array", i -> i.jwksBody = "{\"keys\":{}}".getBytes(StandardCharsets.UTF_8),
            "no 'keys' array"),
        fault("discovery names another issuer", i -> i.discoveryIssuer = "https://evil.example",
            "names issuer 'https://evil.example'"),
        fault("discovery without jwks_uri", i -> i.discoveryBody = ("{\"issuer\":\"" + i.issuer + "\"}")
            .getBytes(StandardCharsets.UTF_8), "no usable jwks_uri"),
        fault("discovery points at a plain-http JWKS on another host", i -> i.jwksUriOverride =
            "http://keys.example.com/jwks", "no usable jwks_uri"),
        fault("provider closes the connection", i -> i.down = true, ""),
        fault("provider is gone", IssuerFixture::close, ""));
  }

  static Arguments fault(String name, Consumer<IssuerFixture> setup, String failure) {
    return Arguments.of(name, setup, failure);
  }

  @ParameterizedTest(name = "cold issuer, {0}: 401 KEYS_UNAVAILABLE, no hang")
  @MethodSource("coldFaults")
  void coldIssuerFailsClosed(String name, Consumer<IssuerFixture> setup, String failure) {
    String token = token();
    setup.accept(issuer);
    JwtAuthorizer authorizer = authorizer();

    AuthorizationResult.Denied denied = (AuthorizationResult.Denied) authorize(authorizer, token);

    assertThat(denied.reason()).isEqualTo(DenialReason.KEYS_UNAVAILABLE);
    assertThat(denied.status()).isEqualTo(401);
    await(() -> authorizer.metrics().keyFetchFailures() == 1);
    assertThat(authorizer.metrics().lastFetchFailure()).get().asString().contains(failure);
    // back-off: a second request within a second neither waits nor fetches again
    int hits = issuer.discoveryHits.get();
    assertThat(((AuthorizationResult.Denied) authorize(authorizer, token)).reason())
        .isEqualTo(DenialReason.KEYS_UNAVAILABLE);
    assertThat(issuer.discoveryHits.get()).isEqualTo(hits);
    assertThat(authorizer.metrics().keyFetches()).isEqualTo(1);
  }

  @ParameterizedTest(name = "warm issuer, then {0}: cached keys keep serving until the key lifetime")
  @MethodSource("coldFaults")
  void cachedKeysSurviveOutage(String name, Consumer<IssuerFixture> setup, String failure) {
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(clock).fetchTimeout(Duration.ofMillis(300))
        .tokenCacheSize(0).build());
    assertThat(authorize(authorizer, token()).isAllowed()).isTrue();
    setup.accept(issuer);
    issuer.jwksUriOverride = null; // the JWKS location is remembered; break the JWKS itself too
    issuer.status = issuer.status == 200 ? 503 : issuer.status;

    clock.advance(Duration.ofMinutes(10)); // past the refresh time: a background refresh starts and fails
    assertThat(authorize(authorizer, token()).isAllowed()).isTrue();
    await(() -> authorizer.metrics().keyFetchFailures() == 1);
    clock.advance(Duration.ofMinutes(100)); // 1 h 50 min since the last success: still within 2 h
    assertThat(authorize(authorizer, token()).isAllowed()).isTrue();

    clock.advance(Duration.ofMinutes(11)); // 2 h 1 min: the keys are too old to trust
    AuthorizationResult result = authorize(authorizer, token());
    assertThat(((AuthorizationResult.Denied) result).reason()).isEqualTo(DenialReason.KEYS_UNAVAILABLE);
  }

  @Test
  void refreshAheadNeverMakesARequestWait() {
    JwtAuthorizer authorizer = authorizer();
    assertThat(authorize(authorizer, token()).isAllowed()).isTrue();
    int fetches = issuer.jwksHits.get();
    issuer.gate = new CountDownLatch(1); // the provider now hangs until released

    clock.advance(Duration.ofMinutes(6)); // past the default 5-minute refresh
    for (int i = 0; i < 50; i++) { // every one answered from the current keys while the refresh hangs
      assertThat(authorize(authorizer, issuer.token().validAt(clock.instant()).claim("n", i).sign()).isAllowed())
          .isTrue();
    }
    assertThat(authorizer.metrics().keyFetches()).isEqualTo(2); // one refresh, shared

    issuer.gate.countDown();
    await(() -> issuer.jwksHits.get() == fetches + 1);
  }

  @Test
  void unknownKidRefetchesAtMostEvery30SecondsThenRotationSucceeds() {
    JwtAuthorizer authorizer = authorizer();
    assertThat(authorize(authorizer, token()).isAllowed()).isTrue();
    issuer.addKey("b", IssuerFixture.RSA_B, "RS256"); // the provider rotates
    String rotated = issuer.token().validAt(clock.instant()).kid("b").sign();

    clock.advance(Duration.ofSeconds(5));
    assertThat(((AuthorizationResult.Denied) authorize(authorizer, rotated)).reason())
        .isEqualTo(DenialReason.UNKNOWN_KID);
    assertThat(authorizer.metrics().keyFetches()).isEqualTo(1); // rate-limited: fetched 5 s ago

    clock.advance(Duration.ofSeconds(26));
    assertThat(((AuthorizationResult.Denied) authorize(authorizer, rotated)).reason())
        .isEqualTo(DenialReason.UNKNOWN_KID); // never waits: this one starts the refetch
    await(() -> authorizer.metrics().keyFetches() == 2 && issuer.jwksHits.get() == 2);
    await(() -> authorize(authorizer, rotated).isAllowed());
  }

  @Test
  void keyRemovedFromTheJwksInvalidatesCachedTokens() {
    JwtAuthorizer authorizer = authorizer();
    String token = issuer.token().validAt(clock.instant()).claim("exp", T0.getEpochSecond() + 3600).sign();
    assertThat(authorize(authorizer, token).isAllowed()).isTrue();
    assertThat(authorize(authorizer, token).isAllowed()).isTrue();
    assertThat(authorizer.metrics().tokenCacheHits()).isEqualTo(1);

    issuer.removeKey("a");
    clock.advance(Duration.ofMinutes(6));
    authorize(authorizer, token); // starts the refresh; may still be served from the old keys
    await(() -> issuer.jwksHits.get() == 2 && authorizer.metrics().keyFetches() == 2);
    await(() -> !authorize(authorizer, token).isAllowed());
    assertThat(((AuthorizationResult.Denied) authorize(authorizer, token)).reason())
        .isEqualTo(DenialReason.UNKNOWN_KID);
  }

  @ParameterizedTest(name = "Cache-Control {0}: refresh after {1} s")
  @MethodSource("maxAges")
  void maxAgeHonouredWithinBounds(String cacheControl, long refreshSeconds) {
    issuer.cacheControl = cacheControl;
    JwtAuthorizer authorizer = authorizer();
    assertThat(authorize(authorizer, token()).isAllowed()).isTrue();

    clock.advance(Duration.ofSeconds(refreshSeconds - 1));
    authorize(authorizer, token());
    assertThat(authorizer.metrics().keyFetches()).as("no refresh before max-age").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    authorize(authorizer, token());
    await(() -> issuer.jwksHits.get() == 2);
  }

  static Stream<Arguments> maxAges() {
    return Stream.of(Arguments.of("max-age=600", 600), Arguments.of("public, max-age=1800", 1800),
        Arguments.of("max-age=5", 60), Arguments.of("no-cache", 60),
        Arguments.of("max-age=86400", 3600));
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + HANG_GUARD.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + HANG_GUARD);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
