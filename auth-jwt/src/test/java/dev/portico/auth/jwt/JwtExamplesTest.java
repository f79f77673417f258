package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise. Examples naming
 * {@code idp.example.com} run as written where no key is needed; the others get a loopback issuer.
 */
class JwtExamplesTest {
  /** What the examples' host calls: its reply, its integration, its log. */
  private final List<String> calls = new ArrayList<>();
  private final Log log = new Log();
  private final Map<String, LongSupplier> gauges = new LinkedHashMap<>();

  private final class Log {
    void info(String format, Object... values) {
      calls.add("info " + format + " " + List.of(values));
    }

    void debug(String format, Object... values) {
      calls.add("debug " + format + " " + List.of(values));
    }
  }

  private void respond(int status, String body, String wwwAuthenticate) {
    calls.add(status + " " + body + " " + wwwAuthenticate);
  }

  private void reply(int status, String body, String wwwAuthenticate) {
    respond(status, body, wwwAuthenticate);
  }

  private void invoke(Map<String, Object> claims) {
    calls.add("invoke " + claims.get("sub"));
  }

  private void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  /** The host's request, as the examples call it. */
  private record Request(Map<String, String> headers) {
    String header(String name) {
      return headers.get(name);
    }
  }

  @Test
  void packageExample() {
    JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
        .issuer("https://idp.example.com")
        .audiences("pets-api")
        .build());

    AuthorizationResult result = authorizer.authorize("Bearer eyJraWQiOi...", Set.of("pets/read"));
    if (result instanceof AuthorizationResult.Denied denied) {
      // 401 {"message":"Unauthorized"} or 403 {"message":"Forbidden"}, with AWS's www-authenticate value
      respond(denied.status(), denied.body(), denied.wwwAuthenticate());
      log.debug("denied: {} ({})", denied.reason(), denied.detail());   // never sent to the client
    } else {
      Map<String, Object> claims = ((AuthorizationResult.Allowed) result).claims();
    }

    assertThat(calls).hasSize(2);
    assertThat(calls.get(0)).startsWith("401 {\"message\":\"Unauthorized\"} Bearer");
    assertThat(calls.get(1)).startsWith("debug denied: {} ({}) [" + DenialReason.MALFORMED_TOKEN);
    authorizer.close();
  }

  @Test
  void packageExampleAllowsAndRefusesAgainstALoopbackIssuer() {
    try (IssuerFixture idp = IssuerFixture.withKeyA();
        JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
            .issuer(idp.issuer)
            .audiences("pets-api")
            .build())) {
      String token = idp.token().validAt(Clock.systemUTC().instant()).claim("scope", "pets/read").sign();
      AuthorizationResult result = authorizer.authorize("Bearer " + token, Set.of("pets/read"));
      assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Allowed.class,
          allowed -> assertThat(allowed.claims()).containsEntry("sub", "user-1"));

      assertThat(authorizer.authorize("Bearer " + token, Set.of("pets/write")))
          .isInstanceOfSatisfying(AuthorizationResult.Denied.class, denied -> {
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
            assertThat(denied.reason()).isEqualTo(DenialReason.INSUFFICIENT_SCOPE);
          });
    }
  }

  /** Issue 21: a host that must not block waits for the keys without a thread waiting, then authorizes. */
  @Test
  void keysReadyExample() throws Exception {
    try (IssuerFixture idp = IssuerFixture.withKeyA();
        JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
            .issuer(idp.issuer)
            .audiences("pets-api")
            .build())) {
      String token = "Bearer " + idp.token().validAt(Clock.systemUTC().instant()).claim("scope", "pets/read").sign();
      java.util.concurrent.CompletionStage<Void> cold = authorizer.keysReady();

      java.util.concurrent.CompletionStage<AuthorizationResult> decided =
          authorizer.keysReady().thenApply(ready -> authorizer.authorize(token, Set.of("pets/read")));

      assertThat(decided.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS))
          .isInstanceOf(AuthorizationResult.Allowed.class);
      // its dependent may run just after the other's on the fetching thread: wait, do not race it
      assertThat(cold.toCompletableFuture()).as("complete once the keys are fetched")
          .succeedsWithin(Duration.ofSeconds(10));
      assertThat(authorizer.keysReady().toCompletableFuture().isDone()).as("keys there: no wait").isTrue();
      assertThat(authorizer.metrics().keyFetches()).isEqualTo(1);
      decidedByTheExample(authorizer, token);
    }
  }

  private static void decidedByTheExample(JwtAuthorizer authorizer, String token) {
    authorizer.keysReady().thenApply(ready -> authorizer.authorize(token, Set.of("pets/read")));
  }

  @Test
  void keysAvailableExample() throws Exception {
    try (IssuerFixture idp = IssuerFixture.withKeyA();
        JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
            .issuer(idp.issuer)
            .audiences("pets-api")
            .build())) {
      String token = "Bearer " + idp.token().validAt(Clock.systemUTC().instant()).claim("scope", "pets/read").sign();
      assertThat(authorizer.keysAvailable()).as("cold: no keys yet").isFalse();
      authorizer.keysReady().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);

      if (authorizer.keysAvailable()) {
        authorizer.authorize(token, Set.of("pets/read"));   // decides without waiting for the issuer
      }

      assertThat(authorizer.keysAvailable()).isTrue();
      assertThat(authorizer.metrics().allowed()).isEqualTo(1);
    }
  }

  @Test
  void jwtAuthorizerExample() {
    Request request = new Request(Map.of()); // no token: refused before any key is needed

    JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
        .issuer("https://idp.example.com")
        .audiences("pets-api")
        .build());

    AuthorizationResult result = authorizer.authorize(request.header("authorization"), Set.of("pets/read"));
    if (result instanceof AuthorizationResult.Allowed allowed) {
      allowed.claims().get("sub");
    }

    assertThat(result).isInstanceOfSatisfying(AuthorizationResult.Denied.class,
        denied -> assertThat(denied.status()).isEqualTo(401));
    authorizer.close();
  }

  @Test
  void authorizationResultExample() {
    try (IssuerFixture idp = IssuerFixture.withKeyA();
        JwtAuthorizer authorizer = JwtAuthorizer.create(idp.config(Clock.systemUTC()).build())) {
      for (String header : List.of("Bearer " + idp.token().validAt(Clock.systemUTC().instant())
          .claim("scope", "pets/read").sign(), "Bearer not-a-token")) {

        AuthorizationResult result = authorizer.authorize(header, Set.of("pets/read"));
        if (result instanceof AuthorizationResult.Denied denied) {
          reply(denied.status(), denied.body(), denied.wwwAuthenticate());   // 401 or 403, as AWS
        } else {
          invoke(((AuthorizationResult.Allowed) result).claims());
        }
      }
      assertThat(calls).hasSize(2);
      assertThat(calls.get(0)).isEqualTo("invoke user-1");
      assertThat(calls.get(1)).startsWith("401 {\"message\":\"Unauthorized\"} Bearer");
    }
  }

  @Test
  void denialReasonExample() {
    try (IssuerFixture idp = IssuerFixture.withKeyA();
        JwtAuthorizer authorizer = JwtAuthorizer.create(idp.config(Clock.systemUTC()).build())) {
      String expired = idp.token().validAt(Clock.systemUTC().instant().minus(Duration.ofHours(2))).sign();
      AuthorizationResult result = authorizer.authorize("Bearer " + expired, Set.of());

      if (result instanceof AuthorizationResult.Denied denied && denied.reason() == DenialReason.EXPIRED) {
        log.info("expired token: {}", denied.detail());
      }

      assertThat(calls).singleElement().asString().startsWith("info expired token: {}");
    }
  }

  @Test
  void identitySourceExample() {
    IdentitySource source = IdentitySource.parse("$request.header.Authorization");
    source.location();                           // HEADER
    source.name();                               // "authorization" (header names are case-insensitive)
    source.toString();                           // "$request.header.Authorization", as configured

    assertThat(source.location()).isEqualTo(IdentitySource.Location.HEADER);
    assertThat(source.name()).isEqualTo("authorization");
    assertThat(source.toString()).isEqualTo("$request.header.Authorization");
  }

  @Test
  void jwksCacheExample() {
    try (IssuerFixture idp = IssuerFixture.withKeyA()) {
      JwtAuthorizerConfig readConfig = idp.config(Clock.systemUTC()).build();
      JwtAuthorizerConfig writeConfig = readConfig.toBuilder().audiences("pets-admin").build();
      String header = "Bearer " + idp.token().validAt(Clock.systemUTC().instant()).sign();

      try (JwksCache keys = JwksCache.create()) {
        JwtAuthorizer readers = JwtAuthorizer.create(readConfig, keys);
        JwtAuthorizer writers = JwtAuthorizer.create(writeConfig, keys);   // same issuer: one JWKS, fetched once
        readers.authorize(header, Set.of("pets/read"));
        writers.authorize(header, Set.of("pets/write"));
      }                                                                    // key refreshing stops here

      assertThat(idp.jwksHits.get()).isEqualTo(1);
      assertThat(idp.discoveryHits.get()).isEqualTo(1);
    }
  }

  @Test
  void jwtAlgorithmExample() {
    JwtAlgorithm.parse("PS256");               // Optional[PS256]
    JwtAlgorithm.parse("HS256");               // Optional.empty

    assertThat(JwtAlgorithm.parse("PS256")).contains(JwtAlgorithm.PS256);
    assertThat(JwtAlgorithm.parse("HS256")).isEmpty();
    assertThat(JwtAlgorithm.parse("none")).isEmpty();
  }

  @Test
  void jwtAuthorizerConfigExample() {
    JwtAuthorizerConfig config = JwtAuthorizerConfig.builder()
        .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf")
        .audiences("4cq0bkd7pqrl0pmh6k1pvl7hfd")
        .identitySource("$request.header.Authorization")     // the default
        .build();

    assertThat(config).isEqualTo(JwtAuthorizerConfig.builder()
        .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf")
        .audiences("4cq0bkd7pqrl0pmh6k1pvl7hfd").build());
  }

  @Test
  void jwtAuthorizerConfigBuilderExample() {
    JwtAuthorizerConfig.builder()
        .issuer("https://idp.example.com/")
        .audiences("api://pets", "pets-web")
        .allowedAlgorithms(JwtAlgorithm.RS256, JwtAlgorithm.PS256)   // widen beyond AWS on purpose
        .clockSkew(Duration.ofSeconds(30))
        .build();

    JwtAuthorizerConfig config = JwtAuthorizerConfig.builder().issuer("https://idp.example.com/")
        .audiences("api://pets", "pets-web").allowedAlgorithms(JwtAlgorithm.RS256, JwtAlgorithm.PS256)
        .clockSkew(Duration.ofSeconds(30)).build();
    assertThat(config.allowedAlgorithms()).containsExactlyInAnyOrder(JwtAlgorithm.RS256, JwtAlgorithm.PS256);
    assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jwtAuthorizerMetricsExample() {
    try (IssuerFixture idp = IssuerFixture.withKeyA();
        JwtAuthorizer authorizer = JwtAuthorizer.create(idp.config(Clock.systemUTC()).build())) {

      JwtAuthorizerMetrics m = authorizer.metrics();
      gauge("jwt.keys.fetches", m::keyFetches);
      gauge("jwt.denied.expired", () -> m.denied(DenialReason.EXPIRED));

      authorizer.authorize("Bearer " + idp.token()
          .validAt(Clock.systemUTC().instant().minus(Duration.ofHours(2))).sign(), Set.of());
      assertThat(gauges.get("jwt.keys.fetches").getAsLong()).isEqualTo(1);
      assertThat(gauges.get("jwt.denied.expired").getAsLong()).isEqualTo(1);
    }
  }

  @Test
  void jwtConfigExceptionExample() {
    try {
      JwtAuthorizerConfig.builder().issuer("http://idp.example.com").audiences("api").build();
    } catch (JwtConfigException e) {
      e.field();   // "issuer"
    }

    assertThatThrownBy(() -> JwtAuthorizerConfig.builder().issuer("http://idp.example.com").audiences("api").build())
        .isInstanceOfSatisfying(JwtConfigException.class, e -> assertThat(e.field()).isEqualTo("issuer"));
  }

  @Test
  void jwtLimitsExample() {
    JwtLimits limits = JwtLimits.DEFAULTS.withMaxJwksBytes(300_000);   // a provider with very many keys

    assertThat(limits.maxJwksBytes()).isEqualTo(300_000);
    assertThat(limits.maxTokenLength()).isEqualTo(JwtLimits.DEFAULTS.maxTokenLength());
  }
}
