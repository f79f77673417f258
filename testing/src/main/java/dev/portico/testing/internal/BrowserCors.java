package dev.portico.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a browser decides about a cross-origin answer: the CORS check and the CORS-preflight checks of the Fetch
 * standard (https://fetch.spec.whatwg.org/#cors-check and #cors-preflight-fetch), for requests made without
 * credentials or with them.
 */
public final class BrowserCors {
  private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

  private BrowserCors() {}

  /**
   * Why a browser would refuse the answer, or empty when it would let the page read it.
   *
   * @param request the request's headers (first value by lowercased name)
   * @param status the answer's status
   * @param response the answer's headers (all values by name, any case)
   * @param credentials whether the page sent credentials ({@code credentials: 'include'})
   * @return the reason for refusing
   */
  public static Optional<String> refusal(Function<String, Optional<String>> request, int status,
      Function<String, List<String>> response, boolean credentials) {
    Optional<String> origin = request.apply("origin");
    if (origin.isEmpty()) {
      return Optional.of("the request has no Origin header, so it is not a cross-origin request");
    }
    Optional<String> check = corsCheck(origin.get(), response, credentials);
    if (check.isPresent()) {
      return check;
    }
    Optional<String> requestedMethod = request.apply("access-control-request-method");
    if (requestedMethod.isEmpty()) {
      return Optional.empty();
    }
    if (status < 200 || status > 299) {
      return Optional.of("the preflight answered " + status + ", not an ok status (200-299)");
    }
    List<String> methods = list(response.apply("access-control-allow-methods"));
    String method = requestedMethod.get();
    boolean methodAllowed = methods.contains(method) || SAFELISTED_METHODS.contains(method)
        || (!credentials && methods.contains("*"));
    if (!methodAllowed) {
      return Optional.of("method " + method + " is not in access-control-allow-methods " + methods
          + (credentials && methods.contains("*") ? " ('*' does not count with credentials)" : ""));
    }
    List<String> allowed = list(response.apply("access-control-allow-headers")).stream()
        .map(h -> h.toLowerCase(Locale.ROOT)).toList();
    for (String header : list(request.apply("access-control-request-headers").stream().toList())) {
      String name = header.toLowerCase(Locale.ROOT);
      if (allowed.contains(name)) {
        continue;
      }
      if (name.equals("authorization")) {
        return Optional.of("header authorization is not in access-control-allow-headers " + allowed
            + " ('*' never covers authorization)");
      }
      if (credentials || !allowed.contains("*")) {
        return Optional.of("header " + name + " is not in access-control-allow-headers " + allowed);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> corsCheck(String origin, Function<String, List<String>> response,
      boolean credentials) {
    List<String> allowOrigin = response.apply("access-control-allow-origin");
    if (allowOrigin.isEmpty()) {
      return Optional.of("the answer has no access-control-allow-origin");
    }
    if (allowOrigin.size() > 1) {
      return Optional.of("the answer has " + allowOrigin.size() + " access-control-allow-origin headers");
    }
    String value = allowOrigin.get(0);
    if (value.equals("*")) {
      if (credentials) {
        return Optional.of("access-control-allow-origin is '*', which browsers refuse for credentialed requests");
      }
    } else if (!value.equals(origin)) {
      return Optional.of("access-control-allow-origin is '" + value + "', not the page's origin '" + origin + "'");
    }
    if (credentials) {
      List<String> allowCredentials = response.apply("access-control-allow-credentials");
      if (!allowCredentials.equals(List.of("true"))) {
        return Optional.of("access-control-allow-credentials is " + allowCredentials + ", not 'true'");
      }
    }
    return Optional.empty();
  }

  private static List<String> list(List<String> values) {
    List<String> items = new ArrayList<>();
    for (String value : values) {
      for (String item : value.split(",")) {
        String trimmed = item.strip();
        if (!trimmed.isEmpty()) {
          items.add(trimmed);
        }
      }
    }
    return items;
  }
}
