package dev.portico.cors;

import java.util.Objects;

/**
 * A CORS configuration API Gateway would refuse, as data: the {@link #field()} ({@code allowOrigins}, {@code
 * allowMethods}, {@code allowHeaders}, {@code exposeHeaders}, {@code maxAge}, {@code allowCredentials}), the
 * offending {@link #value()} and the {@link #rule()}; the message is the whole sentence.
 *
 * <pre>{@code
 * try {
 *   CorsConfiguration.builder().allowOrigins("https://*.example.com").build();
 * } catch (CorsConfigException e) {
 *   e.field();   // "allowOrigins"
 *   e.value();   // "https://*.example.com"
 * }
 * }</pre>
 */
public final class CorsConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  CorsConfigException(String field, String value, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** @return the configuration field, as the builder names it */
  public String field() {
    return field;
  }

  /** @return the offending value; empty when an entry is missing */
  public String value() {
    return value;
  }

  /** @return the rule: the message after the field and value it names */
  public String rule() {
    String message = String.valueOf(getMessage());
    String entry = field + " entry '" + value + "' ";
    return message.startsWith(entry) ? message.substring(entry.length()) : message;
  }
}
