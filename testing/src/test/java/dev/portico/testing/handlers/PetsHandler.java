package dev.portico.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** A real Lambda handler, as a user's project has them: answers with what it read from its event. */
public class PetsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String pet = event.getPathParameters() == null ? "all" : event.getPathParameters().get("petId");
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = event.getRequestContext().getAuthorizer();
    String subject = authorizer == null || authorizer.getJwt() == null
        ? "anonymous"
        : authorizer.getJwt().getClaims().get("sub");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(200)
        .withHeaders(Map.of("content-type", "text/plain"))
        .withBody("pet " + pet + " for " + subject + " via " + context.getFunctionName())
        .build();
  }
}
