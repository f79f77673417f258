package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static dev.portico.gateway.Fixtures.echo;
import static dev.portico.gateway.Fixtures.event;
import static dev.portico.gateway.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.integration.LambdaFunction;
import dev.portico.payload.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lambda REQUEST authorizers through the gateway (facts §4). */
class LambdaAuthorizerTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  final List<JsonNode> events = new CopyOnWriteArrayList<>();

  /** Allows the token "allow", denies anything else; records every event it gets. */
  LambdaFunction simple() {
    return (event, context) -> {
      JsonNode parsed = json(new String(event, StandardCharsets.UTF_8));
      events.add(parsed);
      boolean ok = parsed.path("identitySource").path(0).asText().equals("allow");
      return ("{\"isAuthorized\":" + ok + ",\"context\":{\"tenant\":\"t1\",\"level\":3}}")
          .getBytes(StandardCharsets.UTF_8);
    };
  }

  Gateway gateway(Authorizer authorizer) {
    return Gateway.create(HttpApi.builder().apiId("api1").clock(clock)
        .route(Route.builder("GET /pets/{id}", echo()).custom(authorizer.name()).build())
        .route(Route.builder("POST /pets", echo()).custom(authorizer.name()).build())
        .authorizer(authorizer).build());
  }

  GatewayResponse get(Gateway gateway, String target, String token) {
    GatewayRequest.Builder request = GatewayRequest.builder().target(target);
    if (token != null) {
      request.header("Authorization", token);
    }
    return call(gateway, request.build());
  }

  Authorizer.Lambda.Builder simpleAuthorizer() {
    return Authorizer.lambda("auth", LambdaAuthorizer.of("auth", simple())).simpleResponses(true)
        .identitySources("$request.header.Authorization");
  }

  @Test
  @DisplayName("facts §4: simple response allows; its context reaches the integration at authorizer.lambda")
  void simpleAllow() {
    Gateway gateway = gateway(simpleAuthorizer().build());
    JsonNode event = event(get(gateway, "/pets/7", "allow"));
    assertThat(event.path("requestContext").path("authorizer").path("lambda").path("tenant").asText())
        .isEqualTo("t1");
    assertThat(event.path("requestContext").path("authorizer").path("lambda").path("level").asInt()).isEqualTo(3);
  }

  @Test
  @DisplayName("facts §4: deny → 403 {\"message\":\"Forbidden\"}")
  void simpleDeny() {
    GatewayResponse response = get(gateway(simpleAuthorizer().build()), "/pets/7", "nope");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  @Test
  @DisplayName("facts §4: a missing or empty identity source → 401 without invoking the authorizer")
  void missingIdentity() {
    Gateway gateway = gateway(simpleAuthorizer().build());
    GatewayResponse missing = get(gateway, "/pets/7", null);
    GatewayResponse empty = get(gateway, "/pets/7", "");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.bodyText()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(empty.statusCode()).isEqualTo(401);
    assertThat(events).isEmpty();
  }

  @Test
  @DisplayName("facts §4: the 2.0 authorizer event — type, routeArn, identitySource array, no body")
  void eventV2() {
    Gateway gateway = gateway(simpleAuthorizer().build());
    get(gateway, "/pets/7?x=1", "allow");
    JsonNode event = events.get(0);
    assertThat(event.path("version").asText()).isEqualTo("2.0");
    assertThat(event.path("type").asText()).isEqualTo("REQUEST");
    assertThat(event.path("routeArn").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:api1/$default/GET/pets/7");
    assertThat(event.path("identitySource")).hasSize(1);
    assertThat(event.path("routeKey").asText()).isEqualTo("GET /pets/{id}");
    assertThat(event.path("rawQueryString").asText()).isEqualTo("x=1");
    assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("7");
    assertThat(event.has("body")).isFalse();
    assertThat(event.path("requestContext").has("authorizer")).isFalse();
  }

  @Test
  @DisplayName("facts §4: the 1.0 authorizer event — methodArn, comma-joined identitySource and authorizationToken")
  void eventV1PolicyResponses() {
    LambdaFunction policy = (event, context) -> {
      JsonNode parsed = json(new String(event, StandardCharsets.UTF_8));
      events.add(parsed);
      return ("{\"principalId\":\"user-1\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{"
          + "\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
          + "\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:api1/*/GET/pets/*\"}]},"
          + "\"context\":{\"role\":\"reader\"}}").getBytes(StandardCharsets.UTF_8);
    };
    Gateway gateway = gateway(Authorizer.lambda("auth", LambdaAuthorizer.of("auth", policy))
        .payloadFormat(PayloadFormat.V1_0).identitySources("$request.header.Authorization", "$request.querystring.k")
        .build());
    JsonNode allowed = event(get(gateway, "/pets/7?k=key1", "tok"));
    assertThat(allowed.path("requestContext").path("authorizer").path("lambda").path("role").asText())
        .isEqualTo("reader");
    JsonNode event = events.get(0);
    assertThat(event.path("version").asText()).isEqualTo("1.0");
    assertThat(event.path("methodArn").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:api1/$default/GET/pets/7");
    assertThat(event.path("identitySource").asText()).isEqualTo("tok,key1");
    assertThat(event.path("authorizationToken").asText()).isEqualTo("tok,key1");
    assertThat(event.path("httpMethod").asText()).isEqualTo("GET");

    // The cached policy (same identity) is evaluated again for another route ARN: POST /pets is not allowed.
    GatewayResponse denied =
        call(gateway, GatewayRequest.builder().method("POST").target("/pets?k=key1").header("Authorization", "tok")
            .build());
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(events).hasSize(1);
  }

  @Test
  @DisplayName("facts §4: an explicit Deny statement wins over an Allow")
  void explicitDenyWins() {
    LambdaFunction policy = (event, context) -> ("{\"principalId\":\"u\",\"policyDocument\":{\"Statement\":["
        + "{\"Action\":\"execute-api:*\",\"Effect\":\"Allow\",\"Resource\":\"*\"},"
        + "{\"Action\":[\"execute-api:Invoke\"],\"Effect\":\"Deny\",\"Resource\":[\"arn:*/GET/pets/13\"]}]}}")
        .getBytes(StandardCharsets.UTF_8);
    Gateway gateway = gateway(Authorizer.lambda("auth", LambdaAuthorizer.of("auth", policy))
        .identitySources("$request.header.Authorization").build());
    assertThat(get(gateway, "/pets/7", "t").statusCode()).isEqualTo(200);
    assertThat(get(gateway, "/pets/13", "t").statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("facts §4, D12: results are cached by identity-source values for the TTL, then the authorizer runs again")
  void cacheAndTtl() {
    Gateway gateway = gateway(simpleAuthorizer().resultTtl(Duration.ofSeconds(300)).build());
    assertThat(get(gateway, "/pets/1", "allow").statusCode()).isEqualTo(200);
    assertThat(get(gateway, "/pets/2", "allow").statusCode()).isEqualTo(200);
    assertThat(events).hasSize(1);
    assertThat(get(gateway, "/pets/3", "nope").statusCode()).isEqualTo(403);
    assertThat(events).hasSize(2);
    clock.advance(Duration.ofSeconds(299));
    assertThat(get(gateway, "/pets/4", "allow").statusCode()).isEqualTo(200);
    assertThat(events).hasSize(2);
    clock.advance(Duration.ofSeconds(2));
    assertThat(get(gateway, "/pets/5", "allow").statusCode()).isEqualTo(200);
    assertThat(events).hasSize(3);
  }

  @Test
  @DisplayName("facts §4: TTL 0 disables the cache")
  void noCache() {
    Gateway gateway = gateway(simpleAuthorizer().resultTtl(Duration.ZERO).build());
    get(gateway, "/pets/1", "allow");
    get(gateway, "/pets/1", "allow");
    assertThat(events).hasSize(2);
  }

  @Test
  @DisplayName("facts §4: an authorizer that throws or answers garbage → 500; failures are not cached")
  void authorizerFailures() {
    for (String answer : List.of("not json", "{\"isAuthorized\":\"yes\"}", "[]", "{\"context\":5,\"isAuthorized\":true}")) {
      Gateway gateway = gateway(Authorizer.lambda("auth", LambdaAuthorizer.of("auth",
              (event, context) -> answer.getBytes(StandardCharsets.UTF_8)))
          .simpleResponses(true).identitySources("$request.header.Authorization").build());
      GatewayResponse response = get(gateway, "/pets/1", "t");
      assertThat(response.statusCode()).as(answer).isEqualTo(500);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
    int[] calls = {0};
    Gateway throwing = gateway(Authorizer.lambda("auth", LambdaAuthorizer.of("auth", (event, context) -> {
      calls[0]++;
      throw new IllegalStateException("down");
    })).simpleResponses(true).identitySources("$request.header.Authorization").build());
    assertThat(get(throwing, "/pets/1", "t").statusCode()).isEqualTo(500);
    assertThat(get(throwing, "/pets/1", "t").statusCode()).isEqualTo(500);
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  @DisplayName("facts §4: $context and $stageVariables identity sources")
  void contextAndStageVariableSources() {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.builder("GET /pets/{id}", echo()).custom("auth").build())
        .stage(Stage.builder("prod").variable("tier", "gold").build())
        .authorizer(Authorizer.lambda("auth", LambdaAuthorizer.of("auth", (event, context) -> {
          events.add(json(new String(event, StandardCharsets.UTF_8)));
          return "{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8);
        })).simpleResponses(true).identitySources("$context.routeKey", "$stageVariables.tier").build())
        .build());
    assertThat(call(gateway, GatewayRequest.builder().target("/prod/pets/1").build()).statusCode()).isEqualTo(200);
    assertThat(events.get(0).path("identitySource").toString()).isEqualTo("[\"GET /pets/{id}\",\"gold\"]");
  }
}
