package dev.portico.gateway.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.Expression;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.gateway.Stage;
import dev.portico.integration.LambdaIntegration;
import dev.portico.routing.RouteKey;
import dev.portico.routing.Router;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one reader of expressions (facts-2 §2.3, decision D17): what each source reads from one routed call.
 */
class ExpressionsTest {
  static final String BODY = "{\"order\":{\"id\":7,\"items\":[{\"sku\":\"a-1\"},{\"sku\":\"b-2\"}],\"note\":null},"
      + "\"tags\":[\"x\",\"y\"]}";

  static Call call() {
    Route route = Route.of("POST /stores/{store}/orders", LambdaIntegration.of("f", (e, c) -> "{}".getBytes()));
    HttpApi api = HttpApi.builder().apiId("abc123").route(route)
        .stage(Stage.builder("prod").variable("backend", "orders-v2").build()).build();
    GatewayRequest request = GatewayRequest.builder().method("POST")
        .target("/prod/stores/main%20st/orders?limit=5&tag=a&tag=b%20c")
        .header("X-Trace", "t1").header("x-trace", "t2").header("X-Forwarded-For", "203.0.113.1")
        .sourceIp("192.0.2.9").body(BODY).build();
    Call call = new Call(api, request, Instant.parse("2026-12-03T10:00:00Z"), System.nanoTime());
    call.stage = StageRuntime.of(api.stages().get("prod"));
    call.routedPath = "/stores/main%20st/orders";
    Router<RouteTarget> router = Router.<RouteTarget>builder().route(RouteKey.parse(
        "POST /stores/{store}/orders"), new RouteTarget(route, Authorization.NONE, Duration.ofSeconds(1))).build();
    call.match = router.match("POST", call.routedPath).orElseThrow();
    return call;
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiterString = " => ", nullValues = "(none)", value = {
    "$request.header.X-TRACE => t1,t2",
    "$request.header.absent => (none)",
    "$request.querystring.tag => a,b c",
    "$request.querystring.TAG => (none)",
    "$request.path => /stores/main st/orders",
    "$request.path.store => main st",
    "$request.body.order.id => 7",
    "$request.body.order.items[1].sku => b-2",
    "$request.body.order.items[0] => {\"sku\":\"a-1\"}",
    "$request.body.tags => [\"x\",\"y\"]",
    "$request.body.order.note => (none)",
    "$request.body.order.items[5] => (none)",
    "$request.body.missing.deeper => (none)",
    "$context.stage => prod",
    "$context.httpMethod => POST",
    "$stageVariables.backend => orders-v2",
    "$stageVariables.absent => (none)",
    "${request.path.store}-${stageVariables.backend} => main st-orders-v2",
    "${request.path.store}-${stageVariables.absent} => (none)"
  })
  void eachSourceReadsWhatTheFactsSay(String text, String expected) {
    assertThat(Expressions.read(Expression.parse(text), call())).isEqualTo(expected);
  }

  @Test
  void headersAreReadAsTheEventCarriesThemForEveryAuthorizerAlike() {
    // D17: X-Forwarded-For is the client's chain with the peer appended, as the integration receives it.
    assertThat(Expressions.read(Expression.parse("$request.header.X-Forwarded-For"), call()))
        .isEqualTo("203.0.113.1, 192.0.2.9");
  }

  @Test
  void theWholeBodyIsReadUpToAwsLimit() {
    Call call = call();
    assertThat(Expressions.read(Expression.parse("$request.body"), call)).isEqualTo(BODY);
  }
}
