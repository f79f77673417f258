package dev.portico.auth.jwt;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signing keys of the issuers a group of JWT authorizers trusts, fetched once per issuer however many
 * authorizers name it, and the HTTP client and threads that fetch them — released by {@link #close()}.
 *
 * <pre>{@code
 * try (JwksCache keys = JwksCache.create()) {
 *   JwtAuthorizer readers = JwtAuthorizer.create(readConfig, keys);
 *   JwtAuthorizer writers = JwtAuthorizer.create(writeConfig, keys);   // same issuer: one JWKS, fetched once
 *   readers.authorize(header, Set.of("pets/read"));
 *   writers.authorize(header, Set.of("pets/write"));
 * }                                                                    // key refreshing stops here
 * }</pre>
 *
 * <p>Authorizers share an issuer's keys when their issuer, fetch timeout, key lifetime, limits, clock and executor
 * are equal; otherwise each gets its own. A gateway holds one cache for all its JWT authorizers and closes it with
 * itself. An authorizer made without a cache owns one of its own ({@link JwtAuthorizer#create(JwtAuthorizerConfig)}).
 */
public final class JwksCache implements AutoCloseable {
  private static final AtomicInteger CACHES = new AtomicInteger();

  /** What makes two configurations fetch the same way. */
  private record Fetching(URI issuer, Duration fetchTimeout, Duration keyLifetime, JwtLimits limits, Clock clock,
      Object executor) {}

  /** One HTTP client per executor and connect timeout. */
  private record Client(Object executor, Duration connectTimeout) {}

  private final Map<Fetching, KeySource> sources = new ConcurrentHashMap<>();
  private final Map<Client, HttpClient> clients = new ConcurrentHashMap<>();
  private final ExecutorService threads;
  private final String threadPrefix = "portico-jwks-" + CACHES.incrementAndGet() + "-";
  private volatile boolean closed;

  private JwksCache() {
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, threadPrefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * A new, empty cache. No thread starts until a key is fetched.
   *
   * @return the cache
   */
  public static JwksCache create() {
    return new JwksCache();
  }

  /** The key source of a configuration's issuer, shared with every equal way of fetching it. */
  KeySource source(JwtAuthorizerConfig config) {
    if (closed) {
      throw new IllegalStateException("this JwksCache is closed");
    }
    Object executor = config.executor().<Object>map(e -> e).orElse(threads);
    Fetching key = new Fetching(config.issuer(), config.fetchTimeout(), config.keyLifetime(), config.limits(),
        config.clock(), executor);
    return sources.computeIfAbsent(key, k -> new KeySource(config,
        clients.computeIfAbsent(new Client(executor, config.fetchTimeout()), c -> client(config))));
  }

  private HttpClient client(JwtAuthorizerConfig config) {
    return HttpClient.newBuilder()
        .connectTimeout(config.fetchTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .executor(config.executor().orElse(threads))
        .build();
  }

  /** @return the name prefix of this cache's threads, {@code portico-jwks-N-} */
  String threadPrefix() {
    return threadPrefix;
  }

  /** @return how many issuers' keys are held (for tests of the sharing) */
  int size() {
    return sources.size();
  }

  /**
   * Stops fetching: the cache's threads end and its HTTP clients are released (closed where the JDK allows, 21+).
   * Authorizers using the cache keep the keys they have and fetch no more.
   */
  @Override
  public void close() {
    closed = true;
    threads.shutdownNow();
    for (HttpClient client : clients.values()) {
      if (client instanceof AutoCloseable closeable) { // JDK 21+: HttpClient.close()
        try {
          closeable.close();
        } catch (Exception e) {
          // nothing left to release
        }
      }
    }
    clients.clear();
  }
}
