package dev.portico.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A value API Gateway reads from a request, parsed once: {@code $request.header.NAME}, {@code
 * $request.querystring.NAME}, {@code $request.path}, {@code $request.path.NAME}, {@code $request.body} and {@code
 * $request.body.PATH}, {@code $context.NAME}, {@code $stageVariables.NAME} — alone, or inside static text as
 * {@code ${request.path.name}} (facts-2 §2.3). Identity sources of JWT and Lambda authorizers are expressions, and so
 * will be parameter mappings, throttling keys and WebSocket route selection: one parser, one reader, one meaning.
 *
 * <pre>{@code
 * Expression token = Expression.parse("$request.header.Authorization");
 * token.single();        // Optional[$request.header.authorization]: header names match in any case
 * Expression both = Expression.parse("${request.path.type}-${request.path.id}");
 * both.variables();      // [$request.path.type, $request.path.id]
 * }</pre>
 *
 * <p>What each source reads (decision D17): headers and query parameters as API Gateway forwards them to the
 * integration — the event's headers, so {@code $request.header.X-Forwarded-For} is the client's chain with the
 * peer appended, for every authorizer alike; several values of one name joined with commas (facts-2 §2.3). Header
 * names match in any case, query names exactly. {@code $request.path} is the decoded path without the stage
 * prefix; {@code $context.NAME} the access log's variables; a missing value makes the whole expression missing.
 */
public final class Expression {

  /** Where a variable reads from. */
  public enum Source {
    /** {@code $request.header.NAME}. */
    HEADER("request.header."),
    /** {@code $request.querystring.NAME}. */
    QUERY_STRING("request.querystring."),
    /** {@code $request.path.NAME}: a path parameter of the route. */
    PATH_PARAMETER("request.path."),
    /** {@code $request.path}: the path without the stage. */
    PATH("request.path"),
    /** {@code $request.body.PATH}: a JSONPath into the body ({@code name()} is the path); {@code $request.body}. */
    BODY("request.body"),
    /** {@code $context.NAME}. */
    CONTEXT("context."),
    /** {@code $stageVariables.NAME}. */
    STAGE_VARIABLE("stageVariables.");

    private final String prefix;

    Source(String prefix) {
      this.prefix = prefix;
    }
  }

  /**
   * One variable of an expression.
   *
   * @param source where it reads from
   * @param name the header (lowercased: header names match in any case), parameter, variable name or JSONPath;
   *     empty for the whole path or body
   */
  public record Variable(Source source, String name) {
    /**
     * A variable.
     *
     * @param source the source
     * @param name the name
     */
    public Variable {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return "$" + source.prefix + (source == Source.BODY && !name.isEmpty() ? "." : "") + name;
    }
  }

  private final String text;
  /** Literal text ({@code String}) and {@link Variable}s, in order. */
  private final List<Object> parts;

  private Expression(String text, List<Object> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses an expression.
   *
   * @param text e.g. {@code $request.header.Authorization} or {@code order-${request.path.id}}
   * @return the expression
   * @throws GatewayConfigException naming the text and the rule, with field {@code expression}
   */
  public static Expression parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Object> parts = new ArrayList<>();
    if (text.startsWith("$") && !text.startsWith("${")) {
      parts.add(variable(text, text.substring(1)));
      return new Expression(text, parts);
    }
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("${", i)) {
        int close = text.indexOf('}', i);
        if (close < 0) {
          throw invalid(text, "opens '${' at index " + i + " without a closing '}'");
        }
        if (literal.length() > 0) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(variable(text, text.substring(i + 2, close)));
        i = close + 1;
      } else {
        literal.append(text.charAt(i++));
      }
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return new Expression(text, parts);
  }

  /**
   * Parses an expression if it is one.
   *
   * @param text the text
   * @return the expression, or empty when the text is not a valid one
   */
  public static Optional<Expression> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (GatewayConfigException e) {
      return Optional.empty();
    }
  }

  /** One variable, written without its {@code $} (as inside {@code ${...}}). */
  private static Variable variable(String text, String body) {
    if (body.equals("request.path")) {
      return new Variable(Source.PATH, "");
    }
    if (body.equals("request.body")) {
      return new Variable(Source.BODY, "");
    }
    if (body.startsWith("request.body.")) {
      String path = body.substring("request.body.".length());
      if (path.isEmpty() || path.startsWith(".") || path.contains("..") || path.contains("?(")
          || path.contains("*")) {
        throw invalid(text, "has a body path '" + path + "' outside the JSONPath subset API Gateway allows"
            + " (names and [index], no '..', no filters, no wildcards)");
      }
      return new Variable(Source.BODY, path);
    }
    for (Source source : new Source[] {Source.HEADER, Source.QUERY_STRING, Source.PATH_PARAMETER, Source.CONTEXT,
        Source.STAGE_VARIABLE}) {
      if (body.startsWith(source.prefix)) {
        String name = body.substring(source.prefix.length());
        String rule = nameRule(source, name);
        if (rule != null) {
          throw invalid(text, rule);
        }
        return new Variable(source, source == Source.HEADER ? name.toLowerCase(Locale.ROOT) : name);
      }
    }
    throw invalid(text, "must read $request.header.NAME, $request.querystring.NAME, $request.path[.NAME],"
        + " $request.body[.PATH], $context.NAME or $stageVariables.NAME");
  }

  /** Null when the name fits its source, else the rule it breaks. */
  private static @Nullable String nameRule(Source source, String name) {
    if (name.isEmpty()) {
      return "names no " + source.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
    if (source == Source.STAGE_VARIABLE) {
      return dev.portico.integration.StageVariableNames.isValid(name) ? null
          : "has a stage variable name '" + name + "' that is not 1 to 64 letters, digits or '_'";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = source == Source.CONTEXT ? isAlnum(c) || c == '.' || c == '_'
          : c > ' ' && c < 0x7F && c != ',' && c != '{' && c != '}';
      if (!ok) {
        return "has a name '" + name + "' with '" + c + "', which " + source.name().toLowerCase(java.util.Locale.ROOT)
            .replace('_', ' ') + " names cannot hold";
      }
    }
    return null;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static GatewayConfigException invalid(String text, String rule) {
    return new GatewayConfigException("expression", text, rule, "expression '" + text + "' " + rule);
  }

  /** @return the variable, when the expression is exactly one variable (as identity sources are) */
  public Optional<Variable> single() {
    return parts.size() == 1 && parts.get(0) instanceof Variable v ? Optional.of(v) : Optional.empty();
  }

  /** @return the variables, in order */
  public List<Variable> variables() {
    List<Variable> variables = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Variable v) {
        variables.add(v);
      }
    }
    return variables;
  }

  /**
   * The parts in order: literal text as {@code String}, variables as {@link Variable}.
   *
   * @return the parts
   */
  public List<Object> parts() {
    return parts;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Expression e && e.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** @return the expression as written */
  @Override
  public String toString() {
    return text;
  }
}
