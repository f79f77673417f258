package dev.portico.gateway;

import dev.portico.cors.CorsConfiguration;
import dev.portico.routing.RouteKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The definition of one HTTP API: routes, authorizers, CORS, stages and limits, checked against AWS's rules and
 * quotas when built.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder()
 *     .route(Route.of("GET /pets", LambdaIntegration.of("pets", petsFunction)))
 *     .route(Route.builder("GET /pets/{id}", pets).jwt("cognito", "pets/read").build())
 *     .authorizer(Authorizer.jwt("cognito", jwtConfig))
 *     .cors(CorsConfiguration.builder().allowOrigins("https://www.example.com").build())
 *     .stage(Stage.defaultStage())
 *     .build();
 * Gateway gateway = Gateway.create(api);
 * }</pre>
 *
 * <p>Checked at {@link Builder#build()}, each failure a {@link GatewayConfigException} naming the route or field:
 * duplicate route keys ({@code Route with key 'GET /items' already exists}, facts §1), more routes than {@link
 * GatewayLimits#maxRoutes()}, more than 10 authorizers or stages, duplicate authorizer or stage names, a route
 * whose authorizer is missing or of the wrong type. With no stage given, the API gets the {@code $default} stage.
 *
 * @param apiId the API id, 10 lowercase letters and digits; random by default
 * @param region the AWS region events and ARNs name; default {@code us-east-1}
 * @param accountId the account id events and ARNs name; default {@code 123456789012}
 * @param domainName the host name events carry as {@code requestContext.domainName} and HTTP backends receive in
 *     {@code Forwarded}; default {@link #defaultDomainName()}. Never taken from a client's {@code Host} header
 *     (issue 18): a client chooses what it sends, not what the API is called
 * @param routes the routes, in the order added
 * @param authorizers the authorizers by name
 * @param cors the CORS configuration; empty when CORS is off
 * @param stages the stages by name
 * @param limits the quotas
 * @param clock the clock for request times, deadlines and caches
 */
public record HttpApi(
    String apiId,
    String region,
    String accountId,
    String domainName,
    List<Route> routes,
    Map<String, Authorizer> authorizers,
    Optional<CorsConfiguration> cors,
    Map<String, Stage> stages,
    GatewayLimits limits,
    Clock clock) {

  /** AWS: at most 10 authorizers per API. */
  public static final int MAX_AUTHORIZERS = 10;
  /** AWS: at most 10 stages per API. */
  public static final int MAX_STAGES = 10;

  /**
   * Validates the definition.
   *
   * @param apiId the API id
   * @param region the region
   * @param accountId the account
   * @param domainName the domain name
   * @param routes the routes
   * @param authorizers the authorizers
   * @param cors CORS
   * @param stages the stages
   * @param limits the limits
   * @param clock the clock
   * @throws GatewayConfigException naming the route or field and the rule
   */
  public HttpApi {
    Objects.requireNonNull(apiId, "apiId");
    if (!apiId.matches("[a-z0-9]{1,64}")) {
      throw new GatewayConfigException("HttpApi.apiId", apiId, "must be 1 to 64 lowercase letters and digits",
          "apiId '" + apiId + "' must be 1 to 64 lowercase letters and digits");
    }
    Objects.requireNonNull(region, "region");
    if (!region.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
      throw new GatewayConfigException("HttpApi.region", region, "is not an AWS region name like us-east-1",
          "region '" + region + "' is not an AWS region name like us-east-1");
    }
    Objects.requireNonNull(accountId, "accountId");
    if (!accountId.matches("[0-9]{12}")) {
      throw new GatewayConfigException("HttpApi.accountId", accountId, "must be 12 digits",
          "accountId '" + accountId + "' must be 12 digits");
    }
    Objects.requireNonNull(domainName, "domainName");
    if (!domainName.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]")) {
      throw new GatewayConfigException("HttpApi.domainName", domainName, "must be a host name or a bracketed IPv6"
          + " address", "domainName '" + domainName + "' must be a host name (letters, digits, '-'"
          + " and '.', at most 253) or a bracketed IPv6 address");
    }
    routes = List.copyOf(routes);
    authorizers = Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
    Objects.requireNonNull(cors, "cors");
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(clock, "clock");
    if (routes.size() > limits.maxRoutes()) {
      throw new GatewayConfigException("HttpApi.routes", routes.size(), "at most " + limits.maxRoutes()
          + " (GatewayLimits.maxRoutes)",
          "at most " + limits.maxRoutes() + " routes per API (GatewayLimits.maxRoutes, AWS quota 300), got "
              + routes.size());
    }
    Map<String, Authorizer> byName = authorizers;
    Set<RouteKey> keys = new HashSet<>();
    for (Route route : routes) {
      if (!keys.add(route.routeKey())) {
        throw new GatewayConfigException("HttpApi.routes", route.routeKey(), "already exists",
            "Route with key '" + route.routeKey() + "' already exists");
      }
      route.authorizerName().ifPresent(name -> {
        Authorizer authorizer = byName.get(name);
        String where = "route '" + route.routeKey() + "': ";
        if (authorizer == null) {
          throw new GatewayConfigException("Route.authorizerName", name, "is not defined",
              where + "authorizer '" + name + "' is not defined");
        }
        boolean fits =
            route.authorizationType() == AuthorizationType.JWT
                ? authorizer instanceof Authorizer.Jwt
                : authorizer instanceof Authorizer.Lambda;
        if (!fits) {
          throw new GatewayConfigException("Route.authorizerName", name, "is an authorizer of another type",
              where + "authorization type " + route.authorizationType() + " cannot use authorizer '" + name
                  + "' of another type");
        }
      });
    }
    if (authorizers.size() > MAX_AUTHORIZERS) {
      throw new GatewayConfigException("HttpApi.authorizers", authorizers.size(), "at most " + MAX_AUTHORIZERS
          + " (AWS quota)", "at most " + MAX_AUTHORIZERS + " authorizers per API (AWS quota), got "
          + authorizers.size());
    }
    authorizers.forEach((name, authorizer) -> {
      if (!name.equals(authorizer.name())) {
        throw new GatewayConfigException("HttpApi.authorizers", name, "must be the authorizer's own name",
            "authorizer '" + authorizer.name() + "' is registered as '" + name + "'");
      }
    });
    if (stages.isEmpty()) {
      throw new GatewayConfigException("HttpApi.stages", "", "needs at least one stage",
          "an API needs at least one stage");
    }
    if (stages.size() > MAX_STAGES) {
      throw new GatewayConfigException("HttpApi.stages", stages.size(), "at most " + MAX_STAGES + " (AWS quota)",
          "at most " + MAX_STAGES + " stages per API (AWS quota), got " + stages.size());
    }
    stages.forEach((name, stage) -> {
      if (!name.equals(stage.name())) {
        throw new GatewayConfigException("HttpApi.stages", name, "must be the stage's own name",
            "stage '" + stage.name() + "' is registered as '" + name + "'");
      }
    });
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API's own endpoint name, the domain name unless another is set.
   *
   * @return {@code <apiId>.execute-api.<region>.amazonaws.com}
   */
  public String defaultDomainName() {
    return apiId + ".execute-api." + region + ".amazonaws.com";
  }

  /**
   * What in this definition is allowed but probably not meant: a protected route whose path other methods reach
   * through an unprotected {@code ANY} or {@code $default} route; CORS that reflects any origin of a scheme with
   * credentials. {@code portico validate} prints these.
   *
   * @return the warnings, in route order; empty when there are none
   */
  public List<ApiWarning> warnings() {
    return dev.portico.gateway.internal.ApiLint.warnings(this);
  }

  /**
   * A builder holding this definition, to change and build again.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiId = apiId;
    b.region = region;
    b.accountId = accountId;
    b.domainName = domainName.equals(defaultDomainName()) ? null : domainName;
    b.routes.addAll(routes);
    b.authorizers.putAll(authorizers);
    b.cors = cors.orElse(null);
    b.stages.putAll(stages);
    b.limits = limits;
    b.clock = clock;
    return b;
  }

  /** Builds an {@link HttpApi}. */
  public static final class Builder {
    private @Nullable String apiId;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private @Nullable String domainName;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();
    private @Nullable CorsConfiguration cors;
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private GatewayLimits limits = GatewayLimits.defaults();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the API id. Default: 10 random lowercase letters and digits, like AWS's.
     *
     * @param apiId lowercase letters and digits
     * @return this builder
     */
    public Builder apiId(String apiId) {
      this.apiId = Objects.requireNonNull(apiId, "apiId");
      return this;
    }

    /**
     * Sets the region. Default: {@code us-east-1}.
     *
     * @param region e.g. {@code eu-west-1}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Sets the account id. Default: {@code 123456789012}, AWS's documentation account.
     *
     * @param accountId 12 digits
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /**
     * Sets the domain name events carry ({@code requestContext.domainName}). Default: {@code
     * <apiId>.execute-api.<region>.amazonaws.com}, as AWS names an API's own endpoint. A custom domain or the host
     * a local server answers on is set here, never taken from requests.
     *
     * @param domainName a host name
     * @return this builder
     */
    public Builder domainName(String domainName) {
      this.domainName = Objects.requireNonNull(domainName, "domainName");
      return this;
    }

    /**
     * Adds a route.
     *
     * @param route the route
     * @return this builder
     */
    public Builder route(Route route) {
      routes.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    /**
     * Adds an authorizer.
     *
     * @param authorizer the authorizer
     * @return this builder
     * @throws GatewayConfigException when the name is taken
     */
    public Builder authorizer(Authorizer authorizer) {
      Objects.requireNonNull(authorizer, "authorizer");
      if (authorizers.putIfAbsent(authorizer.name(), authorizer) != null) {
        throw new GatewayConfigException("HttpApi.authorizers", authorizer.name(), "already exists",
            "authorizer '" + authorizer.name() + "' already exists");
      }
      return this;
    }

    /**
     * Replaces the authorizer of the same name, e.g. to point a JWT authorizer at a local issuer.
     *
     * @param authorizer the new authorizer
     * @return this builder
     * @throws GatewayConfigException when no authorizer has its name
     */
    public Builder replaceAuthorizer(Authorizer authorizer) {
      Objects.requireNonNull(authorizer, "authorizer");
      if (authorizers.replace(authorizer.name(), authorizer) == null) {
        throw new GatewayConfigException("HttpApi.authorizers", authorizer.name(), "does not exist",
            "authorizer '" + authorizer.name() + "' does not exist, so it cannot be"
            + " replaced");
      }
      return this;
    }

    /**
     * Turns CORS on.
     *
     * @param cors the configuration
     * @return this builder
     */
    public Builder cors(CorsConfiguration cors) {
      this.cors = Objects.requireNonNull(cors, "cors");
      return this;
    }

    /**
     * Adds a stage.
     *
     * @param stage the stage
     * @return this builder
     * @throws GatewayConfigException when the name is taken
     */
    public Builder stage(Stage stage) {
      Objects.requireNonNull(stage, "stage");
      if (stages.putIfAbsent(stage.name(), stage) != null) {
        throw new GatewayConfigException("HttpApi.stages", stage.name(), "already exists",
            "stage '" + stage.name() + "' already exists");
      }
      return this;
    }

    /**
     * Sets the limits. Default: AWS's quotas.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(GatewayLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the clock. Default: the system clock, UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the definition.
     *
     * @return the definition
     * @throws GatewayConfigException naming the route or field and the rule
     */
    public HttpApi build() {
      Map<String, Stage> chosen = stages.isEmpty() ? Map.of(Stage.DEFAULT, Stage.defaultStage()) : stages;
      String id = apiId != null ? apiId : randomApiId();
      return new HttpApi(
          id, region, accountId, domainName != null ? domainName : id + ".execute-api." + region + ".amazonaws.com",
          routes, authorizers, Optional.ofNullable(cors), chosen, limits, clock);
    }

    private static String randomApiId() {
      String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
      StringBuilder id = new StringBuilder(10);
      for (int i = 0; i < 10; i++) {
        id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
      }
      return id.toString();
    }
  }
}
