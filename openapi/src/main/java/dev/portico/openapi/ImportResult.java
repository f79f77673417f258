package dev.portico.openapi;

import dev.portico.gateway.Authorizer;
import dev.portico.gateway.GatewayLimits;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Stage;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.openapi.Definition.AuthorizerDef;
import dev.portico.openapi.Definition.HttpDef;
import dev.portico.openapi.Definition.IntegrationDef;
import dev.portico.openapi.Definition.JwtDef;
import dev.portico.openapi.Definition.RequestAuthorizerDef;
import dev.portico.openapi.Definition.LambdaDef;
import dev.portico.openapi.Definition.RouteDef;
import dev.portico.openapi.Definition.UnsupportedDef;
import dev.portico.openapi.ImportProblem.Level;
import dev.portico.routing.RouteKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What {@link OpenApiImporter} read: every problem found, the Lambda functions the definition names, and a way to
 * an {@link HttpApi.Builder} once the host has bound those functions.
 *
 * <pre>{@code
 * ImportResult result = OpenApiImporter.read(file);                 // pets-api.yaml
 * result.problems().forEach(System.out::println);
 * System.out.println("functions: " + result.functionNames());   // [pets, pets-authorizer]
 * HttpApi api = result.apiBuilder(Bindings.of(Map.of("pets", petsFunction, "pets-authorizer", authFunction)))
 *     .stage(Stage.builder("prod").variable("alias", "live").build())
 *     .build();
 * }</pre>
 */
public final class ImportResult {
  private static final System.Logger LOG = System.getLogger(ImportResult.class.getName());

  private final Definition definition;
  private final List<ImportProblem> problems;
  private final ImportOptions options;

  ImportResult(Definition definition, List<ImportProblem> problems, ImportOptions options) {
    this.definition = definition;
    this.problems = List.copyOf(problems);
    this.options = options;
  }

  /**
   * Every problem found, in document order: errors, warnings about unsupported features, ignored properties.
   *
   * @return the problems
   */
  public List<ImportProblem> problems() {
    return problems;
  }

  /**
   * The errors among the problems.
   *
   * @return the errors; empty when the definition is valid
   */
  public List<ImportProblem> errors() {
    return problems.stream().filter(p -> p.level() == Level.ERROR).toList();
  }

  /** @return whether the definition has errors and cannot become an API */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.level() == Level.ERROR);
  }

  /** @return the definition's {@code info.title} */
  public Optional<String> title() {
    return definition.title();
  }

  /**
   * The stage a {@link BasePathMode#SPLIT split} base path names; {@link #apiBuilder(Bindings)} adds it.
   *
   * @return the stage name, if any
   */
  public Optional<String> stageName() {
    return definition.stage();
  }

  /**
   * The route keys, in document order.
   *
   * @return the route keys
   */
  public List<RouteKey> routeKeys() {
    return definition.routes().stream().map(RouteDef::key).toList();
  }

  /**
   * The Lambda functions the integrations and authorizers name: {@code NAME}, {@code NAME:ALIAS}, a logical id,
   * or a name holding {@code ${stageVariables.x}}.
   *
   * @return the names, sorted
   */
  public SortedSet<String> functionNames() {
    SortedSet<String> names = new TreeSet<>();
    for (RouteDef route : definition.routes()) {
      if (route.integration() instanceof LambdaDef) {
        names.add(((LambdaDef) route.integration()).function().name());
      }
    }
    for (AuthorizerDef authorizer : definition.authorizers().values()) {
      if (authorizer instanceof RequestAuthorizerDef) {
        names.add(((RequestAuthorizerDef) authorizer).function().name());
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }

  /**
   * The functions still needed after these bindings: named by a route or authorizer that is not replaced, and not
   * bound. A name that is a stage variable altogether ({@code ${stageVariables.fn}}) is only known per request and
   * is never listed; {@code NAME:${stageVariables.alias}} needs {@code NAME} or some {@code NAME:QUALIFIER}
   * bound (a qualifier a stage names but nobody bound answers 500 per request).
   *
   * @param bindings the bindings
   * @return the unbound names, sorted
   */
  public SortedSet<String> unboundFunctions(Bindings bindings) {
    SortedSet<String> unbound = new TreeSet<>();
    for (RouteDef route : definition.routes()) {
      if (route.integration() instanceof LambdaDef && !bindings.integrations().containsKey(route.key())) {
        unbound(((LambdaDef) route.integration()).function(), bindings, unbound);
      }
    }
    for (AuthorizerDef authorizer : definition.authorizers().values()) {
      if (authorizer instanceof RequestAuthorizerDef && !bindings.authorizers().containsKey(authorizer.name())) {
        unbound(((RequestAuthorizerDef) authorizer).function(), bindings, unbound);
      }
    }
    return Collections.unmodifiableSortedSet(unbound);
  }

  private static void unbound(FunctionRef ref, Bindings bindings, SortedSet<String> unbound) {
    String name = ref.name();
    if (!ref.isTemplate()) {
      if (bindings.function(name).isEmpty()) {
        unbound.add(name);
      }
      return;
    }
    String function = FunctionRef.unqualified(name);
    boolean known = !function.contains("${");
    boolean bound = bindings.functions().keySet().stream()
        .anyMatch(key -> key.equals(function) || key.startsWith(function + ":"));
    if (known && !bound) {
      unbound.add(name);
    }
  }

  /**
   * An API builder holding the imported routes, authorizers, CORS and the split stage, with functions bound. The
   * host may still add stages, limits, a clock or more routes.
   *
   * @param bindings the functions, and integrations or authorizers replacing imported ones
   * @return a builder
   * @throws OpenApiImportException when the definition has errors, a function is unbound (unless {@link
   *     Bindings.Builder#allowUnbound() allowed}), or a binding names a route or authorizer the definition lacks
   */
  public HttpApi.Builder apiBuilder(Bindings bindings) {
    if (hasErrors()) {
      throw new OpenApiImportException("the definition has errors", errors());
    }
    List<String> strays = new ArrayList<>();
    java.util.Set<RouteKey> keys = new java.util.HashSet<>(routeKeys());
    for (RouteKey key : bindings.integrations().keySet()) {
      if (!keys.contains(key)) {
        strays.add("an integration is bound to route '" + key + "', which the definition does not have");
      }
    }
    for (String name : bindings.authorizers().keySet()) {
      if (!definition.authorizers().containsKey(name)) {
        strays.add("authorizer '" + name + "' replaces nothing: the definition has no authorizer of that name");
      }
    }
    SortedSet<String> unbound = unboundFunctions(bindings);
    if (!unbound.isEmpty() && !bindings.allowUnbound()) {
      strays.add("Lambda functions not bound: " + String.join(", ", unbound)
          + " (bind them with Bindings.Builder.function, or allowUnbound() to have them answer 500)");
    }
    if (!strays.isEmpty()) {
      throw new OpenApiImportException(String.join("; ", strays), List.of());
    }
    unbound.forEach(name -> LOG.log(System.Logger.Level.WARNING,
        "Lambda function ''{0}'' is not bound; its routes and authorizers answer 500", name));

    Function<String, Integration> lambdas = lambdas(bindings);
    return definition.apiBuilder(options.maxRoutes(),
        def -> {
          Integration bound = bindings.integrations().get(def.key());
          return bound != null ? bound : integration(def.integration(), bindings, lambdas);
        },
        def -> {
          Authorizer replacement = bindings.authorizers().get(def.name());
          return replacement != null ? replacement : authorizer(def, bindings);
        });
  }

  /**
   * {@link #apiBuilder(Bindings)} with functions only.
   *
   * @param functions functions by the names the definition gives them
   * @return a builder
   * @throws OpenApiImportException as {@link #apiBuilder(Bindings)}
   */
  public HttpApi.Builder apiBuilder(Map<String, ? extends LambdaFunction> functions) {
    return apiBuilder(Bindings.of(functions));
  }

  /** The integration for a resolved function name; made once per name. */
  private static Function<String, Integration> lambdas(Bindings bindings) {
    Map<String, Integration> made = new ConcurrentHashMap<>();
    return name -> made.computeIfAbsent(name, n -> bindings.function(n)
        .<Integration>map(fn -> {
          LambdaIntegration.Builder builder = LambdaIntegration.builder(n, fn);
          bindings.executor().ifPresent(builder::executor);
          return builder.build();
        })
        .orElseGet(() -> new UnavailableIntegration("Lambda function '" + n + "' is not bound", null)));
  }

  private static Integration integration(
      IntegrationDef def, Bindings bindings, Function<String, Integration> lambdas) {
    if (def instanceof LambdaDef) {
      LambdaDef lambda = (LambdaDef) def;
      return new ImportedLambda(lambda.uri(), lambda.function(), lambdas);
    }
    if (def instanceof HttpDef) {
      HttpDef http = (HttpDef) def;
      HttpProxyIntegration.Builder builder = HttpProxyIntegration.builder(http.uri());
      http.method().ifPresent(builder::method);
      bindings.httpClient().ifPresent(builder::httpClient);
      return builder.build();
    }
    UnsupportedDef unsupported = (UnsupportedDef) def;
    return new UnavailableIntegration(unsupported.reason(), unsupported.definition());
  }

  private static Authorizer authorizer(AuthorizerDef def, Bindings bindings) {
    if (def instanceof JwtDef) {
      return ((JwtDef) def).authorizer();
    }
    RequestAuthorizerDef lambda = (RequestAuthorizerDef) def;
    String name = lambda.function().name();
    LambdaFunction function = bindings.function(name).orElse((event, context) -> {
      throw new IllegalStateException("Lambda function '" + name + "' is not bound");
    });
    LambdaAuthorizer authorizer = bindings.executor()
        .map(executor -> LambdaAuthorizer.of(name, function, executor))
        .orElseGet(() -> LambdaAuthorizer.of(name, function));
    return lambda.toAuthorizer(authorizer);
  }
}
