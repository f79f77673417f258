package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Invalid configuration fails at build time with a message naming the field and the rule. */
class JwtAuthorizerConfigTest {

  static JwtAuthorizerConfig.Builder valid() {
    return JwtAuthorizerConfig.builder().issuer("https://idp.example.com").audiences("app");
  }

  @Test
  void defaultsAreAws() {
    JwtAuthorizerConfig c = valid().build();
    assertThat(c.allowedAlgorithms()).containsExactlyInAnyOrder(JwtAlgorithm.RS256, JwtAlgorithm.RS384,
        JwtAlgorithm.RS512);
    assertThat(c.clockSkew()).isZero();
    assertThat(c.fetchTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(c.keyLifetime()).isEqualTo(Duration.ofHours(2));
    assertThat(c.limits().maxJwksBytes()).isEqualTo(150_000);
    assertThat(c.limits().maxTokenLength()).isEqualTo(16_384);
    assertThat(c.identitySource()).isEqualTo(IdentitySource.parse("$request.header.Authorization"));
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/realms/x", "http://127.0.0.1:9000", "http://[::1]:9000/",
      "https://idp.example.com/tenant/"})
  void issuersAccepted(String issuer) {
    assertThat(valid().issuer(issuer).build().issuer().toString()).isEqualTo(issuer);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("http issuer on a public host", (Runnable) () -> valid().issuer("http://idp.example.com"),
            "issuer 'http://idp.example.com' must use https (http is allowed for loopback hosts only)"),
        Arguments.of("http issuer on a name that merely starts with 127", (Runnable) () -> valid()
            .issuer("http://127.0.0.1.example.com"), "must use https"),
        Arguments.of("issuer with a query", (Runnable) () -> valid().issuer("https://idp.example.com?x=1"),
            "without user info, query or fragment"),
        Arguments.of("issuer not a URL", (Runnable) () -> valid().issuer("idp example"), "is not a URL"),
        Arguments.of("no issuer", (Runnable) () -> JwtAuthorizerConfig.builder().audiences("a").build(),
            "issuer is required"),
        Arguments.of("no audience", (Runnable) () -> valid().audiences().build(),
            "audiences has 0 entries; a JWT authorizer needs 1 to 50"),
        Arguments.of("51 audiences", (Runnable) () -> valid().audiences(Collections.nCopies(51, "a")).build(),
            "audiences has 51 entries"),
        Arguments.of("repeated audience", (Runnable) () -> valid().audiences("a", "a").build(), "must not repeat"),
        Arguments.of("blank audience", (Runnable) () -> valid().audiences(" ").build(), "must not be blank"),
        Arguments.of("identity source elsewhere", (Runnable) () -> valid().identitySource("$context.authorizer.x"),
            "identitySource '$context.authorizer.x' must be $request.header.<name> or $request.querystring.<name>"),
        Arguments.of("two identity sources", (Runnable) () -> valid()
            .identitySource("$request.header.A,$request.header.B"), "identitySource"),
        Arguments.of("no algorithms", (Runnable) () -> valid().allowedAlgorithms().build(),
            "allowedAlgorithms must name at least one algorithm"),
        Arguments.of("negative skew", (Runnable) () -> valid().clockSkew(Duration.ofSeconds(-1)).build(),
            "clockSkew PT-1S must be between PT0S and PT10M"),
        Arguments.of("zero timeout", (Runnable) () -> valid().fetchTimeout(Duration.ZERO).build(), "fetchTimeout"),
        Arguments.of("key lifetime of a second", (Runnable) () -> valid().keyLifetime(Duration.ofSeconds(1)).build(),
            "keyLifetime"),
        Arguments.of("negative cache size", (Runnable) () -> valid().tokenCacheSize(-1).build(), "tokenCacheSize"),
        Arguments.of("tiny JWKS limit", (Runnable) () -> JwtLimits.DEFAULTS.withMaxJwksBytes(10),
            "maxJwksBytes 10 must be between 64 and 10485760"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidConfigurationNamesFieldAndRule(String name, Runnable build, String message) {
    assertThatThrownBy(build::run).isInstanceOf(JwtConfigException.class).hasMessageContaining(message);
  }

  @Test
  void identitySourceForms() {
    assertThat(IdentitySource.parse("$request.header.X-Token")).isEqualTo(new IdentitySource(
        IdentitySource.Location.HEADER, "x-token", "$request.header.X-Token"));
    assertThat(IdentitySource.parse("$request.querystring.access_token").location())
        .isEqualTo(IdentitySource.Location.QUERY_STRING);
    assertThat(IdentitySource.tryParse("$request.header.")).isEmpty();
    assertThat(IdentitySource.tryParse("$request.header.a b")).isEmpty();
  }

  @Test
  void discoveryUrlDropsTheTrailingSlash() {
    assertThat(valid().issuer("https://idp.example.com/t/").build().discoveryUri().toString())
        .isEqualTo("https://idp.example.com/t/.well-known/openid-configuration");
  }
}
