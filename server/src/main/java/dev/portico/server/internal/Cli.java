package dev.portico.server.internal;

import dev.portico.gateway.ApiWarning;
import dev.portico.gateway.Explanation;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaFunction;
import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportResult;
import dev.portico.routing.RouteKey;
import dev.portico.routing.Router;
import dev.portico.server.PorticoServer;
import dev.portico.templates.TemplateOptions;
import dev.portico.templates.TemplateResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The {@code portico} commands. Standard output carries what a command produces (the ready line, the route
 * table, the explanation, the problems); standard error carries warnings and the one-line reason of a failure.
 * Exit status: 0 done, 1 the API or a handler is not usable (or {@code validate} found errors), 2 a command-line
 * mistake.
 */
public final class Cli {
  static final String USAGE = String.join("\n",
      "usage: portico serve (--api FILE | --template FILE [--parameter-overrides K=V]... [--get-att ID.ATTR=V]...",
      "                     [--import-value EXPORT=V]... [--s3-object s3://BUCKET/KEY=FILE]... [--http-api ID])",
      "                     [--host 127.0.0.1] [--port 3000] [--function NAME=HANDLER|NAME=http://...]...",
      "                     [--classpath PATHS] [--stage NAME] [--stage-variable K=V]... [--jwt-issuer AUTHORIZER=URL]...",
      "                     [--domain-name NAME] [--reserved-concurrency NAME=N]... [--max-connections 1000]",
      "                     [--header-timeout 10] [--watch] [--local-issuer [--local-issuer-port 9400]] [--cold-starts]",
      "                     [--env-vars env.json] [--integration 'ROUTE=URL']...",
      "       portico token [--scopes a,b] [--claim K=V]... [--subject S] [--audience A]... [--expires-in 3600]",
      "                     [--issuer http://127.0.0.1:9400]",
      "       portico validate (--api FILE | --template FILE ...) [--strict] [--all]",
      "       portico routes (--api FILE | --template FILE ...)",
      "       portico explain (--api FILE | --template FILE ...) [--stage NAME] [--stage-variable K=V]... METHOD PATH",
      "                       [-H 'Name: value']...");
  /** How long the ready line waits for the functions' cold starts; a slower one goes on in the background. */
  private static final java.time.Duration WARM_UP_WAIT = java.time.Duration.ofSeconds(5);
  /** Import logs unbound functions itself; the commands say it their own way. Held so the level sticks. */
  private static final Logger IMPORT_LOG = Logger.getLogger("dev.portico.openapi");

  private final PrintStream out;
  private final PrintStream err;

  private Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs one command; {@code serve} returns when the server has stopped.
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    IMPORT_LOG.setLevel(Level.SEVERE);
    Cli cli = new Cli(out, err);
    try {
      if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
        out.println(USAGE);
        return 0;
      }
      Options options = Options.parse(args);
      return switch (options.command) {
        case "serve" -> cli.serve(options);
        case "token" -> cli.token(options);
        case "validate" -> cli.validate(options);
        case "routes" -> cli.routes(options);
        default -> cli.explain(options);
      };
    } catch (Options.UsageException e) {
      err.println("portico: " + e.getMessage() + " (portico --help shows the usage)");
      return 2;
    } catch (ApiLoader.LoadException e) {
      err.println("portico: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private int serve(Options options) throws ApiLoader.LoadException, InterruptedException {
    noOperands(options);
    Path file = options.api();
    int port = options.port();
    String host = options.one("--host", "127.0.0.1");
    boolean watch = options.flag("--watch");
    boolean coldStarts = options.flag("--cold-starts");
    List<Path> classpath = ApiLoader.classpath(options.optional("--classpath"));
    Map<String, LambdaFunction> functions = ApiLoader.functions(options.pairs("--function"), classpath,
        options.positivePairs("--reserved-concurrency"));
    int maxConnections = options.positive("--max-connections", PorticoServer.DEFAULT_MAX_CONNECTIONS);
    int headerTimeout = options.positive("--header-timeout", (int) PorticoServer.DEFAULT_HEADER_TIMEOUT.toSeconds());
    // Issue 18: requestContext.domainName is the name this server answers on, never a client's Host header.
    String domainName = options.one("--domain-name", servedName(host));
    ApiLoader loader = withSource(options, new ApiLoader(file, functions,
        Optional.ofNullable(options.optional("--stage")), options.pairs("--stage-variable"),
        options.pairs("--jwt-issuer"), Optional.of(domainName), true), true)
        .integrations(options.pairs("--integration"));
    LocalIssuer issuer = null;
    if (options.flag("--local-issuer")) {
      issuer = new LocalIssuer(options.positive("--local-issuer-port", LocalIssuer.DEFAULT_PORT),
          java.time.Clock.systemUTC());
      loader.localIssuer(issuer.issuer());
    } else if (options.optional("--local-issuer-port") != null) {
      throw new Options.UsageException("--local-issuer-port goes with --local-issuer");
    }
    ApiLoader.Loaded loaded = loader.load();
    report(loaded);
    if (issuer != null) {
      announce(issuer, loaded, options);
    }
    AtomicReference<Gateway> current = new AtomicReference<>(loaded.gateway());
    loaded.gateway().warmUp(); // JWT keys fetched now, not by the first request
    // the functions' cold starts run while Jetty starts (two cores do both), and are awaited before "ready"
    Thread coldStarting = coldStarts ? null : warmUp(loaded);
    PorticoServer server;
    try {
      server = PorticoServer.builder(current::get).host(host).port(port).maxConnections(maxConnections)
          .headerTimeout(java.time.Duration.ofSeconds(headerTimeout)).start();
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw new ApiLoader.LoadException(e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      err.println("portico: stopping");
      server.close();
      java.util.Objects.requireNonNull(current.get()).close();
    }, "portico-shutdown"));
    if (watch) {
      AtomicReference<ApiLoader.Loaded> served = new AtomicReference<>(loaded);
      Watcher.start(loaded.watched(), () -> {
        try {
          ApiLoader.Loaded reloaded = loader.load();
          String lost = lostFunctions(java.util.Objects.requireNonNull(served.get()), reloaded);
          if (!lost.isEmpty()) {
            // a build between deleting the old classes and writing the new ones: the next change reloads
            reloaded.gateway().close();
            err.println("portico: " + file + " not reloaded, still serving the previous API: " + lost
                + " (a build in progress? the next change reloads it)");
            return;
          }
          served.set(reloaded);
          // The old gateway's key fetching ends; requests it is serving finish with the keys they have.
          current.getAndSet(reloaded.gateway()).close();
          reloaded.gateway().warmUp();
          err.println("portico: reloaded " + file + " (" + reloaded.gateway().api().routes().size() + " routes)");
          report(reloaded);
          if (!coldStarts) {
            warmUp(reloaded); // in the background: the reloaded API already serves
          }
        } catch (ApiLoader.LoadException e) {
          err.println("portico: " + file + " not reloaded, still serving the previous API: " + e.getMessage());
        }
      }, err);
    }
    warmUpHttp(server);
    if (coldStarting != null) {
      coldStarting.join(WARM_UP_WAIT.toMillis());
    }
    out.println("Portico listening on " + server.uri());
    out.flush();
    server.join();
    return 0;
  }

  /**
   * The functions a reload would stop serving because their code cannot be loaded now, with why — what a rebuild
   * in progress looks like ({@code mvn compile} deletes the classes it rewrites) — or "" when there are none.
   */
  private static String lostFunctions(ApiLoader.Loaded before, ApiLoader.Loaded after) {
    List<String> lost = new ArrayList<>();
    for (String name : before.functions().keySet()) {
      if (after.unbound().contains(name)) {
        String why = after.notes().stream().filter(note -> note.startsWith(name + " ") || note.startsWith(name + ":"))
            .findFirst().orElse(name + " would not be bound");
        lost.add(why);
      }
    }
    return String.join("; ", lost);
  }

  /**
   * The functions' cold starts, done on a background thread once the server is ready, as provisioned concurrency
   * initialises a Lambda function before traffic (off with {@code --cold-starts}). A request that comes first waits
   * for the same cold start; one that fails is retried by the next invocation, as Lambda retries a failed init.
   */
  private Thread warmUp(ApiLoader.Loaded loaded) {
    Thread thread = new Thread(() -> loaded.functions().forEach((name, function) -> {
      try {
        function.warmUp();
      } catch (Exception | LinkageError e) {
        err.println("portico: function " + name + " failed its cold start (its invocations try again): " + e);
      }
    }), "portico-warm-up");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Sends the server one request that the gateway refuses before routing (413: it announces a body over any limit
   * and waits for "100 Continue"), so the HTTP path's classes — Jetty's, the request handler's, the pipeline's —
   * are loaded before the ready line, not by the first real request. No route sees it, so no function runs; its
   * access log line is not written. A failure only means the first request pays for it.
   */
  private static void warmUpHttp(PorticoServer server) {
    java.net.URI uri = server.uri();
    try (java.net.Socket socket = new java.net.Socket()) {
      java.net.InetAddress host = java.net.InetAddress.getByName(uri.getHost());
      socket.connect(new java.net.InetSocketAddress(host.isAnyLocalAddress()
          ? java.net.InetAddress.getLoopbackAddress() : host, uri.getPort()), 2_000);
      socket.setSoTimeout(2_000);
      socket.getOutputStream().write(("POST " + ApiLoader.WARM_UP_PATH + " HTTP/1.1\r\nHost: " + uri.getAuthority()
          + "\r\nContent-Length: 1099511627776\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getInputStream().readAllBytes();
    } catch (IOException e) {
      // the first real request loads them instead
    }
  }

  /** Says which authorizers trust the local issuer, and how to get a token for them. */
  private void announce(LocalIssuer issuer, ApiLoader.Loaded loaded, Options options) {
    List<String> names = new ArrayList<>();
    List<String> audiences = new ArrayList<>();
    loaded.gateway().api().authorizers().values().forEach(authorizer -> {
      if (authorizer instanceof dev.portico.gateway.Authorizer.Jwt jwt
          && jwt.config().issuer().toString().equals(issuer.issuer())) {
        names.add(jwt.name());
        audiences.addAll(jwt.config().audiences());
      }
    });
    issuer.audiences(audiences);
    String port = options.optional("--local-issuer-port") == null ? "" : " --issuer " + issuer.issuer();
    err.println("portico: local issuer " + issuer.issuer() + " signs for the JWT authorizers "
        + (names.isEmpty() ? "(none)" : String.join(", ", names)) + "; a token: portico token --scopes SCOPES" + port);
  }

  /** {@code portico token}: a token from the local issuer of a running {@code portico serve --local-issuer}. */
  private int token(Options options) throws ApiLoader.LoadException, InterruptedException {
    noOperands(options);
    String issuer = options.one("--issuer", "http://127.0.0.1:" + LocalIssuer.DEFAULT_PORT);
    StringBuilder query = new StringBuilder("sub=").append(encode(options.one("--subject", "local-user")));
    String scopes = options.optional("--scopes");
    if (scopes != null) {
      for (String scope : scopes.split(",")) {
        if (!scope.isBlank()) {
          query.append("&scope=").append(encode(scope.strip()));
        }
      }
    }
    options.all("--audience").forEach(a -> query.append("&aud=").append(encode(a)));
    for (String claim : options.all("--claim")) {
      if (claim.indexOf('=') <= 0) {
        throw new Options.UsageException("--claim takes NAME=VALUE, got '" + claim + "'");
      }
      query.append("&claim=").append(encode(claim));
    }
    query.append("&expires_in=").append(options.positive("--expires-in", 3600));
    java.net.URI uri;
    try {
      uri = java.net.URI.create(issuer + "/token?" + query);
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException("--issuer " + issuer + " is not a URL");
    }
    try {
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(uri).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
              .timeout(java.time.Duration.ofSeconds(10)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new ApiLoader.LoadException("the local issuer at " + issuer + " refused: " + response.body().strip());
      }
      out.print(response.body());
      return 0;
    } catch (java.io.IOException e) {
      throw new ApiLoader.LoadException("no local issuer at " + issuer + " (" + e.getClass().getSimpleName()
          + "): start one with portico serve ... --local-issuer");
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The host name events carry by default: the address served on, or {@code localhost} for a wildcard one. */
  private static String servedName(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "localhost"
        : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** The loader, reading from {@code --template} when given. */
  private static ApiLoader withSource(Options options, ApiLoader loader, boolean findFunctions)
      throws ApiLoader.LoadException {
    String envVars = options.optional("--env-vars");
    if (envVars != null && !options.isTemplate()) {
      throw new Options.UsageException("--env-vars goes with --template");
    }
    if (!options.isTemplate()) {
      return loader;
    }
    TemplateSource source = template(options, findFunctions);
    return loader.fromTemplate(envVars == null ? source : source.envVars(Path.of(envVars)));
  }

  private static TemplateSource template(Options options, boolean findFunctions) {
    TemplateOptions.Builder template = TemplateOptions.builder();
    options.parameterOverrides().forEach(template::parameter);
    options.attributes().forEach(template::attribute);
    options.pairs("--import-value").forEach(template::importValue);
    options.pairs("--s3-object").forEach((uri, file) -> template.s3Object(uri, Path.of(file).toAbsolutePath()));
    TemplateOptions built;
    try {
      built = template.build();
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException(e.getMessage()); // such as --s3-object with no s3://BUCKET/KEY
    }
    return new TemplateSource(options.api(), built, Optional.ofNullable(options.optional("--http-api")),
        findFunctions);
  }

  private void report(ApiLoader.Loaded loaded) {
    for (String note : loaded.notes()) {
      err.println("portico: " + note);
    }
    for (String warning : loaded.warnings()) {
      err.println("portico: " + warning);
    }
    for (String name : loaded.unusedFunctions()) {
      err.println("portico: warning: --function " + name + ": the definition uses no function of that name");
    }
    if (!loaded.unbound().isEmpty()) {
      err.println("portico: functions not bound, their routes answer 500 as AWS does for a missing function: "
          + String.join(", ", loaded.unbound()) + " (bind them with --function NAME=HANDLER)");
    }
  }

  private int validate(Options options) throws ApiLoader.LoadException {
    noOperands(options);
    Path file = options.api();
    List<ImportProblem> problems;
    int routeCount;
    boolean oneApi = true;
    if (options.isTemplate()) {
      TemplateResult template = template(options, false).open();
      problems = template.problems();
      routeCount = template.apis().stream().mapToInt(a -> a.definition().routeKeys().size()).sum();
      oneApi = template.apis().size() == 1 || options.optional("--http-api") != null;
    } else {
      ImportResult result = ApiLoader.open(file);
      problems = result.problems();
      routeCount = result.routeKeys().size();
    }
    boolean strict = options.flag("--strict");
    boolean all = options.flag("--all");
    int errors = 0;
    int warnings = 0;
    for (ImportProblem problem : problems) {
      if (problem.level() != ImportProblem.Level.INFO || all) {
        out.println(problem);
        errors += problem.level() == ImportProblem.Level.ERROR ? 1 : 0;
        warnings += problem.level() == ImportProblem.Level.WARNING ? 1 : 0;
      }
    }
    if (errors == 0 && oneApi) {
      // What the API allows but probably does not mean (issue 18): only a definition that builds has these.
      for (ApiWarning warning : offline(options).gateway().api().warnings()) {
        out.println(warning);
        warnings++;
      }
    }
    // --strict is AWS's failOnWarnings: a definition with warnings is not imported.
    boolean deployable = errors == 0 && !(strict && warnings > 0);
    out.println(file + ": " + plural(errors, "error") + ", " + plural(warnings, "warning") + ", "
        + routeCount + " routes" + (deployable ? ""
            : errors == 0 ? " — not deployable with --strict (failOnWarnings)" : " — not deployable"));
    return deployable ? 0 : 1;
  }

  private int routes(Options options) throws ApiLoader.LoadException {
    noOperands(options);
    HttpApi api = offline(options).gateway().api();
    List<Route> routes = new ArrayList<>(api.routes());
    routes.sort((a, b) -> Precedence.ORDER.compare(a.routeKey(), b.routeKey()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ROUTE", "AUTHORIZATION", "PAYLOAD", "INTEGRATION"});
    for (Route route : routes) {
      rows.add(new String[] {route.routeKey().toString(), Precedence.shortAuthorization(route),
          route.payloadFormat().version(), route.integration().toString()});
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      out.println(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s",
          (Object[]) row).stripTrailing());
    }
    api.warnings().forEach(warning -> err.println("portico: " + warning));
    return 0;
  }

  private int explain(Options options) throws ApiLoader.LoadException {
    if (options.operands.size() != 2) {
      throw new Options.UsageException("explain needs METHOD PATH, e.g. portico explain --api api.yaml GET /pets/7");
    }
    ApiLoader.Loaded loaded = offline(options);
    Gateway gateway = loaded.gateway();
    GatewayRequest.Builder builder = GatewayRequest.builder();
    String method = options.operands.get(0);
    String target = options.operands.get(1);
    try {
      builder.method(method);
      if (!target.startsWith("/")) {
        throw new IllegalArgumentException("PATH must start with '/', got '" + target + "'");
      }
      builder.target(target);
      for (String header : options.all("-H")) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("-H takes 'Name: value', got '" + header + "'");
        }
        builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
      }
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException(e.getMessage());
    }
    GatewayRequest request = builder.build();
    Explanation why = gateway.explain(request);
    HttpApi api = gateway.api();
    out.println(method + " " + target);
    switch (why.outcome()) {
      case HEADERS_TOO_LARGE -> line("answer", "431 {\"message\":\"Request Header Fields Too Large\"}: request line"
          + " and headers exceed " + api.limits().maxRequestHeaderBytes() + " bytes (D11)");
      case NO_STAGE -> {
        line("stage", "none: the first segment names no stage and there is no $default stage (stages: "
            + String.join(", ", api.stages().keySet()) + ")");
        line("answer", "404 {\"message\":\"Not Found\"} (facts §1)");
      }
      case PREFLIGHT -> {
        stage(why);
        line("answer", "204, a CORS preflight the gateway answers itself, before routing and authorization"
            + " (facts §5, D6)");
        cors(why, true);
      }
      case NO_ROUTE -> {
        stage(why);
        line("route", "none matches " + request.method() + " " + why.routedPath() + " and there is no $default route");
        line("answer", "404 {\"message\":\"Not Found\"} (facts §1)");
        cors(why, false);
      }
      case ROUTE -> {
        stage(why);
        Route route = why.route().orElseThrow();
        line("route", route.routeKey().toString());
        line("why", Precedence.why(route.routeKey(), request.method()));
        List<String> others = alsoMatching(api, route, request.method(), why.routedPath());
        if (!others.isEmpty()) {
          line("also matches", String.join(", ", others) + " (lower precedence)");
        }
        if (!why.pathParameters().isEmpty()) {
          List<String> parameters = new ArrayList<>();
          why.pathParameters().forEach((name, value) -> parameters.add(name + "=" + value));
          line("path params", String.join(" ", parameters));
        }
        line("authorization", Precedence.authorization(api, route));
        line("integration", route.integration() + ", payload " + route.payloadFormat().version() + ", timeout "
            + route.timeout().orElse(api.limits().integrationTimeout()).toMillis() + " ms");
        cors(why, false);
        line("answer", route.authorizerName().isPresent()
            ? "decided by the authorizer, then the integration"
            : "decided by the integration");
      }
      default -> throw new IllegalStateException("unknown outcome " + why.outcome());
    }
    return 0;
  }

  private void stage(Explanation why) {
    String name = why.stage().orElseThrow();
    line("stage", name.equals(dev.portico.gateway.Stage.DEFAULT)
        ? "$default: no named stage is the first path segment, so $default serves the whole path (facts §1)"
        : name + ": the first path segment names it; routing sees " + why.routedPath() + " (facts §1, §6)");
  }

  private void cors(Explanation why, boolean preflight) {
    if (why.corsHeaders().isEmpty()) {
      line("cors", preflight ? "no Access-Control-Allow-* headers: origin, method or headers not allowed (D6)"
          : "no CORS headers (no CORS configuration, no Origin header, or the origin is not allowed)");
      return;
    }
    why.corsHeaders().forEach((name, value) -> line("cors", name + ": " + value));
  }

  private static List<String> alsoMatching(HttpApi api, Route winner, String method, String routedPath) {
    List<RouteKey> matching = new ArrayList<>();
    for (Route route : api.routes()) {
      if (route == winner) {
        continue;
      }
      boolean matches = Router.<Route>builder().route(route.routeKey(), route).build()
          .match(method, routedPath).isPresent();
      if (matches) {
        matching.add(route.routeKey());
      }
    }
    matching.sort(Precedence.ORDER);
    return matching.stream().map(RouteKey::toString).toList();
  }

  private void line(String label, String text) {
    out.println(String.format("  %-14s %s", label, text));
  }

  /** The API as served, without handler classes (nothing is called) and without network access. */
  private static ApiLoader.Loaded offline(Options options) throws ApiLoader.LoadException {
    return withSource(options, new ApiLoader(options.api(), Map.of(),
        Optional.ofNullable(options.optional("--stage")), options.pairs("--stage-variable"), Map.of(),
        Optional.empty(), false), false).load();
  }

  private static void noOperands(Options options) {
    if (!options.operands.isEmpty()) {
      throw new Options.UsageException("unexpected argument '" + options.operands.get(0) + "'");
    }
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
