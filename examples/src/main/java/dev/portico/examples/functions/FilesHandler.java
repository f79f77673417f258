package dev.portico.examples.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * A handler named by method ({@code dev.portico.examples.functions.FilesHandler::serve}), behind the greedy route
 * {@code ANY /files/{proxy+}}: answers with the path it was given and how much time Lambda says is left.
 */
public class FilesHandler {

  /**
   * Serves {@code /files/...}.
   *
   * @param event the 2.0 event
   * @param context the invocation
   * @return the answer
   */
  public APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Context context) {
    String file = event.getPathParameters().get("proxy");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
        .withHeaders(Map.of("content-type", "application/json"))
        .withBody("{\"method\":\"" + event.getRequestContext().getHttp().getMethod() + "\",\"file\":\"" + file
            + "\",\"remainingMillis\":" + context.getRemainingTimeInMillis() + "}")
        .build();
  }
}
