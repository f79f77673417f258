package dev.portico.testing;

import dev.portico.gateway.Explanation;
import dev.portico.routing.RouteKey;
import dev.portico.testing.internal.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link ApiClient} got back, with what the gateway decided on the way: the route, and the functions the
 * request invoked. Check it with {@link PorticoAssertions#assertThat(ApiResponse)}.
 *
 * <pre>{@code
 * ApiResponse response = client.get("/pets/7").bearer(token).send();
 * response.status();                         // 200
 * response.routeKey();                       // Optional[GET /pets/{petId}]
 * response.invocations("pets").size();       // 1
 * }</pre>
 */
public final class ApiResponse {
  private final ApiRequest request;
  private final int status;
  private final SortedMap<String, List<String>> headers;
  private final byte[] body;
  private final @Nullable Explanation explanation;
  private final Map<String, RecordingFunction> functions;

  ApiResponse(ApiRequest request, int status, Map<String, List<String>> headers, byte[] body,
      @Nullable Explanation explanation, Map<String, RecordingFunction> functions) {
    this.request = request;
    this.status = status;
    TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> sorted.merge(name, List.copyOf(values), (a, b) -> {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    this.headers = Collections.unmodifiableSortedMap(sorted);
    this.body = body;
    this.explanation = explanation;
    this.functions = functions;
  }

  /** @return the request as it was sent */
  public ApiRequest request() {
    return request;
  }

  /** @return the status code */
  public int status() {
    return status;
  }

  /** @return the headers, names in any case (the map compares them case-insensitively) */
  public SortedMap<String, List<String>> headers() {
    return headers;
  }

  /**
   * A header's first value.
   *
   * @param name the name, any case
   * @return the value
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(Objects.requireNonNull(name, "name"));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * A header's values.
   *
   * @param name the name, any case
   * @return the values, empty when absent
   */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
  }

  /** @return the body (a copy) */
  public byte[] body() {
    return body.clone();
  }

  /** @return the body as UTF-8 text */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** @return the {@code message} of an AWS-shaped error body {@code {"message":"..."}} */
  public Optional<String> jsonMessage() {
    return JsonTrees.message(body);
  }

  /** @return the gateway's request id, {@code apigw-requestid} */
  public Optional<String> requestId() {
    return header("apigw-requestid");
  }

  /**
   * What the gateway decided before authorizing: stage, route, path parameters, CORS. Known when the client
   * holds the gateway (in-process, or over HTTP to a gateway the extension serves).
   *
   * @return the explanation
   */
  public Optional<Explanation> explanation() {
    return Optional.ofNullable(explanation);
  }

  /** @return the route the request matched, when the client knows the gateway and a route matched */
  public Optional<RouteKey> routeKey() {
    return explanation().flatMap(Explanation::route).map(route -> route.routeKey());
  }

  /** @return the names of the recording functions this client knows, sorted */
  public List<String> functionNames() {
    return functions.keySet().stream().sorted().toList();
  }

  /**
   * What a recording function received for this request: at most one invocation per function (an authorizer
   * whose answer was cached is not invoked).
   *
   * @param functionName the function's name
   * @return its invocations for this request
   * @throws IllegalArgumentException when the client knows no recording function of that name
   */
  public List<Invocation> invocations(String functionName) {
    RecordingFunction function = functions.get(Objects.requireNonNull(functionName, "functionName"));
    if (function == null) {
      throw new IllegalArgumentException("no recording function named '" + functionName + "' (known: "
          + (functions.isEmpty() ? "none" : String.join(", ", functionNames())) + ")");
    }
    return requestId().map(function::invocations).orElse(List.of());
  }

  /** @return every recorded invocation for this request, across the client's functions */
  public List<Invocation> invocations() {
    List<Invocation> all = new ArrayList<>();
    for (String name : functionNames()) {
      all.addAll(invocations(name));
    }
    return List.copyOf(all);
  }

  @Override
  public String toString() {
    return request + " -> " + status + " " + headers + (body.length == 0 ? "" : " " + bodyText());
  }
}
