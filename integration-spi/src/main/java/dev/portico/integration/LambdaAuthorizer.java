package dev.portico.integration;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A Lambda REQUEST authorizer: a {@link LambdaFunction} that gets an authorizer event and answers allow or deny
 * (facts §4). The gateway decides when to call it (identity sources present, result not cached) and what the
 * answer means for the route; this class builds the event and reads the answer.
 *
 * <pre>{@code
 * LambdaAuthorizer authorizer = LambdaAuthorizer.of("check-token", (event, context) -> {
 *   boolean ok = new String(event, StandardCharsets.UTF_8).contains("\"secret-token\"");
 *   return ("{\"isAuthorized\":" + ok + ",\"context\":{\"tenant\":\"t1\"}}").getBytes(StandardCharsets.UTF_8);
 * });
 * }</pre>
 *
 * <p>An authorizer function that throws, answers something that is not a valid response, or is interrupted at the
 * deadline completes the stage with an {@link IntegrationException}; the gateway answers 500.
 */
public final class LambdaAuthorizer {
  private final String functionName;
  private final LambdaFunction function;
  private final Executor executor;

  private LambdaAuthorizer(String functionName, LambdaFunction function, Executor executor) {
    this.functionName = Functions.checkName(functionName);
    this.function = Objects.requireNonNull(function, "function");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * An authorizer running on the default executor (shared with {@link LambdaIntegration}).
   *
   * @param functionName the authorizer function's name
   * @param function the function
   * @return the authorizer
   */
  public static LambdaAuthorizer of(String functionName, LambdaFunction function) {
    return new LambdaAuthorizer(functionName, function, FunctionRunner.defaultExecutor());
  }

  /**
   * An authorizer running on an executor of your choice.
   *
   * @param functionName the authorizer function's name
   * @param function the function
   * @param executor where it runs
   * @return the authorizer
   */
  public static LambdaAuthorizer of(String functionName, LambdaFunction function, Executor executor) {
    return new LambdaAuthorizer(functionName, function, executor);
  }

  /** @return the authorizer function's name */
  public String functionName() {
    return functionName;
  }

  /**
   * Calls the authorizer function.
   *
   * @param request the request to authorize
   * @return its answer; cancelling the future interrupts the function
   */
  public CompletionStage<AuthorizerResponse> authorize(AuthorizerRequest request) {
    InvocationContext context =
        new InvocationContext(request.request().requestId(), functionName, request.deadline(), request.clock());
    return FunctionRunner.invoke(
        executor, function, request::event, context,
        answer -> AuthorizerResponses.parse(answer, request.simpleResponses()));
  }

  @Override
  public String toString() {
    return "LambdaAuthorizer[" + functionName + "]";
  }
}
