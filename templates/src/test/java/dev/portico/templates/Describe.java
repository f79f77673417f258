package dev.portico.templates;

import dev.portico.gateway.AuthorizationType;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.openapi.Bindings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Describes a template's APIs as text, so tests compare what matters: routes, authorizers, CORS, stage. */
final class Describe {
  private Describe() {}

  static final LambdaFunction OK = (event, context) ->
      "{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8);

  /** The API with every function it names bound to {@link #OK}. */
  static HttpApi build(TemplateApi api) {
    Bindings.Builder bindings = Bindings.builder();
    api.functionNames().stream().filter(n -> !n.contains("${")).forEach(n -> bindings.function(n, OK));
    return api.apiBuilder(bindings.allowUnbound().build()).build();
  }

  /** Routes, authorizers, CORS and stage, one line each, sorted. */
  static List<String> api(TemplateApi template) {
    HttpApi api = build(template);
    List<String> lines = new ArrayList<>();
    for (Route route : api.routes()) {
      lines.add(route(route));
    }
    for (Authorizer authorizer : api.authorizers().values()) {
      lines.add(authorizer(authorizer));
    }
    api.cors().ifPresent(cors -> lines.add("cors origins=" + cors.allowOrigins() + " methods=" + cors.allowMethods()
        + " headers=" + cors.allowHeaders() + " expose=" + cors.exposeHeaders() + " maxAge=" + cors.maxAge()
        + " credentials=" + cors.allowCredentials()));
    lines.add("stage " + template.stageName() + " " + template.stageVariables());
    template.defaultRouteSettings().ifPresent(settings -> lines.add("default route settings " + settings));
    template.routeSettings().forEach((key, settings) -> lines.add("route settings " + key + " " + settings));
    lines.sort(String::compareTo);
    return lines;
  }

  /** {@code GET /pets -> lambda pets v2.0 [JWT cognito pets/read] 5000ms}. */
  static String route(Route route) {
    StringBuilder text = new StringBuilder("route ").append(route.routeKey())
        .append(" -> ").append(integration(route.integration()))
        .append(" v").append(route.payloadFormat().version());
    if (route.authorizationType() != AuthorizationType.NONE) {
      text.append(" [").append(route.authorizationType()).append(' ').append(route.authorizerName().orElseThrow());
      route.scopes().stream().sorted().forEach(s -> text.append(' ').append(s));
      text.append(']');
    }
    route.timeout().ifPresent(t -> text.append(' ').append(t.toMillis()).append("ms"));
    return text.toString();
  }

  static String integration(Integration integration) {
    if (integration instanceof LambdaIntegration lambda) {
      return "lambda " + lambda.functionName();
    }
    if (integration instanceof HttpProxyIntegration http) {
      return "http " + http.method().orElse("ANY") + " " + http.uri();
    }
    String text = integration.toString();
    return text.startsWith("Lambda function ") ? "lambda " + text.substring("Lambda function ".length()) : text;
  }

  /** Identity sources sorted: SAM's expected outputs hold them sorted, its translator writes them by kind. */
  static String authorizer(Authorizer authorizer) {
    if (authorizer instanceof Authorizer.Jwt jwt) {
      return "authorizer " + jwt.name() + " jwt " + jwt.config().issuer() + " " + jwt.config().audiences() + " "
          + jwt.config().identitySource();
    }
    Authorizer.Lambda lambda = (Authorizer.Lambda) authorizer;
    return "authorizer " + lambda.name() + " lambda " + lambda.function().functionName() + " v"
        + lambda.payloadFormat().version() + (lambda.simpleResponses() ? " simple" : "") + " "
        + lambda.identitySources().stream().sorted().toList() + " ttl=" + lambda.resultTtl().toSeconds();
  }
}
