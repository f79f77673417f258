package dev.portico.integration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a Lambda REQUEST authorizer answered (facts §4): a simple response {@code {isAuthorized, context}} or an
 * IAM policy {@code {principalId, policyDocument, context}}.
 *
 * <pre>{@code
 * AuthorizerResponse simple = AuthorizerResponse.simple(true, Map.of("tenant", "t1"));
 * simple.allows(routeArn);   // true
 * }</pre>
 *
 * <p>An IAM policy allows a route when at least one {@code Allow} statement covers {@code execute-api:Invoke} on
 * the route ARN and no {@code Deny} statement does (an explicit deny wins, as in IAM). Because results are cached
 * by identity-source values, one cached policy is evaluated again for every route ARN it meets.
 *
 * @param simple whether this is a simple response
 * @param authorized a simple response's {@code isAuthorized}; false for policies (use {@link #allows(String)})
 * @param principalId the policy's {@code principalId}, when present
 * @param statements the policy's statements; empty for simple responses
 * @param context the {@code context} map, JSON values; empty when absent
 */
public record AuthorizerResponse(
    boolean simple,
    boolean authorized,
    Optional<String> principalId,
    List<PolicyStatement> statements,
    Map<String, Object> context) {

  /**
   * Validates the response.
   *
   * @param simple simple
   * @param authorized authorized
   * @param principalId principal id
   * @param statements statements
   * @param context context
   */
  public AuthorizerResponse {
    Objects.requireNonNull(principalId, "principalId");
    statements = List.copyOf(statements);
    context = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(context, "context")));
  }

  /**
   * A simple response.
   *
   * @param authorized {@code isAuthorized}
   * @param context the context, JSON values
   * @return the response
   */
  public static AuthorizerResponse simple(boolean authorized, Map<String, ?> context) {
    return new AuthorizerResponse(true, authorized, Optional.empty(), List.of(), Map.copyOf(context));
  }

  /**
   * An IAM policy response.
   *
   * @param principalId the principal, or null
   * @param statements the statements
   * @param context the context, JSON values
   * @return the response
   */
  public static AuthorizerResponse policy(
      @Nullable String principalId, List<PolicyStatement> statements, Map<String, ?> context) {
    return new AuthorizerResponse(false, false, Optional.ofNullable(principalId), statements, Map.copyOf(context));
  }

  /**
   * Whether this answer lets the request through.
   *
   * @param routeArn the request's route ARN
   * @return the simple answer, or the policy's verdict for the ARN
   */
  public boolean allows(String routeArn) {
    if (simple) {
      return authorized;
    }
    boolean allowed = false;
    for (PolicyStatement statement : statements) {
      if (statement.covers(routeArn)) {
        if (!statement.allow()) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }
}
