package dev.portico.auth.jwt;

/**
 * Why a {@link JwtAuthorizer} refused a request: machine-readable, for logs and metrics. Clients never see it; they
 * get AWS's status, body and {@code www-authenticate} value.
 *
 * <pre>{@code
 * if (result instanceof AuthorizationResult.Denied denied && denied.reason() == DenialReason.EXPIRED) {
 *   log.info("expired token: {}", denied.detail());
 * }
 * }</pre>
 */
public enum DenialReason {
  /** The identity source is absent or empty (401). */
  MISSING_TOKEN(false),
  /** The token is longer than {@link JwtLimits#maxTokenLength()} (401). */
  TOKEN_TOO_LARGE(false),
  /** Not three base64url segments, a bad prefix, or a non-canonical base64url encoding (401). */
  MALFORMED_TOKEN(false),
  /** Five segments: a JWE. Encrypted tokens are not accepted (401). */
  ENCRYPTED_TOKEN(false),
  /** The header declares a nested JWT ({@code cty: JWT}) (401). */
  NESTED_TOKEN(false),
  /** The JOSE header is not a JSON object, or {@code alg}/{@code kid} are not strings (401). */
  MALFORMED_HEADER(false),
  /** {@code alg: none} (401). */
  ALGORITHM_NONE(false),
  /** An algorithm that is unknown, symmetric ({@code HS*}) or not in the allow-list (401). */
  ALGORITHM_NOT_ALLOWED(false),
  /** The header carries a key or key reference ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) (401). */
  EMBEDDED_KEY(false),
  /** The header has {@code crit}: no extension is understood, so none may be critical (401). */
  CRITICAL_HEADER(false),
  /** The header has no {@code kid}; AWS requires it to match a JWKS key (401). */
  MISSING_KID(false),
  /** No keys: the issuer's discovery or JWKS could not be fetched and nothing usable is cached (401). */
  KEYS_UNAVAILABLE(false),
  /** No JWKS key has the token's {@code kid} (401). */
  UNKNOWN_KID(false),
  /** The JWKS key with the token's {@code kid} is unusable: {@code use: enc}, weak, malformed or ambiguous (401). */
  UNUSABLE_KEY(false),
  /** The key's type, curve or declared {@code alg} does not fit the token's algorithm (401). */
  KEY_ALGORITHM_MISMATCH(false),
  /** The signature does not verify (401). */
  INVALID_SIGNATURE(false),
  /** The claims are not a JSON object, or a registered claim has the wrong type (401). */
  MALFORMED_CLAIMS(false),
  /** {@code iss} is not the configured issuer (401). */
  INVALID_ISSUER(false),
  /** Neither {@code aud} nor (without {@code aud}) {@code client_id} names a configured audience (401). */
  INVALID_AUDIENCE(false),
  /** {@code exp} is missing or not after now (401). */
  EXPIRED(false),
  /** {@code nbf} is after now (401). */
  NOT_YET_VALID(false),
  /** {@code iat} is after now (401). */
  ISSUED_IN_FUTURE(false),
  /** The token is valid but carries none of the route's scopes (403). */
  INSUFFICIENT_SCOPE(true);

  private final boolean forbidden;

  DenialReason(boolean forbidden) {
    this.forbidden = forbidden;
  }

  /** @return the HTTP status AWS answers: 403 for {@link #INSUFFICIENT_SCOPE}, 401 for everything else */
  public int status() {
    return forbidden ? 403 : 401;
  }
}
