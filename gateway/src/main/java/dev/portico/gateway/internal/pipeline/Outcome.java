package dev.portico.gateway.internal.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a step of the pipeline decided: go on with what it learned, refuse the request AWS's way, or answer it
 * itself. Never null, never a field assigned on the side (STYLE 19).
 *
 * @param <T> what the step learns when the request goes on
 */
public sealed interface Outcome<T> {

  /** What a step that checks without learning anything goes on with. */
  enum Passed {
    /** The request passed the check. */
    PASSED
  }

  /** The request passed a check: one shared outcome, as it carries nothing (no allocation per request). */
  Outcome<Passed> PASSED = new Next<>(Passed.PASSED);

  /**
   * The request goes on to the next step.
   *
   * @param value what the step learned
   * @param <T> its type
   */
  record Next<T>(T value) implements Outcome<T> {
    /**
     * Goes on.
     *
     * @param value what was learned
     */
    public Next {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The request is refused with an AWS-shaped error.
   *
   * @param failure the answer
   * @param why what the access log records about it
   * @param <T> the step's type
   */
  record Refuse<T>(Failure failure, Why why) implements Outcome<T> {
    /**
     * Refuses.
     *
     * @param failure the answer
     * @param why the reason for the log
     */
    public Refuse {
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(why, "why");
    }
  }

  /**
   * The step answers the request itself, as the gateway answers a CORS preflight.
   *
   * @param status the status
   * @param headers the headers
   * @param body the body
   * @param <T> the step's type
   */
  record Answer<T>(int status, Map<String, List<String>> headers, byte[] body) implements Outcome<T> {}

  /**
   * Goes on.
   *
   * @param value what was learned
   * @param <T> its type
   * @return the outcome
   */
  static <T> Outcome<T> next(T value) {
    return new Next<>(value);
  }

  /**
   * Refuses, with nothing for the log beyond the failure.
   *
   * @param failure the answer
   * @param <T> the step's type
   * @return the outcome
   */
  static <T> Outcome<T> refuse(Failure failure) {
    return new Refuse<>(failure, Why.NOTHING);
  }

  /**
   * Refuses.
   *
   * @param failure the answer
   * @param why the reason for the log
   * @param <T> the step's type
   * @return the outcome
   */
  static <T> Outcome<T> refuse(Failure failure, Why why) {
    return new Refuse<>(failure, why);
  }

  /**
   * Why a request was refused, for the access log's {@code $context.authorizer.error} and {@code
   * $context.integrationErrorMessage}.
   *
   * @param authorizer the authorizer's reason, empty when it is not the authorizer's
   * @param integration the integration's reason, empty when it is not the integration's
   */
  record Why(String authorizer, String integration) {
    /** Nothing beyond the failure itself. */
    public static final Why NOTHING = new Why("", "");

    /**
     * A reason.
     *
     * @param authorizer the authorizer's
     * @param integration the integration's
     */
    public Why {
      Objects.requireNonNull(authorizer, "authorizer");
      Objects.requireNonNull(integration, "integration");
    }

    /**
     * The authorizer's reason.
     *
     * @param reason why
     * @return the reason
     */
    public static Why authorizer(String reason) {
      return new Why(reason, "");
    }

    /**
     * The integration's reason.
     *
     * @param reason why
     * @return the reason
     */
    public static Why integration(String reason) {
      return new Why("", reason);
    }
  }
}
