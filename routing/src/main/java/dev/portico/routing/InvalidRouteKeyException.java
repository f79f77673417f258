package dev.portico.routing;

import java.util.Objects;

/**
 * Thrown by {@link RouteKey#parse(String)} when a text is not a valid HTTP API route key.
 *
 * <p>The message names the key and the rule it breaks, for example
 * {@code route key 'GET /pets/' must not end with '/'}; {@link #key()} and {@link #rule()} give the two parts.
 *
 * <pre>{@code
 * try {
 *   RouteKey.parse("get /pets");
 * } catch (InvalidRouteKeyException e) {
 *   e.rule();   // "has method 'get': methods must be upper case"
 * }
 * }</pre>
 */
public final class InvalidRouteKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String rule;

  InvalidRouteKeyException(String key, String rule) {
    super("route key '" + printable(key) + "' " + rule);
    this.key = Objects.requireNonNull(key, "key");
    this.rule = rule;
  }

  /**
   * The text that failed to parse, exactly as given.
   *
   * @return the rejected text
   */
  public String key() {
    return key;
  }

  /**
   * The rule the text breaks, e.g. {@code must not end with '/'}.
   *
   * @return the rule, phrased to follow the key
   */
  public String rule() {
    return rule;
  }

  /** Control characters would garble a log line; show them as Java escapes. */
  static String printable(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
