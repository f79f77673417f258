package dev.portico.openapi;

import java.util.Objects;

/**
 * One finding of an import, at AWS's three levels: ignored properties are {@link Level#INFO}, features Portico or
 * HTTP APIs do not support are {@link Level#WARNING}, invalid definitions are {@link Level#ERROR}.
 *
 * <pre>{@code
 * ImportResult result = OpenApiImporter.read(file);
 * for (ImportProblem problem : result.problems()) {
 *   System.out.println(problem); // ERROR /paths/~1pets~1{id}/get/x-amazon-apigateway-integration/type: ...
 * }
 * }</pre>
 *
 * @param level how serious the finding is
 * @param pointer the JSON pointer (RFC 6901) of the offending node, {@code ""} for the whole document
 * @param message what is wrong and, for errors, the rule
 */
public record ImportProblem(Level level, String pointer, String message) {

  /** AWS's import levels. */
  public enum Level {
    /** A property that is ignored. */
    INFO,
    /** A feature that is not supported; the rest of the definition is imported. */
    WARNING,
    /** An invalid definition; the API cannot be built. */
    ERROR
  }

  /**
   * Checks the fields.
   *
   * @param level the level
   * @param pointer the pointer
   * @param message the message
   */
  public ImportProblem {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The problem as one line: level, pointer and message.
   *
   * @return e.g. {@code ERROR /openapi: ...}
   */
  @Override
  public String toString() {
    return level + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
