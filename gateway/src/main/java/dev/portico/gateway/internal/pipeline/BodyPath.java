package dev.portico.gateway.internal.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSONPath subset API Gateway reads request bodies with (facts-2 §2.3): member names separated by dots and
 * {@code [n]} array indexes, no recursive descent, no filters. Read in one streaming pass; an object or array is
 * returned as its JSON text (facts-2 §2.12); a body that is not JSON, or a path that leads nowhere, has no value.
 */
final class BodyPath {
  private static final JsonFactory JSON = new JsonFactory();

  private BodyPath() {}

  static @Nullable String read(String path, byte[] body, int length) {
    List<Object> steps = steps(path);
    if (steps == null) {
      return null;
    }
    try (JsonParser parser = JSON.createParser(body, 0, length)) {
      JsonToken token = parser.nextToken();
      for (Object step : steps) {
        if (!descend(parser, token, step)) {
          return null;
        }
        token = parser.currentToken();
      }
      return text(parser, token);
    } catch (IOException e) {
      return null; // not JSON, or cut off by the 100 KB limit before the value
    }
  }

  /** Names and indexes, or null for a path outside the subset. */
  private static @Nullable List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      if (path.charAt(i) == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        try {
          steps.add(Integer.parseInt(path.substring(i + 1, close)));
        } catch (NumberFormatException e) {
          return null;
        }
        i = close + 1;
        if (i < path.length() && path.charAt(i) == '.') {
          i++;
        }
      } else {
        int end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i) {
          return null;
        }
        steps.add(path.substring(i, end));
        i = end < path.length() && path.charAt(end) == '.' ? end + 1 : end;
      }
    }
    return steps;
  }

  /** Moves the parser onto the value the step names inside the current value; false when there is none. */
  private static boolean descend(JsonParser parser, JsonToken token, Object step) throws IOException {
    if (step instanceof String name) {
      if (token != JsonToken.START_OBJECT) {
        return false;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean found = parser.currentName().equals(name);
        parser.nextToken();
        if (found) {
          return true;
        }
        parser.skipChildren();
      }
      return false;
    }
    int index = (Integer) step;
    if (token != JsonToken.START_ARRAY || index < 0) {
      return false;
    }
    for (int i = 0; ; i++) {
      JsonToken element = parser.nextToken();
      if (element == JsonToken.END_ARRAY || element == null) {
        return false;
      }
      if (i == index) {
        return true;
      }
      parser.skipChildren();
    }
  }

  private static @Nullable String text(JsonParser parser, @Nullable JsonToken token) throws IOException {
    if (token == null) {
      return null;
    }
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NULL:
        return null;
      case START_OBJECT:
      case START_ARRAY:
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
          generator.copyCurrentStructure(parser);
        }
        return out.toString();
      default:
        return parser.getText();
    }
  }
}
