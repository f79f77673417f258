/**
 * The gateway: an HTTP API's definition ({@link dev.portico.gateway.HttpApi}) and its run time ({@link
 * dev.portico.gateway.Gateway}).
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder()
 *     .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", (event, context) ->
 *         "{\"statusCode\":200,\"body\":\"a pet\"}".getBytes(StandardCharsets.UTF_8))))
 *     .build();
 * Gateway gateway = Gateway.create(api);
 * GatewayResponse response = gateway.handle(GatewayRequest.builder().method("GET").target("/pets/7").build())
 *     .toCompletableFuture().join();
 * response.statusCode();   // 200
 * }</pre>
 */
@NullMarked
package dev.portico.gateway;

import org.jspecify.annotations.NullMarked;
