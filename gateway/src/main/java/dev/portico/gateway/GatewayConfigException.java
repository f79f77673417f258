package dev.portico.gateway;

import java.util.Objects;

/**
 * An {@link HttpApi} that API Gateway would refuse, as data: the {@link #field()} it is about, the offending
 * {@link #value()}, and the {@link #rule()} it breaks; the message puts them into a sentence naming the route,
 * authorizer or stage, e.g. {@code Route with key 'GET /items' already exists} or {@code route 'GET /pets': at most
 * 10 authorization scopes (AWS quota), got 11}. Readers of definitions (the OpenAPI importer, the CLI) place an
 * error by its field, never by its wording.
 *
 * <pre>{@code
 * try {
 *   Stage stage = Stage.builder("my stage").build();
 * } catch (GatewayConfigException e) {
 *   e.field();      // "Stage.name"
 *   e.getMessage(); // stage name 'my stage' must be ...
 * }
 * }</pre>
 */
public final class GatewayConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param field the field the rule is about, as {@code Type.field} ({@code Route.scopes}, {@code Stage.name},
   *     {@code Authorizer.identitySources}, {@code HttpApi.routes}, …) or {@code expression}
   * @param value the offending value as text, empty when the problem is an absence
   * @param rule the rule that was broken, e.g. {@code must be whole seconds from 0 to 3600}
   * @param message the whole sentence, naming where
   */
  public GatewayConfigException(String field, Object value, String rule, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.field = Objects.requireNonNull(field, "field");
    this.value = String.valueOf(Objects.requireNonNull(value, "value"));
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /**
   * Creates the exception for a lower-level failure of a field.
   *
   * @param field the field
   * @param value the offending value
   * @param cause the failure; its message is the rule
   * @param message the whole sentence
   */
  public GatewayConfigException(String field, Object value, Throwable cause, String message) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.field = Objects.requireNonNull(field, "field");
    this.value = String.valueOf(Objects.requireNonNull(value, "value"));
    this.rule = String.valueOf(cause.getMessage());
  }

  /** @return the field the rule is about, as {@code Type.field} */
  public String field() {
    return field;
  }

  /** @return the offending value as text; empty when something is missing */
  public String value() {
    return value;
  }

  /** @return the rule that was broken */
  public String rule() {
    return rule;
  }
}
