package dev.portico.openapi;

import dev.portico.gateway.Authorizer;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaFunction;
import dev.portico.routing.InvalidRouteKeyException;
import dev.portico.routing.RouteKey;
import java.net.http.HttpClient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * What a host supplies for an imported definition: the Lambda functions its integrations and authorizers name, and
 * optionally integrations or authorizers that replace imported ones.
 *
 * <p>A function is bound by the name its URI gives: {@code NAME}, {@code NAME:ALIAS}, or a CloudFormation logical id
 * ({@code ${PetsFunction.Arn}}). A binding for {@code NAME} also serves {@code NAME:ALIAS} when that is not bound
 * itself, and names resolved from stage variables at request time.
 *
 * <pre>{@code
 * Bindings bindings = Bindings.builder()
 *     .function("pets", petsFunction)
 *     .function("pets-authorizer", authFunction)
 *     .integration("GET /health", healthIntegration)
 *     .authorizer(Authorizer.jwt("cognito", testIssuerConfig))
 *     .build();
 * HttpApi api = OpenApiImporter.read(file).apiBuilder(bindings).build();
 * }</pre>
 */
public final class Bindings {
  private final Map<String, LambdaFunction> functions;
  private final Map<RouteKey, Integration> integrations;
  private final Map<String, Authorizer> authorizers;
  private final @Nullable HttpClient httpClient;
  private final @Nullable Executor executor;
  private final boolean allowUnbound;

  private Bindings(Builder b) {
    this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(b.functions));
    this.integrations = Collections.unmodifiableMap(new LinkedHashMap<>(b.integrations));
    this.authorizers = Collections.unmodifiableMap(new LinkedHashMap<>(b.authorizers));
    this.httpClient = b.httpClient;
    this.executor = b.executor;
    this.allowUnbound = b.allowUnbound;
  }

  /**
   * Functions by name, nothing else.
   *
   * @param functions functions by the names the definition gives them
   * @return the bindings
   */
  public static Bindings of(Map<String, ? extends LambdaFunction> functions) {
    Builder builder = builder();
    functions.forEach(builder::function);
    return builder.build();
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
   * The function bound to a name: the name itself, else its unqualified form.
   *
   * @param name {@code NAME} or {@code NAME:QUALIFIER}
   * @return the function, if bound
   */
  public Optional<LambdaFunction> function(String name) {
    LambdaFunction exact = functions.get(name);
    return Optional.ofNullable(exact != null ? exact : functions.get(FunctionRef.unqualified(name)));
  }

  /** @return the bound functions by name */
  public Map<String, LambdaFunction> functions() {
    return functions;
  }

  /** @return integrations replacing imported ones, by route key */
  public Map<RouteKey, Integration> integrations() {
    return integrations;
  }

  /** @return authorizers replacing imported ones, by name */
  public Map<String, Authorizer> authorizers() {
    return authorizers;
  }

  /** @return the HTTP client of HTTP_PROXY integrations, if set */
  public Optional<HttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /** @return where Lambda functions run, if set */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /** @return whether unbound functions are allowed (their routes and authorizers answer 500) */
  public boolean allowUnbound() {
    return allowUnbound;
  }

  /** Builds {@link Bindings}. */
  public static final class Builder {
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final Map<RouteKey, Integration> integrations = new LinkedHashMap<>();
    private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();
    private @Nullable HttpClient httpClient;
    private @Nullable Executor executor;
    private boolean allowUnbound;

    private Builder() {}

    /**
     * Binds a Lambda function.
     *
     * @param name the name the definition gives it: {@code NAME}, {@code NAME:ALIAS} or a logical id
     * @param function the function
     * @return this builder
     */
    public Builder function(String name, LambdaFunction function) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(function, "function");
      if (name.isEmpty() || functions.putIfAbsent(name, function) != null) {
        throw new IllegalArgumentException("function '" + name + "' is already bound or empty");
      }
      return this;
    }

    /**
     * Replaces the integration of one route.
     *
     * @param routeKey the route key as imported, e.g. {@code GET /pets/{id}} or {@code $default}
     * @param integration the integration
     * @return this builder
     * @throws IllegalArgumentException when the route key is invalid
     */
    public Builder integration(String routeKey, Integration integration) {
      RouteKey key;
      try {
        key = RouteKey.parse(Objects.requireNonNull(routeKey, "routeKey"));
      } catch (InvalidRouteKeyException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      integrations.put(key, Objects.requireNonNull(integration, "integration"));
      return this;
    }

    /**
     * Replaces the imported authorizer of the same name, e.g. a JWT authorizer pointed at a test issuer.
     *
     * @param authorizer the authorizer
     * @return this builder
     */
    public Builder authorizer(Authorizer authorizer) {
      authorizers.put(Objects.requireNonNull(authorizer, "authorizer").name(), authorizer);
      return this;
    }

    /**
     * Sets the HTTP client of HTTP_PROXY integrations. Default: {@code HttpProxyIntegration}'s shared client.
     *
     * @param client the client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets where Lambda functions and authorizers run. Default: {@code LambdaIntegration}'s shared pool.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Lets functions stay unbound: their routes and authorizers answer 500 {@code {"message":"Internal Server
     * Error"}}, as AWS does for a missing function. Without it, {@link ImportResult#apiBuilder(Bindings)} refuses
     * unbound functions.
     *
     * @return this builder
     */
    public Builder allowUnbound() {
      this.allowUnbound = true;
      return this;
    }

    /**
     * Builds the bindings.
     *
     * @return the bindings
     */
    public Bindings build() {
      return new Bindings(this);
    }
  }
}
