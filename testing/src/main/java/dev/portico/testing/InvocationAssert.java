package dev.portico.testing;

import java.util.Objects;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one invocation of a recording function, reached from {@link
 * ApiResponseAssert#invokedFunction(String)} or {@link RecordingFunctionAssert#lastInvocation()}.
 *
 * <pre>{@code
 * assertThat(response).invokedFunction("pets")
 *     .withEvent(e -> e.pathParameter("petId").isEqualTo("7"))
 *     .succeeded();
 * }</pre>
 */
public final class InvocationAssert extends AbstractAssert<InvocationAssert, Invocation> {

  InvocationAssert(Invocation actual) {
    super(actual, InvocationAssert.class);
  }

  /**
   * Runs assertions on the event the function received.
   *
   * @param requirements the assertions
   * @return this
   */
  public InvocationAssert withEvent(Consumer<RecordedEventAssert> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    isNotNull();
    requirements.accept(new RecordedEventAssert(actual.event()));
    return this;
  }

  /** @return assertions on the event the function received */
  public RecordedEventAssert event() {
    isNotNull();
    return new RecordedEventAssert(actual.event());
  }

  /**
   * Checks that the function answered rather than threw.
   *
   * @return this
   */
  public InvocationAssert succeeded() {
    isNotNull();
    if (actual.failure().isPresent()) {
      failWithMessage("Expecting %s to answer but %s", actual.functionName(), actual.threw());
    }
    return this;
  }
}
