package dev.portico.examples.hostile;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A handler that answers the status in its request's {@code status} query parameter — as a careless or hostile
 * function might answer 100, 101 or 103 — with headers that do not belong in a response, and the event's
 * {@code requestContext.domainName} in its body.
 */
public final class InterimStatusHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    int at = event.indexOf("\"status\":\"");
    String status = at < 0 ? "200" : event.substring(at + 10, event.indexOf('"', at + 10));
    int domain = event.indexOf("\"domainName\":\"");
    String domainName = domain < 0 ? "-" : event.substring(domain + 14, event.indexOf('"', domain + 14));
    output.write(("{\"statusCode\":" + status + ",\"headers\":{\"connection\":\"close\",\"upgrade\":\"h2c\","
        + "\"keep-alive\":\"timeout=1\",\"x-kept\":\"yes\"},\"body\":\"status " + status + " domain " + domainName
        + "\"}")
        .getBytes(StandardCharsets.UTF_8));
  }
}
