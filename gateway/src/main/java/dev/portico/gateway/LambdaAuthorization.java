package dev.portico.gateway;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portico.gateway.internal.Timeouts;
import dev.portico.integration.AuthorizerRequest;
import dev.portico.integration.AuthorizerResponse;
import dev.portico.payload.ProxyRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One Lambda REQUEST authorizer at run time (facts §4): reads the identity sources, answers 401 when one is missing
 * or empty, otherwise asks the cache (keyed by the identity-source values, for the result TTL) or the function,
 * with AWS's 10 s authorizer timeout.
 */
final class LambdaAuthorization {
  /** AWS: a Lambda authorizer has 10 seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int CACHE_SIZE = 10_000;

  private final Authorizer.Lambda definition;
  private final Clock clock;
  private final AsyncCache<List<String>, AuthorizerResponse> cache;

  LambdaAuthorization(Authorizer.Lambda definition, Clock clock) {
    this.definition = definition;
    this.clock = clock;
    this.cache =
        definition.resultTtl().isZero()
            ? null
            : Caffeine.newBuilder()
                .maximumSize(CACHE_SIZE)
                .expireAfterWrite(definition.resultTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .buildAsync();
  }

  /**
   * The identity-source values, or null when one is missing or empty (then the answer is 401 without a call).
   */
  List<String> identity(Exchange exchange, ProxyRequest request) {
    List<String> values = new ArrayList<>(definition.identitySources().size());
    for (String source : definition.identitySources()) {
      String value = valueOf(source, exchange, request);
      if (value == null || value.isEmpty()) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  private static String valueOf(String source, Exchange exchange, ProxyRequest request) {
    if (source.startsWith("$request.header.")) {
      List<String> values = request.headers().get(source.substring(16).toLowerCase(Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }
    if (source.startsWith("$request.querystring.")) {
      List<String> values = request.queryParameters().get(source.substring(21));
      return values == null ? null : String.join(",", values);
    }
    if (source.startsWith("$stageVariables.")) {
      return request.stageVariables().get(source.substring(16));
    }
    return exchange.variable(source.substring("$context.".length()));
  }

  /** Asks the cache or the function. */
  CompletableFuture<AuthorizerResponse> authorize(ProxyRequest request, String routeArn, List<String> identity) {
    if (cache == null) {
      return call(request, routeArn, identity);
    }
    // An answer in flight is shared by the requests that find it; a failed or cancelled one is never reused, even
    // in the moment before Caffeine drops it. Two simultaneous misses may both call the function (AWS promises no
    // coalescing either).
    CompletableFuture<AuthorizerResponse> cached = cache.getIfPresent(identity);
    if (cached != null && !cached.isCompletedExceptionally()) {
      return cached;
    }
    CompletableFuture<AuthorizerResponse> fresh = call(request, routeArn, identity);
    cache.put(identity, fresh);
    return fresh;
  }

  private CompletableFuture<AuthorizerResponse> call(ProxyRequest request, String routeArn, List<String> identity) {
    AuthorizerRequest call =
        new AuthorizerRequest(
            request, definition.payloadFormat(), definition.simpleResponses(), routeArn, identity,
            clock.instant().plus(TIMEOUT), clock);
    CompletableFuture<AuthorizerResponse> answer;
    try {
      answer = definition.function().authorize(call).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Future<?> deadline = Timeouts.after(TIMEOUT, () -> answer.cancel(true));
    answer.whenComplete((value, error) -> deadline.cancel(false));
    return answer;
  }
}
