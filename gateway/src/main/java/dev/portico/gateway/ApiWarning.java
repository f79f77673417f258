package dev.portico.gateway;

import java.util.List;
import java.util.Objects;

/**
 * Something an API definition allows that is probably not meant, as data: what kind, which routes, and a sentence
 * for people. {@link HttpApi#warnings()} lists them and {@code portico validate} prints them; none stops an API
 * from being served, as none stops AWS from deploying it.
 *
 * <pre>{@code
 * for (ApiWarning warning : api.warnings()) {
 *   System.err.println(warning.kind() + " " + warning.routeKeys() + ": " + warning.message());
 * }
 * }</pre>
 *
 * @param kind what is wrong
 * @param routeKeys the routes involved, the one at risk first; empty when the warning is about the whole API
 * @param message what is wrong and what to do, in one sentence
 */
public record ApiWarning(Kind kind, List<String> routeKeys, String message) {

  /** The kinds of warning. */
  public enum Kind {
    /**
     * A route requires authorization, but requests with another method on its path ({@code HEAD}, a lower-case
     * {@code get}, {@code PROPFIND}, …) reach an {@code ANY} or {@code $default} route that requires none (AWS
     * routes methods exactly; issue 18).
     */
    UNPROTECTED_OTHER_METHODS,
    /**
     * CORS allows credentials from {@code https://*} or {@code http://*}: every origin of that scheme, any site,
     * may read answers with the user's cookies. AWS accepts it (it refuses only {@code *}); it is rarely meant.
     */
    CORS_SCHEME_WILDCARD_WITH_CREDENTIALS
  }

  /**
   * A warning.
   *
   * @param kind the kind
   * @param routeKeys the routes
   * @param message the sentence
   */
  public ApiWarning {
    Objects.requireNonNull(kind, "kind");
    routeKeys = List.copyOf(routeKeys);
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "WARNING " + message;
  }
}
