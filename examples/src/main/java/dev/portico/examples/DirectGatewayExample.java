package dev.portico.examples;

import dev.portico.examples.functions.PetsHandler;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import dev.portico.integration.aws.AwsLambdaHandlers;

/**
 * The gateway without HTTP: build an API in code, hand it requests, read AWS's answers — what a unit test or a
 * custom host does.
 *
 * <pre>{@code
 * GatewayResponse response = DirectGatewayExample.call("GET", "/pets/1");
 * response.statusCode();   // 200
 * response.bodyText();     // {"id":1,"name":"Rex",...}
 * }</pre>
 */
public final class DirectGatewayExample {
  private static final Gateway GATEWAY = Gateway.create(HttpApi.builder()
      .route(Route.of("GET /pets/{petId}",
          LambdaIntegration.of("pets", AwsLambdaHandlers.requestHandler(new PetsHandler()))))
      .build());

  private DirectGatewayExample() {}

  /**
   * Hands one request to the gateway and waits for its answer.
   *
   * @param method the method
   * @param target the path and query
   * @return the answer
   */
  public static GatewayResponse call(String method, String target) {
    return GATEWAY.handle(GatewayRequest.builder().method(method).target(target).build())
        .toCompletableFuture().join();
  }

  /**
   * Prints two answers.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    for (String target : new String[] {"/pets/1", "/cats/1"}) {
      GatewayResponse response = call("GET", target);
      System.out.println("GET " + target + " -> " + response.statusCode() + " " + response.bodyText());
    }
  }
}
