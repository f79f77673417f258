package dev.portico.testing;

import dev.portico.gateway.Explanation;
import dev.portico.routing.InvalidRouteKeyException;
import dev.portico.routing.RouteKey;
import dev.portico.testing.internal.BrowserCors;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on an {@link ApiResponse}: status, AWS error message, headers, the route taken, what a browser would
 * make of its CORS headers, and the functions it invoked. Failure messages show the request and the answer.
 *
 * <pre>{@code
 * assertThat(client.get("/pets/7").bearer(writeOnly).send())
 *     .hasStatus(403)
 *     .hasJsonMessage("Forbidden")
 *     .routedTo("GET /pets/{petId}")
 *     .invokedNoFunction();
 * assertThat(client.preflight("https://app.pets.example", "POST", "/pets", "authorization").send())
 *     .isCorsAllowed();
 * }</pre>
 */
public final class ApiResponseAssert extends AbstractAssert<ApiResponseAssert, ApiResponse> {

  ApiResponseAssert(ApiResponse actual) {
    super(actual, ApiResponseAssert.class);
  }

  /** The answer, and what each function threw for it: a 500 then explains itself. */
  private String answer() {
    String body = actual.bodyText();
    StringBuilder text = new StringBuilder().append(actual.status())
        .append(body.isEmpty() ? "" : " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
    for (Invocation invocation : actual.invocations()) {
      if (invocation.failure().isPresent()) {
        text.append("; ").append(invocation.threw());
      }
    }
    return text.toString();
  }

  /**
   * Checks the status code.
   *
   * @param expected the status
   * @return this
   */
  public ApiResponseAssert hasStatus(int expected) {
    isNotNull();
    if (actual.status() != expected) {
      failWithMessage("Expecting %s to answer %d but it answered %s", actual.request(), expected, answer());
    }
    return this;
  }

  /**
   * Checks for API Gateway's error body: {@code {"message":"<expected>"}}.
   *
   * @param expected the message, like {@code Unauthorized}, {@code Forbidden}, {@code Not Found}
   * @return this
   */
  public ApiResponseAssert hasJsonMessage(String expected) {
    isNotNull();
    Optional<String> message = actual.jsonMessage();
    if (message.isEmpty()) {
      failWithMessage("Expecting %s to answer {\"message\":\"%s\"} but it answered %s", actual.request(), expected,
          answer());
    } else if (!message.get().equals(expected)) {
      failWithMessage("Expecting %s to answer the message \"%s\" but it was \"%s\" (status %d)", actual.request(),
          expected, message.get(), actual.status());
    }
    return this;
  }

  /**
   * Checks that a header is present.
   *
   * @param name the name, any case
   * @return this
   */
  public ApiResponseAssert hasHeader(String name) {
    isNotNull();
    if (actual.header(name).isEmpty()) {
      failWithMessage("Expecting the answer to %s to have header '%s' but its headers are %s", actual.request(),
          name, actual.headers());
    }
    return this;
  }

  /**
   * Checks a header's value (any of its values).
   *
   * @param name the name, any case
   * @param value the value
   * @return this
   */
  public ApiResponseAssert hasHeader(String name, String value) {
    isNotNull();
    List<String> values = actual.headerValues(name);
    if (!values.contains(value)) {
      failWithMessage("Expecting the answer to %s to have header '%s: %s' but %s", actual.request(), name, value,
          values.isEmpty() ? "it has no such header" : "its values are " + values);
    }
    return this;
  }

  /**
   * Checks that a header is absent.
   *
   * @param name the name, any case
   * @return this
   */
  public ApiResponseAssert doesNotHaveHeader(String name) {
    isNotNull();
    if (!actual.headerValues(name).isEmpty()) {
      failWithMessage("Expecting the answer to %s not to have header '%s' but it has %s", actual.request(), name,
          actual.headerValues(name));
    }
    return this;
  }

  /** @return an assertion on the body text */
  public AbstractStringAssert<?> body() {
    isNotNull();
    return Assertions.assertThat(actual.bodyText()).as("body of the answer to %s", actual.request());
  }

  /**
   * Checks the body text.
   *
   * @param expected the body
   * @return this
   */
  public ApiResponseAssert hasBody(String expected) {
    body().isEqualTo(expected);
    return this;
  }

  /**
   * Checks the route the gateway chose (before authorization, so a refused request has one too).
   *
   * @param routeKey the route key as the definition writes it: {@code GET /pets/{petId}}, {@code $default}
   * @return this
   * @throws IllegalArgumentException when {@code routeKey} is not a route key
   */
  public ApiResponseAssert routedTo(String routeKey) {
    isNotNull();
    RouteKey expected;
    try {
      expected = RouteKey.parse(routeKey);
    } catch (InvalidRouteKeyException e) {
      throw new IllegalArgumentException("routedTo: " + e.getMessage(), e);
    }
    Explanation why = explanation("routedTo");
    Optional<RouteKey> chosen = why.route().map(route -> route.routeKey());
    if (chosen.isEmpty()) {
      failWithMessage("Expecting %s to be routed to '%s' but no route took it (%s: %s)", actual.request(),
          expected, why.outcome(), answer());
    } else if (!chosen.get().equals(expected)) {
      failWithMessage("Expecting %s to be routed to '%s' but it was routed to '%s'", actual.request(), expected,
          chosen.get());
    }
    return this;
  }

  /**
   * Checks that no route took the request (no match and no {@code $default}, no stage, a preflight, or too large).
   *
   * @return this
   */
  public ApiResponseAssert isNotRouted() {
    isNotNull();
    Explanation why = explanation("isNotRouted");
    if (why.route().isPresent()) {
      failWithMessage("Expecting %s to match no route but it was routed to '%s'", actual.request(),
          why.route().get().routeKey());
    }
    return this;
  }

  /**
   * Checks that a browser would let the page read this answer: for an actual request the CORS check (the answer's
   * {@code access-control-allow-origin} is the request's {@code Origin} or {@code *}); for a preflight also an ok
   * status and the requested method and headers allowed ({@code *} never covering {@code authorization}). Fetch
   * standard, requests without credentials.
   *
   * @return this
   */
  public ApiResponseAssert isCorsAllowed() {
    return corsAllowed(false);
  }

  /**
   * {@link #isCorsAllowed()} for a credentialed request ({@code credentials: 'include'}): the origin echoed (never
   * {@code *}) and {@code access-control-allow-credentials: true}.
   *
   * @return this
   */
  public ApiResponseAssert isCorsAllowedWithCredentials() {
    return corsAllowed(true);
  }

  private ApiResponseAssert corsAllowed(boolean credentials) {
    isNotNull();
    refusal(credentials).ifPresent(reason -> failWithMessage(
        "Expecting a browser to allow the answer to %s (Origin %s) but it would block it: %s", actual.request(),
        actual.request().header("origin").orElse("none"), reason));
    return this;
  }

  /**
   * Checks that a browser would block this answer (the opposite of {@link #isCorsAllowed()}), for a request that
   * has an {@code Origin}.
   *
   * @return this
   */
  public ApiResponseAssert isCorsRefused() {
    isNotNull();
    if (actual.request().header("origin").isEmpty()) {
      failWithMessage("Expecting a browser to block the answer to %s, but the request has no Origin header",
          actual.request());
    }
    if (refusal(false).isEmpty()) {
      failWithMessage("Expecting a browser to block the answer to %s (Origin %s) but it would allow it: %s",
          actual.request(), actual.request().header("origin").orElse(""), actual.headers());
    }
    return this;
  }

  private Optional<String> refusal(boolean credentials) {
    return BrowserCors.refusal(actual.request()::header, actual.status(), actual::headerValues, credentials);
  }

  /**
   * Checks that the request invoked a recording function (once) and returns assertions on that invocation.
   *
   * @param functionName the function's name
   * @return assertions on the invocation
   */
  public InvocationAssert invokedFunction(String functionName) {
    List<Invocation> invocations = invocations(functionName);
    if (invocations.size() != 1) {
      failWithMessage("Expecting %s to invoke function '%s' once but it invoked it %d times (answer %s)%s",
          actual.request(), functionName, invocations.size(), answer(),
          RecordingFunctionAssert.list(actual.invocations()));
    }
    return new InvocationAssert(invocations.get(0));
  }

  /**
   * Checks that the request did not invoke a recording function.
   *
   * @param functionName the function's name
   * @return this
   */
  public ApiResponseAssert didNotInvokeFunction(String functionName) {
    List<Invocation> invocations = invocations(functionName);
    if (!invocations.isEmpty()) {
      failWithMessage("Expecting %s not to invoke function '%s' but it did:%s", actual.request(), functionName,
          RecordingFunctionAssert.list(invocations));
    }
    return this;
  }

  /**
   * Checks that the request invoked none of the client's recording functions (authorizers included).
   *
   * @return this
   */
  public ApiResponseAssert invokedNoFunction() {
    isNotNull();
    if (!actual.invocations().isEmpty()) {
      failWithMessage("Expecting %s to invoke no function but it invoked:%s", actual.request(),
          RecordingFunctionAssert.list(actual.invocations()));
    }
    return this;
  }

  private List<Invocation> invocations(String functionName) {
    isNotNull();
    if (actual.requestId().isEmpty()) {
      failWithMessage("The answer to %s has no apigw-requestid, so its invocations cannot be told apart",
          actual.request());
    }
    try {
      return actual.invocations(functionName);
    } catch (IllegalArgumentException unknown) {
      failWithMessage("The client knows %s", unknown.getMessage());
      return List.of();
    }
  }

  private Explanation explanation(String assertion) {
    if (actual.explanation().isEmpty()) {
      failWithMessage("%s needs a client that knows the gateway (ApiClient.of(gateway), or the extension's"
          + " client); this one only knows %s", assertion, actual.request());
    }
    return actual.explanation().get();
  }
}
