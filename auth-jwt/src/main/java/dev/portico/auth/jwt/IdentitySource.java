package dev.portico.auth.jwt;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a JWT authorizer finds the token: {@code $request.header.<name>} or {@code $request.querystring.<name>}
 * (facts §4; a JWT authorizer has exactly one identity source).
 *
 * <pre>{@code
 * IdentitySource source = IdentitySource.parse("$request.header.Authorization");
 * source.location();                           // HEADER
 * source.name();                               // "authorization" (header names are case-insensitive)
 * source.toString();                           // "$request.header.Authorization", as configured
 * }</pre>
 *
 * @param location where the value comes from
 * @param name the header name (lowercased, as HTTP APIs deliver headers) or the query parameter name (as given)
 * @param expression the expression as configured
 */
public record IdentitySource(Location location, String name, String expression) {

  /** The default identity source of an AWS JWT authorizer. */
  public static final IdentitySource AUTHORIZATION_HEADER = parse("$request.header.Authorization");

  /** Where an identity source reads from. */
  public enum Location {
    /** A request header, {@code $request.header.<name>}. */
    HEADER,
    /** A query string parameter, {@code $request.querystring.<name>}. */
    QUERY_STRING
  }

  private static final String HEADER_PREFIX = "$request.header.";
  private static final String QUERY_PREFIX = "$request.querystring.";

  /**
   * Checks the parts.
   *
   * @param location where the value comes from
   * @param name the header or parameter name
   * @param expression the expression as configured
   */
  public IdentitySource {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
  }

  /**
   * Parses an identity source expression.
   *
   * @param expression {@code $request.header.<name>} or {@code $request.querystring.<name>}
   * @return the identity source
   * @throws JwtConfigException naming the expression and the rule when it is neither form
   */
  public static IdentitySource parse(String expression) {
    return tryParse(expression).orElseThrow(() -> new JwtConfigException("identitySource", String.valueOf(expression),
        "identitySource '" + expression
        + "' must be $request.header.<name> or $request.querystring.<name> (JWT authorizers take exactly one)"));
  }

  /**
   * Parses an identity source expression.
   *
   * @param expression the expression
   * @return the identity source, or empty when the expression is not a valid JWT identity source
   */
  public static Optional<IdentitySource> tryParse(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    if (expression.startsWith(HEADER_PREFIX)) {
      String name = expression.substring(HEADER_PREFIX.length());
      return isToken(name)
          ? Optional.of(new IdentitySource(Location.HEADER, name.toLowerCase(Locale.ROOT), expression))
          : Optional.empty();
    }
    if (expression.startsWith(QUERY_PREFIX)) {
      String name = expression.substring(QUERY_PREFIX.length());
      return !name.isEmpty() && name.chars().noneMatch(c -> c <= ' ' || c == '&' || c == '=' || c == ',' || c > '~')
          ? Optional.of(new IdentitySource(Location.QUERY_STRING, name, expression))
          : Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return expression;
  }
}
