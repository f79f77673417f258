package dev.portico.gateway;

import dev.portico.integration.Integration;
import dev.portico.payload.PayloadFormat;
import dev.portico.routing.InvalidRouteKeyException;
import dev.portico.routing.RouteKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One route of an HTTP API: a route key, its integration and how it is authorized.
 *
 * <pre>{@code
 * Route open = Route.of("GET /health", health);
 * Route scoped = Route.builder("GET /pets/{id}", pets)
 *     .payloadFormat(PayloadFormat.V1_0)
 *     .jwt("cognito", "pets/read", "pets/admin")
 *     .timeout(Duration.ofSeconds(5))
 *     .build();
 * Route custom = Route.builder("ANY /{proxy+}", backend).custom("token-check").build();
 * }</pre>
 *
 * <p>The payload format defaults to 2.0 for integrations that accept it (Lambda) and 1.0 otherwise (facts §2).
 * Rules checked by {@link HttpApi.Builder#build()}: the authorizer exists and has the route's type; scopes only
 * with JWT, at most 10, each 1 to 64 characters (facts §4); 2.0 only for integrations that accept it.
 *
 * @param routeKey the route key
 * @param integration the backend
 * @param payloadFormat the event format
 * @param authorizationType how the route is authorized
 * @param authorizerName the authorizer's name, when the type is not NONE
 * @param scopes the JWT authorization scopes; empty when none
 * @param timeout this route's integration timeout; empty for the API's default
 */
public record Route(
    RouteKey routeKey,
    Integration integration,
    PayloadFormat payloadFormat,
    AuthorizationType authorizationType,
    Optional<String> authorizerName,
    Set<String> scopes,
    Optional<Duration> timeout) {

  /** AWS: at most 10 authorization scopes per route. */
  public static final int MAX_SCOPES = 10;

  /**
   * Validates the route on its own.
   *
   * @param routeKey the route key
   * @param integration the integration
   * @param payloadFormat the format
   * @param authorizationType the type
   * @param authorizerName the authorizer
   * @param scopes the scopes
   * @param timeout the timeout
   * @throws GatewayConfigException naming the route and the rule
   */
  public Route {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    Objects.requireNonNull(authorizationType, "authorizationType");
    Objects.requireNonNull(authorizerName, "authorizerName");
    scopes = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    Objects.requireNonNull(timeout, "timeout");
    String where = "route '" + routeKey + "': ";
    if (authorizationType == AuthorizationType.NONE && authorizerName.isPresent()) {
      throw new GatewayConfigException("Route.authorizerName", authorizerName.get(), "NONE takes no authorizer",
          where + "authorization type NONE takes no authorizer");
    }
    if (authorizationType != AuthorizationType.NONE && authorizerName.isEmpty()) {
      throw new GatewayConfigException("Route.authorizerName", "", "needs an authorizer",
          where + "authorization type " + authorizationType + " needs an authorizer");
    }
    if (!scopes.isEmpty() && authorizationType != AuthorizationType.JWT) {
      throw new GatewayConfigException("Route.scopes", scopes, "need authorization type JWT",
          where + "authorization scopes need authorization type JWT");
    }
    if (scopes.size() > MAX_SCOPES) {
      throw new GatewayConfigException("Route.scopes", scopes.size(), "at most " + MAX_SCOPES + " (AWS quota)",
          where + "at most " + MAX_SCOPES + " authorization scopes (AWS quota), got " + scopes.size());
    }
    for (String scope : scopes) {
      if (scope.isEmpty() || scope.length() > 64 || scope.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
        throw new GatewayConfigException("Route.scopes", scope, "must be 1 to 64 characters without spaces",
            where + "authorization scope '" + scope + "' must be 1 to 64 characters without spaces");
      }
    }
    timeout.ifPresent(t -> GatewayLimits.checkTimeout("Route.timeout", where + "timeout", t));
    if (!integration.payloadFormats().contains(payloadFormat)) {
      throw new GatewayConfigException("Route.payloadFormat", payloadFormat.version(),
          "is not supported by the integration; only Lambda integrations support 2.0 (facts §2)",
          where + "payload format " + payloadFormat.version() + " is not supported by " + integration
              + "; only Lambda integrations support 2.0 (facts §2)");
    }
  }

  /**
   * An open route with the integration's default payload format.
   *
   * @param routeKey e.g. {@code GET /pets/{id}} or {@code $default}
   * @param integration the backend
   * @return the route
   * @throws GatewayConfigException when the route key is invalid
   */
  public static Route of(String routeKey, Integration integration) {
    return builder(routeKey, integration).build();
  }

  /**
   * A builder.
   *
   * @param routeKey e.g. {@code GET /pets/{id}} or {@code $default}
   * @param integration the backend
   * @return a new builder
   * @throws GatewayConfigException when the route key is invalid
   */
  public static Builder builder(String routeKey, Integration integration) {
    try {
      return new Builder(RouteKey.parse(Objects.requireNonNull(routeKey, "routeKey")), integration);
    } catch (InvalidRouteKeyException e) {
      throw new GatewayConfigException("Route.routeKey", e.key(), e, String.valueOf(e.getMessage()));
    }
  }

  /**
   * A builder.
   *
   * @param routeKey the route key
   * @param integration the backend
   * @return a new builder
   */
  public static Builder builder(RouteKey routeKey, Integration integration) {
    return new Builder(routeKey, integration);
  }

  /**
   * A builder holding this route, to change and build again.
   *
   * <pre>{@code
   * Route slower = route.toBuilder().timeout(Duration.ofSeconds(29)).build();
   * }</pre>
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(routeKey, integration);
    b.payloadFormat = payloadFormat;
    b.authorizationType = authorizationType;
    b.authorizerName = authorizerName.orElse(null);
    b.scopes = scopes;
    b.timeout = timeout.orElse(null);
    return b;
  }

  /** Builds a {@link Route}. */
  public static final class Builder {
    private final RouteKey routeKey;
    private Integration integration;
    private @Nullable PayloadFormat payloadFormat;
    private AuthorizationType authorizationType = AuthorizationType.NONE;
    private @Nullable String authorizerName;
    private Set<String> scopes = Set.of();
    private @Nullable Duration timeout;

    private Builder(RouteKey routeKey, Integration integration) {
      this.routeKey = Objects.requireNonNull(routeKey, "routeKey");
      this.integration = Objects.requireNonNull(integration, "integration");
    }

    /**
     * Replaces the integration.
     *
     * @param integration the backend
     * @return this builder
     */
    public Builder integration(Integration integration) {
      this.integration = Objects.requireNonNull(integration, "integration");
      return this;
    }

    /**
     * Sets the payload format. Default: 2.0 when the integration accepts it, else 1.0.
     *
     * @param payloadFormat the format
     * @return this builder
     */
    public Builder payloadFormat(PayloadFormat payloadFormat) {
      this.payloadFormat = Objects.requireNonNull(payloadFormat, "payloadFormat");
      return this;
    }

    /**
     * Authorizes the route with a JWT authorizer.
     *
     * @param authorizerName the authorizer's name
     * @param scopes the authorization scopes; the token needs at least one of them (facts §4)
     * @return this builder
     */
    public Builder jwt(String authorizerName, String... scopes) {
      this.authorizationType = AuthorizationType.JWT;
      this.authorizerName = Objects.requireNonNull(authorizerName, "authorizerName");
      this.scopes = new LinkedHashSet<>(List.of(scopes));
      return this;
    }

    /**
     * Authorizes the route with a Lambda authorizer.
     *
     * @param authorizerName the authorizer's name
     * @return this builder
     */
    public Builder custom(String authorizerName) {
      this.authorizationType = AuthorizationType.CUSTOM;
      this.authorizerName = Objects.requireNonNull(authorizerName, "authorizerName");
      this.scopes = Set.of();
      return this;
    }

    /**
     * Sets this route's integration timeout.
     *
     * @param timeout 50 ms to 30 s
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Builds the route.
     *
     * @return the route
     * @throws GatewayConfigException naming the route and the rule
     */
    public Route build() {
      PayloadFormat format = payloadFormat;
      if (format == null) {
        format = integration.payloadFormats().contains(PayloadFormat.V2_0) ? PayloadFormat.V2_0 : PayloadFormat.V1_0;
      }
      return new Route(
          routeKey, integration, format, authorizationType, Optional.ofNullable(authorizerName), scopes,
          Optional.ofNullable(timeout));
    }
  }
}
