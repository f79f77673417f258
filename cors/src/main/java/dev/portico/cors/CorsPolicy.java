package dev.portico.cors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Answers CORS the way API Gateway does for an HTTP API with a CORS configuration.
 *
 * <pre>{@code
 * CorsPolicy policy = CorsPolicy.of(CorsConfiguration.builder()
 *     .allowOrigins("https://www.example.com")
 *     .allowMethods("GET", "PUT")
 *     .allowHeaders("content-type", "x-custom")
 *     .build());
 *
 * if (policy.isPreflight(method, origin, requestMethod)) {
 *   // answer 204 with these headers; the request never reaches a route
 *   CorsHeaders headers = policy.preflight(origin, requestMethod, requestHeaders);
 * } else {
 *   // route and integrate as usual, drop the backend's access-control-* headers, then add:
 *   CorsHeaders headers = policy.actualHeaders(origin);
 * }
 * }</pre>
 *
 * <p>Semantics (facts §5, decisions D6, D7; docs/cors.md has every rule):
 * <ul>
 *   <li>A preflight is an {@code OPTIONS} request with both {@code Origin} and
 *       {@code Access-Control-Request-Method}; API Gateway answers it itself with {@code 204} and an empty body,
 *       even when the API has no {@code OPTIONS} route. An {@code OPTIONS} request without either header is an
 *       ordinary request that goes to routing.</li>
 *   <li>A preflight whose origin, method or headers are not allowed is still answered {@code 204}, without any
 *       {@code access-control-allow-*} header, so the browser blocks the request (D6).</li>
 *   <li>Origins are compared exactly and case-sensitively; the configuration {@code *} answers {@code *}, any
 *       other allowed origin is echoed (D7). Methods are compared case-sensitively, header names
 *       case-insensitively.</li>
 *   <li>A request without {@code Origin} gets no CORS headers.</li>
 *   <li>Answers that depend on the origin carry {@code vary: origin}, rejections included, so that a shared cache
 *       never serves one origin's answer to another.</li>
 *   <li>The backend's own {@code access-control-*} headers are dropped ({@link #dropsBackendHeader(String)}).</li>
 * </ul>
 *
 * <p>Precomputed: the answers for the configured origins are built once, so {@link #actualHeaders(String)}
 * allocates nothing for them. Policies are immutable and thread-safe.
 */
public final class CorsPolicy {
  private static final String ORIGIN = "origin";

  private final CorsConfiguration configuration;
  private final boolean anyOrigin;
  private final boolean anyHttps;
  private final boolean anyHttp;
  private final boolean anyMethod;
  private final boolean anyHeader;
  private final Set<String> methods;
  /** Allowed request header names, lower case; few, so scanned rather than hashed. */
  private final String[] headers;
  private final @Nullable String credentials;
  private final @Nullable String exposeHeaders;
  private final @Nullable String allowMethods;
  private final @Nullable String allowHeaders;
  private final @Nullable String maxAge;
  /** For each configured origin: the actual-response answer, with the origin echoed. */
  private final Map<String, CorsHeaders> actualByOrigin = new HashMap<>();
  /** For each configured origin: the preflight answer, when it does not depend on the request. */
  private final Map<String, CorsHeaders> preflightByOrigin = new HashMap<>();
  private final CorsHeaders actualAnyOrigin;
  private final CorsHeaders rejected;

  private CorsPolicy(CorsConfiguration configuration) {
    this.configuration = configuration;
    List<String> origins = configuration.allowOrigins();
    this.anyOrigin = origins.contains("*");
    this.anyHttps = origins.contains("https://*");
    this.anyHttp = origins.contains("http://*");
    this.anyMethod = configuration.allowMethods().contains("*");
    this.anyHeader = configuration.allowHeaders().contains("*");
    this.methods = Set.copyOf(configuration.allowMethods());
    this.headers = configuration.allowHeaders().stream()
        .map(h -> h.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
    this.credentials = configuration.allowCredentials() ? "true" : null;
    this.exposeHeaders = join(configuration.exposeHeaders());
    this.allowMethods = join(configuration.allowMethods());
    this.allowHeaders = join(configuration.allowHeaders());
    this.maxAge = configuration.maxAge().isPresent() ? Integer.toString(configuration.maxAge().getAsInt()) : null;
    this.actualAnyOrigin = CorsHeaders.of(CorsHeaders.ALLOW_ORIGIN, "*", CorsHeaders.EXPOSE_HEADERS, exposeHeaders);
    // With '*' the answer never depends on the origin; otherwise every answer, a refusal too, varies by it.
    this.rejected = anyOrigin ? CorsHeaders.NONE : CorsHeaders.of(CorsHeaders.VARY, ORIGIN);
    for (String origin : origins) {
      if (!origin.endsWith("*")) {
        actualByOrigin.put(origin, actualEcho(origin));
        if (!echoesRequest()) {
          preflightByOrigin.put(origin, preflightHeaders(origin, ORIGIN, null, ""));
        }
      }
    }
  }

  /**
   * Compiles a configuration into a policy.
   *
   * @param configuration a validated configuration
   * @return the policy
   */
  public static CorsPolicy of(CorsConfiguration configuration) {
    return new CorsPolicy(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * The configuration this policy answers with.
   *
   * @return the configuration
   */
  public CorsConfiguration configuration() {
    return configuration;
  }

  /**
   * Whether API Gateway answers this request itself as a CORS preflight: {@code OPTIONS} with both
   * {@code Origin} and {@code Access-Control-Request-Method}.
   *
   * @param method the request method
   * @param origin the {@code Origin} header, or null when absent
   * @param requestMethod the {@code Access-Control-Request-Method} header, or null when absent
   * @return true for a preflight; false for an ordinary request, which goes to routing
   */
  public boolean isPreflight(String method, @Nullable String origin, @Nullable String requestMethod) {
    return "OPTIONS".equals(method) && origin != null && requestMethod != null;
  }

  /**
   * The headers of the {@code 204} answer to a preflight. Never throws, whatever the header values.
   *
   * @param origin the {@code Origin} header
   * @param requestMethod the {@code Access-Control-Request-Method} header
   * @param requestHeaders the {@code Access-Control-Request-Headers} header, or null when absent
   * @return the headers; without any {@code access-control-allow-*} header when the preflight is refused
   */
  public CorsHeaders preflight(@Nullable String origin, @Nullable String requestMethod,
      @Nullable String requestHeaders) {
    if (origin == null || requestMethod == null) {
      return CorsHeaders.NONE;
    }
    String requested = requestHeaders == null ? "" : requestHeaders;
    // A method is a token (RFC 9110); anything else, CR LF included, is refused and so never echoed.
    boolean methodAllowed = anyMethod
        ? HeaderTokens.isToken(requestMethod, 0, requestMethod.length())
        : methods.contains(requestMethod);
    if (!methodAllowed || requestedHeaders(requested, anyHeader ? null : headers, false) == null) {
      return rejected;
    }
    if (anyOrigin) {
      return preflightHeaders("*", null, requestMethod, requested);
    }
    CorsHeaders precomputed = preflightByOrigin.get(origin);
    if (precomputed != null) {
      return precomputed;
    }
    if (actualByOrigin.containsKey(origin) || matchesSchemeWildcard(origin)) {
      return preflightHeaders(origin, ORIGIN, requestMethod, requested);
    }
    return rejected;
  }

  /**
   * The headers to add to an ordinary response (not a preflight). Allocates nothing for a request without
   * {@code Origin}, for the configuration {@code *}, and for a configured origin.
   *
   * @param origin the request's {@code Origin} header, or null when absent
   * @return the headers to set; {@link CorsHeaders#NONE} without an {@code Origin}
   */
  public CorsHeaders actualHeaders(String origin) {
    if (origin == null) {
      return CorsHeaders.NONE;
    }
    if (anyOrigin) {
      return actualAnyOrigin;
    }
    CorsHeaders precomputed = actualByOrigin.get(origin);
    if (precomputed != null) {
      return precomputed;
    }
    return matchesSchemeWildcard(origin) ? actualEcho(origin) : rejected;
  }

  /**
   * Whether a response header from the integration is dropped: with CORS configured, API Gateway ignores the
   * backend's own CORS headers and sets its own (facts §5).
   *
   * @param name a response header name, any case
   * @return true for {@code access-control-*} headers
   */
  public boolean dropsBackendHeader(String name) {
    return name.regionMatches(true, 0, "access-control-", 0, 15);
  }

  private CorsHeaders actualEcho(String origin) {
    return CorsHeaders.of(
        CorsHeaders.ALLOW_ORIGIN, origin,
        CorsHeaders.ALLOW_CREDENTIALS, credentials,
        CorsHeaders.EXPOSE_HEADERS, exposeHeaders,
        CorsHeaders.VARY, ORIGIN);
  }

  /**
   * A preflight answer. With credentials a browser reads {@code *} in the method and header lists literally
   * (Fetch standard), so a {@code *} configuration then echoes what the preflight asked for.
   */
  private CorsHeaders preflightHeaders(String allowOrigin, @Nullable String vary, @Nullable String requestMethod,
      String requested) {
    boolean echo = credentials != null;
    String methodsValue = anyMethod && echo ? requestMethod : allowMethods;
    String headersValue = anyHeader && echo ? join(requestedHeaders(requested, null, true)) : allowHeaders;
    return CorsHeaders.of(
        CorsHeaders.ALLOW_ORIGIN, allowOrigin,
        CorsHeaders.ALLOW_CREDENTIALS, credentials,
        CorsHeaders.ALLOW_METHODS, methodsValue,
        CorsHeaders.ALLOW_HEADERS, headersValue,
        CorsHeaders.MAX_AGE, maxAge,
        CorsHeaders.VARY, vary);
  }

  /** Whether a preflight answer depends on the request: a '*' list with credentials echoes what was asked. */
  private boolean echoesRequest() {
    return credentials != null && (anyMethod || anyHeader);
  }

  private static boolean isAllowedHeader(String[] allowed, String value, int start, int stop) {
    for (String name : allowed) {
      if (name.length() == stop - start && value.regionMatches(true, start, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@code https://*} and {@code http://*}: any well-formed origin with that scheme, echoed as sent. */
  private boolean matchesSchemeWildcard(String origin) {
    if (anyHttps && origin.startsWith("https://") && isOriginText(origin, 8)) {
      return true;
    }
    return anyHttp && origin.startsWith("http://") && isOriginText(origin, 7);
  }

  /** A host and optional port: never echo text that could split or inject a header. */
  private static boolean isOriginText(String origin, int from) {
    if (origin.length() == from || origin.length() > CorsConfiguration.MAX_ENTRY_LENGTH) {
      return false;
    }
    for (int i = from; i < origin.length(); i++) {
      char c = origin.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':'
          || c == '[' || c == ']' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Walks {@code Access-Control-Request-Headers}: a comma-separated list; spaces and tabs around entries are
   * ignored and empty entries skipped. Every entry must be a header name and, when {@code allowed} is given, one
   * of those names (compared case-insensitively). Allocates only when {@code collect} is true.
   *
   * @param value the header value
   * @param allowed the allowed lower-case names, or null to allow any header name
   * @param collect whether to return the names
   * @return null when an entry is refused; else the lower-case names, each once, if {@code collect}, or an empty
   *     list
   */
  static @Nullable List<String> requestedHeaders(String value, String @Nullable [] allowed, boolean collect) {
    List<String> names = collect ? new ArrayList<>(4) : List.of();
    int length = value.length();
    for (int i = 0; i <= length; ) {
      int comma = value.indexOf(',', i);
      int end = comma < 0 ? length : comma;
      long bounds = trim(value, i, end);
      int start = (int) (bounds >>> 32);
      int stop = (int) bounds;
      if (stop > start) {
        if (!HeaderTokens.isToken(value, start, stop)
            || (allowed != null && !isAllowedHeader(allowed, value, start, stop))) {
          return null;
        }
        if (collect) {
          String name = value.substring(start, stop).toLowerCase(Locale.ROOT);
          if (!names.contains(name)) {
            names.add(name);
          }
        }
      }
      i = end + 1;
    }
    return names;
  }

  /** The bounds of {@code value[start, end)} without surrounding spaces and tabs, packed as start << 32 | stop. */
  private static long trim(String value, int start, int end) {
    while (start < end && isOptionalWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isOptionalWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return (long) start << 32 | end;
  }

  private static boolean isOptionalWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  private static @Nullable String join(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }
}
