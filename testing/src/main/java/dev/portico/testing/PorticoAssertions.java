package dev.portico.testing;

/**
 * AssertJ entry points for Portico's test types; import them statically next to AssertJ's own {@code
 * assertThat} (Java picks the overload by argument type): {@code import static
 * dev.portico.testing.PorticoAssertions.assertThat;}, then
 *
 * <pre>{@code
 * assertThat(client.get("/pets/7").bearer(readOnly).send())
 *     .hasStatus(200)
 *     .routedTo("GET /pets/{petId}")
 *     .invokedFunction("pets").withEvent(e -> e.pathParameter("petId").isEqualTo("7"));
 * assertThat(client.delete("/pets/7").send()).hasStatus(401).hasJsonMessage("Unauthorized");
 * assertThat(authorizer).hasInvocations(0);   // no x-api-key: refused before the authorizer runs
 * }</pre>
 */
public final class PorticoAssertions {
  private PorticoAssertions() {}

  /**
   * Assertions on a response.
   *
   * @param actual the response
   * @return the assertions
   */
  public static ApiResponseAssert assertThat(ApiResponse actual) {
    return new ApiResponseAssert(actual);
  }

  /**
   * Assertions on a recording function's invocations.
   *
   * @param actual the function
   * @return the assertions
   */
  public static RecordingFunctionAssert assertThat(RecordingFunction actual) {
    return new RecordingFunctionAssert(actual);
  }

  /**
   * Assertions on an event.
   *
   * @param actual the event
   * @return the assertions
   */
  public static RecordedEventAssert assertThat(RecordedEvent actual) {
    return new RecordedEventAssert(actual);
  }
}
