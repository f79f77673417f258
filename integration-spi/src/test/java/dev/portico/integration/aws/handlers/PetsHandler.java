package dev.portico.integration.aws.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Written the way AWS users write handlers, against aws-lambda-java-events. Counts instances and calls in statics. */
public class PetsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  public static final AtomicInteger INSTANCES = new AtomicInteger();
  public static final AtomicInteger CALLS = new AtomicInteger();
  private final int instance;

  public PetsHandler() {
    instance = INSTANCES.incrementAndGet();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    CALLS.incrementAndGet();
    String id = event.getPathParameters() == null ? "none" : event.getPathParameters().get("id");
    String loader = Thread.currentThread().getContextClassLoader() == getClass().getClassLoader() ? "own" : "other";
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(200)
        .withHeaders(Map.of("content-type", "text/plain", "x-instance", Integer.toString(instance),
            "x-loader", loader))
        .withBody("pet " + id + " via " + event.getRequestContext().getHttp().getMethod() + " "
            + event.getRawPath() + " for " + context.getFunctionName() + " " + context.getAwsRequestId() + " "
            + (context.getRemainingTimeInMillis() > 0))
        .build();
  }
}
