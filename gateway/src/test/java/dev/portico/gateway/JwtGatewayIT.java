package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static dev.portico.gateway.Fixtures.echo;
import static dev.portico.gateway.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.cors.CorsConfiguration;
import dev.portico.payload.PayloadFormat;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** JWT authorization through the gateway against a real OpenID provider on loopback (mock-oauth2-server). */
class JwtGatewayIT {
  static MockOAuth2Server provider;
  static Gateway gateway;
  static final List<String> accessLog = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    String issuer = provider.issuerUrl("default").toString();
    gateway = Gateway.create(HttpApi.builder()
        .authorizer(Authorizer.jwt("oidc", JwtAuthorizerConfig.builder().issuer(issuer).audiences("pets-api").build()))
        .authorizer(Authorizer.jwt("query", JwtAuthorizerConfig.builder().issuer(issuer).audiences("pets-api")
            .identitySource("$request.querystring.token").build()))
        .route(Route.builder("GET /pets", echo()).jwt("oidc").build())
        .route(Route.builder("DELETE /pets/{id}", echo()).jwt("oidc", "pets/admin", "pets/delete").build())
        .route(Route.builder("GET /v1/pets", echo()).jwt("oidc", "pets/read").payloadFormat(PayloadFormat.V1_0).build())
        .route(Route.builder("GET /q", echo()).jwt("query").build())
        .route(Route.of("GET /open", echo()))
        .cors(CorsConfiguration.builder().allowOrigins("https://app.example.com").build())
        .stage(Stage.builder("$default")
            .accessLog("$context.requestId $context.status $context.authorizer.claims.sub $context.authorizer.error",
                (stage, line) -> accessLog.add(line))
            .build())
        .build());
  }

  @AfterAll
  static void stop() {
    provider.shutdown();
  }

  static String token(List<String> audience, Map<String, Object> claims) {
    return provider.issueToken("default", "client-1",
        new DefaultOAuth2TokenCallback("default", "user-7", "JWT", audience, claims, 3600)).serialize();
  }

  static GatewayResponse get(String target, String authorization) {
    GatewayRequest.Builder request = GatewayRequest.builder().target(target);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return call(gateway, request.build());
  }

  @Test
  @DisplayName("facts §4: a valid token is allowed; claims reach requestContext.authorizer.jwt.claims, scopes null")
  void allowed() {
    JsonNode event = event(get("/pets", "Bearer " + token(List.of("pets-api"), Map.of("tenant", "t-1"))));
    JsonNode jwt = event.path("requestContext").path("authorizer").path("jwt");
    assertThat(jwt.path("claims").path("sub").asText()).isEqualTo("user-7");
    assertThat(jwt.path("claims").path("tenant").asText()).isEqualTo("t-1");
    assertThat(jwt.path("scopes").isNull()).isTrue();
  }

  @Test
  @DisplayName("facts §4: missing token → 401 Unauthorized; wrong audience → 401 with www-authenticate")
  void denied() {
    GatewayResponse missing = get("/pets", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.bodyText()).isEqualTo("{\"message\":\"Unauthorized\"}");
    GatewayResponse audience = get("/pets", "Bearer " + token(List.of("billing"), Map.of()));
    assertThat(audience.statusCode()).isEqualTo(401);
    assertThat(audience.header("www-authenticate").orElseThrow())
        .contains("error=\"invalid_token\"").contains("the token does not have a valid audience");
    GatewayResponse garbage = get("/pets", "Bearer not.a.token");
    assertThat(garbage.statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("facts §4: route scopes — one matching scope allows, none → 403 Forbidden")
  void scopes() {
    JsonNode event = event(call(gateway, GatewayRequest.builder().method("DELETE").target("/pets/7")
        .header("Authorization", "Bearer " + token(List.of("pets-api"), Map.of("scope", "pets/read pets/delete")))
        .build()));
    assertThat(event.path("requestContext").path("authorizer").path("jwt").path("scopes").toString())
        .isEqualTo("[\"pets/read\",\"pets/delete\"]");
    GatewayResponse forbidden = call(gateway, GatewayRequest.builder().method("DELETE").target("/pets/7")
        .header("Authorization", "Bearer " + token(List.of("pets-api"), Map.of("scope", "pets/read"))).build());
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.bodyText()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  @Test
  @DisplayName("facts §4: 1.0 events carry claims at requestContext.authorizer.claims")
  void v1Claims() {
    JsonNode event = event(get("/v1/pets", "Bearer " + token(List.of("pets-api"), Map.of("scp", List.of("pets/read")))));
    assertThat(event.path("requestContext").path("authorizer").path("claims").path("sub").asText())
        .isEqualTo("user-7");
  }

  @Test
  @DisplayName("facts §4: a query-string identity source")
  void queryIdentity() {
    assertThat(get("/q?token=" + token(List.of("pets-api"), Map.of()), null).statusCode()).isEqualTo(200);
    assertThat(get("/q", null).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("an open route needs no token; errors keep the CORS headers a browser needs to read them")
  void openRouteAndCorsOnErrors() {
    assertThat(get("/open", null).statusCode()).isEqualTo(200);
    GatewayResponse denied =
        call(gateway, GatewayRequest.builder().target("/pets").header("Origin", "https://app.example.com").build());
    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.header("access-control-allow-origin")).contains("https://app.example.com");
  }

  @Test
  @DisplayName("facts §6: $context.authorizer.claims.* and $context.authorizer.error in the access log")
  void accessLogClaims() {
    GatewayResponse ok = get("/pets", "Bearer " + token(List.of("pets-api"), Map.of()));
    String id = ok.header("apigw-requestid").orElseThrow();
    assertThat(accessLog).contains(id + " 200 user-7 -");
    GatewayResponse denied = get("/pets", null);
    String deniedId = denied.header("apigw-requestid").orElseThrow();
    assertThat(accessLog).anySatisfy(line -> assertThat(line).startsWith(deniedId + " 401 - ").hasSizeGreaterThan(deniedId.length() + 8));
  }
}
