package dev.portico.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** Jackson, kept out of the public API. */
public final class JsonTrees {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonTrees() {}

  /**
   * Parses a JSON object.
   *
   * @param json the bytes
   * @return the tree
   * @throws IllegalArgumentException when the bytes are not one JSON object
   */
  public static JsonNode readObject(byte[] json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + (node == null ? "empty" : node.getNodeType()));
    }
    return node;
  }

  /**
   * The {@code message} of an AWS error body, {@code {"message":"..."}}.
   *
   * @param body the body
   * @return the message, when the body is such an object
   */
  public static Optional<String> message(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node != null && node.isObject() && node.size() == 1 && node.path("message").isTextual()) {
        return Optional.of(node.get("message").asText());
      }
    } catch (IOException e) {
      // not JSON: no message
    }
    return Optional.empty();
  }

  /**
   * Writes a value (strings, numbers, booleans, lists, maps) as JSON.
   *
   * @param value the value
   * @return the JSON
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * One JSON Pointer reference token, escaped (RFC 6901 section 3).
   *
   * @param token the key
   * @return the escaped token
   */
  public static String escape(String token) {
    Objects.requireNonNull(token, "name");
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Checks a JSON Pointer.
   *
   * @param pointer the pointer
   * @return the pointer
   * @throws IllegalArgumentException when it neither is empty nor starts with {@code /}
   */
  public static String pointer(String pointer) {
    Objects.requireNonNull(pointer, "jsonPointer");
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw new IllegalArgumentException("JSON pointer '" + pointer + "' must start with '/' (RFC 6901)");
    }
    return pointer;
  }
}
