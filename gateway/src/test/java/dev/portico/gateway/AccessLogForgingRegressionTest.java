package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.answering;
import static dev.portico.gateway.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 6: values from the request reached log lines unescaped (log forging, terminal escapes). Every
 * access log value is written as JSON string content: one request, one line, and a JSON format stays JSON.
 */
class AccessLogForgingRegressionTest {

  @Test
  void requestValuesCannotSplitForgeOrColourALine() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Gateway gateway = Gateway.create(HttpApi.builder().route(Route.of("GET /pets/{id}", answering("{}")))
        .stage(Stage.builder("$default").accessLog("{\"id\":\"$context.requestId\",\"ua\":\"$context.identity.userAgent\","
            + "\"path\":\"$context.path\"}", (stage, line) -> lines.add(line)).build()).build());
    String userAgent = "curl\u001b[31m\"}\t{\"forged\":\"yes\\\u0085\u2028\u007f";

    call(gateway, GatewayRequest.builder().target("/pets/%0A200%20GET%20%2Fadmin").header("User-Agent", userAgent)
        .build());

    assertThat(lines).hasSize(1);
    String line = lines.get(0);
    assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028)).isEmpty();
    JsonNode parsed = Fixtures.json(line);
    assertThat(parsed.path("ua").asText()).isEqualTo(userAgent);
    assertThat(parsed.path("path").asText()).isEqualTo("/pets/\n200 GET /admin");
    assertThat(parsed.has("forged")).isFalse();
  }
}
