package dev.portico.auth.jwt;

import dev.portico.payload.BoundedBody;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The issuer's signing keys: OpenID discovery, then the JWKS, kept fresh in the background.
 *
 * <p>One snapshot of keys is held at a time. Request threads read it without locking or waiting. When it is due
 * for refresh (its {@code Cache-Control: max-age}, clamped to [1 min, key lifetime / 2], default 5 min) the first
 * reader starts one background fetch and keeps using the current keys. A failed fetch keeps the old keys until
 * the key lifetime since the last success has passed, and further attempts back off (1 s doubling to 30 s). A
 * token with an unknown {@code kid} starts a fetch at most once per 30 s, whatever kids tokens name: the rate limit
 * alone bounds the load on the issuer. There is no negative cache of kids: one let a client that named the
 * issuer's next key before it was published keep that key refused after the rotation until the scheduled refresh
 * (issue 18); now a new key is usable at most 30 s after its first token. Only the very first request for an
 * issuer without any keys waits, and at most for the fetch timeouts.
 *
 * <p>Why not a Caffeine {@code LoadingCache} for the snapshot: there is exactly one entry per issuer, and its
 * refresh interval comes from each response's {@code max-age}, which Caffeine's fixed {@code refreshAfterWrite}
 * cannot express. Caffeine holds the verified tokens, in {@link JwtAuthorizer}.
 */
final class KeySource {

  static final Duration UNKNOWN_KID_REFETCH_INTERVAL = Duration.ofSeconds(30);
  static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);
  static final Duration MIN_REFRESH = Duration.ofMinutes(1);
  static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private static final System.Logger LOG = System.getLogger("dev.portico.auth.jwt");

  record Snapshot(KeySet keys, Instant refreshAt, Instant expiresAt) {}

  private final JwtAuthorizerConfig config;
  private final HttpClient http;
  /** Every authorizer reading these keys is told when they change (its verified tokens may name a dropped key). */
  private final List<Consumer<KeySet>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  final java.util.concurrent.atomic.LongAdder fetches = new java.util.concurrent.atomic.LongAdder();
  final java.util.concurrent.atomic.LongAdder fetchFailures = new java.util.concurrent.atomic.LongAdder();
  volatile @Nullable String lastFetchFailure;

  private volatile @Nullable Snapshot snapshot;
  private volatile @Nullable URI jwksUri;

  private final Object lock = new Object();
  private @Nullable CompletableFuture<Snapshot> inFlight; // guarded by lock
  private Instant lastFetchStart = Instant.EPOCH; // guarded by lock
  private Instant retryNotBefore = Instant.EPOCH; // guarded by lock
  private Duration backoff = MIN_BACKOFF; // guarded by lock

  KeySource(JwtAuthorizerConfig config, HttpClient http) {
    this.config = config;
    this.http = http;
  }

  /** Tells {@code listener} of every new key set from now on; undone by {@link #unlisten}. */
  void listen(Consumer<KeySet> listener) {
    listeners.add(listener);
  }

  void unlisten(Consumer<KeySet> listener) {
    listeners.remove(listener);
  }

  /** Starts a fetch now unless one is running or backing off: keys ready before the first request needs them. */
  CompletableFuture<?> warmUp(Instant now) {
    if (current(now) != null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Snapshot> fetch = startFetch(now, false);
    return fetch == null ? CompletableFuture.completedFuture(null) : fetch.handle((s, e) -> null);
  }

  /** The keys to use now, without waiting: null when there are none (cold, or expired beyond the lifetime). */
  @Nullable KeySet current(Instant now) {
    Snapshot s = snapshot;
    if (s == null) {
      return null;
    }
    if (!now.isBefore(s.refreshAt())) {
      startFetch(now, false);
    }
    return now.isBefore(s.expiresAt()) ? s.keys() : null;
  }

  /**
   * The keys for a request that found none: starts (or joins) a fetch and waits for it, at most the time the
   * fetches themselves may take. Null when no keys could be had.
   */
  @Nullable KeySet awaitKeys(Instant now) {
    KeySet keys = current(now);
    if (keys != null) {
      return keys;
    }
    CompletableFuture<Snapshot> fetch = startFetch(now, false);
    if (fetch == null) {
      return null; // backing off after a failure: fail closed at once
    }
    long waitMillis = config.fetchTimeout().toMillis() * (jwksUri == null ? 2 : 1) + 250;
    try {
      Snapshot s = fetch.get(waitMillis, TimeUnit.MILLISECONDS);
      return s.keys();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      return null;
    }
  }

  /**
   * A token named a kid the keys do not have: maybe the issuer rotated. Starts a fetch unless one started in the
   * last 30 s. Never waits.
   */
  void unknownKid(Instant now) {
    startFetch(now, true);
  }

  /** The running fetch, a new one, or null when rate limiting or back-off forbids starting one. */
  private @Nullable CompletableFuture<Snapshot> startFetch(Instant now, boolean forUnknownKid) {
    CompletableFuture<Snapshot> started;
    synchronized (lock) {
      if (inFlight != null) {
        return inFlight;
      }
      if (now.isBefore(retryNotBefore)) {
        return null;
      }
      if (forUnknownKid && now.isBefore(lastFetchStart.plus(UNKNOWN_KID_REFETCH_INTERVAL))) {
        return null;
      }
      lastFetchStart = now;
      started = new CompletableFuture<>();
      inFlight = started;
    }
    fetches.increment();
    CompletableFuture<Snapshot> result = started;
    fetch().whenComplete((s, failure) -> finish(result, s, failure));
    return result;
  }

  private void finish(CompletableFuture<Snapshot> fetch, Snapshot s, Throwable failure) {
    Instant now = config.clock().instant();
    if (failure == null) {
      Snapshot previous = snapshot;
      snapshot = s;
      lastFetchFailure = null;
      if (previous == null || !previous.keys().equals(s.keys())) {
        listeners.forEach(listener -> listener.accept(s.keys()));
      }
      synchronized (lock) {
        inFlight = null;
        backoff = MIN_BACKOFF;
        retryNotBefore = Instant.EPOCH;
      }
      fetch.complete(s);
      return;
    }
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    String why = describe(cause);
    fetchFailures.increment();
    lastFetchFailure = why;
    jwksUri = null; // discover again next time: the provider may have moved its keys
    LOG.log(System.Logger.Level.WARNING, "JWT issuer {0}: key fetch failed: {1}", config.issuer(), why);
    synchronized (lock) {
      inFlight = null;
      retryNotBefore = now.plus(backoff);
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
    fetch.completeExceptionally(cause);
  }

  private static String describe(Throwable cause) {
    if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException
        || cause instanceof CancellationException) {
      return "timed out";
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  private CompletableFuture<Snapshot> fetch() {
    URI known = jwksUri;
    CompletableFuture<URI> uri = known != null ? CompletableFuture.completedFuture(known) : discover();
    return uri.thenCompose(u -> get(u, config.limits().maxJwksBytes(), "JWKS").thenApply(response -> {
      KeySet keys;
      try {
        Snapshot previous = snapshot;
        keys = KeySet.parse(response.body(), previous == null ? KeySet.EMPTY : previous.keys());
      } catch (Json.JsonException | IllegalArgumentException e) {
        throw new CompletionException(new FetchException("JWKS at " + u + " is not a JWKS: " + e.getMessage()));
      }
      Instant now = config.clock().instant();
      Duration refresh = refreshInterval(response.headers());
      return new Snapshot(keys, now.plus(refresh), now.plus(config.keyLifetime()));
    }));
  }

  private CompletableFuture<URI> discover() {
    URI discovery = config.discoveryUri();
    return get(discovery, config.limits().maxDiscoveryBytes(), "discovery document").thenApply(response -> {
      Map<String, Object> doc;
      try {
        doc = Json.parseObject(response.body());
      } catch (Json.JsonException e) {
        throw new CompletionException(new FetchException("discovery document at " + discovery + " is not JSON: "
            + e.getMessage()));
      }
      Object issuer = doc.get("issuer");
      if (!config.issuer().toString().equals(issuer)) {
        throw new CompletionException(new FetchException("discovery document at " + discovery + " names issuer '"
            + issuer + "', not the configured '" + config.issuer() + "'"));
      }
      Object jwks = doc.get("jwks_uri");
      URI uri = jwks instanceof String ? checkJwksUri((String) jwks) : null;
      if (uri == null) {
        throw new CompletionException(new FetchException("discovery document at " + discovery
            + " has no usable jwks_uri: " + jwks));
      }
      jwksUri = uri;
      return uri;
    });
  }

  /** The jwks_uri when it is absolute https, or http on a loopback host (as for issuers); else null. */
  static @Nullable URI checkJwksUri(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      boolean ok = uri.getHost() != null && uri.getRawUserInfo() == null
          && (scheme.equals("https") || (scheme.equals("http") && JwtAuthorizerConfig.isLoopback(uri.getHost())));
      return ok ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static Duration refreshInterval(HttpHeaders headers, Duration keyLifetime) {
    Duration max = keyLifetime.dividedBy(2);
    Duration refresh = DEFAULT_REFRESH;
    OptionalLong maxAge = maxAge(headers.allValues("cache-control"));
    if (maxAge.isPresent()) {
      refresh = Duration.ofSeconds(maxAge.getAsLong());
    }
    if (refresh.compareTo(MIN_REFRESH) < 0) {
      refresh = MIN_REFRESH;
    }
    return refresh.compareTo(max) > 0 ? max : refresh;
  }

  private Duration refreshInterval(HttpHeaders headers) {
    return refreshInterval(headers, config.keyLifetime());
  }

  /** The {@code max-age} directive of the Cache-Control values; {@code no-cache}/{@code no-store} count as 0. */
  static OptionalLong maxAge(List<String> cacheControl) {
    for (String value : cacheControl) {
      for (String directive : value.split(",")) {
        String d = directive.trim().toLowerCase(java.util.Locale.ROOT);
        if (d.equals("no-cache") || d.equals("no-store")) {
          return OptionalLong.of(0);
        }
        if (d.startsWith("max-age=")) {
          String n = d.substring("max-age=".length()).replace("\"", "");
          try {
            return OptionalLong.of(Math.max(0, Long.parseLong(n)));
          } catch (NumberFormatException e) {
            return OptionalLong.empty();
          }
        }
      }
    }
    return OptionalLong.empty();
  }

  /** GET with the fetch timeout covering the whole exchange, a 200 required, and the body capped at {@code max}. */
  private CompletableFuture<HttpResponse<byte[]>> get(URI uri, int max, String what) {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(config.fetchTimeout())
        .header("accept", "application/json")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = http.sendAsync(request, BoundedBody.handler(max, (size, declared) -> new FetchException(
          what + " at " + uri + (declared ? " declares " + size + " bytes, more than " + max
              : " is larger than " + max + " bytes"))));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new FetchException(what + " at " + uri + ": " + e.getMessage()));
    }
    CompletableFuture.delayedExecutor(config.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> exchange.cancel(true));
    return exchange.handle((response, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        if (cause instanceof FetchException) {
          throw new CompletionException(cause);
        }
        throw new CompletionException(new FetchException(what + " at " + uri + ": " + describe(cause)));
      }
      if (response.statusCode() != 200) {
        throw new CompletionException(new FetchException(what + " at " + uri + " answered "
            + response.statusCode()));
      }
      return response;
    });
  }

  /** A fetch failed for a reason worth logging. */
  static final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    FetchException(String message) {
      super(message, null, false, false);
    }
  }
}
