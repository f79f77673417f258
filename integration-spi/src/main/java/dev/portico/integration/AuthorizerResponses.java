package dev.portico.integration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Lambda authorizer's answer (facts §4). Anything that is not a valid answer is an {@link
 * IntegrationException}, which the gateway turns into 500: not JSON, not an object, a simple response without a
 * boolean {@code isAuthorized}, a policy without a {@code policyDocument.Statement}, a statement whose {@code
 * Effect} is neither {@code Allow} nor {@code Deny}, or a {@code context} that is not an object.
 */
final class AuthorizerResponses {
  private static final int MAX_DEPTH = 32;

  private AuthorizerResponses() {}

  static AuthorizerResponse parse(byte[] json, boolean simple) {
    Object root;
    try (JsonParser in = AuthorizerEvents.JSON.createParser(json)) {
      JsonToken first = in.nextToken();
      if (first == null) {
        throw invalid("the response is empty");
      }
      root = read(in, 0);
      if (in.nextToken() != null) {
        throw invalid("the response has content after its JSON value");
      }
    } catch (JsonProcessingException e) {
      throw invalid("the response is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("the response could not be read: " + e.getMessage());
    }
    if (!(root instanceof Map<?, ?> object)) {
      throw invalid("the response is not a JSON object");
    }
    Map<String, Object> context = context(object.get("context"));
    if (simple) {
      if (!(object.get("isAuthorized") instanceof Boolean authorized)) {
        throw invalid("a simple response needs a boolean isAuthorized");
      }
      return AuthorizerResponse.simple(authorized, context);
    }
    Object principal = object.get("principalId");
    if (principal != null && !(principal instanceof String)) {
      throw invalid("principalId must be a string");
    }
    if (!(object.get("policyDocument") instanceof Map<?, ?> policy)) {
      throw invalid("an IAM policy response needs a policyDocument object");
    }
    Object statementValue = policy.get("Statement");
    List<?> statements =
        statementValue instanceof List<?> list ? list : statementValue instanceof Map<?, ?> ? List.of(statementValue) : null;
    if (statements == null) {
      throw invalid("policyDocument needs a Statement array");
    }
    List<PolicyStatement> parsed = new ArrayList<>(statements.size());
    for (Object statement : statements) {
      if (!(statement instanceof Map<?, ?> fields)) {
        throw invalid("each policy statement must be an object");
      }
      Object effect = fields.get("Effect");
      if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
        throw invalid("a statement's Effect must be Allow or Deny, not " + effect);
      }
      parsed.add(
          new PolicyStatement("Allow".equals(effect), strings(fields.get("Action"), "Action"),
              strings(fields.get("Resource"), "Resource")));
    }
    return AuthorizerResponse.policy((String) principal, parsed, context);
  }

  private static Map<String, Object> context(@Nullable Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid("context must be a JSON object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach(
        (key, item) -> {
          if (item != null) {
            out.put((String) key, item);
          }
        });
    return out;
  }

  private static List<String> strings(@Nullable Object value, String field) {
    if (value instanceof String text) {
      return List.of(text);
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      List<String> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add((String) item));
      return out;
    }
    throw invalid("a statement's " + field + " must be a string or an array of strings");
  }

  /** A JSON value as Map, List, String, Number, Boolean or null; duplicate names refused. */
  private static @Nullable Object read(JsonParser in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw invalid("the response nests deeper than " + MAX_DEPTH);
    }
    switch (in.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          in.nextToken();
          if (object.containsKey(name)) {
            throw invalid("the response repeats the member '" + name + "'");
          }
          object.put(name, read(in, depth + 1));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(in, depth + 1));
        }
        return array;
      }
      case VALUE_STRING -> {
        return in.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return in.getNumberValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw invalid("unexpected JSON token " + in.currentToken());
    }
  }

  private static IntegrationException invalid(String why) {
    return IntegrationException.failed("invalid Lambda authorizer response: " + why, null);
  }
}
