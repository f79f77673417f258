package dev.portico.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP integration URI with {@code {name}} path variables and {@code ${stageVariables.name}} references
 * (facts §6), compiled once and expanded per request without regular expressions.
 */
final class UriTemplate {
  private static final String STAGE_VARIABLE = "${stageVariables.";

  /** Literal text, path variables and stage variables, in order. */
  private final List<Part> parts;
  private final String template;

  private record Part(int kind, String text) {}

  private static final int LITERAL = 0;
  private static final int PATH = 1;
  private static final int STAGE = 2;

  private UriTemplate(String template, List<Part> parts) {
    this.template = template;
    this.parts = parts;
  }

  static UriTemplate parse(String template) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith(STAGE_VARIABLE, i)) {
        int end = template.indexOf('}', i);
        String name = end < 0 ? "" : template.substring(i + STAGE_VARIABLE.length(), end);
        if (!StageVariableNames.isValid(name)) {
          throw new IntegrationConfigException("uri", template,
              "uri '" + template + "' has a malformed stage variable reference at index " + i
                  + ": expected ${stageVariables.NAME} with NAME of letters, digits and '_'");
        }
        flush(literal, parts);
        parts.add(new Part(STAGE, name));
        i = end + 1;
      } else if (template.charAt(i) == '{') {
        int end = template.indexOf('}', i);
        String name = end < 0 ? "" : template.substring(i + 1, end);
        if (name.isEmpty() || !isVariableName(name)) {
          throw new IntegrationConfigException("uri", template,
              "uri '" + template + "' has a malformed path variable at index " + i
                  + ": expected {NAME} with NAME of letters, digits, '-', '_' or '.'");
        }
        flush(literal, parts);
        parts.add(new Part(PATH, name));
        i = end + 1;
      } else {
        literal.append(template.charAt(i++));
      }
    }
    flush(literal, parts);
    UriTemplate compiled = new UriTemplate(template, List.copyOf(parts));
    URI sample = compiled.expand(name -> "x", null, name -> "x", "");
    String scheme = sample.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || sample.getHost() == null) {
      throw new IntegrationConfigException("uri", template,
          "uri '" + template + "' must be an absolute http or https URI with a host");
    }
    if (sample.getRawFragment() != null) {
      throw new IntegrationConfigException("uri", template, "uri '" + template + "' must not have a fragment");
    }
    return compiled;
  }

  /**
   * Expands for one request. A path variable never moves the path outside the template's own prefix (issue 18):
   * a value holding a dot-segment ({@code .} or {@code ..} between separators, in any percent-encoding or case) is
   * refused with {@link IntegrationException.Kind#BAD_REQUEST}; the greedy variable's {@code /} stay separators,
   * every other variable is one segment (its {@code /} sent as {@code %2F}). The query goes on as the client sent
   * it, with only what the URI grammar forbids percent-encoded.
   *
   * @param pathParameters decoded path parameters
   * @param greedy the route's greedy variable ({@code proxy} for {@code {proxy+}}), or null
   * @param stageVariables the stage's variables
   * @param rawQuery the query as sent, without {@code ?}
   */
  URI expand(Map<String, String> pathParameters, @Nullable String greedy, Map<String, String> stageVariables,
      String rawQuery) {
    return expand(pathParameters::get, greedy, stageVariables::get, rawQuery);
  }

  private URI expand(
      java.util.function.Function<String, String> pathParameters,
      @Nullable String greedy,
      java.util.function.Function<String, String> stageVariables,
      String rawQuery) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    for (Part part : parts) {
      switch (part.kind()) {
        case PATH -> {
          String value = pathParameters.apply(part.text());
          if (value != null) {
            if (PathSegments.holdsDotSegment(value)) {
              throw IntegrationException.badRequest("path parameter '" + part.text()
                  + "' holds a dot-segment, which could reach outside the integration's path");
            }
            encodePath(value, part.text().equals(greedy), out);
          }
        }
        case STAGE -> {
          String value = stageVariables.apply(part.text());
          if (value != null) {
            out.append(value);
          }
        }
        default -> out.append(part.text());
      }
    }
    if (!rawQuery.isEmpty()) {
      out.append(out.indexOf("?") < 0 ? '?' : '&');
      encodeQuery(rawQuery, out);
    }
    try {
      return new URI(out.toString());
    } catch (URISyntaxException e) {
      throw IntegrationException.failed("integration uri '" + out + "' is not a valid URI: " + e.getMessage(), e);
    }
  }

  private static void flush(StringBuilder literal, List<Part> parts) {
    if (literal.length() > 0) {
      parts.add(new Part(LITERAL, literal.toString()));
      literal.setLength(0);
    }
  }

  private static boolean isVariableName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3986 pchar without escapes, plus {@code /} for the greedy variable: the rest is percent-encoded UTF-8. */
  private static void encodePath(String value, boolean keepSlash, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean plain =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@".indexOf(c) >= 0 || (keepSlash && c == '/');
      if (plain) {
        out.append((char) c);
      } else {
        escape(c, out);
      }
    }
  }

  /**
   * The raw query as the client sent it, except what RFC 3986's query grammar forbids ({@code { } | ^ " < >},
   * spaces, non-ASCII, a {@code %} not followed by two hex digits): percent-encoded, so that no client query
   * makes the backend URI invalid (issue 18: those answered 500).
   */
  static void encodeQuery(String rawQuery, StringBuilder out) {
    byte[] bytes = rawQuery.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xFF;
      boolean plain =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0
              || (c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
      if (plain) {
        out.append((char) c);
      } else {
        escape(c, out);
      }
    }
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  private static void escape(int c, StringBuilder out) {
    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
  }

  @Override
  public String toString() {
    return template;
  }
}
