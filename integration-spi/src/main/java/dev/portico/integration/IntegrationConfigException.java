package dev.portico.integration;

import java.util.Objects;

/**
 * An integration that cannot be built, as data: the {@link #field()} ({@code uri}, {@code method}, {@code
 * functionName}, {@code reservedConcurrency}), the offending {@link #value()}, and the message naming the rule.
 *
 * <pre>{@code
 * try {
 *   HttpProxyIntegration.builder("ftp://files.example.com/x").build();
 * } catch (IntegrationConfigException e) {
 *   e.field();   // "uri"
 * }
 * }</pre>
 */
public final class IntegrationConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  IntegrationConfigException(String field, String value, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** @return the integration's field, as its builder names it */
  public String field() {
    return field;
  }

  /** @return the offending value */
  public String value() {
    return value;
  }
}
