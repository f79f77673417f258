package dev.portico.auth.jwt;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link JwtAuthorizerMetrics}. */
final class Metrics implements JwtAuthorizerMetrics {
  /** Fetch counts are the key source's: shared by the authorizers of one issuer in one {@link JwksCache}. */
  private final KeySource keys;
  final LongAdder tokenCacheHits = new LongAdder();
  final LongAdder tokenCacheMisses = new LongAdder();
  final LongAdder allowed = new LongAdder();
  private final LongAdder[] denied = new LongAdder[DenialReason.values().length];

  Metrics(KeySource keys) {
    this.keys = keys;
    for (int i = 0; i < denied.length; i++) {
      denied[i] = new LongAdder();
    }
  }

  void recordDenied(DenialReason reason) {
    denied[reason.ordinal()].increment();
  }

  @Override
  public long keyFetches() {
    return keys.fetches.sum();
  }

  @Override
  public long keyFetchFailures() {
    return keys.fetchFailures.sum();
  }

  @Override
  public Optional<String> lastFetchFailure() {
    return Optional.ofNullable(keys.lastFetchFailure);
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
