package dev.portico.server.internal;

import dev.portico.gateway.Authorizer;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.routing.RouteKey;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * AWS's route precedence (facts §1) as an order over route keys, and the words that explain it: literal segments
 * before path variables before greedy variables, a route for a method before {@code ANY}, {@code $default} last.
 */
final class Precedence {
  static final Comparator<RouteKey> ORDER = Precedence::compare;

  private Precedence() {}

  private static int compare(RouteKey a, RouteKey b) {
    if (a.isDefault() != b.isDefault()) {
      return a.isDefault() ? 1 : -1;
    }
    if (a.isDefault()) {
      return 0;
    }
    String[] left = segments(a);
    String[] right = segments(b);
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int byRank = Integer.compare(rank(left[i]), rank(right[i]));
      if (byRank != 0) {
        return byRank;
      }
    }
    int byPath = a.path().orElseThrow().compareTo(b.path().orElseThrow());
    if (byPath != 0) {
      return byPath;
    }
    boolean anyA = a.method().orElseThrow().equals("ANY");
    boolean anyB = b.method().orElseThrow().equals("ANY");
    if (anyA != anyB) {
      return anyA ? 1 : -1;
    }
    return a.method().orElseThrow().compareTo(b.method().orElseThrow());
  }

  private static String[] segments(RouteKey key) {
    return key.path().orElseThrow().substring(1).split("/", -1);
  }

  private static int rank(String segment) {
    if (segment.endsWith("+}")) {
      return 2;
    }
    return segment.startsWith("{") ? 1 : 0;
  }

  /** Why a route key wins, in words: the kind of path match and the method rule. */
  static String why(RouteKey key, String method) {
    if (key.isDefault()) {
      return "no other route matches; the $default route serves every request no route does (facts §1)";
    }
    String[] segments = segments(key);
    List<String> variables = java.util.Arrays.stream(segments).filter(s -> s.startsWith("{")).toList();
    String path;
    if (variables.isEmpty()) {
      path = "every segment matches literally";
    } else if (variables.get(variables.size() - 1).endsWith("+}")) {
      path = "greedy path variable " + variables.get(variables.size() - 1) + " takes the rest of the path"
          + (variables.size() > 1 ? " (and path variables " + String.join(", ", variables.subList(0,
          variables.size() - 1)) + ")" : "");
    } else {
      path = "path variable" + (variables.size() > 1 ? "s " : " ") + String.join(", ", variables);
    }
    String methodRule = key.method().orElseThrow().equals("ANY")
        ? "ANY serves " + method + " because no route for " + method + " matches as well"
        : "a route for " + method + " beats ANY at equal rank";
    return path + "; " + methodRule + " (facts §1: literal > {variable} > {greedy+}, then $default)";
  }

  /** How a route is authorized, in words. */
  static String authorization(HttpApi api, Route route) {
    if (route.authorizerName().isEmpty()) {
      return "none (open route)";
    }
    String name = route.authorizerName().get();
    Authorizer authorizer = api.authorizers().get(name);
    if (authorizer instanceof Authorizer.Jwt jwt) {
      return "JWT authorizer '" + name + "': token from " + jwt.config().identitySource().expression()
          + ", issuer " + jwt.config().issuer() + ", audience " + String.join(" or ", jwt.config().audiences())
          + (route.scopes().isEmpty() ? "" : ", scopes: any of " + String.join(" ", route.scopes()))
          + "; no or invalid token 401, missing scope 403";
    }
    if (authorizer instanceof Authorizer.Lambda lambda) {
      return "Lambda authorizer '" + name + "': identity from " + String.join(", ", lambda.identitySources())
          + " (any missing: 401), " + (lambda.simpleResponses() ? "simple" : "IAM policy") + " responses, payload "
          + lambda.payloadFormat().version() + ", results cached " + lambda.resultTtl().toSeconds() + " s; deny 403";
    }
    return String.valueOf(authorizer) + " '" + name + "'";
  }

  /** A route's authorization in a few words, for the route table. */
  static String shortAuthorization(Route route) {
    return switch (route.authorizationType()) {
      case JWT -> "JWT " + route.authorizerName().orElse("?")
          + (route.scopes().isEmpty() ? "" : " [" + route.scopes().stream().sorted().collect(Collectors.joining(" "))
          + "]");
      case CUSTOM -> "LAMBDA " + route.authorizerName().orElse("?");
      default -> "NONE";
    };
  }
}
