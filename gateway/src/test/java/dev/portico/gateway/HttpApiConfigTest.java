package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.echo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.payload.PayloadFormat;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid definitions fail at build time with a message that names the field and the rule. */
class HttpApiConfigTest {
  static final LambdaAuthorizer AUTH = LambdaAuthorizer.of("auth", (e, c) -> e);
  static final JwtAuthorizerConfig JWT =
      JwtAuthorizerConfig.builder().issuer("https://issuer.example.com").audiences("app").build();

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("facts §1: duplicate route key", (Supplier<?>) () -> HttpApi.builder()
            .route(Route.of("GET /items", echo())).route(Route.of("GET /items", echo())).build(),
            "Route with key 'GET /items' already exists"),
        Arguments.of("facts §1: trailing slash", (Supplier<?>) () -> Route.of("GET /pets/", echo()),
            "GET /pets/"),
        Arguments.of("facts §4: more than 10 scopes", (Supplier<?>) () -> Route.builder("GET /x", echo())
            .jwt("j", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11").build(),
            "route 'GET /x': at most 10 authorization scopes (AWS quota), got 11"),
        Arguments.of("facts §4: scope over 64 characters", (Supplier<?>) () -> Route.builder("GET /x", echo())
            .jwt("j", "s".repeat(65)).build(), "must be 1 to 64 characters"),
        Arguments.of("unknown authorizer", (Supplier<?>) () -> HttpApi.builder()
            .route(Route.builder("GET /x", echo()).jwt("missing").build()).build(),
            "route 'GET /x': authorizer 'missing' is not defined"),
        Arguments.of("authorizer of the wrong type", (Supplier<?>) () -> HttpApi.builder()
            .authorizer(Authorizer.jwt("j", JWT)).route(Route.builder("GET /x", echo()).custom("j").build()).build(),
            "authorization type CUSTOM cannot use authorizer 'j'"),
        Arguments.of("facts §6: more than 300 routes", (Supplier<?>) () -> {
          HttpApi.Builder api = HttpApi.builder();
          for (int i = 0; i <= 300; i++) {
            api.route(Route.of("GET /r" + i, echo()));
          }
          return api.build();
        }, "at most 300 routes per API"),
        Arguments.of("facts §6: more than 10 authorizers", (Supplier<?>) () -> {
          HttpApi.Builder api = HttpApi.builder();
          for (int i = 0; i <= 10; i++) {
            api.authorizer(Authorizer.jwt("a" + i, JWT));
          }
          return api.build();
        }, "at most 10 authorizers per API"),
        Arguments.of("facts §6: stage name", (Supplier<?>) () -> Stage.builder("pro d").build(),
            "stage name 'pro d'"),
        Arguments.of("facts §6: stage variable name", (Supplier<?>) () -> Stage.builder("prod")
            .variable("a-b", "x").build(), "stage 'prod': stage variable name 'a-b'"),
        Arguments.of("facts §6: stage variable value", (Supplier<?>) () -> Stage.builder("prod")
            .variable("a", "x y").build(), "stage variable 'a' value 'x y'"),
        Arguments.of("facts §6: access log without requestId", (Supplier<?>) () -> Stage.builder("prod")
            .accessLog("$context.status").build(), "must include $context.requestId"),
        Arguments.of("facts §6: access log over 3 KB", (Supplier<?>) () -> Stage.builder("prod")
            .accessLog("$context.requestId" + "x".repeat(3100)).build(), "at most 3 KB"),
        Arguments.of("unknown access log variable", (Supplier<?>) () -> Stage.builder("prod")
            .accessLog("$context.requestId $context.nonsense").build(), "unknown variable $context.nonsense"),
        Arguments.of("facts §3: integration timeout below 50 ms", (Supplier<?>) () -> Route.builder("GET /x", echo())
            .timeout(Duration.ofMillis(49)).build(), "route 'GET /x': timeout must be between 50 ms and 30,000 ms"),
        Arguments.of("facts §3: integration timeout above 30 s", (Supplier<?>) () -> GatewayLimits.builder()
            .integrationTimeout(Duration.ofSeconds(31)).build(), "integrationTimeout must be between"),
        Arguments.of("facts §4: TTL above 3600 s", (Supplier<?>) () -> Authorizer.lambda("a", AUTH)
            .identitySources("$request.header.x").resultTtl(Duration.ofSeconds(3601)).build(),
            "authorizer 'a': authorizerResultTtlInSeconds must be whole seconds from 0 to 3600"),
        Arguments.of("facts §4: simple responses need 2.0", (Supplier<?>) () -> Authorizer.lambda("a", AUTH)
            .payloadFormat(PayloadFormat.V1_0).simpleResponses(true).identitySources("$request.header.x").build(),
            "enableSimpleResponses needs authorizerPayloadFormatVersion 2.0"),
        Arguments.of("facts §4: identity source syntax", (Supplier<?>) () -> Authorizer.lambda("a", AUTH)
            .identitySources("header.x").build(), "identity source 'header.x'"),
        Arguments.of("facts §4: caching needs an identity source", (Supplier<?>) () -> Authorizer.lambda("a", AUTH)
            .build(), "needs at least one identity source"),
        Arguments.of("scopes need JWT", (Supplier<?>) () -> new Route(dev.portico.routing.RouteKey.parse("GET /x"),
            echo(), PayloadFormat.V2_0, AuthorizationType.NONE, java.util.Optional.empty(), java.util.Set.of("s"),
            java.util.Optional.empty()), "authorization scopes need authorization type JWT"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refused(String fact, Supplier<?> build, String message) {
    assertThatThrownBy(build::get).isInstanceOf(GatewayConfigException.class).hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void defaults() {
    HttpApi api = HttpApi.builder().route(Route.of("GET /x", echo())).build();
    assertThat(api.stages()).containsOnlyKeys("$default");
    assertThat(api.apiId()).matches("[a-z0-9]{10}");
    assertThat(api.limits()).isEqualTo(GatewayLimits.defaults());
    assertThat(api.limits().maxBodyBytes()).isEqualTo(10_485_760);
    assertThat(api.limits().maxRequestHeaderBytes()).isEqualTo(10_240);
    assertThat(api.limits().integrationTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(Authorizer.lambda("a", AUTH).identitySources("$request.header.x").build().resultTtl())
        .as("D12").isEqualTo(Duration.ofSeconds(300));
    assertThat(Route.of("GET /x", echo()).payloadFormat()).isEqualTo(PayloadFormat.V2_0);
  }
}
