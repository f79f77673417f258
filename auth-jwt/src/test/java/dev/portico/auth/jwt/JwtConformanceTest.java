package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per claim rule of facts §4 (and decisions D5, D8), each naming the fact it pins. Tokens are signed by a
 * real issuer on loopback; the clock is fixed at a whole second so boundaries are exact.
 */
class JwtConformanceTest {

  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final long T = NOW.getEpochSecond();
  static final String AUD_DOC =
      "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"";

  static IssuerFixture issuer;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.withKeyA();
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  /** What a row expects: allowed, or denied for a reason. */
  record Expect(DenialReason reason) {
    static final Expect ALLOW = new Expect(null);

    @Override
    public String toString() {
      return reason == null ? "allowed" : "denied " + reason;
    }
  }

  static Expect deny(DenialReason reason) {
    return new Expect(reason);
  }

  static Arguments row(String fact, String prefix, UnaryOperator<IssuerFixture.Token> token, Set<String> scopes,
      long skewSeconds, Expect expect) {
    return Arguments.of(fact, prefix, token, scopes, skewSeconds, expect);
  }

  static Arguments row(String fact, UnaryOperator<IssuerFixture.Token> token, Expect expect) {
    return row(fact, "Bearer ", token, Set.of(), 0, expect);
  }

  static Stream<Arguments> rows() {
    Set<String> none = Set.of();
    return Stream.of(
        row("facts §4: a valid token is allowed", t -> t, Expect.ALLOW),
        // D5: the identity value, with or without the Bearer prefix
        row("facts §4 + D5: token without the Bearer prefix", "", t -> t, none, 0, Expect.ALLOW),
        row("D5: prefix matched case-insensitively (bearer)", "bearer ", t -> t, none, 0, Expect.ALLOW),
        row("D5: prefix matched case-insensitively (BEARER)", "BEARER ", t -> t, none, 0, Expect.ALLOW),
        row("D5: two spaces after Bearer are an invalid token", "Bearer  ", t -> t, none, 0,
            deny(DenialReason.MALFORMED_TOKEN)),
        row("D5: a tab instead of the space is an invalid token", "Bearer\t", t -> t, none, 0,
            deny(DenialReason.MALFORMED_TOKEN)),
        row("D5: another scheme is an invalid token", "Basic ", t -> t, none, 0, deny(DenialReason.MALFORMED_TOKEN)),
        // iss
        row("facts §4: iss must equal the issuer", t -> t.claim("iss", issuer.issuer + "/"),
            deny(DenialReason.INVALID_ISSUER)),
        row("facts §4: iss compared exactly (case)", t -> t.claim("iss", issuer.issuer.toUpperCase()),
            deny(DenialReason.INVALID_ISSUER)),
        row("facts §4: iss missing", t -> t.claim("iss", null), deny(DenialReason.INVALID_ISSUER)),
        // aud / client_id
        row("facts §4: aud string matching one audience", t -> t.claim("aud", "pets-api"), Expect.ALLOW),
        row("facts §4: aud array with one matching entry", t -> t.claimJson("aud", "[\"other\",\"pets-api\"]"),
            Expect.ALLOW),
        row("facts §4: aud array without a match", t -> t.claimJson("aud", "[\"other\",\"more\"]"),
            deny(DenialReason.INVALID_AUDIENCE)),
        row("facts §4: aud string without a match", t -> t.claim("aud", "pets-api2"),
            deny(DenialReason.INVALID_AUDIENCE)),
        row("facts §4: aud compared exactly (case)", t -> t.claim("aud", "PETS-API"),
            deny(DenialReason.INVALID_AUDIENCE)),
        row("facts §4: client_id used when aud is absent", t -> t.claim("aud", null).claim("client_id", "pets-api"),
            Expect.ALLOW),
        row("facts §4: client_id ignored when aud is present (aud wrong)",
            t -> t.claim("aud", "other").claim("client_id", "pets-api"), deny(DenialReason.INVALID_AUDIENCE)),
        row("facts §4: aud right, client_id wrong: aud decides",
            t -> t.claim("aud", "pets-api").claim("client_id", "other"), Expect.ALLOW),
        row("facts §4: neither aud nor client_id", t -> t.claim("aud", null), deny(DenialReason.INVALID_AUDIENCE)),
        row("facts §4: empty aud array", t -> t.claimJson("aud", "[]"), deny(DenialReason.INVALID_AUDIENCE)),
        // exp, skew 0 (D8)
        row("facts §4 + D8: exp one second after now", t -> t.claim("exp", T + 1), Expect.ALLOW),
        row("facts §4 + D8: exp equal to now is expired", t -> t.claim("exp", T), deny(DenialReason.EXPIRED)),
        row("facts §4 + D8: exp one second before now", t -> t.claim("exp", T - 1), deny(DenialReason.EXPIRED)),
        row("facts §4: exp missing (decision: required)", t -> t.claim("exp", null), deny(DenialReason.EXPIRED)),
        row("facts §4: exp not a number", t -> t.claim("exp", String.valueOf(T + 60)),
            deny(DenialReason.MALFORMED_CLAIMS)),
        row("facts §4: exp with a fraction after now", t -> t.claimJson("exp", T + ".5"), Expect.ALLOW),
        row("facts §4: exp with a fraction before now", t -> t.claimJson("exp", (T - 1) + ".5"),
            deny(DenialReason.EXPIRED)),
        // exp with skew
        row("D8: skew 30 s accepts exp 29 s ago", "Bearer ", t -> t.claim("exp", T - 29), none, 30, Expect.ALLOW),
        row("D8: skew 30 s rejects exp 30 s ago", "Bearer ", t -> t.claim("exp", T - 30), none, 30,
            deny(DenialReason.EXPIRED)),
        // nbf
        row("facts §4: nbf equal to now", t -> t.claim("nbf", T), Expect.ALLOW),
        row("facts §4: nbf one second after now", t -> t.claim("nbf", T + 1), deny(DenialReason.NOT_YET_VALID)),
        row("facts §4: nbf one second before now", t -> t.claim("nbf", T - 1), Expect.ALLOW),
        row("D8: skew 30 s accepts nbf 30 s ahead", "Bearer ", t -> t.claim("nbf", T + 30), none, 30, Expect.ALLOW),
        row("D8: skew 30 s rejects nbf 31 s ahead", "Bearer ", t -> t.claim("nbf", T + 31), none, 30,
            deny(DenialReason.NOT_YET_VALID)),
        row("facts §4: nbf not a number", t -> t.claim("nbf", "soon"), deny(DenialReason.MALFORMED_CLAIMS)),
        // iat
        row("facts §4: iat equal to now", t -> t.claim("iat", T), Expect.ALLOW),
        row("facts §4: iat one second after now", t -> t.claim("iat", T + 1), deny(DenialReason.ISSUED_IN_FUTURE)),
        row("facts §4: iat absent", t -> t.claim("iat", null), Expect.ALLOW),
        row("D8: skew 30 s accepts iat 30 s ahead", "Bearer ", t -> t.claim("iat", T + 30), none, 30, Expect.ALLOW),
        row("D8: skew 30 s rejects iat 31 s ahead", "Bearer ", t -> t.claim("iat", T + 31), none, 30,
            deny(DenialReason.ISSUED_IN_FUTURE)),
        // scopes
        row("facts §4: route without scopes ignores token scopes", "Bearer ", t -> t.claim("scope", "a b"), none, 0,
            Expect.ALLOW),
        row("facts §4: scope string holds the route scope", "Bearer ", t -> t.claim("scope", "pets/read pets/write"),
            Set.of("pets/write"), 0, Expect.ALLOW),
        row("facts §4: scope string lacks the route scope", "Bearer ", t -> t.claim("scope", "pets/read"),
            Set.of("pets/write"), 0, deny(DenialReason.INSUFFICIENT_SCOPE)),
        row("facts §4: scp array holds the route scope", "Bearer ", t -> t.claimJson("scp", "[\"a\",\"pets/read\"]"),
            Set.of("pets/read"), 0, Expect.ALLOW),
        row("facts §4: scp string holds the route scope", "Bearer ", t -> t.claim("scp", "pets/read"),
            Set.of("pets/read"), 0, Expect.ALLOW),
        row("facts §4: scopes any-of: one of two route scopes is enough", "Bearer ", t -> t.claim("scope", "b"),
            Set.of("a", "b"), 0, Expect.ALLOW),
        row("facts §4: no scope claim on a route with scopes", "Bearer ", t -> t, Set.of("a"), 0,
            deny(DenialReason.INSUFFICIENT_SCOPE)),
        row("facts §4: scopes compared exactly (case)", "Bearer ", t -> t.claim("scope", "PETS/READ"),
            Set.of("pets/read"), 0, deny(DenialReason.INSUFFICIENT_SCOPE)),
        row("facts §4: scope is split at spaces, not a substring", "Bearer ", t -> t.claim("scope", "pets/readx"),
            Set.of("pets/read"), 0, deny(DenialReason.INSUFFICIENT_SCOPE)),
        row("facts §4: scope not a string", "Bearer ", t -> t.claimJson("scope", "[\"a\"]"), Set.of("a"), 0,
            deny(DenialReason.MALFORMED_CLAIMS)),
        // order of checks: signature before claims, issuer before audience, audience before time
        row("facts §4 order: bad issuer and bad audience report the issuer",
            t -> t.claim("iss", "https://other").claim("aud", "x"), deny(DenialReason.INVALID_ISSUER)),
        row("facts §4 order: bad audience and expired report the audience",
            t -> t.claim("aud", "x").claim("exp", T - 10), deny(DenialReason.INVALID_AUDIENCE)),
        row("facts §4 order: expired and out of scope report expiry", "Bearer ", t -> t.claim("exp", T - 10),
            Set.of("a"), 0, deny(DenialReason.EXPIRED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void claimRules(String fact, String prefix, UnaryOperator<IssuerFixture.Token> token, Set<String> scopes,
      long skewSeconds, Expect expect) {
    MutableClock clock = new MutableClock(NOW);
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(clock)
        .clockSkew(Duration.ofSeconds(skewSeconds)).build());
    String jwt = token.apply(issuer.token().validAt(NOW)).sign();

    for (int attempt = 0; attempt < 2; attempt++) { // the second answer comes from the verified-token cache
      AuthorizationResult result = authorizer.authorize(prefix + jwt, scopes);
      if (expect.reason() == null) {
        assertThat(result).as(fact).isInstanceOf(AuthorizationResult.Allowed.class);
      } else {
        assertThat(result).as(fact).isInstanceOf(AuthorizationResult.Denied.class);
        AuthorizationResult.Denied denied = (AuthorizationResult.Denied) result;
        assertThat(denied.reason()).as(fact + ": " + denied.detail()).isEqualTo(expect.reason());
        assertThat(denied.status()).isEqualTo(expect.reason() == DenialReason.INSUFFICIENT_SCOPE ? 403 : 401);
      }
    }
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("facts §4 (DOC troubleshooting): invalid audience",
            (UnaryOperator<IssuerFixture.Token>) t -> t.claim("aud", "x"), Set.of(), 401,
            "{\"message\":\"Unauthorized\"}", AUD_DOC),
        Arguments.of("facts §4: insufficient scope is 403 Forbidden",
            (UnaryOperator<IssuerFixture.Token>) t -> t.claim("scope", "x"), Set.of("b", "a"), 403,
            "{\"message\":\"Forbidden\"}",
            "Bearer scope=\"a b\" error=\"insufficient_scope\" error_description=\"the token does not have the "
                + "required scopes\""),
        Arguments.of("facts §4: expired token is 401",
            (UnaryOperator<IssuerFixture.Token>) t -> t.claim("exp", T - 1), Set.of(), 401,
            "{\"message\":\"Unauthorized\"}",
            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\""),
        Arguments.of("facts §4: bad signature says no more than 'not valid'",
            (UnaryOperator<IssuerFixture.Token>) t -> t.signedWith(IssuerFixture.RSA_B.getPrivate()), Set.of(), 401,
            "{\"message\":\"Unauthorized\"}",
            "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token is not valid\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void answersAsAws(String fact, UnaryOperator<IssuerFixture.Token> token, Set<String> scopes, int status, String body,
      String challenge) {
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build());
    AuthorizationResult.Denied denied = (AuthorizationResult.Denied) authorizer.authorize(
        token.apply(issuer.token().validAt(NOW)).sign(), scopes);
    assertThat(denied.status()).as(fact).isEqualTo(status);
    assertThat(denied.body()).isEqualTo(body);
    assertThat(denied.wwwAuthenticate()).isEqualTo(challenge);
  }

  @ParameterizedTest(name = "facts §4: missing token ({0}) is 401 without fetching keys")
  @MethodSource("missingValues")
  void missingToken(String value) {
    int before = issuer.jwksHits.get() + issuer.discoveryHits.get();
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build());
    AuthorizationResult.Denied denied = (AuthorizationResult.Denied) authorizer.authorize(value, Set.of("a"));
    assertThat(denied.reason()).isEqualTo(DenialReason.MISSING_TOKEN);
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.wwwAuthenticate()).isEqualTo("Bearer");
    assertThat(issuer.jwksHits.get() + issuer.discoveryHits.get()).isEqualTo(before);
  }

  static Stream<String> missingValues() {
    return Stream.of(null, "", "Bearer ");
  }

  @ParameterizedTest(name = "facts §2/§4: allowed result carries claims in token order and scopes ({0})")
  @MethodSource("scopeCases")
  void allowedCarriesClaimsAndScopes(String label, Set<String> routeScopes, boolean scopesPresent) {
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build());
    String jwt = issuer.token().validAt(NOW).claim("scope", "pets/read pets/write").claimJson("groups", "[\"a\",1]")
        .claimJson("nothing", "null").sign();
    AuthorizationResult.Allowed allowed = (AuthorizationResult.Allowed) authorizer.authorize(jwt, routeScopes);
    assertThat(allowed.claims().keySet()).containsExactly("iss", "aud", "sub", "iat", "exp", "scope", "groups");
    assertThat(allowed.claims().get("exp")).isEqualTo(T + 300);
    assertThat(allowed.claims().get("groups")).isEqualTo(java.util.List.of("a", 1L));
    assertThat(allowed.scopes().isPresent()).isEqualTo(scopesPresent);
    if (scopesPresent) {
      assertThat(allowed.scopes().get()).containsExactly("pets/read", "pets/write");
    }
  }

  static Stream<Arguments> scopeCases() {
    return Stream.of(Arguments.of("route with scopes", Set.of("pets/read"), true),
        Arguments.of("route without scopes: AWS writes null", Set.of(), false));
  }
}
