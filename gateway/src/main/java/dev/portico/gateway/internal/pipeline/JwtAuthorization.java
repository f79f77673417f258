package dev.portico.gateway.internal.pipeline;

import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.gateway.Expression;
import dev.portico.payload.AuthorizerContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A route authorized by a JWT authorizer (facts §4): the identity source's value goes to {@link JwtAuthorizer}
 * with the route's scopes; a denial is AWS's 401 or 403 with the authorizer's {@code www-authenticate}.
 *
 * @param authorizer the authorizer, shared by the routes that name it
 * @param identitySource where the token is, read like every other expression (D17)
 */
public record JwtAuthorization(JwtAuthorizer authorizer, Expression identitySource) implements Authorization {

  /**
   * Decides at once when the issuer's keys are there (the pipeline then takes the answer without a future), else
   * when the fetch of them has ended: no thread waits for an issuer (issue 21), so the HTTP path may decide on a
   * thread that must not block.
   *
   * @param call the call, routed
   * @return the decision, or null when it has to wait for the keys ({@link #authorize})
   */
  @Nullable Outcome<AuthorizerContext> decideNow(Call call) {
    return authorizer.keysAvailable() ? decide(call) : null;
  }

  @Override
  public CompletionStage<Outcome<AuthorizerContext>> authorize(Call call) {
    Outcome<AuthorizerContext> now = decideNow(call);
    return now != null ? CompletableFuture.completedFuture(now)
        : authorizer.keysReady().thenApply(ready -> decide(call));
  }

  /** Decides one call with the keys there are (waiting for an in-flight fetch when there are none). */
  Outcome<AuthorizerContext> decide(Call call) {
    String token = Expressions.read(identitySource, call);
    AuthorizationResult result = authorizer.authorize(token, call.routed().target().route().scopes());
    if (result instanceof AuthorizationResult.Denied denied) {
      Failure failure =
          denied.status() == 403
              ? new Failure(403, "Forbidden", "ACCESS_DENIED", denied.wwwAuthenticate())
              : new Failure(401, "Unauthorized", "UNAUTHORIZED", denied.wwwAuthenticate());
      return Outcome.refuse(failure, Outcome.Why.authorizer(denied.detail()));
    }
    AuthorizationResult.Allowed allowed = (AuthorizationResult.Allowed) result;
    AuthorizerContext context =
        allowed.scopes().isPresent()
            ? AuthorizerContext.jwt(allowed.claims(), allowed.scopes().get())
            : AuthorizerContext.jwt(allowed.claims());
    return Outcome.next(context);
  }
}
