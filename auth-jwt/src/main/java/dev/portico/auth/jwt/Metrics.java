package dev.portico.auth.jwt;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link JwtAuthorizerMetrics}. */
final class Metrics implements JwtAuthorizerMetrics {
  final LongAdder keyFetches = new LongAdder();
  final LongAdder keyFetchFailures = new LongAdder();
  final LongAdder tokenCacheHits = new LongAdder();
  final LongAdder tokenCacheMisses = new LongAdder();
  final LongAdder allowed = new LongAdder();
  private final LongAdder[] denied = new LongAdder[DenialReason.values().length];
  volatile String lastFetchFailure;

  Metrics() {
    for (int i = 0; i < denied.length; i++) {
      denied[i] = new LongAdder();
    }
  }

  void recordDenied(DenialReason reason) {
    denied[reason.ordinal()].increment();
  }

  @Override
  public long keyFetches() {
    return keyFetches.sum();
  }

  @Override
  public long keyFetchFailures() {
    return keyFetchFailures.sum();
  }

  @Override
  public Optional<String> lastFetchFailure() {
    return Optional.ofNullable(lastFetchFailure);
  }

  @Override
  public long tokenCacheHits() {
    return tokenCacheHits.sum();
  }

  @Override
  public long tokenCacheMisses() {
    return tokenCacheMisses.sum();
  }

  @Override
  public long allowed() {
    return allowed.sum();
  }

  @Override
  public long denied(DenialReason reason) {
    return denied[reason.ordinal()].sum();
  }

  @Override
  public String toString() {
    return "JwtAuthorizerMetrics[fetches=" + keyFetches() + ", fetchFailures=" + keyFetchFailures()
        + ", cacheHits=" + tokenCacheHits() + ", cacheMisses=" + tokenCacheMisses() + ", allowed=" + allowed() + "]";
  }
}
