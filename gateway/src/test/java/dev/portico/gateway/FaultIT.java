package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static dev.portico.gateway.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.internal.Timeouts;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Faults of functions and backends: each gets AWS's answer, the gateway stays healthy, and no thread is left
 * blocked afterwards.
 */
class FaultIT {
  ThreadPoolExecutor functions;
  HttpBackend backend;
  final AtomicInteger interrupted = new AtomicInteger();
  final CountDownLatch never = new CountDownLatch(1);
  Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    functions = new ThreadPoolExecutor(4, 4, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    backend = new HttpBackend();
    LambdaFunction hangs = (event, context) -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        throw e;
      }
      return event;
    };
    byte[] twentyMegabytes = ("{\"statusCode\":200,\"body\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /throws", function("throws", (e, c) -> {
          throw new IllegalStateException("boom");
        })))
        .route(Route.builder("GET /hangs", function("hangs", hangs)).timeout(Duration.ofMillis(200)).build())
        .route(Route.of("GET /garbage", function("garbage", (e, c) -> new byte[] {(byte) 0xC3, '{', 0})))
        .route(Route.of("GET /huge", function("huge", (e, c) -> twentyMegabytes)))
        .route(Route.of("POST /upload", function("upload", (e, c) -> "{\"statusCode\":204}".getBytes(StandardCharsets.UTF_8))))
        .route(Route.of("GET /ok", function("ok", (e, c) -> "{\"statusCode\":200,\"body\":\"fine\"}".getBytes(StandardCharsets.UTF_8))))
        .route(Route.of("GET /backend/reset", HttpProxyIntegration.builder(backend.base() + "/reset").build()))
        .route(Route.builder("GET /backend/hang", HttpProxyIntegration.builder(backend.base() + "/hang").build())
            .timeout(Duration.ofMillis(200)).build())
        .route(Route.of("GET /backend/503", HttpProxyIntegration.builder(backend.base() + "/status/503").build()))
        .build());
  }

  LambdaIntegration function(String name, LambdaFunction function) {
    return LambdaIntegration.builder(name, function).executor(functions).build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    never.countDown();
    backend.close();
    functions.shutdownNow();
    functions.awaitTermination(5, TimeUnit.SECONDS);
  }

  void assertHealthy() {
    GatewayResponse ok = get(gateway, "/ok");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyText()).isEqualTo("fine");
  }

  void assertNoFunctionThreadBusy() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (functions.getActiveCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(functions.getActiveCount()).as("function threads still busy").isZero();
    assertThat(functions.getQueue()).isEmpty();
    assertThat(Timeouts.pending()).as("deadlines left scheduled").isZero();
  }

  @Test
  @DisplayName("facts §3: function throws → 500; garbage → 500; 20 MB (over Lambda's 6 MB) → 500")
  void functionFaults() throws InterruptedException {
    for (String target : new String[] {"/throws", "/garbage", "/huge"}) {
      GatewayResponse response = get(gateway, target);
      assertThat(response.statusCode()).as(target).isEqualTo(500);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
      assertHealthy();
    }
    assertNoFunctionThreadBusy();
  }

  @Test
  @DisplayName("facts §3: a function that hangs past the timeout → 503; its thread is interrupted and freed")
  void hangingFunction() throws InterruptedException {
    for (int i = 0; i < 8; i++) {
      GatewayResponse response = get(gateway, "/hangs");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    }
    assertHealthy();
    assertNoFunctionThreadBusy();
    assertThat(interrupted).hasValue(8);
  }

  @Test
  @DisplayName("backend resets → 500, hangs → 503, answers 503 → passed through; no thread left blocked")
  void backendFaults() throws InterruptedException {
    assertThat(get(gateway, "/backend/reset").statusCode()).isEqualTo(500);
    assertThat(get(gateway, "/backend/hang").statusCode()).isEqualTo(503);
    GatewayResponse passed = get(gateway, "/backend/503");
    assertThat(passed.statusCode()).isEqualTo(503);
    assertThat(passed.bodyText()).isEqualTo("backend says 503");
    assertHealthy();
    assertNoFunctionThreadBusy();
    assertThat(blockedPorticoThreads()).isZero();
  }

  @Test
  @DisplayName("D11: a body over the limit → 413 before any function runs")
  void bodyOverLimit() throws InterruptedException {
    long before = functions.getCompletedTaskCount();
    GatewayResponse response = call(gateway, GatewayRequest.builder().method("POST").target("/upload")
        .body(new byte[GatewayLimits.DEFAULT_MAX_BODY_BYTES + 1]).build());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(functions.getCompletedTaskCount()).isEqualTo(before);
    assertHealthy();
    assertNoFunctionThreadBusy();
  }

  /** Threads of Portico's own pools that are blocked or waiting inside a request (the deadline timer may idle). */
  private static long blockedPorticoThreads() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().startsWith("portico-function-"))
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("dev.portico")))
        .count();
  }
}
