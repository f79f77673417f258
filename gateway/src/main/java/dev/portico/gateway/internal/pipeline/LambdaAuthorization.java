package dev.portico.gateway.internal.pipeline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.Expression;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.internal.Timeouts;
import dev.portico.integration.AuthorizerRequest;
import dev.portico.integration.AuthorizerResponse;
import dev.portico.payload.AuthorizerContext;
import dev.portico.routing.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A route authorized by a Lambda REQUEST authorizer (facts §4): the identity sources are read (one missing or
 * empty: 401 without calling), the answer comes from the cache (keyed by the identity-source values, for the
 * result TTL) or from the function within AWS's 10 s; a deny is 403, a failure 500.
 *
 * <p>The cache holds answers as data: a call that failed completes its cached future normally with the failure,
 * which is then dropped. So Caffeine never sees an exceptional future (it logs one with a stack trace at WARNING,
 * for every failed authorizer call), and a failed answer is never reused.
 */
public final class LambdaAuthorization implements Authorization {
  /** AWS: a Lambda authorizer has 10 seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int CACHE_SIZE = 10_000;

  /** An authorizer's answer, or why there is none. */
  private record Answer(@Nullable AuthorizerResponse response, @Nullable Throwable failure) {}

  private final Authorizer.Lambda definition;
  private final List<Expression> identitySources;
  private final HttpApi api;
  private final Clock clock;
  private final @Nullable Cache<List<String>, CompletableFuture<Answer>> cache;

  /**
   * The runtime of one Lambda authorizer, shared by the routes that name it.
   *
   * @param definition the authorizer
   * @param api the API, for route ARNs and the clock
   */
  public LambdaAuthorization(Authorizer.Lambda definition, HttpApi api) {
    this.definition = definition;
    this.identitySources = definition.identitySourceExpressions();
    this.api = api;
    this.clock = api.clock();
    this.cache =
        definition.resultTtl().isZero()
            ? null
            : Caffeine.newBuilder()
                .maximumSize(CACHE_SIZE)
                .expireAfterWrite(definition.resultTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
  }

  @Override
  public CompletionStage<Outcome<AuthorizerContext>> authorize(Call call) {
    List<String> identity = new ArrayList<>(identitySources.size());
    for (Expression source : identitySources) {
      String value = Expressions.read(source, call);
      if (value == null || value.isEmpty()) {
        return CompletableFuture.completedFuture(Outcome.refuse(Failure.UNAUTHORIZED,
            Outcome.Why.authorizer("an identity source is missing or empty")));
      }
      identity.add(value);
    }
    String routeArn = routeArn(call);
    return answer(call, routeArn, identity).thenApply(answer -> {
      if (answer.failure() != null) {
        return Outcome.refuse(Failure.AUTHORIZER_FAILURE, Outcome.Why.authorizer(Causes.describe(answer.failure())));
      }
      AuthorizerResponse response = java.util.Objects.requireNonNull(answer.response());
      if (!response.allows(routeArn)) {
        return Outcome.refuse(Failure.FORBIDDEN, Outcome.Why.authorizer("the authorizer denied the request"));
      }
      return Outcome.next(AuthorizerContext.lambda(response.context()));
    });
  }

  /** {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH}, the path without the stage prefix. */
  private String routeArn(Call call) {
    return "arn:aws:execute-api:" + api.region() + ":" + api.accountId() + ":" + api.apiId() + "/"
        + call.stageName() + "/" + call.request.method() + Router.decodePath(java.util.Objects.requireNonNull(call.routedPath));
  }

  /** Asks the cache or the function. */
  private CompletableFuture<Answer> answer(Call call, String routeArn, List<String> identity) {
    if (cache == null) {
      return invoke(call, routeArn, identity);
    }
    // An answer in flight is shared by the requests that find it; a failed one is dropped as soon as it is
    // known, and never served. Two simultaneous misses may both call the function (AWS promises no coalescing).
    CompletableFuture<Answer> cached = cache.getIfPresent(identity);
    if (cached != null && !(cached.isDone() && cached.join().failure() != null)) {
      return cached;
    }
    CompletableFuture<Answer> fresh = invoke(call, routeArn, identity);
    cache.put(identity, fresh);
    fresh.thenAccept(answer -> {
      if (answer.failure() != null) {
        cache.asMap().remove(identity, fresh);
      }
    });
    return fresh;
  }

  private CompletableFuture<Answer> invoke(Call call, String routeArn, List<String> identity) {
    AuthorizerRequest request =
        new AuthorizerRequest(
            call.event(), definition.payloadFormat(), definition.simpleResponses(), routeArn, identity,
            clock.instant().plus(TIMEOUT), clock);
    CompletableFuture<AuthorizerResponse> response;
    try {
      response = definition.function().authorize(request).toCompletableFuture();
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<AuthorizerResponse> pending = response;
    Future<?> deadline = Timeouts.after(TIMEOUT, () -> pending.cancel(true));
    return response.handle((value, error) -> {
      deadline.cancel(false);
      return new Answer(value, error);
    });
  }
}
