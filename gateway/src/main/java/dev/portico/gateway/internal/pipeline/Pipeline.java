package dev.portico.gateway.internal.pipeline;

import dev.portico.auth.jwt.JwksCache;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.cors.CorsPolicy;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.Explanation;
import dev.portico.gateway.Expression;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.payload.AuthorizerContext;
import dev.portico.payload.ProxyResponse;
import dev.portico.routing.RouteMatch;
import dev.portico.routing.Router;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The steps of one request, in AWS's order (DESIGN.md, "One request, end to end"), and the one place that
 * records what each step learned on the {@link Call}:
 *
 * <ol>
 *   <li>limits — {@link LimitsStep}: 431 / 413</li>
 *   <li>stage — {@link StageStep}: stage prefix or {@code $default}, else 404</li>
 *   <li>CORS preflight — {@link PreflightStep}: answered 204 by the gateway</li>
 *   <li>route — {@link RouteStep}: AWS precedence, else 404</li>
 *   <li>throttle — stage and route token buckets, 429: not yet (issue 24)</li>
 *   <li>authorize — the route's {@link Authorization}: JWT or Lambda authorizer, 401 / 403 / 500</li>
 *   <li>map parameters — request parameter mapping: not yet (issue 25)</li>
 *   <li>integrate — {@link IntegrateStep}: the event to the integration, 500 / 503 / 400</li>
 *   <li>respond — {@link RespondStep}: headers, CORS, request id, access log</li>
 * </ol>
 *
 * {@link #explain} runs steps 1 to 4 — the same objects — and stops before anything is called.
 *
 * @param <R> the answer the host gets ({@code GatewayResponse}), made by the {@link Answers} it gives
 */
public final class Pipeline<R> implements AutoCloseable {
  private final HttpApi api;
  private final LimitsStep limits;
  private final StageStep stages;
  private final PreflightStep preflight;
  private final RouteStep routes;
  private final IntegrateStep integrate;
  private final RespondStep<R> respond;
  private final IntegrateStep.Then<R> integrated = new IntegrateStep.Then<>() {
    @Override
    public R answered(Call call, ProxyResponse response, long latencyMillis) {
      call.integrationLatencyMillis = latencyMillis;
      call.integrationStatus = response.statusCode();
      // 9. Respond.
      Map<String, List<String>> headers = respond.headers(response);
      Optional<Outcome<?>> tooLarge = respond.tooLarge(headers);
      return tooLarge.isPresent()
          ? stop(call, tooLarge.get())
          : respond.finish(call, response.statusCode(), headers, response.body());
    }

    @Override
    public R refused(Call call, Outcome<?> refusal, long latencyMillis) {
      call.integrationLatencyMillis = latencyMillis;
      return stop(call, refusal);
    }
  };
  private final Optional<CorsPolicy> cors;
  private final JwksCache keys = JwksCache.create();
  private final Map<String, JwtAuthorizer> jwtAuthorizers;

  /**
   * Compiles an API's pipeline: routes, CORS policy, stages, authorizers.
   *
   * @param api the API
   * @param answers makes the host's answer
   */
  public Pipeline(HttpApi api, Answers<R> answers) {
    this.api = api;
    this.cors = api.cors().map(CorsPolicy::of);
    this.limits = new LimitsStep(api.limits());
    this.stages = new StageStep(api);
    this.preflight = new PreflightStep(cors);
    this.integrate = new IntegrateStep(api.clock());
    this.respond = new RespondStep<>(cors, api.limits(), answers);
    Map<String, JwtAuthorizer> jwt = new HashMap<>();
    Map<String, Authorization> authorizations = new HashMap<>();
    api.authorizers().forEach((name, authorizer) -> {
      if (authorizer instanceof Authorizer.Jwt j) {
        JwtAuthorizer runtime = JwtAuthorizer.create(j.config(), keys);
        jwt.put(name, runtime);
        authorizations.put(name,
            new JwtAuthorization(runtime, Expression.parse(j.config().identitySource().toString())));
      } else if (authorizer instanceof Authorizer.Lambda l) {
        authorizations.put(name, new LambdaAuthorization(l, api));
      }
    });
    this.jwtAuthorizers = Map.copyOf(jwt);
    Router.Builder<RouteTarget> router = Router.builder();
    for (Route route : api.routes()) {
      Authorization authorization =
          route.authorizerName().map(authorizations::get).orElse(Authorization.NONE);
      router.route(route.routeKey(),
          new RouteTarget(route, authorization, route.timeout().orElse(api.limits().integrationTimeout())));
    }
    this.routes = new RouteStep(router.build());
  }

  /**
   * A new call for a request, timed now.
   *
   * @param request the request
   * @return the call
   */
  public Call call(GatewayRequest request) {
    return new Call(api, request, api.clock().instant(), System.nanoTime());
  }

  /**
   * Runs the whole pipeline.
   *
   * @param call the call
   * @return the finished answer; never completed exceptionally for a request (a bug is the caller's 500)
   */
  public CompletionStage<R> handle(Call call) {
    // 1. Limits.
    Outcome<Outcome.Passed> limited = limits.apply(call.request);
    if (!(limited instanceof Outcome.Next)) {
      return done(stop(call, limited));
    }
    // 2. Stage.
    Outcome<StageRuntime> staged = stages.apply(call.request.rawPath());
    if (!(staged instanceof Outcome.Next<StageRuntime> stage)) {
      return done(stop(call, staged));
    }
    call.stage = stage.value();
    call.routedPath = StageStep.routedPath(stage.value(), call.request.rawPath());
    // 3. CORS preflight.
    Outcome<Outcome.Passed> preflighted = preflight.apply(call.request);
    if (!(preflighted instanceof Outcome.Next)) {
      return done(stop(call, preflighted));
    }
    // 4. Route.
    Outcome<RouteMatch<RouteTarget>> routed = routes.apply(call.request.method(), call.routedPath);
    if (!(routed instanceof Outcome.Next<RouteMatch<RouteTarget>> match)) {
      return done(stop(call, routed));
    }
    call.match = match.value();
    // 5. Throttle: stage and route token buckets come with issue 24.
    // 6. Authorize: at once (none, JWT) or when a Lambda authorizer answers.
    Authorization authorization = call.match.target().authorization();
    if (authorization instanceof Authorization.Immediate now) {
      return authorized(call, now.decide(call));
    }
    if (authorization instanceof JwtAuthorization jwt) {
      Outcome<AuthorizerContext> decided = jwt.decideNow(call);
      if (decided != null) {
        return authorized(call, decided);
      }
    }
    return authorization.authorize(call).thenCompose(authorized -> authorized(call, authorized));
  }

  /** Steps 7 to 9, once the authorizer has answered. */
  private CompletionStage<R> authorized(Call call, Outcome<AuthorizerContext> authorized) {
    if (!(authorized instanceof Outcome.Next<AuthorizerContext> context)) {
      return done(stop(call, authorized));
    }
    if (context.value() != AuthorizerContext.none()) {
      call.allowed(context.value());
    }
    // 7. Map parameters: request parameter mapping comes with issue 25.
    // 8. Integrate; 9. respond, in integrated above.
    return integrate.apply(call, integrated);
  }

  /**
   * Says what steps 1 to 4 decide for a request — stage, route, path parameters, CORS headers — without looking
   * at its body, authorizing it or calling anything.
   *
   * @param request the request's line and headers
   * @return the explanation
   */
  public Explanation explain(GatewayRequest request) {
    if (!(limits.head(request) instanceof Outcome.Next)) {
      return explanation(Explanation.Outcome.HEADERS_TOO_LARGE, Optional.empty(), request.rawPath(), null, Map.of());
    }
    Outcome<StageRuntime> staged = stages.apply(request.rawPath());
    if (!(staged instanceof Outcome.Next<StageRuntime> stage)) {
      return explanation(Explanation.Outcome.NO_STAGE, Optional.empty(), request.rawPath(), null, Map.of());
    }
    Optional<String> stageName = Optional.of(stage.value().stage().name());
    String routedPath = StageStep.routedPath(stage.value(), request.rawPath());
    if (preflight.apply(request) instanceof Outcome.Answer<Outcome.Passed> answer) {
      Map<String, String> headers = new LinkedHashMap<>();
      answer.headers().forEach((name, values) -> headers.put(name, values.get(0)));
      return explanation(Explanation.Outcome.PREFLIGHT, stageName, routedPath, null, headers);
    }
    Map<String, String> corsHeaders = new LinkedHashMap<>();
    String origin = request.header("origin").orElse(null);
    if (cors.isPresent() && origin != null) {
      cors.get().actualHeaders(origin).forEach(corsHeaders::put);
    }
    Outcome<RouteMatch<RouteTarget>> routed = routes.apply(request.method(), routedPath);
    return routed instanceof Outcome.Next<RouteMatch<RouteTarget>> match
        ? explanation(Explanation.Outcome.ROUTE, stageName, routedPath, match.value(), corsHeaders)
        : explanation(Explanation.Outcome.NO_ROUTE, stageName, routedPath, null, corsHeaders);
  }

  private static Explanation explanation(Explanation.Outcome outcome, Optional<String> stage, String routedPath,
      @Nullable RouteMatch<RouteTarget> match, Map<String, String> corsHeaders) {
    return new Explanation(outcome, stage, routedPath,
        match == null ? Optional.empty() : Optional.of(match.target().route()),
        match == null ? Map.of() : match.pathParameters(), corsHeaders);
  }

  /**
   * An answer a host asks for before the pipeline runs (a body over the limit, a body it could not read), with
   * the stage's access log line like every other.
   *
   * @param call the call
   * @param failure the answer
   * @return the finished answer
   */
  public R refuse(Call call, Failure failure) {
    if (stages.apply(call.request.rawPath()) instanceof Outcome.Next<StageRuntime> stage) {
      call.stage = stage.value();
      call.routedPath = StageStep.routedPath(stage.value(), call.request.rawPath());
    }
    return stop(call, Outcome.refuse(failure));
  }

  /**
   * A bug inside the gateway, never a client's fault: answered 500 and logged by the caller.
   *
   * @param call the call
   * @param error the bug
   * @return the finished 500
   */
  public R internalError(Call call, Throwable error) {
    return stop(call, Outcome.refuse(Failure.INTEGRATION_FAILURE,
        Outcome.Why.integration("gateway error: " + Causes.unwrap(error))));
  }

  /** A step that did not go on: its refusal or answer, finished. */
  private R stop(Call call, Outcome<?> outcome) {
    if (outcome instanceof Outcome.Answer<?> answer) {
      return respond.finish(call, answer.status(), answer.headers(), answer.body());
    }
    Outcome.Refuse<?> refusal = (Outcome.Refuse<?>) outcome;
    call.failure = refusal.failure();
    if (!refusal.why().authorizer().isEmpty()) {
      call.authorizerError = refusal.why().authorizer();
    }
    if (!refusal.why().integration().isEmpty()) {
      call.integrationError = refusal.why().integration();
    }
    return respond.failure(call, refusal.failure());
  }

  private static <R> CompletionStage<R> done(R reply) {
    return CompletableFuture.completedFuture(reply);
  }

  /**
   * The JWT authorizer of a name, for its metrics.
   *
   * @param name the authorizer's name
   * @return the authorizer
   */
  public Optional<JwtAuthorizer> jwtAuthorizer(String name) {
    return Optional.ofNullable(jwtAuthorizers.get(name));
  }

  /**
   * Starts fetching every JWT authorizer's keys.
   *
   * @return completes when every fetch has ended
   */
  public CompletionStage<Void> warmUp() {
    return CompletableFuture.allOf(jwtAuthorizers.values().stream()
        .map(a -> a.warmUp().toCompletableFuture()).toArray(CompletableFuture[]::new));
  }

  /** Releases the key fetching of the JWT authorizers. */
  @Override
  public void close() {
    jwtAuthorizers.values().forEach(JwtAuthorizer::close);
    keys.close();
  }
}
