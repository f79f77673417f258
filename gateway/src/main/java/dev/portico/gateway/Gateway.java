package dev.portico.gateway;

import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.IdentitySource;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.cors.CorsHeaders;
import dev.portico.cors.CorsPolicy;
import dev.portico.gateway.internal.AccessLogFormat;
import dev.portico.gateway.internal.HeaderSize;
import dev.portico.gateway.internal.RequestIds;
import dev.portico.gateway.internal.StageSelector;
import dev.portico.gateway.internal.Timeouts;
import dev.portico.integration.Integration;
import dev.portico.integration.IntegrationException;
import dev.portico.integration.IntegrationRequest;
import dev.portico.payload.AuthorizerContext;
import dev.portico.payload.HttpSyntax;
import dev.portico.payload.ProxyRequest;
import dev.portico.payload.ProxyResponse;
import dev.portico.routing.RouteMatch;
import dev.portico.routing.Router;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP API at run time: hands one request through the pipeline of Amazon API Gateway HTTP APIs and answers
 * what AWS would answer.
 *
 * <pre>{@code
 * Gateway gateway = Gateway.create(api);
 * GatewayResponse response = gateway.handle(GatewayRequest.builder()
 *         .method("GET").target("/pets/7").header("Authorization", "Bearer " + token).build())
 *     .toCompletableFuture().join();
 * }</pre>
 *
 * <p>The pipeline (DESIGN.md, "One request, end to end"): (1) limits — request line and headers over {@link
 * GatewayLimits#maxRequestHeaderBytes()} get 431, a body over {@link GatewayLimits#maxBodyBytes()} 413 (D11);
 * (2) stage — a first path segment naming a stage, else {@code $default}, else 404 (facts §1); (3) CORS preflight
 * — answered 204 by the gateway when CORS is configured, with or without an OPTIONS route (facts §5, D6); (4)
 * route — AWS precedence, else 404; (5) throttling — not yet (a later issue); (6) authorization — JWT (401/403)
 * or Lambda authorizer (401 without identity, 403 on deny, 500 on failure); (7) parameter mapping — not yet (a
 * later issue); (8) integration — the event in the route's payload format, the response decoded; a failure is
 * 500, a timeout 503 (facts §3); (9) respond — CORS headers replace the backend's (facts §5), {@code
 * apigw-requestid} added, the stage's access log written.
 *
 * <p>{@code handle} never throws for a request and never blocks on network I/O: integrations and authorizers
 * complete their stages later; only the very first request to a JWT authorizer waits for its keys (≤ 1.5 s).
 * Thread-safe; create one per API and share it.
 */
public final class Gateway {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  private static final byte[] EMPTY = new byte[0];

  /** A stage with its compiled access log. */
  record StageRuntime(Stage stage, AccessLogFormat accessLog) {}

  /** A route with what it needs at run time. */
  private record Binding(Route route, JwtAuthorizer jwt, LambdaAuthorization lambda, Duration timeout) {}

  private final HttpApi api;
  private final Clock clock;
  private final Router<Binding> router;
  private final CorsPolicy cors;
  private final StageSelector<StageRuntime> stages;
  private final GatewayLimits limits;
  private final Map<String, JwtAuthorizer> jwtAuthorizers;

  private Gateway(HttpApi api) {
    this.api = api;
    this.clock = api.clock();
    this.limits = api.limits();
    this.cors = api.cors().map(CorsPolicy::of).orElse(null);
    Map<String, JwtAuthorizer> jwt = new HashMap<>();
    Map<String, LambdaAuthorization> lambda = new HashMap<>();
    api.authorizers().forEach((name, authorizer) -> {
      if (authorizer instanceof Authorizer.Jwt j) {
        jwt.put(name, JwtAuthorizer.create(j.config()));
      } else if (authorizer instanceof Authorizer.Lambda l) {
        lambda.put(name, new LambdaAuthorization(l, clock));
      }
    });
    this.jwtAuthorizers = Map.copyOf(jwt);
    Router.Builder<Binding> routes = Router.builder();
    for (Route route : api.routes()) {
      String authorizer = route.authorizerName().orElse(null);
      routes.route(
          route.routeKey(),
          new Binding(
              route,
              authorizer == null ? null : jwt.get(authorizer),
              authorizer == null ? null : lambda.get(authorizer),
              route.timeout().orElse(limits.integrationTimeout())));
    }
    this.router = routes.build();
    Map<String, StageRuntime> named = new HashMap<>();
    StageRuntime defaultStage = null;
    for (Stage stage : api.stages().values()) {
      StageRuntime runtime = new StageRuntime(stage, stage.accessLogFormat().map(AccessLogFormat::compile).orElse(null));
      if (stage.name().equals(Stage.DEFAULT)) {
        defaultStage = runtime;
      } else {
        named.put(stage.name(), runtime);
      }
    }
    this.stages = new StageSelector<>(named, defaultStage);
  }

  /**
   * Creates the gateway of an API: compiles its routes, CORS policy, stages and authorizers.
   *
   * @param api the API
   * @return the gateway
   */
  public static Gateway create(HttpApi api) {
    return new Gateway(Objects.requireNonNull(api, "api"));
  }

  /** @return the API this gateway serves */
  public HttpApi api() {
    return api;
  }

  /**
   * The JWT authorizer of a name, for its metrics.
   *
   * @param name the authorizer's name
   * @return the authorizer, if it is a JWT authorizer of this API
   */
  public Optional<JwtAuthorizer> jwtAuthorizer(String name) {
    return Optional.ofNullable(jwtAuthorizers.get(name));
  }

  /**
   * Handles one request.
   *
   * @param request the request
   * @return the answer, completed when the integration has answered; never completed exceptionally
   */
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    Objects.requireNonNull(request, "request");
    Exchange x =
        new Exchange(
            request, RequestIds.next(), clock.instant(), System.nanoTime(), api.domainName(), api.apiId(),
            api.accountId());
    try {
      return process(x).exceptionally(error -> internalError(x, error));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(internalError(x, e));
    }
  }

  /**
   * Says what the gateway would do with a request — stage, route, path parameters, CORS headers — without
   * authorizing it or calling an integration. The body is not looked at.
   *
   * @param request the request
   * @return the explanation
   */
  public Explanation explain(GatewayRequest request) {
    Objects.requireNonNull(request, "request");
    long headerBytes =
        HeaderSize.of(request.method(), request.rawPath(), request.rawQueryString(), request.protocol(),
            request.headers());
    if (headerBytes > limits.maxRequestHeaderBytes()) {
      return new Explanation(
          Explanation.Outcome.HEADERS_TOO_LARGE, Optional.empty(), request.rawPath(), Optional.empty(), Map.of(),
          Map.of());
    }
    StageSelector.Selection<StageRuntime> selection = stages.select(request.rawPath());
    if (selection == null) {
      return new Explanation(
          Explanation.Outcome.NO_STAGE, Optional.empty(), request.rawPath(), Optional.empty(), Map.of(), Map.of());
    }
    Optional<String> stage = Optional.of(selection.stage().stage().name());
    String origin = request.header("origin").orElse(null);
    if (cors != null) {
      String requestMethod = request.header("access-control-request-method").orElse(null);
      if (cors.isPreflight(request.method(), origin, requestMethod)) {
        Map<String, String> headers = new LinkedHashMap<>();
        cors.preflight(origin, requestMethod, request.header("access-control-request-headers").orElse(null))
            .forEach(headers::put);
        return new Explanation(
            Explanation.Outcome.PREFLIGHT, stage, selection.routedPath(), Optional.empty(), Map.of(), headers);
      }
    }
    Map<String, String> corsHeaders = new LinkedHashMap<>();
    if (cors != null && origin != null) {
      cors.actualHeaders(origin).forEach(corsHeaders::put);
    }
    Optional<RouteMatch<Binding>> match = router.match(request.method(), selection.routedPath());
    return match
        .map(m -> new Explanation(
            Explanation.Outcome.ROUTE, stage, selection.routedPath(), Optional.of(m.target().route()),
            m.pathParameters(), corsHeaders))
        .orElseGet(() -> new Explanation(
            Explanation.Outcome.NO_ROUTE, stage, selection.routedPath(), Optional.empty(), Map.of(), corsHeaders));
  }

  /**
   * The answer to a request whose body exceeds {@link GatewayLimits#maxBodyBytes()}, for hosts that stop reading a
   * body as soon as it is over the limit (a declared {@code Content-Length} or a stream that keeps coming) instead
   * of buffering it: 413 {@code {"message":"Request Entity Too Large"}} (D11), as {@link #handle} answers a full
   * body over the limit.
   *
   * @param request the request's line and headers; its body is ignored
   * @return the 413 answer
   */
  public GatewayResponse bodyTooLarge(GatewayRequest request) {
    return hostAnswer(request, Failure.TOO_LARGE);
  }

  /**
   * The answer to a request whose body the host could not read whole — malformed chunked framing, a body that
   * broke off — instead of handing the gateway a truncated body: 400 {@code {"message":"Bad Request"}}, with the
   * request id, CORS headers and the stage's access log line like every other answer (issue 18: such requests got
   * an empty 200 and no log line).
   *
   * @param request the request's line and headers; its body is ignored
   * @return the 400 answer
   */
  public GatewayResponse badRequest(GatewayRequest request) {
    return hostAnswer(request, Failure.BAD_REQUEST_BODY);
  }

  /** An answer the host asks for before the pipeline runs; the stage's access log still records it. */
  private GatewayResponse hostAnswer(GatewayRequest request, Failure failure) {
    Objects.requireNonNull(request, "request");
    Exchange x =
        new Exchange(
            request, RequestIds.next(), clock.instant(), System.nanoTime(), api.domainName(), api.apiId(),
            api.accountId());
    StageSelector.Selection<StageRuntime> selection = stages.select(request.rawPath());
    if (selection != null) {
      x.stage = selection.stage();
      x.routedPath = selection.routedPath();
    }
    return fail(x, failure);
  }

  /** A bug inside the gateway (never a client's fault): logged, answered 500. */
  private GatewayResponse internalError(Exchange x, Throwable error) {
    LOG.log(System.Logger.Level.ERROR, "request " + x.requestId + " failed inside the gateway", error);
    x.integrationError = "gateway error: " + unwrap(error);
    return fail(x, Failure.INTEGRATION_FAILURE);
  }

  private CompletionStage<GatewayResponse> process(Exchange x) {
    GatewayRequest request = x.request;
    // 1. Limits (D11).
    long headerBytes =
        HeaderSize.of(request.method(), request.rawPath(), request.rawQueryString(), request.protocol(),
            request.headers());
    if (headerBytes > limits.maxRequestHeaderBytes()) {
      return done(fail(x, Failure.HEADERS_TOO_LARGE));
    }
    if (request.body().length > limits.maxBodyBytes()) {
      return done(fail(x, Failure.TOO_LARGE));
    }
    // 2. Stage. Custom-domain API mappings, which choose the API before the stage, come with a later issue.
    StageSelector.Selection<StageRuntime> selection = stages.select(request.rawPath());
    if (selection == null) {
      return done(fail(x, Failure.NOT_FOUND));
    }
    x.stage = selection.stage();
    x.routedPath = selection.routedPath();
    // 3. CORS preflight (facts §5, D6).
    String origin = request.header("origin").orElse(null);
    if (cors != null) {
      String requestMethod = request.header("access-control-request-method").orElse(null);
      if (cors.isPreflight(request.method(), origin, requestMethod)) {
        CorsHeaders headers =
            cors.preflight(origin, requestMethod, request.header("access-control-request-headers").orElse(null));
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, List.of(value)));
        return done(finish(x, 204, out, EMPTY));
      }
    }
    // 4. Route.
    Optional<RouteMatch<Binding>> match = router.match(request.method(), x.routedPath);
    if (match.isEmpty()) {
      return done(fail(x, Failure.NOT_FOUND));
    }
    Binding binding = match.get().target();
    Route route = binding.route();
    x.routeKey = route.routeKey().toString();
    // 5. Throttling (stage and route token buckets, 429) comes with a later issue.
    // 6. Authorization.
    switch (route.authorizationType()) {
      case JWT -> {
        GatewayResponse denied = authorizeJwt(x, binding, match.get());
        return denied != null ? done(denied) : integrate(x, binding);
      }
      case CUSTOM -> {
        x.proxyRequest = proxyRequest(x, match.get());
        return authorizeLambda(x, binding);
      }
      default -> {
        x.proxyRequest = proxyRequest(x, match.get());
        return integrate(x, binding);
      }
    }
  }

  /** JWT authorization; on success x.proxyRequest is built with the claims. Returns the denial, or null. */
  private GatewayResponse authorizeJwt(Exchange x, Binding binding, RouteMatch<Binding> match) {
    IdentitySource source = binding.jwt().config().identitySource();
    List<String> values =
        source.location() == IdentitySource.Location.HEADER
            ? x.request.headers().get(source.name())
            : (x.proxyRequest = proxyRequest(x, match)).queryParameters().get(source.name());
    String token = values == null ? null : String.join(",", values);
    AuthorizationResult result = binding.jwt().authorize(token, binding.route().scopes());
    if (result instanceof AuthorizationResult.Denied denied) {
      x.authorizerError = denied.detail();
      Failure failure =
          denied.status() == 403
              ? new Failure(403, "Forbidden", "ACCESS_DENIED", denied.wwwAuthenticate())
              : new Failure(401, "Unauthorized", "UNAUTHORIZED", denied.wwwAuthenticate());
      return fail(x, failure);
    }
    AuthorizationResult.Allowed allowed = (AuthorizationResult.Allowed) result;
    x.authorizer =
        allowed.scopes().isPresent()
            ? AuthorizerContext.jwt(allowed.claims(), allowed.scopes().get())
            : AuthorizerContext.jwt(allowed.claims());
    x.proxyRequest =
        x.proxyRequest == null ? proxyRequest(x, match) : x.proxyRequest.toBuilder().authorizer(x.authorizer).build();
    return null;
  }

  private CompletionStage<GatewayResponse> authorizeLambda(Exchange x, Binding binding) {
    LambdaAuthorization authorization = binding.lambda();
    List<String> identity = authorization.identity(x, x.proxyRequest);
    if (identity == null) {
      x.authorizerError = "an identity source is missing or empty";
      return done(fail(x, Failure.UNAUTHORIZED));
    }
    String routeArn = routeArn(x);
    CompletableFuture<dev.portico.integration.AuthorizerResponse> answer;
    try {
      answer = authorization.authorize(x.proxyRequest, routeArn, identity);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.handle((response, error) -> {
      if (error != null) {
        x.authorizerError = describe(error);
        return CompletableFuture.completedFuture(fail(x, Failure.AUTHORIZER_FAILURE));
      }
      if (!response.allows(routeArn)) {
        x.authorizerError = "the authorizer denied the request";
        return CompletableFuture.completedFuture(fail(x, Failure.FORBIDDEN));
      }
      x.authorizer = AuthorizerContext.lambda(response.context());
      x.proxyRequest = x.proxyRequest.toBuilder().authorizer(x.authorizer).build();
      return integrate(x, binding);
    }).thenCompose(stage -> stage);
  }

  /** {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH}, the path without the stage prefix. */
  private String routeArn(Exchange x) {
    return "arn:aws:execute-api:" + api.region() + ":" + api.accountId() + ":" + api.apiId() + "/"
        + x.stageName() + "/" + x.request.method() + Router.decodePath(x.routedPath);
  }

  private CompletionStage<GatewayResponse> integrate(Exchange x, Binding binding) {
    // 7. Parameter mapping comes with a later issue.
    // 8. Integration.
    Integration integration = binding.route().integration();
    Instant deadline = clock.instant().plus(binding.timeout());
    IntegrationRequest call =
        IntegrationRequest.of(x.proxyRequest, binding.route().payloadFormat(), deadline, clock);
    long started = System.nanoTime();
    CompletableFuture<ProxyResponse> answer;
    try {
      CompletionStage<ProxyResponse> stage = integration.invoke(call);
      answer = stage == null
          ? CompletableFuture.failedFuture(IntegrationException.failed("integration returned null", null))
          : stage.toCompletableFuture();
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(IntegrationException.failed("integration threw " + e, e));
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    CompletableFuture<ProxyResponse> pending = answer;
    Future<?> timer = pending.isDone() ? null : Timeouts.after(binding.timeout(), () -> {
      timedOut.set(true);
      pending.cancel(true);
    });
    return answer.handle((response, error) -> {
      if (timer != null) {
        timer.cancel(false);
      }
      x.integrationLatencyMillis = (System.nanoTime() - started) / 1_000_000;
      if (error != null) {
        Throwable cause = unwrap(error);
        IntegrationException.Kind kind = timedOut.get() ? IntegrationException.Kind.TIMED_OUT
            : cause instanceof IntegrationException e ? e.kind() : IntegrationException.Kind.FAILED;
        x.integrationError = kind == IntegrationException.Kind.TIMED_OUT
            ? "integration timed out after " + binding.timeout().toMillis() + " ms" : describe(cause);
        return fail(x, switch (kind) {
          case TIMED_OUT -> Failure.INTEGRATION_TIMEOUT;
          case BAD_REQUEST -> Failure.BAD_REQUEST_PARAMETERS;
          case FAILED -> Failure.INTEGRATION_FAILURE;
        });
      }
      x.integrationStatus = response.statusCode();
      return respond(x, response);
    });
  }

  /**
   * 9. Respond: the integration's answer without its hop-by-hop headers (they describe the function's or
   * backend's connection, not the client's: issue 18), CORS headers in place of the backend's (facts §5). An
   * answer whose headers exceed {@link GatewayLimits#maxResponseHeaderBytes()} fails (500) here rather than
   * reaching the client half-written (D16).
   */
  private GatewayResponse respond(Exchange x, ProxyResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Set<String> hopByHop = HttpSyntax.hopByHop(response.headers());
    response.headers().forEach((name, values) -> {
      if (!hopByHop.contains(name) && (cors == null || !cors.dropsBackendHeader(name))) {
        headers.put(name, values);
      }
    });
    long size = HeaderSize.ofResponse(headers);
    if (size > limits.maxResponseHeaderBytes()) {
      x.integrationError = "the integration answered " + size + " bytes of status line and headers, more than"
          + " GatewayLimits.maxResponseHeaderBytes " + limits.maxResponseHeaderBytes();
      return fail(x, Failure.INTEGRATION_FAILURE);
    }
    return finish(x, response.statusCode(), headers, response.body());
  }

  private GatewayResponse fail(Exchange x, Failure failure) {
    x.failure = failure;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    if (failure.wwwAuthenticate() != null) {
      headers.put("www-authenticate", List.of(failure.wwwAuthenticate()));
    }
    return finish(x, failure.status(), headers, failure.body().getBytes(StandardCharsets.UTF_8));
  }

  private GatewayResponse finish(Exchange x, int status, Map<String, List<String>> headers, byte[] body) {
    if (cors != null && status != 204) {
      String origin = x.request.header("origin").orElse(null);
      if (origin != null) {
        cors.actualHeaders(origin).forEach((name, value) -> headers.put(name, List.of(value)));
      }
    }
    headers.put("apigw-requestid", List.of(x.requestId));
    x.status = status;
    x.responseLength = body.length;
    if (x.stage != null && x.stage.accessLog() != null) {
      try {
        x.stage.stage().accessLogSink().write(x.stage.stage().name(), x.stage.accessLog().render(x::variable));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "access log sink of stage " + x.stage.stage().name() + " failed", e);
      }
    }
    return new GatewayResponse(status, headers, body);
  }

  private ProxyRequest proxyRequest(Exchange x, RouteMatch<Binding> match) {
    GatewayRequest request = x.request;
    ProxyRequest.Builder out =
        ProxyRequest.builder()
            .method(request.method())
            .path(Router.decodePath(request.rawPath()))
            .rawQueryString(request.rawQueryString())
            .body(request.body())
            .sourceIp(request.sourceIp())
            .protocol(request.protocol())
            .requestId(x.requestId)
            .time(x.time)
            .stage(x.stageName())
            .routeKey(x.routeKey)
            .pathParameters(match.pathParameters())
            .stageVariables(x.stage.stage().variables())
            .domainName(x.domainName)
            .apiId(api.apiId())
            .accountId(api.accountId())
            .authorizer(x.authorizer);
    request.clientCertificate().ifPresent(out::clientCertificate);
    // D15: the gateway's own forwarding headers describe the client's connection to Portico.
    boolean trace = false;
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      switch (name) {
        case "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto" -> { }
        default -> {
          trace |= name.equals("x-amzn-trace-id");
          for (String value : header.getValue()) {
            out.header(name, value);
          }
        }
      }
    }
    List<String> forwarded = request.headers().get("x-forwarded-for");
    List<String> chain = new ArrayList<>();
    if (forwarded != null) {
      chain.addAll(forwarded);
    }
    chain.add(request.sourceIp());
    out.header("x-forwarded-for", String.join(", ", chain));
    out.header("x-forwarded-port", Integer.toString(request.port()));
    out.header("x-forwarded-proto", request.scheme());
    if (!trace) {
      out.header("x-amzn-trace-id", RequestIds.traceId(x.time));
    }
    return out.build();
  }

  private static CompletionStage<GatewayResponse> done(GatewayResponse response) {
    return CompletableFuture.completedFuture(response);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String describe(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof CancellationException) {
      return "timed out";
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
