package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.Expression;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@link Expression} from a call: the one reader of every expression (decision D17: headers and query
 * parameters as the event carries them, several values joined with commas).
 */
final class Expressions {
  /** AWS reads a body expression from at most the first 100 KB of the body (facts-2 §2.3). */
  static final int BODY_LIMIT = 100 * 1024;

  private Expressions() {}

  /**
   * The expression's value for this call.
   *
   * @return the value; null when a variable it reads is missing
   */
  static @Nullable String read(Expression expression, Call call) {
    if (expression.parts().size() == 1 && expression.parts().get(0) instanceof Expression.Variable v) {
      return value(v, call);
    }
    StringBuilder out = new StringBuilder();
    for (Object part : expression.parts()) {
      if (part instanceof Expression.Variable v) {
        String value = value(v, call);
        if (value == null) {
          return null; // a mapping with a missing source is skipped whole (facts-2 §2.12)
        }
        out.append(value);
      } else {
        out.append((String) part);
      }
    }
    return out.toString();
  }

  private static @Nullable String value(Expression.Variable variable, Call call) {
    return switch (variable.source()) {
      case HEADER -> call.header(variable.name());
      case QUERY_STRING -> call.queryParameter(variable.name());
      case PATH -> call.routedPathDecoded();
      case PATH_PARAMETER -> call.pathParameters().get(variable.name());
      case BODY -> body(variable.name(), call.request.body());
      case CONTEXT -> call.variable(variable.name());
      case STAGE_VARIABLE -> call.stageVariables().get(variable.name());
    };
  }

  private static @Nullable String body(String path, byte[] body) {
    int length = Math.min(body.length, BODY_LIMIT);
    if (path.isEmpty()) {
      return new String(body, 0, length, StandardCharsets.UTF_8);
    }
    return BodyPath.read(path, body, length);
  }
}
