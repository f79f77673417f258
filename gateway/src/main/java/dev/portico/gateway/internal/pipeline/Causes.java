package dev.portico.gateway.internal.pipeline;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/** What went wrong in a future, in words for the access log. */
final class Causes {
  private Causes() {}

  /** The failure inside {@link CompletionException} wrappers. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The failure's message; a cancellation (a deadline) is "timed out". */
  static String describe(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof CancellationException) {
      return "timed out";
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
