package dev.portico.gateway;

import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.gateway.internal.pipeline.Call;
import dev.portico.gateway.internal.pipeline.Failure;
import dev.portico.gateway.internal.pipeline.Pipeline;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An HTTP API at run time: hands one request through the pipeline of Amazon API Gateway HTTP APIs and answers
 * what AWS would answer.
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.create(api)) {
 *   GatewayResponse response = gateway.handle(GatewayRequest.builder()
 *           .method("GET").target("/pets/7").header("Authorization", "Bearer " + token).build())
 *       .toCompletableFuture().join();
 *   response.statusCode();   // 200 with a valid token, 401 without
 * }
 * }</pre>
 *
 * <p>The pipeline is one class that lists its steps in order, {@code internal.pipeline.Pipeline} (DESIGN.md, "One
 * request, end to end"): (1) limits — request line and headers over {@link GatewayLimits#maxRequestHeaderBytes()}
 * get 431, a body over {@link GatewayLimits#maxBodyBytes()} 413 (D11); (2) stage — a first path segment naming a
 * stage, else {@code $default}, else 404 (facts §1); (3) CORS preflight — answered 204 by the gateway when CORS is
 * configured, with or without an OPTIONS route (facts §5, D6); (4) route — AWS precedence, else 404; (5)
 * throttling — not yet (issue 24); (6) authorization — JWT (401/403) or Lambda authorizer (401 without identity,
 * 403 on deny, 500 on failure); (7) parameter mapping — not yet (issue 25); (8) integration — the event in the
 * route's payload format, the response decoded; a failure is 500, a timeout 503 (facts §3); (9) respond — CORS
 * headers replace the backend's (facts §5), {@code apigw-requestid} added, the stage's access log written.
 *
 * <p>{@code handle} never throws for a request and never blocks on network I/O: integrations and authorizers
 * complete their stages later; only the very first request to a JWT authorizer waits for its keys (≤ 1.5 s), and
 * {@link #warmUp()} fetches them ahead. A gateway owns the key fetching of its JWT authorizers (one fetch per
 * issuer, however many authorizers name it) and releases it on {@link #close()}. Thread-safe; create one per API
 * and share it.
 */
public final class Gateway implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());

  private final HttpApi api;
  private final Pipeline<GatewayResponse> pipeline;

  private Gateway(HttpApi api) {
    this.api = api;
    this.pipeline = new Pipeline<>(api, GatewayResponse::new);
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
    return pipeline.jwtAuthorizer(name);
  }

  /**
   * Handles one request.
   *
   * @param request the request
   * @return the answer, completed when the integration has answered; never completed exceptionally
   */
  public CompletionStage<GatewayResponse> handle(GatewayRequest request) {
    Objects.requireNonNull(request, "request");
    Call call = pipeline.call(request);
    try {
      // One stage: the reply becomes the response, a bug inside the pipeline its logged 500.
      return pipeline.handle(call).handle((response, error) -> error == null ? response : internalError(call, error));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(internalError(call, e));
    }
  }

  /**
   * Says what the gateway would do with a request — stage, route, path parameters, CORS headers — without
   * authorizing it or calling an integration: the pipeline's first four steps, the same ones {@link #handle} runs.
   * The body is not looked at.
   *
   * @param request the request
   * @return the explanation
   */
  public Explanation explain(GatewayRequest request) {
    return pipeline.explain(Objects.requireNonNull(request, "request"));
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
    return pipeline.refuse(pipeline.call(Objects.requireNonNull(request, "request")), Failure.TOO_LARGE);
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
    return pipeline.refuse(pipeline.call(Objects.requireNonNull(request, "request")), Failure.BAD_REQUEST_BODY);
  }

  /**
   * Starts fetching the keys of every JWT authorizer now, so that the first requests do not wait for them.
   *
   * @return completes when every fetch has ended, whether it succeeded or not
   */
  public CompletionStage<Void> warmUp() {
    return pipeline.warmUp();
  }

  /**
   * Releases what the gateway started: the JWT authorizers' key fetching (threads and HTTP clients). Requests
   * still in flight complete; JWT routes keep the keys they have.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  /** A bug inside the gateway (never a client's fault): logged, answered 500. */
  private GatewayResponse internalError(Call call, Throwable error) {
    LOG.log(System.Logger.Level.ERROR, "a request failed inside the gateway", error);
    return pipeline.internalError(call, error);
  }

}
