package dev.portico.testing.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** A payload-format-1.0 handler named {@code Class::method}, as Lambda's handler setting names it. */
public class LegacyHandler {
  public APIGatewayProxyResponseEvent list(APIGatewayProxyRequestEvent event) {
    return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("legacy " + event.getHttpMethod());
  }
}
