package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The handler the javadoc examples name, written as an AWS user writes one: a {@code RequestHandler}, and a
 * {@code handle} method for the {@code com.example.OrdersHandler::handle} form. Answers
 * {@code 201 order <id> for <function>}.
 */
public class OrdersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return handle(event, context);
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    String id = event.getPathParameters() == null ? "new" : event.getPathParameters().getOrDefault("id", "new");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
        .withBody("order " + id + " for " + context.getFunctionName()).build();
  }
}
