package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.answering;
import static dev.portico.gateway.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, item 3: a function answering {@code statusCode} 100, 101 or 103 left the request without a final
 * response, so the next response on the keep-alive connection was read as the answer to the first. A status must
 * be final; anything else is a malformed response, which AWS answers 500.
 */
class InterimStatusRegressionTest {

  @ParameterizedTest
  @ValueSource(ints = {100, 101, 102, 103, 199})
  void anInterimStatusFromAFunctionIsAMalformedResponse(int status) {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /", answering("{\"statusCode\":" + status + ",\"body\":\"early\"}"))).build());

    GatewayResponse response = get(gateway, "/");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    assertThat(response.header("apigw-requestid")).isPresent();
  }
}
