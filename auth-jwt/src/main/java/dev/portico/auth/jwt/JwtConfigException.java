package dev.portico.auth.jwt;

import java.util.Objects;

/**
 * A JWT authorizer configuration that cannot work, as data: the {@link #field()} ({@code issuer}, {@code
 * audiences}, {@code identitySource}, {@code allowedAlgorithms}, {@code clockSkew}, …), the offending {@link
 * #value()}, and the message naming the rule.
 *
 * <pre>{@code
 * try {
 *   JwtAuthorizerConfig.builder().issuer("http://idp.example.com").audiences("api").build();
 * } catch (JwtConfigException e) {
 *   e.field();   // "issuer"
 * }
 * }</pre>
 */
public final class JwtConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  JwtConfigException(String field, String value, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** @return the configuration field, as the builder names it */
  public String field() {
    return field;
  }

  /** @return the offending value as text; empty when it is missing */
  public String value() {
    return value;
  }
}
