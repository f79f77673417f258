package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.integration.Integration;
import dev.portico.integration.IntegrationException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Host integrations that break their contract still get AWS's 500 or 503, never an exception or a hang. */
class IntegrationContractTest {

  @Test
  void brokenIntegrationsAreAnswered() {
    List<Integration> broken = List.of(
        request -> null,
        request -> {
          throw new IllegalStateException("thrown instead of a failed stage");
        },
        request -> CompletableFuture.completedFuture(null),
        request -> CompletableFuture.failedFuture(new OutOfMemoryError("simulated")));
    for (Integration integration : broken) {
      GatewayResponse response = get(Gateway.create(HttpApi.builder().route(Route.of("GET /", integration)).build()), "/");
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
      assertThat(response.header("apigw-requestid")).isPresent();
    }
  }

  @Test
  void aTimeoutExceptionIs503() {
    Integration late = request -> CompletableFuture.failedFuture(IntegrationException.timedOut("backend too slow"));
    GatewayResponse response = get(Gateway.create(HttpApi.builder().route(Route.of("GET /", late)).build()), "/");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }
}
