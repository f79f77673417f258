package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authorizers of one issuer fetch its keys once; a closed cache releases its threads. */
class JwksCacheTest {
  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  IssuerFixture issuer;

  @BeforeEach
  void start() {
    issuer = IssuerFixture.withKeyA();
  }

  @AfterEach
  void stop() {
    issuer.close();
  }

  @Test
  void authorizersOfOneIssuerShareItsKeys() {
    MutableClock clock = new MutableClock(NOW);
    try (JwksCache keys = JwksCache.create()) {
      JwtAuthorizer readers = JwtAuthorizer.create(issuer.config(clock).build(), keys);
      JwtAuthorizer writers = JwtAuthorizer.create(issuer.config(clock).audiences("other-api").build(), keys);
      String token = issuer.token().validAt(NOW).sign();

      assertThat(readers.authorize(token, Set.of()).isAllowed()).isTrue();
      assertThat(((AuthorizationResult.Denied) writers.authorize(token, Set.of())).reason())
          .isEqualTo(DenialReason.INVALID_AUDIENCE);
      assertThat(issuer.jwksHits.get()).isEqualTo(1);
      assertThat(issuer.discoveryHits.get()).isEqualTo(1);
      assertThat(keys.size()).isEqualTo(1);
      // Another way of fetching (a shorter timeout) is another source.
      JwtAuthorizer.create(issuer.config(clock).fetchTimeout(Duration.ofMillis(900)).build(), keys);
      assertThat(keys.size()).isEqualTo(2);
    }
  }

  @Test
  void warmUpFetchesBeforeTheFirstRequest() throws Exception {
    try (JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build())) {
      authorizer.warmUp().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(issuer.jwksHits.get()).isEqualTo(1);
      assertThat(authorizer.metrics().keyFetches()).isEqualTo(1);
      assertThat(authorizer.authorize(issuer.token().validAt(NOW).sign(), Set.of()).isAllowed()).isTrue();
      assertThat(issuer.jwksHits.get()).isEqualTo(1);
    }
  }

  @Test
  void aClosedCacheStopsItsThreadsAndTakesNoNewAuthorizers() throws Exception {
    JwksCache keys = JwksCache.create();
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build(), keys);
    authorizer.warmUp().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().startsWith(keys.threadPrefix()));

    keys.close();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(keys.threadPrefix())
        && t.isAlive()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(keys.threadPrefix())
        && t.isAlive());
    // The keys it had still verify tokens.
    assertThat(authorizer.authorize(issuer.token().validAt(NOW).sign(), Set.of()).isAllowed()).isTrue();
    assertThatThrownBy(() -> JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build(), keys))
        .isInstanceOf(IllegalStateException.class).hasMessage("this JwksCache is closed");
  }
}
