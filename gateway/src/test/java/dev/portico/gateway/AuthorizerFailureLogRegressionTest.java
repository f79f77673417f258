package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static dev.portico.gateway.Fixtures.echo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.integration.LambdaAuthorizer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 (from issue 9's note): every failed Lambda-authorizer call made Caffeine log "Exception thrown during
 * asynchronous load" with a stack trace at WARNING. The cache now holds failures as data: nothing is logged, the
 * answer is still 500, and a failure is never served from the cache.
 */
class AuthorizerFailureLogRegressionTest {

  @Test
  void aFailingAuthorizerLogsNothingAndIsCalledAgain() {
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    AtomicInteger calls = new AtomicInteger();
    try (Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.builder("GET /", echo()).custom("auth").build())
        .authorizer(Authorizer.lambda("auth", LambdaAuthorizer.of("auth", (event, context) -> {
          calls.incrementAndGet();
          throw new IllegalStateException("the authorizer is down");
        })).identitySources("$request.header.Authorization").build())
        .build())) {
      for (int i = 0; i < 3; i++) {
        GatewayResponse response = call(gateway, GatewayRequest.builder().target("/")
            .header("Authorization", "token").build());
        assertThat(response.statusCode()).isEqualTo(500);
      }
    } finally {
      root.removeHandler(capture);
    }

    assertThat(calls.get()).as("failures are never cached").isEqualTo(3);
    assertThat(warnings).noneMatch(r -> String.valueOf(r.getMessage()).contains("asynchronous load")
        || r.getLoggerName().startsWith("com.github.benmanes.caffeine"));
  }
}
