package dev.portico.auth.jwt;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one JWT authorizer: AWS's fields ({@code issuer}, {@code audience}, identity source) plus the
 * knobs AWS keeps to itself (algorithms, clock skew, timeouts, cache sizes), each with AWS's value as the default.
 *
 * <pre>{@code
 * JwtAuthorizerConfig config = JwtAuthorizerConfig.builder()
 *     .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf")
 *     .audiences("4cq0bkd7pqrl0pmh6k1pvl7hfd")
 *     .identitySource("$request.header.Authorization")     // the default
 *     .build();
 * }</pre>
 *
 * <p>Secure by default: only RS256/RS384/RS512 (what AWS accepts), no clock skew (decision D8), https issuers only
 * (plain http is allowed for loopback hosts, for local identity providers), bounded documents and timeouts.
 *
 * @param issuer the issuer URL; tokens' {@code iss} must equal it exactly, and keys are discovered under it
 * @param audiences 1 to 50 accepted audiences ({@code aud}, or {@code client_id} when {@code aud} is absent)
 * @param identitySource where the token is read from
 * @param allowedAlgorithms the signature algorithms accepted (default RS256, RS384, RS512)
 * @param clockSkew the tolerance applied to {@code exp}, {@code nbf} and {@code iat} (default zero, decision D8)
 * @param fetchTimeout the timeout of each discovery and JWKS request, body included (default 1,500 ms, the AWS quota)
 * @param keyLifetime how long keys are used after the last successful fetch while the provider fails (default 2 h)
 * @param tokenCacheSize how many verified tokens are remembered (default 10,000; 0 disables the cache)
 * @param limits size limits on tokens and fetched documents
 * @param clock the time source for every claim check and key expiry
 * @param executor where key fetches complete; empty for the HTTP client's default executor
 */
public record JwtAuthorizerConfig(
    URI issuer,
    List<String> audiences,
    IdentitySource identitySource,
    Set<JwtAlgorithm> allowedAlgorithms,
    Duration clockSkew,
    Duration fetchTimeout,
    Duration keyLifetime,
    int tokenCacheSize,
    JwtLimits limits,
    Clock clock,
    Optional<Executor> executor) {

  /** AWS's limit on audiences per JWT authorizer. */
  public static final int MAX_AUDIENCES = 50;

  /**
   * Checks every field; {@link Builder} is the usual way in.
   *
   * @param issuer the issuer URL
   * @param audiences the accepted audiences
   * @param identitySource where the token is read from
   * @param allowedAlgorithms the signature algorithms accepted
   * @param clockSkew the tolerance on time claims
   * @param fetchTimeout the timeout of each key request
   * @param keyLifetime how long keys outlive a failing provider
   * @param tokenCacheSize the verified-token cache size
   * @param limits the size limits
   * @param clock the time source
   * @param executor where fetches complete
   * @throws JwtConfigException naming the field and the rule that a value breaks
   */
  public JwtAuthorizerConfig {
    Objects.requireNonNull(issuer, "issuer");
    checkIssuer(issuer.toString());
    audiences = List.copyOf(Objects.requireNonNull(audiences, "audiences"));
    if (audiences.isEmpty() || audiences.size() > MAX_AUDIENCES) {
      throw new JwtConfigException("audiences", String.valueOf(audiences.size()),
          "audiences has " + audiences.size() + " entries; a JWT authorizer needs 1 to "
          + MAX_AUDIENCES);
    }
    for (String audience : audiences) {
      if (audience.isBlank()) {
        throw new JwtConfigException("audiences", audience, "audiences entry '" + audience + "' must not be blank");
      }
    }
    if (new LinkedHashSet<>(audiences).size() != audiences.size()) {
      throw new JwtConfigException("audiences", String.valueOf(audiences),
          "audiences " + audiences + " must not repeat an entry");
    }
    Objects.requireNonNull(identitySource, "identitySource");
    allowedAlgorithms = Set.copyOf(Objects.requireNonNull(allowedAlgorithms, "allowedAlgorithms"));
    if (allowedAlgorithms.isEmpty()) {
      throw new JwtConfigException("allowedAlgorithms", "", "allowedAlgorithms must name at least one algorithm");
    }
    checkDuration("clockSkew", clockSkew, Duration.ZERO, Duration.ofMinutes(10));
    checkDuration("fetchTimeout", fetchTimeout, Duration.ofMillis(1), Duration.ofSeconds(30));
    checkDuration("keyLifetime", keyLifetime, Duration.ofMinutes(1), Duration.ofDays(1));
    if (tokenCacheSize < 0 || tokenCacheSize > 10_000_000) {
      throw new JwtConfigException("tokenCacheSize", String.valueOf(tokenCacheSize),
          "tokenCacheSize " + tokenCacheSize + " must be between 0 and 10000000");
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(executor, "executor");
  }

  /** @return a builder with AWS's defaults and no issuer or audience yet */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.issuer = issuer.toString();
    b.audiences = new ArrayList<>(audiences);
    b.identitySource = identitySource;
    b.allowedAlgorithms = EnumSet.copyOf(allowedAlgorithms);
    b.clockSkew = clockSkew;
    b.fetchTimeout = fetchTimeout;
    b.keyLifetime = keyLifetime;
    b.tokenCacheSize = tokenCacheSize;
    b.limits = limits;
    b.clock = clock;
    b.executor = executor.orElse(null);
    return b;
  }

  /** The OpenID discovery URL: the issuer without a trailing slash, plus {@code /.well-known/openid-configuration}. */
  URI discoveryUri() {
    String base = issuer.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/.well-known/openid-configuration");
  }

  private static void checkDuration(String name, Duration value, Duration min, Duration max) {
    Objects.requireNonNull(value, name);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new JwtConfigException(name, String.valueOf(value),
          name + " " + value + " must be between " + min + " and " + max);
    }
  }

  static URI checkIssuer(String issuer) {
    URI uri;
    try {
      uri = new URI(issuer);
    } catch (URISyntaxException e) {
      throw new JwtConfigException("issuer", String.valueOf(issuer),
          "issuer '" + issuer + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new JwtConfigException("issuer", String.valueOf(issuer),
          "issuer '" + issuer + "' must be an absolute URL with a host and without user "
          + "info, query or fragment");
    }
    if (scheme.equals("https")) {
      return uri;
    }
    if (scheme.equals("http") && isLoopback(uri.getHost())) {
      return uri;
    }
    throw new JwtConfigException("issuer", String.valueOf(issuer),
        "issuer '" + issuer + "' must use https (http is allowed for loopback hosts only)");
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    // Only IP literals: never resolve a name here.
    boolean ipv4 = literal.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    boolean ipv6 = literal.indexOf(':') >= 0 && literal.chars().allMatch(c -> c == ':' || c == '.'
        || Character.digit(c, 16) >= 0);
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Builds a {@link JwtAuthorizerConfig}; each setter checks its value, {@link #build()} checks the whole.
   *
   * <pre>{@code
   * JwtAuthorizerConfig.builder()
   *     .issuer("https://idp.example.com/")
   *     .audiences("api://pets", "pets-web")
   *     .allowedAlgorithms(JwtAlgorithm.RS256, JwtAlgorithm.PS256)   // widen beyond AWS on purpose
   *     .clockSkew(Duration.ofSeconds(30))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable String issuer;
    private List<String> audiences = new ArrayList<>();
    private IdentitySource identitySource = IdentitySource.AUTHORIZATION_HEADER;
    private Set<JwtAlgorithm> allowedAlgorithms = EnumSet.of(JwtAlgorithm.RS256, JwtAlgorithm.RS384,
        JwtAlgorithm.RS512);
    private Duration clockSkew = Duration.ZERO;
    private Duration fetchTimeout = Duration.ofMillis(1500);
    private Duration keyLifetime = Duration.ofHours(2);
    private int tokenCacheSize = 10_000;
    private JwtLimits limits = JwtLimits.DEFAULTS;
    private Clock clock = Clock.systemUTC();
    private @Nullable Executor executor;

    private Builder() {}

    /**
     * @param issuer the issuer URL, exactly as tokens carry it in {@code iss}
     * @return this builder
     */
    public Builder issuer(String issuer) {
      checkIssuer(Objects.requireNonNull(issuer, "issuer"));
      this.issuer = issuer;
      return this;
    }

    /**
     * @param audiences the accepted audiences (replacing any set before)
     * @return this builder
     */
    public Builder audiences(String... audiences) {
      return audiences(Arrays.asList(audiences));
    }

    /**
     * @param audiences the accepted audiences (replacing any set before)
     * @return this builder
     */
    public Builder audiences(List<String> audiences) {
      this.audiences = new ArrayList<>(Objects.requireNonNull(audiences, "audiences"));
      this.audiences.forEach(a -> Objects.requireNonNull(a, "audiences entry"));
      return this;
    }

    /**
     * @param expression {@code $request.header.<name>} or {@code $request.querystring.<name>}
     * @return this builder
     */
    public Builder identitySource(String expression) {
      this.identitySource = IdentitySource.parse(expression);
      return this;
    }

    /**
     * @param algorithms the accepted algorithms (replacing the default RS256, RS384, RS512)
     * @return this builder
     */
    public Builder allowedAlgorithms(JwtAlgorithm... algorithms) {
      Set<JwtAlgorithm> set = EnumSet.noneOf(JwtAlgorithm.class);
      for (JwtAlgorithm a : algorithms) {
        set.add(Objects.requireNonNull(a, "algorithm"));
      }
      this.allowedAlgorithms = set;
      return this;
    }

    /**
     * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}, 0 to 10 minutes
     * @return this builder
     */
    public Builder clockSkew(Duration clockSkew) {
      this.clockSkew = clockSkew;
      return this;
    }

    /**
     * @param fetchTimeout the timeout of each discovery and JWKS request, 1 ms to 30 s
     * @return this builder
     */
    public Builder fetchTimeout(Duration fetchTimeout) {
      this.fetchTimeout = fetchTimeout;
      return this;
    }

    /**
     * @param keyLifetime how long keys serve after the last successful fetch, 1 minute to 1 day
     * @return this builder
     */
    public Builder keyLifetime(Duration keyLifetime) {
      this.keyLifetime = keyLifetime;
      return this;
    }

    /**
     * @param tokenCacheSize how many verified tokens to remember; 0 turns the cache off
     * @return this builder
     */
    public Builder tokenCacheSize(int tokenCacheSize) {
      this.tokenCacheSize = tokenCacheSize;
      return this;
    }

    /**
     * @param limits size limits on tokens and fetched documents
     * @return this builder
     */
    public Builder limits(JwtLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * @param clock the time source for claim checks and key expiry
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @param executor where key fetches complete (the HTTP client's executor)
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * @return the validated configuration
     * @throws JwtConfigException naming the field and the rule that a value breaks
     */
    public JwtAuthorizerConfig build() {
      if (issuer == null) {
        throw new JwtConfigException("issuer", "", "issuer is required");
      }
      return new JwtAuthorizerConfig(URI.create(issuer), audiences, identitySource, allowedAlgorithms, clockSkew,
          fetchTimeout, keyLifetime, tokenCacheSize, limits, clock, Optional.ofNullable(executor));
    }
  }
}
