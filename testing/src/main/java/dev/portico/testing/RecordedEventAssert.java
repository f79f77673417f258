package dev.portico.testing;

import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on an event a function received; each accessor returns an AssertJ assertion on that value, named in
 * failure messages (a missing value is {@code null}).
 *
 * <pre>{@code
 * assertThat(response).invokedFunction("pets").withEvent(e -> {
 *   e.pathParameter("petId").isEqualTo("7");
 *   e.claim("sub").isEqualTo("u1");
 *   e.header("x-api-key").isNull();
 * });
 * }</pre>
 */
public final class RecordedEventAssert extends AbstractAssert<RecordedEventAssert, RecordedEvent> {

  RecordedEventAssert(RecordedEvent actual) {
    super(actual, RecordedEventAssert.class);
  }

  private AbstractStringAssert<?> value(String what, Optional<String> value) {
    isNotNull();
    return Assertions.assertThat(value.orElse(null)).as("%s of the event %s", what, actual.json());
  }

  /**
   * Checks the payload format.
   *
   * @param version {@code 2.0} or {@code 1.0}
   * @return this
   */
  public RecordedEventAssert hasVersion(String version) {
    isNotNull();
    if (!actual.version().equals(version)) {
      failWithMessage("Expecting a %s event but it was %s: %s", version, actual.version(), actual.json());
    }
    return this;
  }

  /**
   * @param name the parameter
   * @return an assertion on the path parameter's decoded value
   */
  public AbstractStringAssert<?> pathParameter(String name) {
    return value("path parameter '" + name + "'", actual.pathParameter(name));
  }

  /**
   * @param name the header, any case
   * @return an assertion on the header's value
   */
  public AbstractStringAssert<?> header(String name) {
    return value("header '" + name + "'", actual.header(name));
  }

  /**
   * @param name the parameter
   * @return an assertion on the query parameter's value
   */
  public AbstractStringAssert<?> queryParameter(String name) {
    return value("query parameter '" + name + "'", actual.queryParameter(name));
  }

  /**
   * @param name the claim
   * @return an assertion on the JWT claim the authorizer passed on
   */
  public AbstractStringAssert<?> claim(String name) {
    return value("JWT claim '" + name + "'", actual.claim(name));
  }

  /**
   * @param name the context key
   * @return an assertion on the Lambda authorizer's context value
   */
  public AbstractStringAssert<?> authorizerContext(String name) {
    return value("Lambda authorizer context '" + name + "'", actual.authorizerContext(name));
  }

  /**
   * @param name the variable
   * @return an assertion on the stage variable
   */
  public AbstractStringAssert<?> stageVariable(String name) {
    return value("stage variable '" + name + "'", actual.stageVariable(name));
  }

  /** @return an assertion on the route key (2.0 events) */
  public AbstractStringAssert<?> routeKey() {
    return value("routeKey", actual.routeKey());
  }

  /** @return an assertion on the path the function sees */
  public AbstractStringAssert<?> path() {
    return value("path", Optional.of(actual.path()));
  }

  /** @return an assertion on the method */
  public AbstractStringAssert<?> method() {
    return value("method", Optional.of(actual.method()));
  }

  /** @return an assertion on the body, base64-decoded when it was encoded */
  public AbstractStringAssert<?> body() {
    return value("body", Optional.of(actual.body()));
  }

  /**
   * @param jsonPointer an RFC 6901 pointer, like {@code /requestContext/stage}
   * @return an assertion on that value
   */
  public AbstractStringAssert<?> field(String jsonPointer) {
    return value("field '" + jsonPointer + "'", actual.field(jsonPointer));
  }

  /** @return an assertion on the JWT scopes the authorizer passed on */
  public ListAssert<String> scopes() {
    isNotNull();
    return Assertions.assertThat(actual.scopes()).as("JWT scopes of the event %s", actual.json());
  }
}
