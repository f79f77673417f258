package dev.portico.examples.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.util.Map;

/**
 * A Lambda REQUEST authorizer with simple responses (payload 2.0): the {@code x-api-key} header must name a known
 * key; the key's owner reaches the integration as {@code requestContext.authorizer.lambda.caller}.
 */
public class ApiKeyAuthorizer implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
  private static final Map<String, String> KEYS = Map.of("pets-admin-key", "admin", "pets-staff-key", "staff");

  @Override
  public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
    String key = event.getHeaders() == null ? null : event.getHeaders().get("x-api-key");
    String owner = key == null ? null : KEYS.get(key);
    if (owner == null) {
      return Map.of("isAuthorized", false);
    }
    return Map.of("isAuthorized", true, "context", Map.of("caller", owner));
  }
}
