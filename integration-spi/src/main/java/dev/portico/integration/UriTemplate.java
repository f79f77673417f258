package dev.portico.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
          throw new IllegalArgumentException(
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
          throw new IllegalArgumentException(
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
    URI sample = compiled.expand(name -> "x", name -> "x", "");
    String scheme = sample.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || sample.getHost() == null) {
      throw new IllegalArgumentException(
          "uri '" + template + "' must be an absolute http or https URI with a host");
    }
    if (sample.getRawFragment() != null) {
      throw new IllegalArgumentException("uri '" + template + "' must not have a fragment");
    }
    return compiled;
  }

  /** Expands for one request; path variable values are percent-encoded except {@code /}. */
  URI expand(Map<String, String> pathParameters, Map<String, String> stageVariables, String rawQuery) {
    return expand(pathParameters::get, stageVariables::get, rawQuery);
  }

  private URI expand(
      java.util.function.Function<String, String> pathParameters,
      java.util.function.Function<String, String> stageVariables,
      String rawQuery) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    for (Part part : parts) {
      switch (part.kind()) {
        case PATH -> {
          String value = pathParameters.apply(part.text());
          if (value != null) {
            encodePath(value, out);
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
      out.append(out.indexOf("?") < 0 ? '?' : '&').append(rawQuery);
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

  /** RFC 3986 pchar without escapes, plus '/': everything else is percent-encoded as UTF-8. */
  private static void encodePath(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean plain =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
      if (plain) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
  }

  @Override
  public String toString() {
    return template;
  }
}
