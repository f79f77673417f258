package dev.portico.gateway.internal.pipeline;

import dev.portico.payload.AuthorizerContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a route is authorized (pipeline step 6): not at all, by a JWT authorizer, or by a Lambda authorizer. The
 * answer is the authorizer context the integration receives, or AWS's refusal.
 */
public sealed interface Authorization permits Authorization.Immediate, JwtAuthorization, LambdaAuthorization {

  /** A route without authorization. */
  None NONE = new None();

  /**
   * Authorizes one call.
   *
   * @param call the call, routed
   * @return the context the integration sees, or the refusal; never completed exceptionally
   */
  CompletionStage<Outcome<AuthorizerContext>> authorize(Call call);

  /**
   * An authorization decided at once, on the calling thread, calling nothing: the pipeline takes its answer without
   * a future.
   */
  sealed interface Immediate extends Authorization permits None {
    /**
     * Decides one call now.
     *
     * @param call the call, routed
     * @return the context the integration sees, or the refusal
     */
    Outcome<AuthorizerContext> decide(Call call);

    @Override
    default CompletionStage<Outcome<AuthorizerContext>> authorize(Call call) {
      return CompletableFuture.completedFuture(decide(call));
    }
  }

  /** No authorizer: every request goes on with an empty context. */
  final class None implements Immediate {
    private static final Outcome<AuthorizerContext> OPEN = Outcome.next(AuthorizerContext.none());

    private None() {}

    @Override
    public Outcome<AuthorizerContext> decide(Call call) {
      return OPEN;
    }
  }
}
