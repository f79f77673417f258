package dev.portico.routing.internal;

import java.util.Objects;

/**
 * One segment of a route key's path: a literal, a variable ({@code {id}}) or a greedy variable
 * ({@code {proxy+}}).
 *
 * @param kind what the segment matches
 * @param text the literal text, or the variable's name without braces and {@code +}
 */
public record Segment(Kind kind, String text) {

  /** What a route segment matches. The declaration order is the precedence order: earlier wins. */
  public enum Kind {
    /** Matches exactly its text. */
    LITERAL,
    /** Matches any one non-empty segment. */
    VARIABLE,
    /** Matches the non-empty rest of the path; always the last segment. */
    GREEDY
  }

  /**
   * Validates the components.
   *
   * @param kind what the segment matches
   * @param text the literal text or variable name
   */
  public Segment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }
}
