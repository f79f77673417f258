package dev.portico.cors;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The CORS headers to set on one response: lower-case names, in a fixed order, each at most once.
 * Immutable; {@link CorsPolicy} precomputes and reuses instances, so reading them allocates nothing.
 *
 * <pre>{@code
 * CorsHeaders headers = policy.actualHeaders(request.header("origin"));
 * headers.forEach(response::setHeader);
 * headers.get("access-control-allow-origin");   // Optional[https://www.example.com]
 * }</pre>
 */
public final class CorsHeaders {
  /** No headers: the request had no {@code Origin}. */
  public static final CorsHeaders NONE = new CorsHeaders(new String[0], new String[0]);

  static final String ALLOW_ORIGIN = "access-control-allow-origin";
  static final String ALLOW_CREDENTIALS = "access-control-allow-credentials";
  static final String ALLOW_METHODS = "access-control-allow-methods";
  static final String ALLOW_HEADERS = "access-control-allow-headers";
  static final String EXPOSE_HEADERS = "access-control-expose-headers";
  static final String MAX_AGE = "access-control-max-age";
  static final String VARY = "vary";

  private final String[] names;
  private final String[] values;

  private CorsHeaders(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  static CorsHeaders of(@Nullable String... namesAndValues) {
    int count = 0;
    for (int i = 1; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] != null) {
        count++;
      }
    }
    String[] names = new String[count];
    String[] values = new String[count];
    for (int i = 0, n = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        names[n] = namesAndValues[i];
        values[n++] = namesAndValues[i + 1];
      }
    }
    return count == 0 ? NONE : new CorsHeaders(names, values);
  }

  /**
   * The number of headers.
   *
   * @return how many headers to set
   */
  public int size() {
    return names.length;
  }

  /**
   * Whether there is nothing to set.
   *
   * @return true when there are no headers
   */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /**
   * The value of a header.
   *
   * @param name the header name, any case
   * @return its value, or empty when the header is not set
   */
  public Optional<String> get(String name) {
    Objects.requireNonNull(name, "name");
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return Optional.of(values[i]);
      }
    }
    return Optional.empty();
  }

  /**
   * Hands each header to an action, in order.
   *
   * @param action receives a lower-case name and its value
   */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < names.length; i++) {
      action.accept(names[i], values[i]);
    }
  }

  /**
   * The headers as a map.
   *
   * @return an ordered, unmodifiable map from lower-case name to value
   */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    forEach(map::put);
    return java.util.Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CorsHeaders
        && Arrays.equals(names, ((CorsHeaders) other).names)
        && Arrays.equals(values, ((CorsHeaders) other).values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  /**
   * The headers, one {@code name: value} per line.
   *
   * @return a readable form, for logs and test failures
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.toString();
  }
}
