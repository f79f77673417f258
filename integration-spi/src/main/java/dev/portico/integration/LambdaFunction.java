package dev.portico.integration;

/**
 * The in-process stand-in for a Lambda function: a JSON event in, a JSON response out.
 *
 * <pre>{@code
 * LambdaFunction hello = (event, context) ->
 *     ("{\"statusCode\":200,\"body\":\"hello from " + context.functionName() + "\"}")
 *         .getBytes(StandardCharsets.UTF_8);
 * Integration integration = LambdaIntegration.of("hello", hello);
 * }</pre>
 *
 * <p>Functions run on an executor thread, never on the caller's. A function that throws makes the gateway answer
 * {@code 500 {"message":"Internal Server Error"}}, as a Lambda function error does (facts §3). When the
 * deadline passes, the function's thread is interrupted: a function that waits or sleeps should let {@link
 * InterruptedException} propagate.
 */
@FunctionalInterface
public interface LambdaFunction {

  /**
   * Handles one event.
   *
   * @param event the event's JSON bytes; shared, do not modify
   * @param context the request id, function name, deadline and a logger
   * @return the response's JSON bytes
   * @throws Exception any failure, reported as a function error
   */
  byte[] handle(byte[] event, InvocationContext context) throws Exception;
}
