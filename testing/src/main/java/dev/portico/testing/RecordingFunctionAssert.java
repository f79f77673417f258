package dev.portico.testing;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on everything a recording function received.
 *
 * <pre>{@code
 * client.delete("/pets/7").header("x-api-key", "k1").send();
 * client.delete("/pets/8").header("x-api-key", "k1").send();
 * assertThat(authorizer).hasInvocations(1);   // the second answer came from the authorizer cache
 * }</pre>
 */
public final class RecordingFunctionAssert extends AbstractAssert<RecordingFunctionAssert, RecordingFunction> {

  RecordingFunctionAssert(RecordingFunction actual) {
    super(actual, RecordingFunctionAssert.class);
  }

  /**
   * Checks how many times the function ran.
   *
   * @param expected the count
   * @return this
   */
  public RecordingFunctionAssert hasInvocations(int expected) {
    isNotNull();
    List<Invocation> invocations = actual.invocations();
    if (invocations.size() != expected) {
      failWithMessage("Expecting function '%s' to have been invoked %d times but it was invoked %d times%s",
          actual.name(), expected, invocations.size(), list(invocations));
    }
    return this;
  }

  /**
   * Checks that the function never ran.
   *
   * @return this
   */
  public RecordingFunctionAssert wasNotInvoked() {
    return hasInvocations(0);
  }

  /** @return assertions on the latest invocation; fails when there was none */
  public InvocationAssert lastInvocation() {
    isNotNull();
    if (actual.lastInvocation().isEmpty()) {
      failWithMessage("Expecting function '%s' to have been invoked but it was not", actual.name());
    }
    return new InvocationAssert(actual.lastInvocation().get());
  }

  static String list(List<Invocation> invocations) {
    StringBuilder text = new StringBuilder();
    for (Invocation invocation : invocations) {
      text.append(System.lineSeparator()).append("  ").append(invocation);
    }
    return text.toString();
  }
}
