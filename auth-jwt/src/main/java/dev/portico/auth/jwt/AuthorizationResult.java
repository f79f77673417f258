package dev.portico.auth.jwt;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link JwtAuthorizer#authorize} decided: {@link Allowed} with the token's claims, or {@link Denied} with the
 * answer AWS gives and the reason why.
 *
 * <pre>{@code
 * AuthorizationResult result = authorizer.authorize(header, Set.of("pets/read"));
 * if (result instanceof AuthorizationResult.Denied denied) {
 *   reply(denied.status(), denied.body(), denied.wwwAuthenticate());   // 401 or 403, as AWS
 * } else {
 *   invoke(((AuthorizationResult.Allowed) result).claims());
 * }
 * }</pre>
 */
public sealed interface AuthorizationResult {

  /** @return whether the request may proceed */
  boolean isAllowed();

  /**
   * The token is valid for the route.
   *
   * @param claims the token's claims, in token order: strings, {@code Long}/{@code BigDecimal} numbers, booleans,
   *     lists and maps as in the JSON (a JSON {@code null} is absent), for {@code requestContext.authorizer.jwt}
   * @param scopes the token's scopes when the route declares scopes (AWS lists them in the event); empty when the
   *     route declares none (AWS writes {@code null})
   */
  record Allowed(Map<String, Object> claims, Optional<List<String>> scopes) implements AuthorizationResult {
    /**
     * Copies the parts.
     *
     * @param claims the token's claims
     * @param scopes the token's scopes, present when the route declares scopes
     */
    public Allowed {
      claims = Objects.requireNonNull(claims, "claims");
      scopes = Objects.requireNonNull(scopes, "scopes").map(List::copyOf);
    }

    @Override
    public boolean isAllowed() {
      return true;
    }
  }

  /**
   * The request is refused.
   *
   * @param reason why, for logs and metrics; never sent to the client
   * @param detail a precise human-readable explanation, for logs; never sent to the client
   * @param wwwAuthenticate the {@code www-authenticate} value to send
   */
  record Denied(DenialReason reason, String detail, String wwwAuthenticate) implements AuthorizationResult {
    /**
     * Checks the parts.
     *
     * @param reason why
     * @param detail explanation for logs
     * @param wwwAuthenticate the header value to send
     */
    public Denied {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(wwwAuthenticate, "wwwAuthenticate");
    }

    @Override
    public boolean isAllowed() {
      return false;
    }

    /** @return 401, or 403 for insufficient scope */
    public int status() {
      return reason.status();
    }

    /** @return the AWS body: {@code {"message":"Unauthorized"}} or {@code {"message":"Forbidden"}} */
    public String body() {
      return status() == 403 ? "{\"message\":\"Forbidden\"}" : "{\"message\":\"Unauthorized\"}";
    }
  }
}
