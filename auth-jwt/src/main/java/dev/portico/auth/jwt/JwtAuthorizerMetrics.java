package dev.portico.auth.jwt;

import java.util.Optional;

/**
 * Counters of one {@link JwtAuthorizer}, read live; plain Java so any metrics library can poll them.
 *
 * <pre>{@code
 * JwtAuthorizerMetrics m = authorizer.metrics();
 * gauge("jwt.keys.fetches", m::keyFetches);
 * gauge("jwt.denied.expired", () -> m.denied(DenialReason.EXPIRED));
 * }</pre>
 */
public interface JwtAuthorizerMetrics {

  /** @return discovery+JWKS fetches started (each counts once, whatever its outcome) */
  long keyFetches();

  /** @return fetches that failed: timeout, connection error, non-200, oversized, malformed, wrong issuer */
  long keyFetchFailures();

  /** @return why the last failed fetch failed, if any fetch failed since the last success */
  Optional<String> lastFetchFailure();

  /** @return requests answered from the verified-token cache */
  long tokenCacheHits();

  /** @return requests whose token was verified from scratch */
  long tokenCacheMisses();

  /** @return requests allowed */
  long allowed();

  /**
   * @param reason a denial reason
   * @return requests denied for that reason
   */
  long denied(DenialReason reason);
}
