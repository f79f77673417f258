package dev.portico.server.internal;

import dev.portico.gateway.AccessLogSink;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayConfigException;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Stage;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.IntegrationConfigException;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.openapi.Bindings;
import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportResult;
import dev.portico.openapi.OpenApiImportException;
import dev.portico.openapi.OpenApiImporter;
import dev.portico.routing.InvalidRouteKeyException;
import dev.portico.routing.RouteKey;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns a definition file plus the command line's functions, stage and issuer overrides into a gateway. Every
 * failure is a {@link LoadException} with a one-line reason.
 */
final class ApiLoader {
  /** Served stages log one line per request (to standard error), with why a request failed. */
  static final String ACCESS_LOG = "$context.status $context.httpMethod $context.path route=$context.routeKey"
      + " $context.responseLatency ms id=$context.requestId integration=$context.integrationErrorMessage"
      + " authorizer=$context.authorizer.error";

  /**
   * The path of the request {@code portico serve} sends itself before it says it is ready, so the first real
   * request does not pay for loading the HTTP path's classes. Random, so that no client's request is it; its access
   * log line is not written.
   */
  static final String WARM_UP_PATH = "/portico-warm-up-" + java.util.UUID.randomUUID();

  private final Path file;
  private final Map<String, LambdaFunction> functions;
  private final Optional<String> stage;
  private final Map<String, String> stageVariables;
  private final Map<String, String> jwtIssuers;
  private final Optional<String> domainName;
  private final boolean accessLog;
  private @Nullable TemplateSource template;
  private @Nullable String localIssuer;
  private Map<String, String> integrations = Map.of();

  /** Points every JWT authorizer that {@code --jwt-issuer} does not name at the local issuer. */
  ApiLoader localIssuer(String issuer) {
    this.localIssuer = issuer;
    return this;
  }

  /**
   * Binds routes to HTTP endpoints ({@code --integration 'POST /graphql=http://127.0.0.1:4000/graphql'}): a route
   * whose integration cannot run here (its URI is only known on AWS, or an AWS service) gets a real one.
   */
  ApiLoader integrations(Map<String, String> byRouteKey) {
    this.integrations = Map.copyOf(byRouteKey);
    return this;
  }

  /** Reads the API from a template instead of the definition file. */
  ApiLoader fromTemplate(TemplateSource source) {
    this.template = source;
    return this;
  }

  ApiLoader(Path file, Map<String, LambdaFunction> functions, Optional<String> stage,
      Map<String, String> stageVariables, Map<String, String> jwtIssuers, Optional<String> domainName,
      boolean accessLog) {
    this.domainName = domainName;
    this.accessLog = accessLog;
    this.file = file;
    this.functions = Map.copyOf(functions);
    this.stage = stage;
    this.stageVariables = Map.copyOf(stageVariables);
    this.jwtIssuers = Map.copyOf(jwtIssuers);
  }

  /** A loaded API: its gateway and what the user should hear about. */
  record Loaded(Gateway gateway, ImportResult definition, SortedSet<String> unbound, List<String> unusedFunctions,
      List<String> notes, List<Path> watched, Map<String, LambdaFunction> functions) {
    /** The definition's import warnings, then what the API allows but probably does not mean (issue 18). */
    List<String> warnings() {
      List<String> warnings = new ArrayList<>();
      definition.problems().stream().filter(p -> p.level() == ImportProblem.Level.WARNING)
          .forEach(p -> warnings.add(p.toString()));
      gateway.api().warnings().forEach(w -> warnings.add(w.toString()));
      return warnings;
    }
  }

  /** A reason, in one line, why the API cannot be served. */
  static final class LoadException extends Exception {
    private static final long serialVersionUID = 1L;

    LoadException(@Nullable String message) {
      super(message);
    }
  }

  /** Reads a definition file; problems in it are in the result, only a missing or unreadable file fails. */
  static ImportResult open(Path file) throws LoadException {
    if (!Files.isRegularFile(file)) {
      throw new LoadException("--api " + file + ": no such file");
    }
    try {
      return OpenApiImporter.read(file);
    } catch (IOException e) {
      throw new LoadException("--api " + file + ": cannot be read: " + e.getMessage());
    }
  }

  /** Reads a definition; syntax and AWS-rule errors become one line naming the first and how many. */
  static ImportResult read(Path file) throws LoadException {
    ImportResult result = open(file);
    if (result.hasErrors()) {
      List<ImportProblem> errors = result.errors();
      String more = errors.size() > 1 ? "and " + (errors.size() - 1) + " more errors; " : "";
      throw new LoadException(file + " is not a valid API definition: " + errors.get(0) + " (" + more
          + "'portico validate --api " + file + "' lists every problem)");
    }
    return result;
  }

  Loaded load() throws LoadException {
    ImportResult definition;
    Map<String, LambdaFunction> functions = this.functions;
    Optional<String> stage = this.stage;
    Map<String, String> stageVariables = this.stageVariables;
    List<String> notes = List.of();
    List<Path> watched = List.of(file.toAbsolutePath());
    if (template != null) {
      TemplateSource.Read read = template.read(functions.keySet());
      definition = read.definition();
      Map<String, LambdaFunction> all = new LinkedHashMap<>(read.functions());
      all.putAll(functions); // --function wins
      functions = all;
      stage = Optional.of(stage.orElse(read.api().stageName()));
      Map<String, String> variables = new LinkedHashMap<>(read.api().stageVariables());
      variables.putAll(stageVariables);
      stageVariables = variables;
      notes = read.notes();
      watched = read.watched();
    } else {
      definition = read(file);
    }
    Bindings.Builder bindings = Bindings.builder().allowUnbound();
    functions.forEach(bindings::function);
    bindIntegrations(definition, bindings);
    List<String> unused = new ArrayList<>();
    for (String name : functions.keySet()) {
      boolean used = definition.functionNames().stream()
          .anyMatch(f -> f.equals(name) || f.startsWith(name + ":") || name.startsWith(f + ":"));
      if (!used) {
        unused.add(name);
      }
    }
    try {
      if (!jwtIssuers.isEmpty() || localIssuer != null) {
        HttpApi imported = definition.apiBuilder(bindings.build()).build();
        Map<String, String> overrides = new LinkedHashMap<>();
        if (localIssuer != null) {
          for (Authorizer authorizer : imported.authorizers().values()) {
            if (authorizer instanceof Authorizer.Jwt) {
              overrides.put(authorizer.name(), localIssuer);
            }
          }
        }
        overrides.putAll(jwtIssuers);
        for (Map.Entry<String, String> override : overrides.entrySet()) {
          Authorizer authorizer = imported.authorizers().get(override.getKey());
          if (!(authorizer instanceof Authorizer.Jwt jwt)) {
            throw new LoadException("--jwt-issuer " + override.getKey() + ": the definition has no JWT authorizer of"
                + " that name (JWT authorizers: " + jwtNames(imported) + ")");
          }
          try {
            bindings.authorizer(jwt.withIssuer(override.getValue()));
          } catch (IllegalArgumentException e) {
            throw new LoadException("--jwt-issuer " + override.getKey() + "=" + override.getValue() + ": "
                + e.getMessage());
          }
        }
      }
      Bindings bound = bindings.build();
      HttpApi.Builder api = definition.apiBuilder(bound);
      Stage.Builder served = Stage.builder(stage.orElse(Stage.DEFAULT));
      for (Map.Entry<String, String> variable : stageVariables.entrySet()) {
        try {
          served.variable(variable.getKey(), variable.getValue());
        } catch (RuntimeException e) {
          throw new LoadException("--stage-variable " + variable.getKey() + ": " + e.getMessage());
        }
      }
      if (accessLog) {
        served.accessLog(ACCESS_LOG, ApiLoader::log);
      }
      api.stage(served.build());
      domainName.ifPresent(api::domainName);
      return new Loaded(Gateway.create(api.build()), definition, definition.unboundFunctions(bound), unused, notes,
          watched, Map.copyOf(functions));
    } catch (OpenApiImportException | GatewayConfigException e) {
      throw new LoadException(file + " cannot be served: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new LoadException(e.getMessage());
    }
  }

  private void bindIntegrations(ImportResult definition, Bindings.Builder bindings) throws LoadException {
    for (Map.Entry<String, String> binding : integrations.entrySet()) {
      String flag = "--integration " + binding.getKey() + "=" + binding.getValue();
      RouteKey key;
      try {
        key = RouteKey.parse(binding.getKey());
      } catch (InvalidRouteKeyException e) {
        throw new LoadException(flag + ": " + e.getMessage());
      }
      if (!definition.routeKeys().contains(key)) {
        throw new LoadException(flag + ": the API has no route " + key + " (routes: " + definition.routeKeys().stream()
            .map(RouteKey::toString).collect(java.util.stream.Collectors.joining(", ")) + ")");
      }
      try {
        bindings.integration(binding.getKey(), HttpProxyIntegration.builder(binding.getValue()).build());
      } catch (IntegrationConfigException e) {
        throw new LoadException(flag + ": " + e.getMessage());
      }
    }
  }

  /** The access log line of every request but the server's own warm-up request. */
  private static void log(String stage, String line) {
    if (!line.contains(" " + WARM_UP_PATH + " ")) {
      AccessLogSink.slf4j().write(stage, line);
    }
  }

  private static String jwtNames(HttpApi api) {
    List<String> names = api.authorizers().values().stream()
        .filter(a -> a instanceof Authorizer.Jwt).map(Authorizer::name).sorted().toList();
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /**
   * Loads {@code --function NAME=HANDLER} handlers, each in its own class loader over the class path, as Lambda
   * gives each function its own runtime.
   */
  static Map<String, LambdaFunction> functions(Map<String, String> handlers, List<Path> classpath,
      Map<String, Integer> reservedConcurrency) throws LoadException {
    boolean needsClasspath = handlers.values().stream().anyMatch(h -> !HttpEndpointFunction.isEndpoint(h));
    if (needsClasspath && classpath.isEmpty()) {
      throw new LoadException("--function needs --classpath: the jars and class folders of your handlers");
    }
    for (String name : reservedConcurrency.keySet()) {
      if (!handlers.containsKey(name)) {
        throw new LoadException("--reserved-concurrency " + name + ": no --function of that name");
      }
    }
    Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    for (Map.Entry<String, String> handler : handlers.entrySet()) {
      if (HttpEndpointFunction.isEndpoint(handler.getValue())) {
        try {
          functions.put(handler.getKey(), new HttpEndpointFunction(java.net.URI.create(handler.getValue())));
        } catch (IllegalArgumentException e) {
          throw new LoadException("--function " + handler.getKey() + "=" + handler.getValue() + ": not a URL: "
              + e.getMessage());
        }
        continue;
      }
      try {
        LambdaFunction function = AwsLambdaHandlers.load(
            handler.getValue(), AwsLambdaHandlers.functionClassLoader(handler.getKey(), classpath));
        Integer reserved = reservedConcurrency.get(handler.getKey());
        functions.put(handler.getKey(), reserved == null ? function : function.withReservedConcurrency(reserved));
      } catch (IllegalArgumentException e) {
        throw new LoadException("--function " + handler.getKey() + "=" + handler.getValue() + ": " + e.getMessage());
      }
    }
    return functions;
  }

  /** {@code a.jar:classes:lib/*} (the platform's path separator); {@code DIR/*} is every jar in DIR, as for java. */
  static List<Path> classpath(@Nullable String classpath) throws LoadException {
    List<Path> paths = new ArrayList<>();
    if (classpath == null) {
      return paths;
    }
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
        Path dir = Path.of(entry.substring(0, entry.length() - 2));
        if (!Files.isDirectory(dir)) {
          throw new LoadException("--classpath " + entry + ": " + dir + " is not a folder");
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
          stream.forEach(jars::add);
        } catch (IOException e) {
          throw new LoadException("--classpath " + entry + ": " + e.getMessage());
        }
        jars.sort(null);
        paths.addAll(jars);
      } else {
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
          throw new LoadException("--classpath " + entry + ": no such file or folder");
        }
        paths.add(path);
      }
    }
    return paths;
  }

}
