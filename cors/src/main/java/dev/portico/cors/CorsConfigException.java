package dev.portico.cors;

/**
 * Thrown when a {@link CorsConfiguration} breaks a rule; the message names the field, the value and the rule.
 *
 * <pre>{@code
 * CorsConfiguration.builder().allowOrigins("*").allowCredentials(true).build();
 * // CorsConfigException: allow-credentials is not supported if 'allow-origin' is *
 * }</pre>
 */
public final class CorsConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  CorsConfigException(String message) {
    super(message);
  }
}
