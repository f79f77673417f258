package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** 8 threads × 10,000 authorizations while the issuer rotates its key: no errors, no thread stuck. */
class KeyRotationConcurrencyIT {

  static final int THREADS = 8;
  static final int PER_THREAD = 10_000;

  @Test
  void authorizationsDuringAForcedKeyRotation() throws Exception {
    Instant t0 = Instant.ofEpochSecond(1_800_000_000L);
    MutableClock clock = new MutableClock(t0);
    try (IssuerFixture issuer = IssuerFixture.withKeyA()) {
      issuer.signWith("b", IssuerFixture.RSA_B.getPrivate());
      List<String> oldTokens = new ArrayList<>();
      List<String> newTokens = new ArrayList<>();
      for (int i = 0; i < 128; i++) {
        oldTokens.add(issuer.token().validAt(t0).claim("exp", t0.getEpochSecond() + 3600).claim("n", i).sign());
        newTokens.add(issuer.token().validAt(t0).claim("exp", t0.getEpochSecond() + 3600).claim("n", i).kid("b")
            .sign());
      }
      JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(clock).tokenCacheSize(64).build());
      assertThat(authorizer.authorize(oldTokens.get(0), Set.of()).isAllowed()).isTrue();

      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      Map<DenialReason, AtomicLong> denials = new EnumMap<>(DenialReason.class);
      for (DenialReason r : DenialReason.values()) {
        denials.put(r, new AtomicLong());
      }
      AtomicLong allowed = new AtomicLong();
      CountDownLatch started = new CountDownLatch(THREADS);
      CountDownLatch done = new CountDownLatch(THREADS);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int seed = t;
        Thread thread = new Thread(() -> {
          started.countDown();
          try {
            for (int i = 0; i < PER_THREAD; i++) {
              List<String> pool = (i + seed) % 2 == 0 ? oldTokens : newTokens;
              AuthorizationResult result = authorizer.authorize("Bearer " + pool.get((i * 7 + seed) % pool.size()),
                  Set.of());
              if (result instanceof AuthorizationResult.Denied denied) {
                denials.get(denied.reason()).incrementAndGet();
              } else {
                allowed.incrementAndGet();
              }
            }
          } catch (Throwable e) {
            errors.add(e);
          } finally {
            done.countDown();
          }
        }, "authorize-" + t);
        threads.add(thread);
        thread.start();
      }

      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        started.await();
        Thread.sleep(50);
        issuer.addKey("b", IssuerFixture.RSA_B, "RS256"); // rotate: b appears, a disappears
        issuer.removeKey("a");
        clock.advance(Duration.ofMinutes(6)); // due for refresh: the next request starts it in the background
        done.await();
      });

      assertThat(errors).isEmpty();
      assertThat(allowed.get() + denials.values().stream().mapToLong(AtomicLong::get).sum())
          .isEqualTo((long) THREADS * PER_THREAD);
      // Only rotation-related refusals: an old kid after the rotation, a new kid before it.
      denials.forEach((reason, count) -> {
        if (reason != DenialReason.UNKNOWN_KID) {
          assertThat(count.get()).as(reason.name()).isZero();
        }
      });
      assertThat(allowed.get()).isPositive();
      KeyFetchFaultTest.await(() -> authorizer.authorize(newTokens.get(1), Set.of()).isAllowed());
      assertThat(authorizer.authorize(oldTokens.get(1), Set.of()).isAllowed()).isFalse();
      assertThat(authorizer.metrics().keyFetches()).isBetween(2L, 4L);
      threads.forEach(th -> assertThat(th.isAlive()).isFalse());
    }
  }
}
