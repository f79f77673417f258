package dev.portico.openapi;

import dev.portico.gateway.AuthorizationType;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.routing.RouteKey;
import java.util.List;
import java.util.stream.Collectors;

/** Describes APIs as text, so tests compare what matters: routes, integrations, authorizers. */
final class Apis {
  private Apis() {}

  /** A function answering 200 with a fixed body. */
  static final LambdaFunction OK = (event, context) ->
      "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /** Binds every function the result names (the unqualified part of stage-variable names) to {@link #OK}. */
  static HttpApi buildAll(ImportResult result) {
    Bindings.Builder bindings = Bindings.builder();
    result.functionNames().stream()
        .map(n -> n.contains("${") ? FunctionRef.unqualified(n) : n)
        .filter(n -> !n.contains("${"))
        .distinct()
        .forEach(n -> bindings.function(n, OK));
    return result.apiBuilder(bindings.allowUnbound().build()).build();
  }

  static List<String> routes(HttpApi api) {
    return api.routes().stream().map(Apis::describe).toList();
  }

  static Route route(HttpApi api, String key) {
    RouteKey wanted = RouteKey.parse(key);
    return api.routes().stream().filter(r -> r.routeKey().equals(wanted)).findFirst().orElseThrow();
  }

  /** {@code GET /pets -> lambda pets v2.0 [JWT cognito pets/read] 5000ms}. */
  static String describe(Route route) {
    StringBuilder text = new StringBuilder(route.routeKey().toString())
        .append(" -> ").append(integration(route.integration()))
        .append(" v").append(route.payloadFormat().version());
    if (route.authorizationType() != AuthorizationType.NONE) {
      text.append(" [").append(route.authorizationType()).append(' ').append(route.authorizerName().orElseThrow());
      route.scopes().forEach(s -> text.append(' ').append(s));
      text.append(']');
    }
    route.timeout().ifPresent(t -> text.append(' ').append(t.toMillis()).append("ms"));
    return text.toString();
  }

  static String integration(Integration integration) {
    if (integration instanceof ImportedLambda) {
      return "lambda " + ((ImportedLambda) integration).functionName();
    }
    if (integration instanceof LambdaIntegration) {
      return "lambda " + ((LambdaIntegration) integration).functionName();
    }
    if (integration instanceof HttpProxyIntegration) {
      HttpProxyIntegration http = (HttpProxyIntegration) integration;
      return "http " + http.method().orElse("ANY") + " " + http.uri();
    }
    if (integration instanceof UnavailableIntegration) {
      return "unavailable";
    }
    return integration.toString();
  }

  static List<String> authorizers(HttpApi api) {
    return api.authorizers().values().stream().map(Apis::describe).toList();
  }

  /** {@code cognito jwt https://issuer [aud] $request.header.Authorization}. */
  static String describe(Authorizer authorizer) {
    if (authorizer instanceof Authorizer.Jwt) {
      Authorizer.Jwt jwt = (Authorizer.Jwt) authorizer;
      return jwt.name() + " jwt " + jwt.config().issuer() + " " + jwt.config().audiences() + " "
          + jwt.config().identitySource().expression();
    }
    Authorizer.Lambda lambda = (Authorizer.Lambda) authorizer;
    return lambda.name() + " lambda " + lambda.function().functionName() + " v" + lambda.payloadFormat().version()
        + (lambda.simpleResponses() ? " simple" : " iam") + " ttl=" + lambda.resultTtl().toSeconds() + " "
        + lambda.identitySources().stream().collect(Collectors.joining(",", "[", "]"));
  }
}
