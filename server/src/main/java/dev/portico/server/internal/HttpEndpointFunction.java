package dev.portico.server.internal;

import dev.portico.integration.InvocationContext;
import dev.portico.integration.LambdaFunction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code --function NAME=http://127.0.0.1:PORT/...}: a function that runs elsewhere (a Python or Node function under
 * its own tooling). Each invocation POSTs the event JSON to the URL, as Lambda's invoke API takes it, and the
 * response body is the function's result; a non-2xx answer or no answer before the deadline is a failed invocation
 * (the gateway answers 500, as for a function that throws).
 */
final class HttpEndpointFunction implements LambdaFunction {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();

  private final URI endpoint;

  HttpEndpointFunction(URI endpoint) {
    this.endpoint = endpoint;
  }

  static boolean isEndpoint(String handler) {
    return handler.startsWith("http://") || handler.startsWith("https://");
  }

  @Override
  public byte[] handle(byte[] event, InvocationContext context) throws IOException, InterruptedException {
    Duration left = Duration.between(context.clock().instant(), context.deadline());
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
        .header("content-type", "application/json")
        .header("lambda-runtime-aws-request-id", context.requestId())
        .header("x-portico-function", context.functionName())
        .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build();
    HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(endpoint + " answered " + response.statusCode() + " to the invocation of "
          + context.functionName());
    }
    return response.body();
  }

  @Override
  public String toString() {
    return "function at " + endpoint;
  }
}
