package dev.portico.gateway.internal.pipeline;

import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.gateway.Expression;
import dev.portico.payload.AuthorizerContext;

/**
 * A route authorized by a JWT authorizer (facts §4): the identity source's value goes to {@link JwtAuthorizer}
 * with the route's scopes; a denial is AWS's 401 or 403 with the authorizer's {@code www-authenticate}.
 *
 * @param authorizer the authorizer, shared by the routes that name it
 * @param identitySource where the token is, read like every other expression (D17)
 */
public record JwtAuthorization(JwtAuthorizer authorizer, Expression identitySource) implements Authorization.Immediate {

  @Override
  public Outcome<AuthorizerContext> decide(Call call) {
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
