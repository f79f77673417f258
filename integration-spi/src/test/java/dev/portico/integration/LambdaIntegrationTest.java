package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyRequest;
import dev.portico.payload.ProxyResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LambdaIntegrationTest {
  static final Clock CLOCK = Clock.systemUTC();

  static IntegrationRequest request() {
    ProxyRequest request = ProxyRequest.builder().method("GET").path("/x").sourceIp("192.0.2.1").requestId("r-1")
        .time(Instant.now()).apiId("api1").accountId("123456789012").domainName("api.example.com").build();
    return IntegrationRequest.of(request, PayloadFormat.V2_0, CLOCK.instant().plusSeconds(30), CLOCK);
  }

  @Test
  void decodesTheFunctionsAnswerAndPassesTheContext() throws Exception {
    LambdaIntegration integration = LambdaIntegration.of("fn", (event, context) ->
        ("{\"statusCode\":202,\"body\":\"" + context.functionName() + " " + context.requestId() + "\"}")
            .getBytes(StandardCharsets.UTF_8));
    ProxyResponse response = integration.invoke(request()).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.bodyText()).isEqualTo("fn r-1");
  }

  @Test
  void cancellingInterruptsTheFunction() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    LambdaIntegration integration = LambdaIntegration.of("slow", (event, context) -> {
      started.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return event;
    });
    CompletableFuture<ProxyResponse> call = integration.invoke(request()).toCompletableFuture();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    call.cancel(true);
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void failuresAreIntegrationExceptions() {
    LambdaIntegration tooBig = LambdaIntegration.builder("big", (event, context) -> new byte[100])
        .maxResponseBytes(10).build();
    assertFailure(tooBig, "invalid response");
    assertFailure(LambdaIntegration.of("nul", (event, context) -> null), "returned null");
    assertFailure(LambdaIntegration.of("boom", (event, context) -> {
      throw new java.io.IOException("disk");
    }), "function boom failed: java.io.IOException: disk");
    assertFailure(LambdaIntegration.builder("rejected", (e, c) -> e).executor(task -> {
      throw new java.util.concurrent.RejectedExecutionException("full");
    }).build(), "is throttled: its executor is saturated");
  }

  /** Issue 18, item 13: Lambda's reserved concurrency; one invocation more is throttled at once, never queued. */
  @Test
  void reservedConcurrencyThrottlesTheInvocationBeyondIt() throws Exception {
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    LambdaFunction slow = ((LambdaFunction) (event, context) -> {
      inside.countDown();
      release.await(10, TimeUnit.SECONDS);
      return "{\"statusCode\":200}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }).withReservedConcurrency(2);
    LambdaIntegration integration = LambdaIntegration.of("slow", slow);
    CompletableFuture<ProxyResponse> first = integration.invoke(request()).toCompletableFuture();
    CompletableFuture<ProxyResponse> second = integration.invoke(request()).toCompletableFuture();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

    assertFailure(integration, "function slow is throttled: 2 invocations are running, its reserved concurrency");

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    // The permits came back: the function runs again.
    assertThat(integration.invoke(request()).toCompletableFuture().get(10, TimeUnit.SECONDS).statusCode())
        .isEqualTo(200);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> slow.withReservedConcurrency(0))
        .hasMessageContaining("reservedConcurrency must be at least 1, got 0");
  }

  private static void assertFailure(LambdaIntegration integration, String message) {
    CompletableFuture<ProxyResponse> call = integration.invoke(request()).toCompletableFuture();
    try {
      call.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(IntegrationException.class).hasMessageContaining(message);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void functionNamesFollowLambdasRules() {
    for (String bad : new String[] {"", "a b", "x".repeat(65), "fn:", "fn:a b", "$fn"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> LambdaIntegration.of(bad, (e, c) -> e))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(LambdaIntegration.of("orders-api_2:$LATEST", (e, c) -> e).functionName())
        .isEqualTo("orders-api_2:$LATEST");
  }
}
