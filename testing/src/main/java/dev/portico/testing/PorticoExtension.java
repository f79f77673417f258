package dev.portico.testing;

import dev.portico.gateway.Authorizer;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayConfigException;
import dev.portico.gateway.HttpApi;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.openapi.Bindings;
import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportResult;
import dev.portico.openapi.OpenApiImportException;
import dev.portico.openapi.OpenApiImporter;
import dev.portico.server.PorticoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs an HTTP API for a test class: the definition file you deploy (or an {@link
 * HttpApi}), its JWT authorizers pointed at a {@link TestIssuer}, every Lambda function a recording double or a
 * recorded real handler, and an {@link ApiClient} injected into test methods.
 *
 * <pre>{@code
 * class PetsApiScopesTest {
 *   @RegisterExtension
 *   static final PorticoExtension portico = PorticoExtension.definition(Path.of("../examples/pets-api.yaml"))
 *       .useTestIssuer()
 *       .handler("pets", PetsHandler.class)
 *       .build();
 *
 *   @Test
 *   void readingAPetNeedsTheReadScope(ApiClient client, TestIssuer issuer) {
 *     String token = issuer.token().audience("pets-app").scopes("pets/write").sign();
 *     assertThat(client.get("/pets/7").bearer(token).send())
 *         .hasStatus(403).hasJsonMessage("Forbidden").routedTo("GET /pets/{petId}").invokedNoFunction();
 *   }
 * }
 * }</pre>
 *
 * <p><b>Isolation.</b> Each test gets a fresh {@link Gateway} (empty authorizer result cache, JWT keys fetched
 * anew) and functions that forgot their invocations and answer as registered. The issuer and, with {@link
 * Builder#overHttp()}, the HTTP server live as long as the extension: the test class for a {@code static} field,
 * one test for an instance field.
 *
 * <p><b>Functions.</b> A function the definition names and the builder does not bind becomes {@link
 * RecordingFunction#named(String) a double} answering {@code {"statusCode":200}}; reach it with {@link
 * #function(String)} to change its answer or read its invocations. Bound functions are wrapped in a recorder, so
 * {@link ApiResponseAssert#invokedFunction(String)} works for real handlers too.
 *
 * <p>Injected into test and lifecycle methods: {@link ApiClient}, {@link TestIssuer}, {@link Gateway}, {@link
 * HttpApi}.
 */
public final class PorticoExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private final Builder config;
  private final Object lock = new Object();
  private int classDepth;
  private @Nullable Running running;

  private PorticoExtension(Builder config) {
    this.config = config;
  }

  /**
   * An extension for a definition file: AWS-flavoured OpenAPI 3.0, YAML or JSON, as {@code aws apigatewayv2
   * export-api} writes it.
   *
   * @param file the definition
   * @return a builder
   */
  public static Builder definition(Path file) {
    return new Builder(Objects.requireNonNull(file, "file"), null);
  }

  /**
   * An extension for an API built in code. Register its {@link RecordingFunction}s with {@link
   * Builder#functions(RecordingFunction...)} so that responses can report their invocations.
   *
   * @param api makes the API; called once, when the extension starts
   * @return a builder
   */
  public static Builder api(Supplier<HttpApi> api) {
    return new Builder(null, Objects.requireNonNull(api, "api"));
  }

  // ------------------------------------------------------------------------------------------------ accessors

  /** @return the client of the running API */
  public ApiClient client() {
    return running().client;
  }

  /**
   * The test issuer the JWT authorizers trust.
   *
   * @return the issuer
   * @throws IllegalStateException without {@link Builder#useTestIssuer(String...)}
   */
  public TestIssuer issuer() {
    Running r = running();
    if (r.issuer == null) {
      throw new IllegalStateException("no test issuer: call useTestIssuer() on the PorticoExtension builder");
    }
    return r.issuer;
  }

  /** @return the current test's gateway */
  public Gateway gateway() {
    Gateway gateway = running().gateway.get();
    if (gateway == null) {
      throw new IllegalStateException("the gateway is made before each test; it does not exist outside one");
    }
    return gateway;
  }

  /** @return the API as served: issuers rewritten, functions bound */
  public HttpApi httpApi() {
    return running().api;
  }

  /**
   * A function of the API.
   *
   * @param name the name the definition gives it
   * @return the double or recorder that runs for it
   * @throws IllegalArgumentException when the API has no function of that name
   */
  public RecordingFunction function(String name) {
    RecordingFunction function = running().functions.get(Objects.requireNonNull(name, "name"));
    if (function == null) {
      throw new IllegalArgumentException("no function named '" + name + "' (functions: "
          + String.join(", ", new TreeSet<>(running().functions.keySet())) + ")");
    }
    return function;
  }

  private Running running() {
    synchronized (lock) {
      if (running == null) {
        throw new IllegalStateException("the PorticoExtension is not running: register it with @RegisterExtension"
            + " and use it from a test");
      }
      return running;
    }
  }

  // ------------------------------------------------------------------------------------------------ JUnit

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (lock) {
      classDepth++;
      if (running == null) {
        running = start();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    synchronized (lock) {
      classDepth--;
      if (classDepth == 0) {
        stop();
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Running r;
    synchronized (lock) {
      if (running == null) {
        running = start();
      }
      r = running;
    }
    r.functions.values().forEach(RecordingFunction::reset);
    Gateway old = r.gateway.getAndSet(Gateway.create(r.api));
    if (old != null) {
      old.close();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    synchronized (lock) {
      Gateway gateway = running == null ? null : running.gateway.getAndSet(null);
      if (gateway != null) {
        gateway.close(); // its key fetching ends with the test
      }
      if (classDepth == 0) {
        stop();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ApiClient.class || type == TestIssuer.class || type == Gateway.class || type == HttpApi.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ApiClient.class) {
      return client();
    }
    if (type == TestIssuer.class) {
      return issuer();
    }
    return type == Gateway.class ? gateway() : httpApi();
  }

  // ------------------------------------------------------------------------------------------------ start, stop

  /** What runs while the extension is active. */
  private record Running(@Nullable TestIssuer issuer, HttpApi api, Map<String, RecordingFunction> functions,
      @Nullable PorticoServer server, ApiClient client, AtomicReference<Gateway> gateway) {}

  private Running start() {
    TestIssuer issuer = null;
    PorticoServer server = null;
    try {
      issuer = config.testIssuer ? TestIssuer.start() : null;
      Map<String, RecordingFunction> functions = new LinkedHashMap<>();
      Path file = config.file;
      Supplier<HttpApi> code = config.api;
      HttpApi built = file != null ? fromDefinition(file, functions)
          : fromCode(Objects.requireNonNull(code, "an extension has a definition or an API"), functions);
      HttpApi api = issuer != null ? pointJwtAuthorizersAt(built, issuer) : built;
      AtomicReference<Gateway> gateway = new AtomicReference<>();
      Supplier<Gateway> current = () -> {
        Gateway made = gateway.get();
        if (made == null) {
          throw new IllegalStateException("requests are sent from tests: the gateway is made before each test");
        }
        return made;
      };
      ApiClient.Builder client = ApiClient.builder().gateway(current).functions(functions.values());
      if (config.overHttp) {
        server = PorticoServer.builder(current).host("127.0.0.1").port(0).start();
        client.baseUri(server.uri());
      }
      Running r = new Running(issuer, api, Map.copyOf(functions), server, client.build(), gateway);
      functions.values().forEach(RecordingFunction::markBaseline);
      return r;
    } catch (RuntimeException | Error e) {
      close(issuer, server);
      throw e;
    }
  }

  private void stop() {
    if (running != null) {
      close(running.issuer, running.server);
      running = null;
    }
  }

  private static void close(@Nullable TestIssuer issuer, @Nullable PorticoServer server) {
    if (server != null) {
      server.close();
    }
    if (issuer != null) {
      issuer.close();
    }
  }

  private HttpApi fromDefinition(Path file, Map<String, RecordingFunction> functions) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("API definition " + file.toAbsolutePath() + " does not exist");
    }
    ImportResult definition;
    try {
      definition = OpenApiImporter.read(file);
    } catch (IOException e) {
      throw new IllegalStateException("API definition " + file + " cannot be read: " + e, e);
    }
    if (definition.hasErrors()) {
      throw new IllegalStateException(file + " is not a valid API definition:" + lines(definition.errors()));
    }
    SortedSet<String> names = new TreeSet<>();
    definition.functionNames().stream().filter(name -> !name.contains("${")).forEach(names::add);
    List<String> strays = new ArrayList<>(config.functions.keySet());
    strays.removeAll(names);
    if (!strays.isEmpty()) {
      throw new IllegalStateException(file + " names no function " + String.join(", ", strays)
          + " (its functions: " + String.join(", ", names) + ")");
    }
    Bindings.Builder bindings = Bindings.builder();
    for (String name : names) {
      RecordingFunction function = recorded(name, config.functions.get(name));
      functions.put(name, function);
      bindings.function(name, function);
    }
    try {
      HttpApi.Builder api = definition.apiBuilder(bindings.allowUnbound().build());
      config.customizers.forEach(customizer -> customizer.accept(api));
      return api.build();
    } catch (OpenApiImportException | GatewayConfigException e) {
      throw new IllegalStateException(file + " cannot be served: " + e.getMessage(), e);
    }
  }

  private HttpApi fromCode(Supplier<HttpApi> code, Map<String, RecordingFunction> functions) {
    for (RecordingFunction function : config.recorded) {
      if (functions.putIfAbsent(function.name(), function) != null) {
        throw new IllegalStateException("two recording functions are named '" + function.name() + "'");
      }
    }
    HttpApi api = code.get();
    if (api == null) {
      throw new IllegalStateException("the HttpApi supplier returned null");
    }
    return api;
  }

  private static RecordingFunction recorded(String name, @Nullable LambdaFunction bound) {
    if (bound == null) {
      return RecordingFunction.named(name);
    }
    if (bound instanceof RecordingFunction recording) {
      if (!recording.name().equals(name)) {
        throw new IllegalStateException("function '" + name + "' is bound to a RecordingFunction named '"
            + recording.name() + "'; the names must agree");
      }
      return recording;
    }
    return RecordingFunction.recording(name, bound);
  }

  private HttpApi pointJwtAuthorizersAt(HttpApi api, TestIssuer issuer) {
    Set<String> jwt = new LinkedHashSet<>();
    api.authorizers().values().stream().filter(a -> a instanceof Authorizer.Jwt).forEach(a -> jwt.add(a.name()));
    Set<String> chosen = config.issuerAuthorizers.isEmpty() ? jwt : config.issuerAuthorizers;
    List<String> unknown = chosen.stream().filter(name -> !jwt.contains(name)).toList();
    if (!unknown.isEmpty() || jwt.isEmpty()) {
      throw new IllegalStateException("useTestIssuer: " + (jwt.isEmpty() ? "the API has no JWT authorizer"
          : "no JWT authorizer named " + String.join(", ", unknown) + " (JWT authorizers: " + String.join(", ", jwt)
              + ")"));
    }
    HttpApi.Builder pointed = api.toBuilder();
    for (Authorizer authorizer : api.authorizers().values()) {
      if (authorizer instanceof Authorizer.Jwt jwtAuthorizer && chosen.contains(jwtAuthorizer.name())) {
        pointed.replaceAuthorizer(jwtAuthorizer.withIssuer(issuer.issuer()));
      }
    }
    return pointed.build();
  }

  private static String lines(List<ImportProblem> problems) {
    StringBuilder text = new StringBuilder();
    problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
    return text.toString();
  }

  @Override
  public String toString() {
    return "PorticoExtension[" + (config.file != null ? config.file : "HttpApi") + "]";
  }

  /** Configures a {@link PorticoExtension}; nothing starts until the tests run. */
  public static final class Builder {
    private final @Nullable Path file;
    private final @Nullable Supplier<HttpApi> api;
    private final Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    private final List<RecordingFunction> recorded = new ArrayList<>();
    private final List<Consumer<HttpApi.Builder>> customizers = new ArrayList<>();
    private final Set<String> issuerAuthorizers = new LinkedHashSet<>();
    private boolean testIssuer;
    private boolean overHttp;

    private Builder(@Nullable Path file, @Nullable Supplier<HttpApi> api) {
      this.file = file;
      this.api = api;
    }

    /**
     * Points JWT authorizers at a {@link TestIssuer} the extension starts: their issuer becomes the test issuer's
     * URL; audiences, identity source and everything else stay as defined.
     *
     * @param authorizerNames the JWT authorizers to point at it; none means all of them
     * @return this builder
     */
    public Builder useTestIssuer(String... authorizerNames) {
      testIssuer = true;
      issuerAuthorizers.addAll(List.of(authorizerNames));
      return this;
    }

    /**
     * Binds a function the definition names: a {@link RecordingFunction} as it is, any other function wrapped in
     * a recorder.
     *
     * @param name the function's name in the definition
     * @param function the function
     * @return this builder
     */
    public Builder function(String name, LambdaFunction function) {
      requireDefinition("function");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(function, "function");
      if (functions.putIfAbsent(name, function) != null) {
        throw new IllegalArgumentException("function '" + name + "' is already bound");
      }
      return this;
    }

    /**
     * Binds a function to a Lambda handler class of the test's class path, run as the Lambda Java runtime runs it
     * ({@code RequestHandler} or {@code RequestStreamHandler}; constructed on first use).
     *
     * @param name the function's name in the definition
     * @param handlerClass the handler class
     * @return this builder
     */
    public Builder handler(String name, Class<?> handlerClass) {
      Objects.requireNonNull(handlerClass, "handlerClass");
      return handler(name, handlerClass.getName(), handlerClass.getClassLoader());
    }

    /**
     * Binds a function to a handler named as Lambda's {@code handler} setting names it: {@code
     * com.example.Handler} or {@code com.example.Handler::method}, found with the context class loader.
     *
     * @param name the function's name in the definition
     * @param handler the handler
     * @return this builder
     */
    public Builder handler(String name, String handler) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return handler(name, handler, loader != null ? loader : PorticoExtension.class.getClassLoader());
    }

    private Builder handler(String name, String handler, ClassLoader loader) {
      return function(name, AwsLambdaHandlers.load(handler, loader));
    }

    /**
     * Registers the recording functions an {@link #api(Supplier) API built in code} uses, so that responses report
     * their invocations and {@link PorticoExtension#function(String)} finds them.
     *
     * @param functions the functions
     * @return this builder
     */
    public Builder functions(RecordingFunction... functions) {
      if (file != null) {
        throw new IllegalStateException("functions(...) is for APIs built in code; bind a definition's functions"
            + " with function(name, ...) or handler(name, ...)");
      }
      recorded.addAll(List.of(functions));
      return this;
    }

    /**
     * Changes the imported API before it is built: add a stage, stage variables, limits, a clock, more routes.
     *
     * @param customizer receives the builder holding the imported API
     * @return this builder
     */
    public Builder customize(Consumer<HttpApi.Builder> customizer) {
      requireDefinition("customize");
      customizers.add(Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    /**
     * Serves the API over HTTP on 127.0.0.1 (Jetty, as {@code portico serve} does) and has the client send real
     * HTTP requests; without it requests go to the gateway in-process.
     *
     * @return this builder
     */
    public Builder overHttp() {
      overHttp = true;
      return this;
    }

    /**
     * Builds the extension; the definition is read, and servers started, when the tests run.
     *
     * @return the extension
     */
    public PorticoExtension build() {
      return new PorticoExtension(this);
    }

    private void requireDefinition(String method) {
      if (file == null) {
        throw new IllegalStateException(method + "(...) is for definition files; an API built in code binds its"
            + " own functions");
      }
    }
  }
}
