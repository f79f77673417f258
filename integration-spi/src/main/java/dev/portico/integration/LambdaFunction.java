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
 *
 * <p>Concurrency, as Lambda bounds it: all functions and Lambda authorizers on the default executor share at most
 * {@value LambdaIntegration#ACCOUNT_CONCURRENCY} running invocations (Lambda's default account concurrency); one
 * function can be held to fewer with {@link #withReservedConcurrency(int)}. An invocation over either bound is
 * throttled at once, and API Gateway answers a throttled Lambda invocation with {@code 500 {"message":"Internal
 * Server Error"}} (observed on REST APIs: Lambda's 429 becomes an integration failure; not documented for HTTP
 * APIs — see docs/security.md).
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

  /**
   * This function held to a number of invocations at once, as Lambda's reserved concurrency holds a function: an
   * invocation beyond it fails at once ("throttled"), so the gateway answers 500 without waiting. Apply it once
   * per function and share the result between every route and authorizer that calls the function, as one Lambda
   * function's limit covers all its callers.
   *
   * <pre>{@code
   * LambdaFunction orders = AwsLambdaHandlers.requestHandler(new OrdersHandler()).withReservedConcurrency(10);
   * }</pre>
   *
   * @param reservedConcurrency at least 1
   * @return the limited function
   * @throws IllegalArgumentException when the limit is below 1
   */
  default LambdaFunction withReservedConcurrency(int reservedConcurrency) {
    return new ReservedConcurrency(this, reservedConcurrency);
  }

  /**
   * Does the function's cold start now, before its first invocation, as Lambda's provisioned concurrency
   * initialises a function before traffic: for a handler class, its static initialisation and constructor, and the
   * runtime serializers' readers and writers of its {@code aws-lambda-java-events} input and output types (built
   * on an empty event, without calling the handler). Safe to
   * call more than once and while invocations run; an invocation that arrives meanwhile waits for the same cold
   * start. The default does nothing (a function with nothing to prepare).
   *
   * <pre>{@code
   * LambdaFunction pets = AwsLambdaHandlers.load(handler, loader);   // "com.example.PetsHandler"
   * pets.warmUp();   // the cold start happens here, not in the first request
   * }</pre>
   *
   * @throws Exception what the cold start threw (the handler's constructor or static initialiser)
   */
  default void warmUp() throws Exception {}
}
