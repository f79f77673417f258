package dev.portico.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.cors.CorsConfiguration;
import dev.portico.gateway.AuthorizationType;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.GatewayLimits;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.gateway.Stage;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.payload.PayloadFormat;
import dev.portico.routing.RouteKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the importer read: the API with its functions still unbound.
 *
 * @param title {@code info.title}
 * @param apiId the API id of an {@code execute-api} server URL
 * @param region the region of the first full Lambda ARN
 * @param accountId the account of the first full Lambda ARN
 * @param stage the stage a {@link BasePathMode#SPLIT split} base path names
 * @param routes the routes, in document order
 * @param authorizers the usable authorizers by name
 * @param cors the CORS configuration
 */
record Definition(
    Optional<String> title,
    Optional<String> apiId,
    Optional<String> region,
    Optional<String> accountId,
    Optional<String> stage,
    List<RouteDef> routes,
    Map<String, AuthorizerDef> authorizers,
    Optional<CorsConfiguration> cors) {

  /**
   * The one conversion of a definition into an API, used by the import check (with stand-in functions) and by
   * {@link ImportResult#apiBuilder} (with the host's bindings), so a definition that passes the check builds.
   *
   * @param maxRoutes the route quota the API carries
   * @param integrations the integration of each route
   * @param authorizers the authorizer of each authorizer definition
   * @return a builder holding the definition; hosts add stages, limits and a clock
   * @throws dev.portico.gateway.GatewayConfigException when a gateway rule is broken
   */
  HttpApi.Builder apiBuilder(int maxRoutes, Function<RouteDef, Integration> integrations,
      Function<AuthorizerDef, Authorizer> authorizers) {
    HttpApi.Builder api = HttpApi.builder();
    if (maxRoutes != GatewayLimits.DEFAULT_MAX_ROUTES) {
      api.limits(GatewayLimits.builder().maxRoutes(maxRoutes).build());
    }
    apiId.ifPresent(api::apiId);
    region.ifPresent(api::region);
    accountId.ifPresent(api::accountId);
    for (AuthorizerDef authorizer : this.authorizers.values()) {
      api.authorizer(authorizers.apply(authorizer));
    }
    for (RouteDef route : routes) {
      api.route(route.toRoute(integrations.apply(route)));
    }
    cors.ifPresent(api::cors);
    stage.ifPresent(name -> api.stage(Stage.builder(name).build()));
    return api;
  }

  /** One route. */
  record RouteDef(
      String pointer,
      RouteKey key,
      IntegrationDef integration,
      PayloadFormat payloadFormat,
      Optional<Duration> timeout,
      AuthorizationType authorizationType,
      Optional<String> authorizer,
      List<String> scopes,
      boolean awsIam) {

    /**
     * The route with an integration.
     *
     * @throws dev.portico.gateway.GatewayConfigException when a gateway rule is broken
     */
    Route toRoute(Integration integration) {
      Route.Builder route = Route.builder(key, awsIam ? new IamNotVerified(integration) : integration)
          .payloadFormat(payloadFormat);
      timeout.ifPresent(route::timeout);
      if (authorizationType == AuthorizationType.JWT) {
        route.jwt(authorizer.orElseThrow(), scopes.toArray(String[]::new));
      } else if (authorizationType == AuthorizationType.CUSTOM) {
        route.custom(authorizer.orElseThrow());
      }
      return route.build();
    }
  }

  /** A route's integration. */
  sealed interface IntegrationDef permits LambdaDef, HttpDef, UnsupportedDef {}

  /**
   * An {@code AWS_PROXY} Lambda integration.
   *
   * @param uri the URI as written
   * @param function the function it names
   */
  record LambdaDef(String uri, FunctionRef function) implements IntegrationDef {}

  /**
   * An {@code HTTP_PROXY} integration.
   *
   * @param uri the URI template
   * @param method the method; empty for {@code ANY}
   */
  record HttpDef(String uri, Optional<String> method) implements IntegrationDef {}

  /**
   * An integration Portico cannot run; the route answers 500 unless the host binds another integration.
   *
   * @param reason why, for logs
   * @param definition the integration object as written
   */
  record UnsupportedDef(String reason, ObjectNode definition) implements IntegrationDef {}

  /** An authorizer. */
  sealed interface AuthorizerDef permits JwtDef, RequestAuthorizerDef {
    String name();
  }

  /**
   * A JWT authorizer, complete.
   *
   * @param authorizer the authorizer
   */
  record JwtDef(Authorizer.Jwt authorizer) implements AuthorizerDef {
    @Override
    public String name() {
      return authorizer.name();
    }
  }

  /**
   * A Lambda REQUEST authorizer waiting for its function.
   *
   * @param name the name
   * @param uri the authorizer URI as written
   * @param function the function it names
   * @param payloadFormat {@code authorizerPayloadFormatVersion}
   * @param simpleResponses {@code enableSimpleResponses}
   * @param identitySources {@code identitySource}
   * @param resultTtl {@code authorizerResultTtlInSeconds}
   */
  record RequestAuthorizerDef(
      String name,
      String uri,
      FunctionRef function,
      PayloadFormat payloadFormat,
      boolean simpleResponses,
      List<String> identitySources,
      Duration resultTtl)
      implements AuthorizerDef {

    /**
     * The authorizer with its function.
     *
     * @throws dev.portico.gateway.GatewayConfigException when a gateway rule is broken
     */
    Authorizer.Lambda toAuthorizer(LambdaAuthorizer function) {
      return Authorizer.lambda(name, function)
          .payloadFormat(payloadFormat)
          .simpleResponses(simpleResponses)
          .identitySources(identitySources.toArray(String[]::new))
          .resultTtl(resultTtl)
          .build();
    }
  }
}
