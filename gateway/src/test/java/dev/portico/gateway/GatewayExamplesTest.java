package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.integration.LambdaIntegration;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example of package-info.java, kept compiling and true. */
class GatewayExamplesTest {
  @Test
  void packageExample() {
    HttpApi api = HttpApi.builder()
        .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", (event, context) ->
            "{\"statusCode\":200,\"body\":\"a pet\"}".getBytes(StandardCharsets.UTF_8))))
        .build();
    Gateway gateway = Gateway.create(api);
    GatewayResponse response = gateway.handle(GatewayRequest.builder().method("GET").target("/pets/7").build())
        .toCompletableFuture().join();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("a pet");
  }

  /** Authorizer.Jwt#withIssuer's example: only the issuer changes. */
  @Test
  void jwtWithIssuer() {
    Authorizer.Jwt deployed = Authorizer.jwt("petsJwt", dev.portico.auth.jwt.JwtAuthorizerConfig.builder()
        .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_PETS01").audiences("pets-app").build());
    Authorizer.Jwt local = deployed.withIssuer("http://127.0.0.1:8081");
    assertThat(local.name()).isEqualTo("petsJwt");
    assertThat(local.config().issuer().toString()).isEqualTo("http://127.0.0.1:8081");
    assertThat(local.config().audiences()).isEqualTo(deployed.config().audiences());
    assertThat(local.config().identitySource()).isEqualTo(deployed.config().identitySource());
  }
}
