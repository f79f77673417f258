package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.integration.LambdaIntegration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a function's exception shows in the log with its stack trace, as the Lambda console shows it, on the
 * logger {@code dev.portico.function}; the client still gets AWS's 500 and nothing more.
 */
class FunctionFailureLogTest {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger("dev.portico.function");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void capture() {
    logger.addHandler(capture);
  }

  @AfterEach
  void release() {
    logger.removeHandler(capture);
  }

  @Test
  void whatAFunctionThrowsIsLoggedWithItsStackTraceAndTheRequest() {
    IllegalStateException boom = new IllegalStateException("the table is missing");
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", (event, context) -> {
          throw boom;
        })))
        .build());

    GatewayResponse response = call(gateway, GatewayRequest.builder().target("/pets/7").build());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.bodyText()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getMessage()).isEqualTo("request " + response.header("apigw-requestid").orElseThrow()
          + " (GET /pets/{id}): function pets failed: java.lang.IllegalStateException: the table is missing");
      assertThat(record.getThrown()).isSameAs(boom);
    });
  }

  @Test
  void anInvalidResponseIsLoggedInOneLineWithoutPorticosOwnTrace() {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /", LambdaIntegration.of("broken", (event, context) ->
            "{\"statusCode\":\"two hundred\"}".getBytes(StandardCharsets.UTF_8))))
        .build());

    GatewayResponse response = call(gateway, GatewayRequest.builder().target("/").build());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record.getMessage()).startsWith("request ").contains("(GET /): function broken returned an invalid"
          + " response: ");
      assertThat(record.getThrown()).isNull();
    });
  }
}
