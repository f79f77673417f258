package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real OpenID provider on loopback: NAV's mock-oauth2-server serves discovery and JWKS and signs tokens
 * with its own code (Nimbus underneath), so nothing here is Portico's own idea of a token.
 */
class MockOAuth2ServerIT {

  /** The provider's signing key, swappable to rotate (the server signs with and publishes only this key). */
  static final class RotatingKeys extends KeyProvider {
    final AtomicReference<RSAKey> current;

    RotatingKeys(RSAKey first) {
      current = new AtomicReference<>(first);
    }

    @Override
    public JWK signingKey(String issuerId) {
      return current.get();
    }

    @Override
    public List<JWK> get(com.nimbusds.jose.jwk.JWKSelector selector,
        com.nimbusds.jose.proc.SecurityContext context) {
      return selector.select(new com.nimbusds.jose.jwk.JWKSet(current.get()));
    }
  }

  RotatingKeys keys;
  MockOAuth2Server server;
  MutableClock clock = new MutableClock(java.time.Instant.now());

  @BeforeEach
  void start() throws JOSEException {
    keys = new RotatingKeys(new RSAKeyGenerator(2048).keyID("key-1").generate());
    OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys,
        (kotlin.jvm.functions.Function0<java.time.Instant>) clock::instant));
    server = new MockOAuth2Server(config);
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.shutdown();
  }

  String issuer() {
    return server.issuerUrl("default").toString();
  }

  JwtAuthorizer authorizer(String... audiences) {
    return JwtAuthorizer.create(JwtAuthorizerConfig.builder().issuer(issuer()).audiences(audiences).clock(clock)
        .build());
  }

  String token(List<String> audience, Map<String, Object> claims) {
    return server.issueToken("default", "client-1", new DefaultOAuth2TokenCallback("default", "user-7", "JWT",
        audience, claims, 3600)).serialize();
  }

  @Test
  void discoveryJwksAndCustomClaims() {
    JwtAuthorizer authorizer = authorizer("pets-api");
    String token = token(List.of("pets-api"), Map.of("scope", "pets/read pets/write", "tenant", "t-42",
        "roles", List.of("admin", "ops")));

    AuthorizationResult.Allowed allowed = (AuthorizationResult.Allowed) authorizer.authorize("Bearer " + token,
        Set.of("pets/write"));

    assertThat(allowed.claims()).containsEntry("sub", "user-7").containsEntry("tenant", "t-42")
        .containsEntry("roles", List.of("admin", "ops")).containsEntry("iss", issuer());
    assertThat(allowed.scopes()).contains(List.of("pets/read", "pets/write"));
    assertThat(authorizer.metrics().keyFetches()).isEqualTo(1);
  }

  @Test
  void audiencesAndScopesFromTheProvider() {
    JwtAuthorizer authorizer = authorizer("orders-api", "pets-api");
    assertThat(authorizer.authorize(token(List.of("billing", "pets-api"), Map.of()), Set.of()).isAllowed())
        .isTrue();
    AuthorizationResult.Denied wrongAudience = (AuthorizationResult.Denied) authorizer.authorize(
        token(List.of("billing"), Map.of()), Set.of());
    assertThat(wrongAudience.reason()).isEqualTo(DenialReason.INVALID_AUDIENCE);
    AuthorizationResult.Denied noScope = (AuthorizationResult.Denied) authorizer.authorize(
        token(List.of("pets-api"), Map.of("scp", List.of("pets/read"))), Set.of("pets/delete"));
    assertThat(noScope.status()).isEqualTo(403);
  }

  @Test
  void otherIssuerOnTheSameProviderIsRefused() {
    JwtAuthorizer authorizer = authorizer("pets-api");
    String foreign = server.issueToken("other", "client-1", new DefaultOAuth2TokenCallback("other", "user-7", "JWT",
        List.of("pets-api"), Map.of(), 3600)).serialize();
    AuthorizationResult.Denied denied = (AuthorizationResult.Denied) authorizer.authorize(foreign, Set.of());
    assertThat(denied.reason()).isEqualTo(DenialReason.INVALID_ISSUER);
  }

  @Test
  void keyRotation() throws JOSEException {
    JwtAuthorizer authorizer = authorizer("pets-api");
    String before = token(List.of("pets-api"), Map.of());
    assertThat(authorizer.authorize(before, Set.of()).isAllowed()).isTrue();

    keys.current.set(new RSAKeyGenerator(2048).keyID("key-2").generate()); // new kid appears, old disappears
    String after = token(List.of("pets-api"), Map.of());
    assertThat(((AuthorizationResult.Denied) authorizer.authorize(after, Set.of())).reason())
        .isEqualTo(DenialReason.UNKNOWN_KID); // refetch rate-limited: the keys were fetched moments ago

    clock.advance(Duration.ofSeconds(31));
    authorizer.authorize(after, Set.of()); // starts the refetch without waiting for it
    KeyFetchFaultTest.await(() -> authorizer.authorize(after, Set.of()).isAllowed());
    AuthorizationResult.Denied old = (AuthorizationResult.Denied) authorizer.authorize(before, Set.of());
    assertThat(old.reason()).isEqualTo(DenialReason.UNKNOWN_KID); // even though it was cached before
    assertThat(authorizer.metrics().keyFetches()).isEqualTo(2);
  }
}
