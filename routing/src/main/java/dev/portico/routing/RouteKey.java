package dev.portico.routing;

import dev.portico.routing.internal.Segment;
import dev.portico.routing.internal.Segment.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP API route key: {@code $default}, or an HTTP method and a resource path such as {@code GET /pets/{id}}.
 *
 * <p>Route keys are values: two keys are equal when their text is equal, and {@link #toString()} prints the
 * canonical text that {@link #parse(String)} reads back. Parsing is strict, so the canonical text is the only
 * text that parses to a given key.
 *
 * <pre>{@code
 * RouteKey key = RouteKey.parse("GET /pets/{id}");
 * key.method();      // Optional[GET]
 * key.path();        // Optional[/pets/{id}]
 * key.toString();    // "GET /pets/{id}"
 *
 * RouteKey.parse("$default").isDefault();          // true
 * RouteKey.tryParse("GET /pets/").isPresent();     // false: a path must not end with '/'
 * }</pre>
 *
 * <p>The rules, each reported by {@link InvalidRouteKeyException} with the key and the rule:
 * <ul>
 *   <li>{@code $default}, or {@code METHOD /path} with exactly one space and no other whitespace or control
 *       characters;</li>
 *   <li>the method is one of {@code ANY DELETE GET HEAD OPTIONS PATCH POST PUT}, in upper case;</li>
 *   <li>the path starts with {@code /}, does not end with {@code /} (except the root path {@code /}) and has no
 *       empty segments;</li>
 *   <li>a variable is a whole segment, {@code {name}}, or {@code {name+}} for a greedy variable, which must be
 *       the last segment; names are letters, digits, {@code _}, {@code -} and {@code .}, and unique in the key;</li>
 *   <li>literal segments hold only RFC 3986 path characters, without percent-escapes:
 *       letters, digits and {@code -._~!$&'()*+,;=:@};</li>
 *   <li>the key is at most {@value #MAX_LENGTH} characters long.</li>
 * </ul>
 */
public final class RouteKey {

  /** The {@code $default} route key, which catches requests that match no other route. */
  public static final RouteKey DEFAULT = new RouteKey("$default", null, null, List.of());

  /**
   * The longest route key accepted, in characters.
   *
   * <p>AWS documents no limit. Portico chooses 8,192: longer paths could never arrive within the 10,240-byte
   * request line and header limit alongside ordinary headers.
   */
  public static final int MAX_LENGTH = 8192;

  private static final Set<String> METHODS =
      Set.of("ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
  private static final String METHOD_LIST = "ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

  private final String text;
  private final @Nullable String method;
  private final @Nullable String path;
  private final List<Segment> segments;

  private RouteKey(String text, @Nullable String method, @Nullable String path, List<Segment> segments) {
    this.text = text;
    this.method = method;
    this.path = path;
    this.segments = segments;
  }

  /**
   * Parses a route key.
   *
   * @param text a route key such as {@code GET /pets/{id}}, {@code ANY /{proxy+}} or {@code $default}
   * @return the key
   * @throws InvalidRouteKeyException if the text breaks a rule; the message names the key and the rule
   */
  public static RouteKey parse(String text) {
    Object result = parseOrRule(Objects.requireNonNull(text, "text"));
    if (result instanceof RouteKey) {
      return (RouteKey) result;
    }
    throw new InvalidRouteKeyException(text, (String) result);
  }

  /**
   * Parses a route key, or returns empty if the text is not one.
   *
   * @param text the text to parse
   * @return the key, or empty if {@link #parse(String)} would throw
   */
  public static Optional<RouteKey> tryParse(String text) {
    Object result = parseOrRule(Objects.requireNonNull(text, "text"));
    return result instanceof RouteKey ? Optional.of((RouteKey) result) : Optional.empty();
  }

  /**
   * Whether this is the {@code $default} route key.
   *
   * @return true for {@link #DEFAULT}
   */
  public boolean isDefault() {
    return method == null;
  }

  /**
   * The method: {@code GET}, {@code POST}, … or {@code ANY}.
   *
   * @return the method, or empty for {@code $default}
   */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /**
   * The resource path, with its variables, e.g. {@code /pets/{id}}; the route's path template.
   *
   * @return the path, or empty for {@code $default}
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** The parsed path, for the router. Empty for the root path and for {@code $default}. */
  List<Segment> segments() {
    return segments;
  }

  /**
   * Whether an API can hold both keys: false when they are equal, or have the same method and path shape and differ
   * only in variable names ({@code GET /a/{x}} and {@code GET /a/{y}}), which {@link Router.Builder#build()}
   * refuses.
   *
   * <pre>{@code
   * RouteKey.parse("GET /a/{x}").conflictsWith(RouteKey.parse("GET /a/{y}")); // true
   * RouteKey.parse("GET /a/{x}").conflictsWith(RouteKey.parse("ANY /a/{x}")); // false
   * }</pre>
   *
   * @param other another route key
   * @return whether the two keys conflict
   */
  public boolean conflictsWith(RouteKey other) {
    return shape().equals(other.shape());
  }

  /**
   * The method and path with variable names left out, e.g. {@code GET /pets/{}/{+}}: two keys conflict exactly
   * when their shapes are equal, so a map keyed by shape finds conflicts in one lookup per key.
   *
   * <pre>{@code
   * RouteKey.parse("GET /a/{x}").shape();   // "GET /a/{}"
   * }</pre>
   *
   * @return the shape
   */
  public String shape() {
    if (isDefault()) {
      return text;
    }
    StringBuilder shape = new StringBuilder(method).append(' ');
    if (segments.isEmpty()) {
      shape.append('/');
    }
    for (Segment segment : segments) {
      shape.append('/');
      switch (segment.kind()) {
        case LITERAL:
          shape.append(segment.text());
          break;
        case VARIABLE:
          shape.append("{}");
          break;
        default:
          shape.append("{+}");
      }
    }
    return shape.toString();
  }

  /**
   * Equal when the canonical texts are equal.
   *
   * @param other the object to compare with
   * @return whether {@code other} is the same route key
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof RouteKey && ((RouteKey) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /**
   * The canonical text, e.g. {@code GET /pets/{id}} or {@code $default}; {@link #parse(String)} reads it back.
   *
   * @return the route key as AWS prints it
   */
  @Override
  public String toString() {
    return text;
  }

  /** Returns the parsed key, or the rule the text breaks, phrased to follow "route key 'X' ". */
  private static Object parseOrRule(String text) {
    if (text.length() > MAX_LENGTH) {
      return "must not be longer than " + MAX_LENGTH + " characters";
    }
    if (text.equals(DEFAULT.text)) {
      return DEFAULT;
    }
    if (text.isEmpty()) {
      return "must not be empty";
    }
    int space = text.indexOf(' ');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (i != space && (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
        return "must not contain whitespace or control characters other than the one space after the method";
      }
    }
    if (text.charAt(0) == '$') {
      return "is not valid: '$default' is the only route key that starts with '$'";
    }
    if (space < 0) {
      return "must be '$default' or a method and a path separated by one space, e.g. 'GET /pets'";
    }
    if (space == 0) {
      return "must start with a method, e.g. 'GET /pets'";
    }
    String method = text.substring(0, space);
    if (!METHODS.contains(method)) {
      if (METHODS.contains(method.toUpperCase(Locale.ROOT))) {
        return "has method '" + method + "': methods must be upper case";
      }
      return "has method '" + method + "': the method must be one of " + METHOD_LIST;
    }
    String path = text.substring(space + 1);
    Object segments = parsePath(path);
    if (segments instanceof String) {
      return segments;
    }
    @SuppressWarnings("unchecked")
    List<Segment> parsed = (List<Segment>) segments;
    return new RouteKey(text, method, path, parsed);
  }

  /** Returns the segments of a route path, or the rule the path breaks. */
  private static Object parsePath(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return "must have a path that starts with '/'";
    }
    if (path.length() == 1) {
      return List.of();
    }
    if (path.charAt(path.length() - 1) == '/') {
      return "must not end with '/'";
    }
    List<Segment> segments = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int start = 1;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      if (end == start) {
        return "must not contain an empty path segment ('//')";
      }
      Object segment = parseSegment(path.substring(start, end));
      if (segment instanceof String) {
        return segment;
      }
      Segment parsed = (Segment) segment;
      if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == Kind.GREEDY) {
        Segment greedy = segments.get(segments.size() - 1);
        return "has greedy variable '{" + greedy.text() + "+}' that is not the last segment";
      }
      if (parsed.kind() != Kind.LITERAL) {
        if (names.contains(parsed.text())) {
          return "uses the variable name '" + parsed.text() + "' twice";
        }
        names.add(parsed.text());
      }
      segments.add(parsed);
      start = end + 1;
    }
    return List.copyOf(segments);
  }

  /** Returns a segment, or the rule it breaks. */
  private static Object parseSegment(String text) {
    int opens = 0;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        opens++;
        depth++;
        if (depth > 1) {
          return "has nested braces in segment '" + text + "'";
        }
      } else if (c == '}') {
        depth--;
        if (depth < 0) {
          return "has unbalanced braces in segment '" + text + "'";
        }
      }
    }
    if (depth != 0) {
      return "has unbalanced braces in segment '" + text + "'";
    }
    if (opens == 0) {
      for (int i = 0; i < text.length(); i++) {
        if (!isLiteralChar(text.charAt(i))) {
          return "has character '" + text.charAt(i) + "' in segment '" + text
              + "': literal segments may hold only letters, digits and -._~!$&'()*+,;=:@";
        }
      }
      return new Segment(Kind.LITERAL, text);
    }
    if (opens > 1 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
      return "mixes a variable with other text in segment '" + text + "': a variable must be a whole segment";
    }
    boolean greedy = text.length() > 2 && text.charAt(text.length() - 2) == '+';
    String name = text.substring(1, text.length() - (greedy ? 2 : 1));
    if (name.isEmpty()) {
      return "has a variable without a name in segment '" + text + "'";
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isNameChar(name.charAt(i))) {
        return "has variable name '" + name + "': names may hold only letters, digits, '_', '-' and '.'";
      }
    }
    return new Segment(greedy ? Kind.GREEDY : Kind.VARIABLE, name);
  }

  private static boolean isAlphaNumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /**
   * Variable names: AWS documents none of its rules (facts file, SILENT). Portico accepts the characters that
   * every example and every tool we know of uses, and that parameter mapping can address
   * ({@code $request.path.<name>}).
   */
  private static boolean isNameChar(char c) {
    return isAlphaNumeric(c) || c == '_' || c == '-' || c == '.';
  }

  /**
   * RFC 3986 {@code pchar} without {@code %}: routes compare against percent-decoded request segments, so a
   * literal holds the decoded text and an escape in a route key would be ambiguous.
   */
  private static boolean isLiteralChar(char c) {
    return isAlphaNumeric(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }
}
