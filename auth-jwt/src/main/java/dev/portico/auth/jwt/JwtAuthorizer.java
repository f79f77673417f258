package dev.portico.auth.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JWT authorizer of an HTTP API: decides, for a request's identity value and the route's scopes, what AWS would
 * decide — and answers the same 401/403.
 *
 * <pre>{@code
 * JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
 *     .issuer("https://idp.example.com")
 *     .audiences("pets-api")
 *     .build());
 *
 * AuthorizationResult result = authorizer.authorize(request.header("authorization"), Set.of("pets/read"));
 * if (result instanceof AuthorizationResult.Allowed allowed) {
 *   allowed.claims().get("sub");
 * }
 * }</pre>
 *
 * <p>The checks, in AWS's order (facts §4): the token's {@code kid} must name a key of the issuer's JWKS (found by
 * OpenID discovery), the signature must verify with it under an allowed algorithm, {@code iss} must equal the
 * issuer, {@code aud} must name a configured audience (or, only when there is no {@code aud}, {@code client_id}
 * must), {@code exp} must be after now, {@code nbf} and {@code iat} not after now, and when the route has scopes,
 * {@code scope}/{@code scp} must hold at least one of them. Before any of this, the token's form is checked
 * strictly (see {@link DenialReason}).
 *
 * <p>Performance: verification uses the JCA directly, once per token; verified tokens are remembered in a bounded
 * cache until they expire or their key leaves the JWKS, and a hit re-checks the time claims against the clock. Key
 * fetches happen in the background; only the first request for an issuer with no keys yet waits (at most the
 * fetch timeouts). Thread-safe; create one per authorizer configuration and share it.
 */
public final class JwtAuthorizer implements AutoCloseable {

  /** The {@code www-authenticate} value AWS documents, for a token with no valid audience. */
  static final String INVALID_AUDIENCE_CHALLENGE =
      "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"";
  private static final Map<DenialReason, String> CHALLENGES = challenges();
  private static final System.Logger LOG = System.getLogger("dev.portico.auth.jwt");

  private final JwtAuthorizerConfig config;
  private final Metrics metrics;
  private final KeySource keys;
  /** The cache this authorizer made for itself and closes; null when it was given a shared one. */
  private final @Nullable JwksCache ownCache;
  private final java.util.function.Consumer<KeySet> keysChanged = this::keysChanged;
  private final @Nullable Cache<TokenKey, Verified> tokens;
  private final String issuer;
  private final Set<String> audiences;
  private final double skewSeconds;

  private JwtAuthorizer(JwtAuthorizerConfig config, JwksCache cache, boolean owned) {
    this.config = config;
    this.issuer = config.issuer().toString();
    this.audiences = Set.copyOf(config.audiences());
    this.skewSeconds = config.clockSkew().toMillis() / 1000.0;
    this.tokens = config.tokenCacheSize() == 0 ? null : Caffeine.newBuilder()
        .maximumSize(config.tokenCacheSize())
        .expireAfter(new VerifiedExpiry())
        .executor(Runnable::run)
        .build();
    this.ownCache = owned ? cache : null;
    this.keys = cache.source(config);
    this.metrics = new Metrics(keys);
    keys.listen(keysChanged);
  }

  /**
   * Creates an authorizer with a key cache of its own, released by {@link #close()}. No network I/O happens here;
   * keys are fetched on first use (or {@link #warmUp()}).
   *
   * @param config the validated configuration
   * @return the authorizer
   */
  public static JwtAuthorizer create(JwtAuthorizerConfig config) {
    return new JwtAuthorizer(Objects.requireNonNull(config, "config"), JwksCache.create(), true);
  }

  /**
   * Creates an authorizer that reads its issuer's keys from a shared cache: authorizers of one issuer fetch its
   * keys once. The cache's owner closes it.
   *
   * @param config the validated configuration
   * @param keys the shared cache
   * @return the authorizer
   */
  public static JwtAuthorizer create(JwtAuthorizerConfig config, JwksCache keys) {
    return new JwtAuthorizer(Objects.requireNonNull(config, "config"), Objects.requireNonNull(keys, "keys"), false);
  }

  /**
   * Starts fetching the issuer's keys now, so the first request does not wait for them.
   *
   * @return completes when the fetch has ended, whether it succeeded or not (see {@link #metrics()})
   */
  public java.util.concurrent.CompletionStage<Void> warmUp() {
    return keys.warmUp(config.clock().instant()).thenApply(ignored -> null);
  }

  /** What {@link #keysReady()} answers when the keys are there: a stage no caller can complete or change. */
  private static final java.util.concurrent.CompletionStage<Void> READY =
      java.util.concurrent.CompletableFuture.completedStage(null);

  /**
   * When {@link #authorize} can decide without waiting for the issuer's keys: at once (a completed stage) when they
   * are there, else when the fetch {@code authorize} would wait for has ended, succeeded or not. A host that must
   * not block (a non-blocking HTTP handler) waits on this, then authorizes:
   *
   * <pre>{@code
   * authorizer.keysReady().thenApply(ready -> authorizer.authorize(token, Set.of("pets/read")));
   * }</pre>
   *
   * @return the stage; completed when no wait is needed
   */
  public java.util.concurrent.CompletionStage<Void> keysReady() {
    Instant now = config.clock().instant();
    if (keys.current(now) != null) {
      return READY;
    }
    return keys.warmUp(now).thenApply(ignored -> null);
  }

  /**
   * Whether {@link #authorize} can decide now, the issuer's keys being there: the allocation-free check for a hot
   * path, with {@link #keysReady()} to wait when it answers false.
   *
   * <pre>{@code
   * if (authorizer.keysAvailable()) {
   *   authorizer.authorize(token, Set.of("pets/read"));   // decides without waiting for the issuer
   * }
   * }</pre>
   *
   * @return true when the keys are there
   */
  public boolean keysAvailable() {
    return keys.current(config.clock().instant()) != null;
  }

  /** Stops listening for new keys, and releases the key cache this authorizer made for itself. */
  @Override
  public void close() {
    keys.unlisten(keysChanged);
    if (ownCache != null) {
      ownCache.close();
    }
  }

  /** @return the configuration this authorizer was created with */
  public JwtAuthorizerConfig config() {
    return config;
  }

  /** @return live counters: fetches, failures, cache hits, decisions by reason */
  public JwtAuthorizerMetrics metrics() {
    return metrics;
  }

  /**
   * Authorizes one request. Never throws for anything a client sends.
   *
   * @param identityValue the identity source's value: the token, or {@code Bearer } and the token (the prefix is
   *     case-insensitive and followed by exactly one space, decision D5); null or empty when the request has none
   * @param routeScopes the route's authorization scopes; empty when the route declares none
   * @return allowed with the claims, or denied with AWS's answer and the reason
   */
  public AuthorizationResult authorize(@Nullable String identityValue, Set<String> routeScopes) {
    Objects.requireNonNull(routeScopes, "routeScopes");
    if (identityValue == null || identityValue.isEmpty()) {
      return deny(DenialReason.MISSING_TOKEN, "the identity source " + config.identitySource() + " is empty",
          routeScopes);
    }
    String token = identityValue;
    if (identityValue.length() >= 7 && identityValue.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = identityValue.substring(7);
      if (token.isEmpty()) {
        return deny(DenialReason.MISSING_TOKEN, "the identity value is 'Bearer ' without a token", routeScopes);
      }
    }
    Instant now = config.clock().instant();
    if (tokens != null) {
      Verified hit = tokens.getIfPresent(new TokenKey(token));
      if (hit != null) {
        KeySet current = keys.current(now);
        if (current != null && current.keyOrNull(hit.key.kid) == hit.key) {
          metrics.tokenCacheHits.increment();
          return decide(hit, now, routeScopes);
        }
        tokens.invalidate(new TokenKey(token));
      }
      metrics.tokenCacheMisses.increment();
    }
    try {
      Verified verified = verify(token, now);
      if (tokens != null) {
        tokens.put(new TokenKey(token), verified);
      }
      return decide(verified, now, routeScopes);
    } catch (Rejection r) {
      return deny(r.reason(), String.valueOf(r.getMessage()), routeScopes);
    } catch (RuntimeException bug) {
      // The contract is "never throws for anything a client sends": a check that fails unexpectedly is a bug in
      // Portico, logged with its stack, and the token is refused (fail closed) rather than answered 500.
      LOG.log(System.Logger.Level.ERROR, "JWT authorizer for " + issuer + ": a token check failed unexpectedly;"
          + " the token is refused", bug);
      return deny(DenialReason.MALFORMED_TOKEN, "the token could not be checked: " + bug.getClass().getName(),
          routeScopes);
    }
  }

  /** Everything that does not depend on the time or the route: form, key, signature, issuer, audience. */
  private Verified verify(String token, Instant now) throws Rejection {
    CompactToken jws = CompactToken.parse(token, config.limits().maxTokenLength(), config.allowedAlgorithms());
    KeySet keySet = keys.current(now);
    if (keySet == null) {
      keySet = keys.awaitKeys(now);
      if (keySet == null) {
        throw new Rejection(DenialReason.KEYS_UNAVAILABLE, "no keys for issuer " + issuer + ": "
            + metrics.lastFetchFailure().orElse("still fetching"));
      }
    }
    VerificationKey key;
    try {
      key = keySet.key(jws.kid);
    } catch (Rejection r) {
      if (r.reason() == DenialReason.UNKNOWN_KID) {
        keys.unknownKid(now);
      }
      throw r;
    }
    JwtAlgorithm algorithm = jws.algorithm();
    String mismatch = key.mismatch(algorithm);
    if (mismatch != null) {
      throw new Rejection(DenialReason.KEY_ALGORITHM_MISMATCH, mismatch);
    }
    if (!Signatures.verify(algorithm, key, jws.signingInput(), jws.signature)) {
      throw new Rejection(DenialReason.INVALID_SIGNATURE, "signature does not verify with key '" + key.kid + "'");
    }
    return checkClaims(key, jws.payload);
  }

  private Verified checkClaims(VerificationKey key, byte[] payload) throws Rejection {
    Map<String, Object> claims;
    try {
      claims = Json.parseObject(payload);
    } catch (Json.JsonException e) {
      throw new Rejection(DenialReason.MALFORMED_CLAIMS, "claims are not a JSON object: " + e.getMessage());
    }
    Object iss = claims.get("iss");
    if (!issuer.equals(iss)) {
      throw new Rejection(DenialReason.INVALID_ISSUER, "iss " + Rejection.quote(iss) + " is not "
          + Rejection.quote(issuer));
    }
    checkAudience(claims);
    double exp = time(claims, "exp");
    if (Double.isNaN(exp)) {
      throw new Rejection(DenialReason.EXPIRED, "the token has no exp claim");
    }
    double nbf = time(claims, "nbf");
    double iat = time(claims, "iat");
    List<String> scopes = scopes(claims);
    Map<String, Object> visible = new LinkedHashMap<>();
    claims.forEach((name, value) -> {
      if (value != null) {
        visible.put(name, value);
      }
    });
    return new Verified(key, Collections.unmodifiableMap(visible), exp, nbf, iat, scopes);
  }

  private void checkAudience(Map<String, Object> claims) throws Rejection {
    if (claims.containsKey("aud")) {
      Object aud = claims.get("aud");
      if (aud instanceof String && audiences.contains(aud)) {
        return;
      }
      if (aud instanceof List) {
        for (Object a : (List<?>) aud) {
          if (a instanceof String && audiences.contains(a)) {
            return;
          }
        }
      }
      throw new Rejection(DenialReason.INVALID_AUDIENCE, "aud " + Rejection.quote(aud) + " names none of "
          + audiences);
    }
    Object clientId = claims.get("client_id");
    if (clientId instanceof String && audiences.contains(clientId)) {
      return;
    }
    throw new Rejection(DenialReason.INVALID_AUDIENCE, "no aud, and client_id " + Rejection.quote(clientId)
        + " is none of " + audiences);
  }

  /** A NumericDate claim in seconds, NaN when absent. */
  private static double time(Map<String, Object> claims, String name) throws Rejection {
    Object value = claims.get(name);
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).doubleValue();
    }
    throw new Rejection(DenialReason.MALFORMED_CLAIMS, name + " is " + Rejection.quote(value) + ", not a number");
  }

  /** The token's scopes: {@code scope} split at spaces, then {@code scp} (a string or an array), deduplicated. */
  private static List<String> scopes(Map<String, Object> claims) throws Rejection {
    Set<String> scopes = new LinkedHashSet<>();
    Object scope = claims.get("scope");
    if (scope instanceof String) {
      split((String) scope, scopes);
    } else if (scope != null) {
      throw new Rejection(DenialReason.MALFORMED_CLAIMS, "scope is " + Rejection.quote(scope) + ", not a string");
    }
    Object scp = claims.get("scp");
    if (scp instanceof String) {
      split((String) scp, scopes);
    } else if (scp instanceof List) {
      for (Object s : (List<?>) scp) {
        if (!(s instanceof String)) {
          throw new Rejection(DenialReason.MALFORMED_CLAIMS, "scp holds " + Rejection.quote(s) + ", not a string");
        }
        scopes.add((String) s);
      }
    } else if (scp != null) {
      throw new Rejection(DenialReason.MALFORMED_CLAIMS, "scp is " + Rejection.quote(scp)
          + ", not a string or array");
    }
    return List.copyOf(scopes);
  }

  private static void split(String value, Set<String> into) {
    for (String s : value.split(" ")) {
      if (!s.isEmpty()) {
        into.add(s);
      }
    }
  }

  /** The checks that depend on the clock and the route, run on every request, cached or not. */
  private AuthorizationResult decide(Verified v, Instant now, Set<String> routeScopes) {
    double t = now.getEpochSecond() + now.getNano() / 1e9;
    if (!(v.exp + skewSeconds > t)) {
      return deny(DenialReason.EXPIRED, "exp " + v.exp + " is not after now " + t, routeScopes);
    }
    if (v.nbf - skewSeconds > t) {
      return deny(DenialReason.NOT_YET_VALID, "nbf " + v.nbf + " is after now " + t, routeScopes);
    }
    if (v.iat - skewSeconds > t) {
      return deny(DenialReason.ISSUED_IN_FUTURE, "iat " + v.iat + " is after now " + t, routeScopes);
    }
    if (routeScopes.isEmpty()) {
      metrics.allowed.increment();
      return v.allowedWithoutScopes;
    }
    for (String s : routeScopes) {
      if (v.scopeSet.contains(s)) {
        metrics.allowed.increment();
        return v.allowedWithScopes;
      }
    }
    return deny(DenialReason.INSUFFICIENT_SCOPE, "token scopes " + v.scopes + " hold none of " + routeScopes,
        routeScopes);
  }

  private AuthorizationResult deny(DenialReason reason, String detail, Set<String> routeScopes) {
    metrics.recordDenied(reason);
    String challenge = reason == DenialReason.INSUFFICIENT_SCOPE
        ? "Bearer scope=\"" + String.join(" ", new TreeSet<>(routeScopes))
            + "\" error=\"insufficient_scope\" error_description=\"the token does not have the required scopes\""
        : Objects.requireNonNull(CHALLENGES.get(reason)); // every reason has one
    return new AuthorizationResult.Denied(reason, detail, challenge);
  }

  /**
   * The {@code www-authenticate} values. AWS documents one (the audience); the others follow its form with Portico's
   * wording, and say no more than which claim failed — never why a signature or key was refused. A request
   * without a token gets a bare {@code Bearer} (RFC 6750 §3.1: no error code when no credentials were sent).
   */
  private static Map<DenialReason, String> challenges() {
    Map<DenialReason, String> map = new EnumMap<>(DenialReason.class);
    for (DenialReason r : DenialReason.values()) {
      String description;
      switch (r) {
        case INVALID_AUDIENCE:
          map.put(r, INVALID_AUDIENCE_CHALLENGE);
          continue;
        case MISSING_TOKEN:
          map.put(r, "Bearer");
          continue;
        case INVALID_ISSUER:
          description = "the token does not have a valid issuer";
          break;
        case EXPIRED:
          description = "the token has expired";
          break;
        case NOT_YET_VALID:
        case ISSUED_IN_FUTURE:
          description = "the token is not valid yet";
          break;
        default:
          description = "the token is not valid";
      }
      map.put(r, "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
    }
    return Collections.unmodifiableMap(map);
  }

  private void keysChanged(KeySet current) {
    if (tokens != null) {
      tokens.asMap().values().removeIf(v -> !current.contains(v.key));
    }
  }

  /**
   * A cache key for a token that hashes only its last 32 characters (the signature, effectively random) instead of
   * all of them; equality still compares the whole token.
   */
  static final class TokenKey {
    final String token;
    private final int hash;

    TokenKey(String token) {
      this.token = token;
      int h = token.length();
      for (int i = Math.max(0, token.length() - 32); i < token.length(); i++) {
        h = 31 * h + token.charAt(i);
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TokenKey && ((TokenKey) o).token.equals(token);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A token whose signature, issuer and audience were verified, with its time claims and prepared answers. */
  static final class Verified {
    final VerificationKey key;
    final double exp;
    final double nbf;
    final double iat;
    final List<String> scopes;
    final Set<String> scopeSet;
    final AuthorizationResult.Allowed allowedWithScopes;
    final AuthorizationResult.Allowed allowedWithoutScopes;

    Verified(VerificationKey key, Map<String, Object> claims, double exp, double nbf, double iat,
        List<String> scopes) {
      this.key = key;
      this.exp = exp;
      this.nbf = Double.isNaN(nbf) ? Double.NEGATIVE_INFINITY : nbf;
      this.iat = Double.isNaN(iat) ? Double.NEGATIVE_INFINITY : iat;
      this.scopes = scopes;
      this.scopeSet = new HashSet<>(scopes);
      this.allowedWithScopes = new AuthorizationResult.Allowed(claims, Optional.of(new ArrayList<>(scopes)));
      this.allowedWithoutScopes = new AuthorizationResult.Allowed(claims, Optional.empty());
    }
  }

  /** Entries live until the token expires, and never longer than the key lifetime. */
  private final class VerifiedExpiry implements Expiry<TokenKey, Verified> {
    @Override
    public long expireAfterCreate(TokenKey key, Verified value, long currentTime) {
      Instant now = config.clock().instant();
      double remaining = value.exp + skewSeconds - (now.getEpochSecond() + now.getNano() / 1e9);
      long lifetime = config.keyLifetime().toNanos();
      if (!(remaining > 0)) {
        return 0;
      }
      return (long) Math.min(remaining * 1e9, lifetime);
    }

    @Override
    public long expireAfterUpdate(TokenKey key, Verified value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(TokenKey key, Verified value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
