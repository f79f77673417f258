package dev.portico.examples.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;

/**
 * A payload format 1.0 function, the REST-API-era shape many teams still run: {@code GET /legacy/pets}. Answers with
 * two {@code x-pets-source} headers to show 1.0's {@code multiValueHeaders}.
 */
public class LegacyPetsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    String limit = event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("limit");
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(200)
        .withMultiValueHeaders(Map.of("x-pets-source", List.of("legacy", "v1"),
            "content-type", List.of("application/json")))
        .withBody("{\"resource\":\"" + event.getResource() + "\",\"path\":\"" + event.getPath() + "\",\"limit\":"
            + (limit == null ? "null" : "\"" + limit + "\"") + ",\"function\":\"" + context.getFunctionName() + "\"}");
  }
}
