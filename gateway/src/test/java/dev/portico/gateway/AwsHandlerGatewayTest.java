package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.portico.integration.LambdaIntegration;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.payload.PayloadFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Handlers written against aws-lambda-java-events, behind the gateway, as they run in AWS. */
class AwsHandlerGatewayTest {

  /** A v2 handler reading the JWT-less event the way AWS users do. */
  public static class OrdersV2 implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
          .withHeaders(Map.of("content-type", "application/json"))
          .withBody("{\"order\":\"" + event.getPathParameters().get("id") + "\",\"stage\":\""
              + event.getRequestContext().getStage() + "\",\"q\":\"" + event.getQueryStringParameters().get("q")
              + "\",\"requestId\":\"" + context.getAwsRequestId() + "\"}")
          .build();
    }
  }

  /** A v1 handler. */
  public static class OrdersV1 implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
      return new APIGatewayProxyResponseEvent().withStatusCode(200)
          .withMultiValueHeaders(Map.of("x-values", java.util.List.of("a", "b")))
          .withBody(event.getResource() + " " + event.getPath() + " " + event.getHttpMethod() + " "
              + event.getMultiValueQueryStringParameters().get("q"));
    }
  }

  @Test
  void v2HandlerRunsUnchanged() {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("POST /orders/{id}", LambdaIntegration.of("orders",
            AwsLambdaHandlers.requestHandler(new OrdersV2()))))
        .stage(Stage.builder("live").build()).build());
    GatewayResponse response = call(gateway, GatewayRequest.builder().method("POST").target("/live/orders/42?q=x")
        .body("{}").build());
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(Fixtures.json(response.bodyText()).path("order").asText()).isEqualTo("42");
    assertThat(Fixtures.json(response.bodyText()).path("stage").asText()).isEqualTo("live");
    assertThat(Fixtures.json(response.bodyText()).path("q").asText()).isEqualTo("x");
    assertThat(Fixtures.json(response.bodyText()).path("requestId").asText())
        .isEqualTo(response.header("apigw-requestid").orElseThrow());
  }

  @Test
  void v1HandlerRunsUnchanged() {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.builder("GET /orders/{proxy+}", LambdaIntegration.of("orders",
            AwsLambdaHandlers.requestHandler(new OrdersV1()))).payloadFormat(PayloadFormat.V1_0).build())
        .build());
    GatewayResponse response = call(gateway, GatewayRequest.builder().target("/orders/a/b?q=1&q=2").build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("/orders/{proxy+} /orders/a/b GET [1, 2]");
    assertThat(response.headers().get("x-values")).containsExactly("a", "b");
  }
}
