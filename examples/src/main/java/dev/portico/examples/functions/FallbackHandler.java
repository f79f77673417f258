package dev.portico.examples.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The {@code $default} route's function, as a stream handler: raw event JSON in, raw response JSON out. */
public class FallbackHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event = JSON.readTree(input);
    String body = JSON.createObjectNode()
        .put("message", "no route serves this path; the $default route caught it")
        .put("rawPath", event.path("rawPath").asText())
        .put("requestId", context.getAwsRequestId())
        .put("stage", System.getenv("PETS_STAGE")) // the template's Environment.Variables, as on Lambda
        .toString();
    JSON.writeValue(output, JSON.createObjectNode().put("statusCode", 404)
        .put("body", body).set("headers", JSON.createObjectNode().put("content-type", "application/json")));
  }
}
