package dev.portico.auth.jwt;

/**
 * Thrown when a {@link JwtAuthorizerConfig} or {@link JwtLimits} breaks a rule; the message names the field, the
 * value and the rule.
 *
 * <pre>{@code
 * JwtAuthorizerConfig.builder().issuer("http://idp.example.com").audiences("app").build();
 * // JwtConfigException: issuer 'http://idp.example.com' must use https (http is allowed for loopback hosts only)
 * }</pre>
 */
public final class JwtConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  JwtConfigException(String message) {
    super(message);
  }
}
