package dev.portico.cors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An HTTP API's CORS configuration: the fields of API Gateway's {@code Cors} object, validated.
 *
 * <pre>{@code
 * CorsConfiguration cors = CorsConfiguration.builder()
 *     .allowOrigins("https://www.example.com", "https://admin.example.com")
 *     .allowMethods("GET", "POST", "PUT")
 *     .allowHeaders("authorization", "content-type")
 *     .exposeHeaders("x-request-id")
 *     .maxAge(600)
 *     .allowCredentials(true)
 *     .build();
 * CorsPolicy policy = CorsPolicy.of(cors);
 * }</pre>
 *
 * <p>Rules, checked when the configuration is built; a {@link CorsConfigException} names the field, the value and
 * the rule:
 * <ul>
 *   <li>{@code allowOrigins}: {@code *}, the scheme wildcards {@code https://*} and {@code http://*} (any origin
 *       with that scheme), or origins {@code scheme://host[:port]} in lower case, as browsers send them, without
 *       path, query, fragment or trailing {@code /};</li>
 *   <li>{@code allowMethods}: {@code *} or {@code DELETE GET HEAD OPTIONS PATCH POST PUT}, upper case;</li>
 *   <li>{@code allowHeaders}, {@code exposeHeaders}: {@code *} or header names (RFC 9110 tokens);</li>
 *   <li>every entry non-empty and at most {@value #MAX_ENTRY_LENGTH} characters;</li>
 *   <li>{@code maxAge}: −1 to 86,400 seconds, or unset (no {@code access-control-max-age} header);</li>
 *   <li>{@code allowCredentials} cannot be combined with the origin {@code *}: AWS rejects it with
 *       {@code allow-credentials is not supported if 'allow-origin' is *}.</li>
 * </ul>
 *
 * @param allowOrigins origins allowed to call the API
 * @param allowMethods methods allowed in a preflight
 * @param allowHeaders request headers allowed in a preflight
 * @param exposeHeaders response headers the browser may show to scripts
 * @param maxAge seconds a browser may cache a preflight answer; empty for no header
 * @param allowCredentials whether credentialed requests (cookies, authorization) are allowed
 */
public record CorsConfiguration(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    OptionalInt maxAge,
    boolean allowCredentials) {

  /**
   * The longest entry accepted in any list, in characters. AWS documents no limit; Portico bounds the headers it
   * writes.
   */
  public static final int MAX_ENTRY_LENGTH = 2048;

  private static final Set<String> METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  /**
   * Validates every field; see the class documentation for the rules.
   *
   * @param allowOrigins origins allowed to call the API
   * @param allowMethods methods allowed in a preflight
   * @param allowHeaders request headers allowed in a preflight
   * @param exposeHeaders response headers exposed to scripts
   * @param maxAge preflight cache time in seconds, or empty
   * @param allowCredentials whether credentialed requests are allowed
   * @throws CorsConfigException if a rule is broken
   */
  public CorsConfiguration {
    allowOrigins = List.copyOf(Objects.requireNonNull(allowOrigins, "allowOrigins"));
    allowMethods = List.copyOf(Objects.requireNonNull(allowMethods, "allowMethods"));
    allowHeaders = List.copyOf(Objects.requireNonNull(allowHeaders, "allowHeaders"));
    exposeHeaders = List.copyOf(Objects.requireNonNull(exposeHeaders, "exposeHeaders"));
    Objects.requireNonNull(maxAge, "maxAge");
    for (String origin : allowOrigins) {
      checkOrigin(origin);
    }
    for (String method : allowMethods) {
      checkLength("allowMethods", method);
      if (!method.equals("*") && !METHODS.contains(method)) {
        throw new CorsConfigException("allowMethods", method, "allowMethods entry '" + method
            + "' must be * or one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT (upper case)");
      }
    }
    checkHeaderNames("allowHeaders", allowHeaders);
    checkHeaderNames("exposeHeaders", exposeHeaders);
    if (maxAge.isPresent() && (maxAge.getAsInt() < -1 || maxAge.getAsInt() > 86_400)) {
      throw new CorsConfigException("maxAge", String.valueOf(maxAge.getAsInt()),
          "maxAge " + maxAge.getAsInt() + " must be between -1 and 86400 seconds");
    }
    if (allowCredentials && allowOrigins.contains("*")) {
      // AWS's own message for this configuration.
      throw new CorsConfigException("allowCredentials", "true",
          "allow-credentials is not supported if 'allow-origin' is *");
    }
  }

  /**
   * Starts a configuration that allows nothing; add what the API needs.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this configuration's values.
   *
   * @return a builder to derive a changed configuration from
   */
  public Builder toBuilder() {
    Builder builder = new Builder()
        .allowOrigins(allowOrigins)
        .allowMethods(allowMethods)
        .allowHeaders(allowHeaders)
        .exposeHeaders(exposeHeaders)
        .allowCredentials(allowCredentials);
    builder.maxAge = maxAge;
    return builder;
  }

  private static void checkOrigin(String origin) {
    checkLength("allowOrigins", origin);
    if (origin.equals("*") || origin.equals("https://*") || origin.equals("http://*")) {
      return;
    }
    int colon = origin.indexOf("://");
    if (colon <= 0) {
      throw new CorsConfigException("allowOrigins", origin, "allowOrigins entry '" + origin
          + "' must be *, https://*, http://* or an origin like https://www.example.com (scheme missing)");
    }
    for (int i = 0; i < colon; i++) {
      char c = origin.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        throw new CorsConfigException("allowOrigins", origin, "allowOrigins entry '" + origin
            + "' has an invalid scheme: a lower-case letter, then lower-case letters, digits, '+', '-' or '.'");
      }
    }
    String authority = origin.substring(colon + 3);
    if (authority.isEmpty()) {
      throw new CorsConfigException("allowOrigins", origin, "allowOrigins entry '" + origin + "' has no host");
    }
    if (authority.endsWith("/")) {
      throw new CorsConfigException("allowOrigins", origin,
          "allowOrigins entry '" + origin + "' must not end with '/': an origin has no path");
    }
    for (int i = 0; i < authority.length(); i++) {
      char c = authority.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        throw new CorsConfigException("allowOrigins", origin, "allowOrigins entry '" + origin
            + "' must be scheme://host[:port] without path, query or fragment");
      }
      if (c == '*') {
        throw new CorsConfigException("allowOrigins", origin, "allowOrigins entry '" + origin
            + "' uses a wildcard AWS does not support: only *, https://* and http://* are allowed");
      }
      if (c >= 'A' && c <= 'Z') {
        throw new CorsConfigException("allowOrigins", origin, "allowOrigins entry '" + origin
            + "' must be lower case: browsers send origins in lower case and matching is exact");
      }
      if (c <= ' ' || c >= 0x7f || c == '@' || c == ',') {
        throw new CorsConfigException("allowOrigins", origin,
            "allowOrigins entry '" + origin + "' has a character not allowed in a host: '"
            + c + "'");
      }
    }
  }

  private static void checkHeaderNames(String field, List<String> names) {
    for (String name : names) {
      checkLength(field, name);
      if (!name.equals("*") && !HeaderTokens.isToken(name, 0, name.length())) {
        throw new CorsConfigException(field, name, field + " entry '" + name
            + "' must be * or a header name (letters, digits and !#$%&'*+-.^_`|~)");
      }
    }
  }

  private static void checkLength(String field, String entry) {
    Objects.requireNonNull(entry, field + " entry");
    if (entry.isEmpty()) {
      throw new CorsConfigException(field, "", field + " entries must not be empty");
    }
    if (entry.length() > MAX_ENTRY_LENGTH) {
      throw new CorsConfigException(field, entry,
          field + " entry '" + entry.substring(0, 32) + "…' must not be longer than "
          + MAX_ENTRY_LENGTH + " characters");
    }
  }

  /** Collects a configuration; {@link #build()} validates it. */
  public static final class Builder {
    private List<String> allowOrigins = List.of();
    private List<String> allowMethods = List.of();
    private List<String> allowHeaders = List.of();
    private List<String> exposeHeaders = List.of();
    private OptionalInt maxAge = OptionalInt.empty();
    private boolean allowCredentials;

    private Builder() {}

    /**
     * Sets the allowed origins.
     *
     * @param origins {@code *}, {@code https://*}, {@code http://*} or origins like {@code https://example.com}
     * @return this builder
     */
    public Builder allowOrigins(String... origins) {
      return allowOrigins(Arrays.asList(origins));
    }

    /**
     * Sets the allowed origins.
     *
     * @param origins the origins
     * @return this builder
     */
    public Builder allowOrigins(List<String> origins) {
      this.allowOrigins = new ArrayList<>(origins);
      return this;
    }

    /**
     * Sets the methods allowed in a preflight.
     *
     * @param methods {@code *} or methods such as {@code GET}
     * @return this builder
     */
    public Builder allowMethods(String... methods) {
      return allowMethods(Arrays.asList(methods));
    }

    /**
     * Sets the methods allowed in a preflight.
     *
     * @param methods the methods
     * @return this builder
     */
    public Builder allowMethods(List<String> methods) {
      this.allowMethods = new ArrayList<>(methods);
      return this;
    }

    /**
     * Sets the request headers allowed in a preflight.
     *
     * @param headers {@code *} or header names, matched case-insensitively
     * @return this builder
     */
    public Builder allowHeaders(String... headers) {
      return allowHeaders(Arrays.asList(headers));
    }

    /**
     * Sets the request headers allowed in a preflight.
     *
     * @param headers the header names
     * @return this builder
     */
    public Builder allowHeaders(List<String> headers) {
      this.allowHeaders = new ArrayList<>(headers);
      return this;
    }

    /**
     * Sets the response headers exposed to scripts.
     *
     * @param headers {@code *} or header names
     * @return this builder
     */
    public Builder exposeHeaders(String... headers) {
      return exposeHeaders(Arrays.asList(headers));
    }

    /**
     * Sets the response headers exposed to scripts.
     *
     * @param headers the header names
     * @return this builder
     */
    public Builder exposeHeaders(List<String> headers) {
      this.exposeHeaders = new ArrayList<>(headers);
      return this;
    }

    /**
     * Sets how long a browser may cache a preflight answer.
     *
     * @param seconds −1 to 86,400; −1 asks browsers not to cache
     * @return this builder
     */
    public Builder maxAge(int seconds) {
      this.maxAge = OptionalInt.of(seconds);
      return this;
    }

    /**
     * Sets whether credentialed requests are allowed.
     *
     * @param allow true to send {@code access-control-allow-credentials: true}
     * @return this builder
     */
    public Builder allowCredentials(boolean allow) {
      this.allowCredentials = allow;
      return this;
    }

    /**
     * Validates and builds the configuration.
     *
     * @return the configuration
     * @throws CorsConfigException if a rule is broken
     */
    public CorsConfiguration build() {
      return new CorsConfiguration(allowOrigins, allowMethods, allowHeaders, exposeHeaders, maxAge, allowCredentials);
    }
  }
}
