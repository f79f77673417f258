package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.DenialReason;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test issuer over real HTTP on 127.0.0.1: its discovery document and JWKS, its tokens accepted by Portico's
 * JWT authorizer and by a second library (Nimbus JOSE + JWT, fetching the same JWKS), and each broken token refused
 * by both for the reason it was broken.
 */
class TestIssuerIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestIssuer issuer;

  @BeforeAll
  static void start() {
    issuer = TestIssuer.start();
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  static JsonNode get(URI uri) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    return JSON.readTree(response.body());
  }

  static AuthorizationResult authorize(String token) {
    JwtAuthorizer authorizer = JwtAuthorizer.create(
        JwtAuthorizerConfig.builder().issuer(issuer.issuer()).audiences("app").build());
    return authorizer.authorize("Bearer " + token, Set.of("pets/read"));
  }

  static JWTClaimsSet nimbus(String token) throws Exception {
    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(issuer.jwksUri().toURL()).retrying(false).build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("app",
        new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(), Set.of("sub", "exp", "iat")));
    return processor.process(token, null);
  }

  @Test
  void discoveryNamesTheIssuerAndTheJwks() throws Exception {
    JsonNode discovery = get(issuer.discoveryUri());
    assertThat(issuer.issuer()).matches("http://127\\.0\\.0\\.1:[0-9]+");
    assertThat(discovery.get("issuer").asText()).isEqualTo(issuer.issuer());
    assertThat(discovery.get("jwks_uri").asText()).isEqualTo(issuer.jwksUri().toString());
    JsonNode jwks = get(issuer.jwksUri());
    assertThat(jwks.get("keys")).isNotEmpty();
    JsonNode key = jwks.get("keys").get(0);
    assertThat(key.get("kty").asText()).isEqualTo("RSA");
    assertThat(key.get("alg").asText()).isEqualTo("RS256");
    assertThat(key.get("use").asText()).isEqualTo("sig");
    assertThat(key.has("d")).as("the private exponent is never published").isFalse();
    assertThat(key.has("p")).isFalse();
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/token")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(issuer.jwksUri())
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void aTokenIsAcceptedByPorticoAndByNimbusWithItsClaims() throws Exception {
    String token = issuer.token().subject("u1").audience("app").scopes("pets/read", "pets/write")
        .expiresIn(Duration.ofMinutes(5)).claim("tenant", "t1").claim("groups", List.of("a", "b"))
        .claim("address", Map.of("country", "NO")).sign();

    AuthorizationResult result = authorize(token);
    assertThat(result).isInstanceOf(AuthorizationResult.Allowed.class);

    JWTClaimsSet claims = nimbus(token);
    assertThat(claims.getSubject()).isEqualTo("u1");
    assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
    assertThat(claims.getAudience()).containsExactly("app");
    assertThat(claims.getStringClaim("scope")).isEqualTo("pets/read pets/write");
    assertThat(claims.getStringClaim("tenant")).isEqualTo("t1");
    assertThat(claims.getStringListClaim("groups")).containsExactly("a", "b");
    assertThat(claims.getJSONObjectClaim("address")).containsEntry("country", "NO");
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(claims.getJWTID()).isNotBlank();
  }

  static Stream<Arguments> brokenTokens() {
    return Stream.of(
        Arguments.of("expired", (UnaryOperator<TestIssuer.TokenBuilder>) TestIssuer.TokenBuilder::expired,
            DenialReason.EXPIRED),
        Arguments.of("wrong audience", (UnaryOperator<TestIssuer.TokenBuilder>) TestIssuer.TokenBuilder::wrongAudience,
            DenialReason.INVALID_AUDIENCE),
        Arguments.of("wrong issuer", (UnaryOperator<TestIssuer.TokenBuilder>) TestIssuer.TokenBuilder::wrongIssuer,
            DenialReason.INVALID_ISSUER),
        Arguments.of("unknown kid", (UnaryOperator<TestIssuer.TokenBuilder>) TestIssuer.TokenBuilder::unknownKeyId,
            DenialReason.UNKNOWN_KID),
        Arguments.of("bad signature", (UnaryOperator<TestIssuer.TokenBuilder>) TestIssuer.TokenBuilder::badSignature,
            DenialReason.INVALID_SIGNATURE),
        Arguments.of("alg none", (UnaryOperator<TestIssuer.TokenBuilder>) TestIssuer.TokenBuilder::unsigned,
            DenialReason.ALGORITHM_NONE),
        Arguments.of("HS256 with the public key",
            (UnaryOperator<TestIssuer.TokenBuilder>) TestIssuer.TokenBuilder::algorithmConfusion,
            DenialReason.ALGORITHM_NOT_ALLOWED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenTokens")
  void eachBrokenTokenIsRefusedByBothLibrariesForItsReason(String fault, UnaryOperator<TestIssuer.TokenBuilder> breaker,
      DenialReason reason) {
    String token = breaker.apply(issuer.token().audience("app").scopes("pets/read")).sign();
    AuthorizationResult result = authorize(token);
    assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Denied.class,
        denied -> assertThat(denied.reason()).isEqualTo(reason));
    assertThatThrownBy(() -> nimbus(token)).as("Nimbus refuses the %s token", fault).isInstanceOf(Exception.class);
  }

  @Test
  void rotationPublishesTheNewKeyAndKeepsTheOldOneUntilRetired() throws Exception {
    try (TestIssuer rotating = TestIssuer.start()) {
      String first = rotating.currentKeyId();
      String before = rotating.token().audience("app").sign();
      String second = rotating.rotateKey();
      String after = rotating.token().audience("app").sign();
      assertThat(second).isNotEqualTo(first);
      assertThat(rotating.publishedKeyIds()).containsExactly(first, second);
      assertThat(kids(get(rotating.jwksUri()))).containsExactly(first, second);
      assertThat(com.nimbusds.jwt.SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(second);
      assertThat(com.nimbusds.jwt.SignedJWT.parse(before).getHeader().getKeyID()).isEqualTo(first);

      rotating.retireKey(first);
      assertThat(kids(get(rotating.jwksUri()))).containsExactly(second);
      assertThatThrownBy(() -> rotating.retireKey(second))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is the current signing key; rotateKey() first");
      assertThatThrownBy(() -> rotating.retireKey(first))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not published (published: [" + second + "])");
      assertThat(rotating.jwksRequests()).isEqualTo(2);
      assertThat(rotating.discoveryRequests()).isZero();
    }
  }

  static List<String> kids(JsonNode jwks) {
    return jwks.get("keys").findValuesAsText("kid");
  }

  @Test
  void aFixedClockDatesTheTokens() throws Exception {
    Instant now = Instant.parse("2026-11-21T10:00:00Z");
    try (TestIssuer fixed = TestIssuer.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).start()) {
      JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(fixed.token().audience("app").sign()).getJWTClaimsSet();
      assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
      assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(now);
      assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(5)));
      JWTClaimsSet expired = com.nimbusds.jwt.SignedJWT.parse(fixed.token().expired().sign()).getJWTClaimsSet();
      assertThat(expired.getExpirationTime().toInstant()).isEqualTo(now.minus(Duration.ofHours(1)));
    }
  }

  @Test
  void noScopesMeansNoScopeClaim() throws Exception {
    JWTClaimsSet claims = com.nimbusds.jwt.SignedJWT.parse(issuer.token().scopes("a").scopes().sign())
        .getJWTClaimsSet();
    assertThat(claims.getClaims()).doesNotContainKey("scope");
  }

  @Test
  void badOptionsAreRefusedNamingTheRule() {
    assertThatThrownBy(() -> TestIssuer.builder().port(70_000))
        .hasMessage("port 70000 must be 0 (any free port) or 1 to 65535");
    assertThatThrownBy(() -> TestIssuer.builder().keySize(1024))
        .hasMessage("keySize 1024 must be 2048, 3072 or 4096");
    assertThatThrownBy(() -> issuer.token().expiresIn(Duration.ZERO))
        .hasMessageContaining("expiresIn PT0S must be positive");
    assertThatThrownBy(() -> issuer.token().scopes("pets read"))
        .hasMessage("scope 'pets read' must be non-empty and hold no whitespace");
    assertThatThrownBy(() -> issuer.token().claim("when", Instant.EPOCH))
        .hasMessage("claim 'when' must be a string, number, boolean, list or map, got java.time.Instant");
    assertThatThrownBy(() -> issuer.token().claim("m", Map.of(1, "x")))
        .hasMessage("claim 'm': map keys must be strings, got 1");
  }

  @Test
  void aTakenPortIsReportedWithThePort() {
    int taken = URI.create(issuer.issuer()).getPort();
    assertThatThrownBy(() -> TestIssuer.builder().port(taken).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot start the test issuer on 127.0.0.1:" + taken);
  }
}
