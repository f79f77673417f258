package dev.portico.testing;

import dev.portico.testing.internal.Keys;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * A real OpenID Connect issuer on 127.0.0.1 for tests: an OIDC discovery document and a JWKS served over HTTP,
 * RSA keys generated for this run, a fluent token minter, key rotation, and deliberately broken tokens.
 *
 * <pre>{@code
 * try (TestIssuer issuer = TestIssuer.start()) {
 *   JwtAuthorizerConfig config = JwtAuthorizerConfig.builder().issuer(issuer.issuer()).audiences("app").build();
 *   String token = issuer.token()
 *       .subject("u1").audience("app").scopes("pets/read")
 *       .expiresIn(Duration.ofMinutes(5)).claim("tenant", "t1")
 *       .sign();
 *   String expired = issuer.token().audience("app").expired().sign();
 * }
 * }</pre>
 *
 * <p>The issuer URL is {@code http://127.0.0.1:PORT}: it is the {@code iss} of every token and the base of {@code
 * /.well-known/openid-configuration} (which names {@code /jwks.json}), so a JWT authorizer configured with it finds
 * the keys exactly as it finds Cognito's, Auth0's or Okta's. Tokens are shaped like Cognito access tokens: {@code
 * iss}, {@code sub}, {@code aud} (when set), {@code scope} (space separated), {@code iat}, {@code nbf}, {@code exp},
 * {@code jti}, signed RS256 with a {@code kid}.
 *
 * <p>The key pair lives in memory only and the server binds to the loopback interface only: tokens from it are
 * worthless anywhere else. Thread-safe. The server threads are daemons, but close the issuer when done.
 */
public final class TestIssuer implements AutoCloseable {
  private static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
  private static final String JWKS_PATH = "/jwks.json";

  private final Server server;
  private final String issuer;
  private final Clock clock;
  private final int keySize;
  private final List<RsaJsonWebKey> published = new CopyOnWriteArrayList<>();
  private final RsaJsonWebKey stranger;
  private final AtomicInteger discoveryRequests = new AtomicInteger();
  private final AtomicInteger jwksRequests = new AtomicInteger();
  private volatile RsaJsonWebKey current;

  private TestIssuer(Builder builder) {
    this.clock = builder.clock;
    this.keySize = builder.keySize;
    this.current = Keys.rsa(keySize);
    this.published.add(current);
    this.stranger = Keys.rsa(keySize);
    QueuedThreadPool threads = new QueuedThreadPool(8, 1);
    threads.setName("portico-test-issuer");
    threads.setDaemon(true);
    this.server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(builder.port);
    server.addConnector(connector);
    server.setHandler(new Endpoints());
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      throw new IllegalStateException("cannot start the test issuer on 127.0.0.1:" + builder.port + ": " + e, e);
    }
    this.issuer = "http://127.0.0.1:" + connector.getLocalPort();
  }

  /**
   * Starts an issuer on a free port of 127.0.0.1 with the system clock and 2048-bit RSA keys.
   *
   * @return the running issuer
   * @throws IllegalStateException when the server cannot start
   */
  public static TestIssuer start() {
    return builder().start();
  }

  /**
   * A builder, for a fixed port or a test clock.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the issuer URL, {@code http://127.0.0.1:PORT}: what a JWT authorizer's {@code issuer} must be */
  public String issuer() {
    return issuer;
  }

  /** @return the OIDC discovery document's URL */
  public URI discoveryUri() {
    return URI.create(issuer + DISCOVERY_PATH);
  }

  /** @return the JWKS URL the discovery document names */
  public URI jwksUri() {
    return URI.create(issuer + JWKS_PATH);
  }

  /**
   * Starts a token: valid for five minutes from the issuer's clock, subject {@code test-user}, signed with the
   * current key. Set an audience (or a {@code client_id}) that the authorizer accepts.
   *
   * @return a token builder
   */
  public TokenBuilder token() {
    return new TokenBuilder();
  }

  /** @return the {@code kid} that new tokens are signed with */
  public String currentKeyId() {
    return current.getKeyId();
  }

  /** @return the {@code kid}s the JWKS publishes, oldest first */
  public List<String> publishedKeyIds() {
    return published.stream().map(RsaJsonWebKey::getKeyId).toList();
  }

  /**
   * Rotates the signing key as identity providers do: a new key signs every token from now on, and the previous
   * keys stay published (so tokens issued before still verify) until {@link #retireKey(String) retired}. A JWT
   * authorizer that already holds the old key set learns the new key when a token names it (AWS-like: the first
   * such token may be refused while the keys are refetched in the background).
   *
   * @return the new key's {@code kid}
   */
  public String rotateKey() {
    RsaJsonWebKey next = Keys.rsa(keySize);
    published.add(next);
    current = next;
    return next.getKeyId();
  }

  /**
   * Stops publishing a key; tokens signed with it no longer verify once an authorizer refetches the keys.
   *
   * @param keyId the {@code kid}
   * @throws IllegalArgumentException when the key is not published or is the current signing key
   */
  public void retireKey(String keyId) {
    Objects.requireNonNull(keyId, "keyId");
    if (keyId.equals(current.getKeyId())) {
      throw new IllegalArgumentException("key '" + keyId + "' is the current signing key; rotateKey() first");
    }
    if (!published.removeIf(k -> k.getKeyId().equals(keyId))) {
      throw new IllegalArgumentException("key '" + keyId + "' is not published (published: " + publishedKeyIds()
          + ")");
    }
  }

  /** @return how many times the discovery document was fetched */
  public int discoveryRequests() {
    return discoveryRequests.get();
  }

  /** @return how many times the JWKS was fetched */
  public int jwksRequests() {
    return jwksRequests.get();
  }

  /** Stops the server. */
  @Override
  public void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      System.getLogger(TestIssuer.class.getName()).log(System.Logger.Level.WARNING, "stopping the test issuer", e);
    }
  }

  @Override
  public String toString() {
    return "TestIssuer[" + issuer + ", keys " + publishedKeyIds() + "]";
  }

  private String discoveryDocument() {
    return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + JWKS_PATH + "\","
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"response_types_supported\":[\"token\"],"
        + "\"subject_types_supported\":[\"public\"]}";
  }

  private String jwks() {
    List<String> keys = new ArrayList<>();
    for (RsaJsonWebKey key : published) {
      keys.add(key.toJson());
    }
    return "{\"keys\":[" + String.join(",", keys) + "]}";
  }

  /** Discovery and JWKS; everything else is 404. */
  private final class Endpoints extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String body;
      if (!"GET".equals(request.getMethod())) {
        response.setStatus(405);
        body = "{\"error\":\"method not allowed\"}";
      } else if (DISCOVERY_PATH.equals(path)) {
        discoveryRequests.incrementAndGet();
        body = discoveryDocument();
      } else if (JWKS_PATH.equals(path)) {
        jwksRequests.incrementAndGet();
        body = jwks();
      } else {
        response.setStatus(404);
        body = "{\"error\":\"not found\"}";
      }
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=300");
      Content.Sink.write(response, true, body, callback);
      return true;
    }
  }

  /** Options for {@link TestIssuer#builder()}. */
  public static final class Builder {
    private int port;
    private Clock clock = Clock.systemUTC();
    private int keySize = 2048;

    private Builder() {}

    /**
     * The port on 127.0.0.1.
     *
     * @param port 0 (the default) for any free port, else 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port " + port + " must be 0 (any free port) or 1 to 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * The clock for {@code iat}, {@code nbf} and {@code exp}; use the gateway's clock when a test fixes time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The RSA key size.
     *
     * @param bits 2048 (the default, the minimum AWS and RFC 7518 accept), 3072 or 4096
     * @return this builder
     * @throws IllegalArgumentException for other sizes
     */
    public Builder keySize(int bits) {
      if (bits != 2048 && bits != 3072 && bits != 4096) {
        throw new IllegalArgumentException("keySize " + bits + " must be 2048, 3072 or 4096");
      }
      this.keySize = bits;
      return this;
    }

    /**
     * Generates the keys and starts the server.
     *
     * @return the running issuer
     * @throws IllegalStateException when the port cannot be bound
     */
    public TestIssuer start() {
      return new TestIssuer(this);
    }
  }

  /**
   * A token being minted by {@link TestIssuer#token()}. Each setter replaces the earlier value; the broken-token
   * methods make a token that a correct authorizer must refuse, one fault each.
   */
  public final class TokenBuilder {
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String subject = "test-user";
    private List<String> audiences = List.of();
    private Duration lifetime = Duration.ofMinutes(5);
    private @Nullable Instant issuedAt;
    private String tokenIssuer = issuer;
    private Fault fault = Fault.NONE;

    private TokenBuilder() {}

    /**
     * The {@code sub} claim.
     *
     * @param subject the subject; {@code test-user} unless set
     * @return this builder
     */
    public TokenBuilder subject(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    /**
     * The {@code aud} claim: one value is written as a string, several as an array.
     *
     * @param audiences the audiences
     * @return this builder
     */
    public TokenBuilder audience(String... audiences) {
      this.audiences = List.of(audiences);
      return this;
    }

    /**
     * The {@code client_id} claim, which AWS accepts in place of {@code aud} (Cognito access tokens carry no
     * {@code aud}).
     *
     * @param clientId the client id
     * @return this builder
     */
    public TokenBuilder clientId(String clientId) {
      return claim("client_id", Objects.requireNonNull(clientId, "clientId"));
    }

    /**
     * The {@code scope} claim, space separated, as Cognito and most providers write it.
     *
     * @param scopes the scopes; none removes the claim
     * @return this builder
     */
    public TokenBuilder scopes(String... scopes) {
      if (scopes.length == 0) {
        claims.remove("scope");
        return this;
      }
      for (String scope : scopes) {
        if (scope.isEmpty() || scope.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("scope '" + scope + "' must be non-empty and hold no whitespace");
        }
      }
      return claim("scope", String.join(" ", scopes));
    }

    /**
     * Any claim: a string, a number, a boolean, a list of those, or a map of those (nested claims).
     *
     * @param name the claim name
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException for another kind of value
     */
    public TokenBuilder claim(String name, Object value) {
      Objects.requireNonNull(name, "name");
      checkClaimValue(name, value);
      claims.put(name, value);
      return this;
    }

    /**
     * How long the token is valid from its {@code iat}.
     *
     * @param lifetime a positive duration; five minutes unless set
     * @return this builder
     */
    public TokenBuilder expiresIn(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("expiresIn " + lifetime + " must be positive; expired() makes an"
            + " expired token");
      }
      this.lifetime = lifetime;
      return this;
    }

    /**
     * The {@code iat} (and {@code nbf}) instant; the issuer's clock unless set.
     *
     * @param issuedAt the issue time
     * @return this builder
     */
    public TokenBuilder issuedAt(Instant issuedAt) {
      this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
      return this;
    }

    /**
     * Broken: expired an hour ago (issued two hours ago), beyond any clock skew an authorizer allows.
     *
     * @return this builder
     */
    public TokenBuilder expired() {
      issuedAt = clock.instant().minus(Duration.ofHours(2));
      lifetime = Duration.ofHours(1);
      return this;
    }

    /**
     * Broken: {@code aud} is {@code wrong-audience.invalid}.
     *
     * @return this builder
     */
    public TokenBuilder wrongAudience() {
      return audience("wrong-audience.invalid");
    }

    /**
     * Broken: {@code iss} is {@code https://wrong-issuer.invalid}, though the issuer's own key signs it.
     *
     * @return this builder
     */
    public TokenBuilder wrongIssuer() {
      tokenIssuer = "https://wrong-issuer.invalid";
      return this;
    }

    /**
     * Broken: signed with a key the JWKS has never published, under its own {@code kid}.
     *
     * @return this builder
     */
    public TokenBuilder unknownKeyId() {
      fault = Fault.UNKNOWN_KID;
      return this;
    }

    /**
     * Broken: names the current {@code kid} but is signed with another key, so the signature does not verify.
     *
     * @return this builder
     */
    public TokenBuilder badSignature() {
      fault = Fault.BAD_SIGNATURE;
      return this;
    }

    /**
     * Broken: signed with HS256 using the current RSA public key's encoding as the HMAC secret (the classic
     * algorithm-confusion attack), under the current {@code kid}.
     *
     * @return this builder
     */
    public TokenBuilder algorithmConfusion() {
      fault = Fault.HMAC_CONFUSION;
      return this;
    }

    /**
     * Broken: {@code alg: none}, no signature.
     *
     * @return this builder
     */
    public TokenBuilder unsigned() {
      fault = Fault.UNSIGNED;
      return this;
    }

    /**
     * Signs the token.
     *
     * @return the compact JWS, for an {@code Authorization: Bearer} header
     */
    public String sign() {
      Instant iat = issuedAt != null ? issuedAt : clock.instant();
      JwtClaims jwt = new JwtClaims();
      jwt.setIssuer(tokenIssuer);
      jwt.setSubject(subject);
      if (audiences.size() == 1) {
        jwt.setAudience(audiences.get(0));
      } else if (!audiences.isEmpty()) {
        jwt.setAudience(audiences);
      }
      jwt.setIssuedAt(NumericDate.fromSeconds(iat.getEpochSecond()));
      jwt.setNotBefore(NumericDate.fromSeconds(iat.getEpochSecond()));
      jwt.setExpirationTime(NumericDate.fromSeconds(iat.plus(lifetime).getEpochSecond()));
      jwt.setJwtId(UUID.randomUUID().toString());
      claims.forEach(jwt::setClaim);

      RsaJsonWebKey signer = current;
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(jwt.toJson());
      jws.setHeader(HeaderParameterNames.TYPE, "JWT");
      try {
        switch (fault) {
          case NONE -> sign(jws, signer.getKeyId(), signer);
          case UNKNOWN_KID -> sign(jws, stranger.getKeyId(), stranger);
          case BAD_SIGNATURE -> sign(jws, signer.getKeyId(), stranger);
          case HMAC_CONFUSION -> {
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKeyIdHeaderValue(signer.getKeyId());
            jws.setKey(new HmacKey(signer.getPublicKey().getEncoded()));
            jws.setDoKeyValidation(false);
          }
          case UNSIGNED -> {
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
            jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
          }
        }
        return jws.getCompactSerialization();
      } catch (JoseException e) {
        throw new IllegalStateException("cannot sign a test token: " + e, e);
      }
    }

    private void sign(JsonWebSignature jws, String kid, RsaJsonWebKey key) {
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      jws.setKeyIdHeaderValue(kid);
      jws.setKey(key.getPrivateKey());
    }
  }

  private enum Fault {
    NONE, UNKNOWN_KID, BAD_SIGNATURE, HMAC_CONFUSION, UNSIGNED
  }

  private static void checkClaimValue(String name, Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return;
    }
    if (value instanceof Collection<?> list) {
      list.forEach(v -> checkClaimValue(name, v));
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (!(k instanceof String)) {
          throw new IllegalArgumentException("claim '" + name + "': map keys must be strings, got " + k);
        }
        checkClaimValue(name, v);
      });
      return;
    }
    throw new IllegalArgumentException("claim '" + name + "' must be a string, number, boolean, list or map, got "
        + (value == null ? "null" : value.getClass().getName()));
  }
}
