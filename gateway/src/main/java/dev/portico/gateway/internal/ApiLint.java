package dev.portico.gateway.internal;

import dev.portico.gateway.ApiWarning;
import dev.portico.gateway.AuthorizationType;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.routing.RouteMatch;
import dev.portico.routing.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks behind {@link HttpApi#warnings()}. */
public final class ApiLint {
  /** A method no route names: it reaches exactly the routes any unlisted method reaches ({@code ANY}, {@code $default}). */
  private static final String UNLISTED_METHOD = "PROPFIND";

  private ApiLint() {}

  /**
   * The warnings of an API.
   *
   * @param api the API
   * @return the warnings
   */
  public static List<ApiWarning> warnings(HttpApi api) {
    List<ApiWarning> warnings = new ArrayList<>();
    unprotectedOtherMethods(api, warnings);
    api.cors().ifPresent(cors -> {
      if (cors.allowCredentials()) {
        for (String origin : cors.allowOrigins()) {
          if (origin.equals("https://*") || origin.equals("http://*")) {
            warnings.add(new ApiWarning(ApiWarning.Kind.CORS_SCHEME_WILDCARD_WITH_CREDENTIALS, List.of(),
                "CORS allows credentials from '" + origin + "': any " + origin.substring(0, origin.indexOf(':'))
                    + " site may read answers with its visitors' cookies; list the origins instead"));
          }
        }
      }
    });
    return List.copyOf(warnings);
  }

  private static void unprotectedOtherMethods(HttpApi api, List<ApiWarning> warnings) {
    Router.Builder<Route> builder = Router.builder();
    api.routes().forEach(route -> builder.route(route.routeKey(), route));
    Router<Route> router = builder.build();
    for (Route route : api.routes()) {
      Optional<String> method = route.routeKey().method();
      if (route.authorizationType() == AuthorizationType.NONE || method.isEmpty() || method.get().equals("ANY")) {
        continue;
      }
      Optional<RouteMatch<Route>> other = router.match(UNLISTED_METHOD, samplePath(route.routeKey().path().get()));
      if (other.isPresent() && other.get().target().authorizationType() == AuthorizationType.NONE) {
        String open = other.get().routeKey().toString();
        warnings.add(new ApiWarning(ApiWarning.Kind.UNPROTECTED_OTHER_METHODS,
            List.of(route.routeKey().toString(), open),
            "route '" + route.routeKey() + "' requires "
                + (route.authorizationType() == AuthorizationType.JWT ? "JWT" : "Lambda (CUSTOM)")
                + " authorization, but other"
                + " methods on its path (HEAD, a lower-case '" + method.get().toLowerCase(java.util.Locale.ROOT)
                + "', PROPFIND, ...) reach '" + open + "', which requires none (AWS routes methods exactly); unless"
                + " that is meant, authorize '" + open + "' too"));
      }
    }
  }

  /** A concrete path the template matches: each variable becomes one segment. */
  private static String samplePath(String template) {
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        out.append("x");
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
