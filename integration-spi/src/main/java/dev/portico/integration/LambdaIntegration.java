package dev.portico.integration;

import dev.portico.payload.MalformedResponseException;
import dev.portico.payload.PayloadLimits;
import dev.portico.payload.PayloadTooLargeException;
import dev.portico.payload.ProxyResponse;
import dev.portico.payload.ProxyResponses;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * An {@code AWS_PROXY} integration with an in-process {@link LambdaFunction}: the function gets the route's event
 * and its answer is decoded as Lambda proxy response of the route's payload format, 2.0 inference included.
 *
 * <pre>{@code
 * Integration pets = LambdaIntegration.of("pets", (event, context) ->
 *     "{\"statusCode\":200,\"body\":\"[]\"}".getBytes(StandardCharsets.UTF_8));
 *
 * Integration handlers = LambdaIntegration.builder("orders", AwsLambdaHandlers.requestHandler(new OrdersHandler()))
 *     .executor(myExecutor)
 *     .build();
 * }</pre>
 *
 * <p>Failures follow facts §3: a function that throws, or returns something that is not a valid response, or a
 * response over {@link #DEFAULT_MAX_RESPONSE_BYTES} completes the stage with an {@link IntegrationException} (the
 * gateway answers 500). Cancelling the returned future interrupts the function's thread.
 */
public final class LambdaIntegration implements Integration {
  /**
   * Lambda's limit for a synchronous invocation's response: 6 MB, read as 6,291,456 bytes (AWS Lambda quotas,
   * "Invocation payload (request and response): 6 MB each for request and response (synchronous)"). A function
   * that answers more fails in AWS; here too.
   */
  public static final int DEFAULT_MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

  /**
   * How many invocations run at once on the default executor, across every function and Lambda authorizer:
   * Lambda's default account concurrency (1,000). One more is throttled: the gateway answers 500.
   */
  public static final int ACCOUNT_CONCURRENCY = FunctionRunner.DEFAULT_CONCURRENCY;

  private final String functionName;
  private final LambdaFunction function;
  private final Executor executor;
  private final PayloadLimits limits;

  private LambdaIntegration(Builder builder) {
    this.functionName = builder.functionName;
    this.function = builder.function;
    this.executor = builder.executor;
    this.limits = PayloadLimits.builder().maxResponseBytes(builder.maxResponseBytes).build();
  }

  /**
   * An integration running a function on the default executor: daemon threads created on demand, at most 1,000
   * at once (Lambda's default account concurrency).
   *
   * @param functionName the function's name, as events and logs show it
   * @param function the function
   * @return the integration
   */
  public static LambdaIntegration of(String functionName, LambdaFunction function) {
    return builder(functionName, function).build();
  }

  /**
   * A builder for an integration with its own executor or response limit.
   *
   * @param functionName the function's name
   * @param function the function
   * @return a new builder
   */
  public static Builder builder(String functionName, LambdaFunction function) {
    return new Builder(functionName, function);
  }

  /** @return the function's name */
  public String functionName() {
    return functionName;
  }

  @Override
  public CompletionStage<ProxyResponse> invoke(IntegrationRequest request) {
    InvocationContext context =
        new InvocationContext(request.request().requestId(), functionName, request.deadline(), request.clock());
    return FunctionRunner.invoke(
        executor, function, request::event, context,
        answer -> {
          try {
            return ProxyResponses.decode(answer, request.payloadFormat(), limits);
          } catch (MalformedResponseException | PayloadTooLargeException e) {
            throw IntegrationException.failed(
                "function " + functionName + " returned an invalid response: " + e.getMessage(), e);
          }
        });
  }

  @Override
  public String toString() {
    return "LambdaIntegration[" + functionName + "]";
  }

  /** Builds a {@link LambdaIntegration}. */
  public static final class Builder {
    private final String functionName;
    private final LambdaFunction function;
    private Executor executor = FunctionRunner.defaultExecutor();
    private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder(String functionName, LambdaFunction function) {
      this.functionName = Functions.checkName(functionName);
      this.function = Objects.requireNonNull(function, "function");
    }

    /**
     * Sets where the function runs. Default: a shared pool of daemon threads, at most 1,000 at once.
     *
     * @param executor the executor; a rejected task fails the request with 500
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the largest response accepted. Default: {@link #DEFAULT_MAX_RESPONSE_BYTES}.
     *
     * @param maxResponseBytes 0 to {@link PayloadLimits#MAX_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxResponseBytes(int maxResponseBytes) {
      PayloadLimits.builder().maxResponseBytes(maxResponseBytes).build();
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Builds the integration.
     *
     * @return the integration
     */
    public LambdaIntegration build() {
      return new LambdaIntegration(this);
    }
  }
}
