package dev.portico.gateway;

import static dev.portico.gateway.Fixtures.answering;
import static dev.portico.gateway.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** facts §6: access log lines rendered per request with $context variables. */
class AccessLogTest {
  final List<String> lines = new CopyOnWriteArrayList<>();

  @Test
  void rendersContextVariables() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-12T19:03:58.390Z"));
    Gateway gateway = Gateway.create(HttpApi.builder().apiId("abc123").clock(clock)
        .route(Route.of("GET /pets/{id}", answering("{\"statusCode\":202,\"body\":\"hello\"}")))
        .stage(Stage.builder("prod").accessLog("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"time\":\"$context.requestTime\",\"epoch\":$context.requestTimeEpoch,\"method\":\"$context.httpMethod\","
            + "\"routeKey\":\"$context.routeKey\",\"path\":\"$context.path\",\"status\":$context.status,"
            + "\"length\":$context.responseLength,\"integrationStatus\":\"$context.integrationStatus\","
            + "\"stage\":\"$context.stage\",\"apiId\":\"$context.apiId\",\"error\":\"$context.error.message\","
            + "\"ua\":\"$context.identity.userAgent\"}", (stage, line) -> lines.add(stage + " " + line)).build())
        .build());
    GatewayResponse ok = call(gateway, GatewayRequest.builder().target("/prod/pets/7").sourceIp("192.0.2.4")
        .header("User-Agent", "curl/8").build());
    String id = ok.header("apigw-requestid").orElseThrow();
    assertThat(lines).containsExactly("prod {\"requestId\":\"" + id + "\",\"ip\":\"192.0.2.4\","
        + "\"time\":\"12/Mar/2026:19:03:58 +0000\",\"epoch\":1773342238390,\"method\":\"GET\","
        + "\"routeKey\":\"GET /pets/{id}\",\"path\":\"/prod/pets/7\",\"status\":202,\"length\":5,"
        + "\"integrationStatus\":\"202\",\"stage\":\"prod\",\"apiId\":\"abc123\",\"error\":\"-\",\"ua\":\"curl/8\"}");
    lines.clear();
    GatewayResponse missing = call(gateway, GatewayRequest.builder().target("/prod/cats").build());
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("\"requestId\":\"" + missing.header("apigw-requestid").orElseThrow() + "\"")
        .contains("\"routeKey\":\"-\"").contains("\"status\":404").contains("\"error\":\"Not Found\"")
        .contains("\"integrationStatus\":\"-\"");
  }

  /** facts-2 §6.4: AWS's whole HTTP API variable list is accepted (aws-samples' observability pattern uses one). */
  @Test
  void everyAwsVariableIsAcceptedAndOnesWithoutAValueAreDashes() {
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("POST /pets", answering("{\"statusCode\":201,\"body\":\"hello\"}")))
        .stage(Stage.builder("$default").accessLog("{\"id\":\"$context.requestId\",\"error\":"
            + "$context.error.messageString,\"data\":$context.dataProcessed,\"aws\":\"$context.awsEndpointRequestId\","
            + "\"status\":$context.integration.integrationStatus,\"user\":\"$context.identity.userArn\","
            + "\"cert\":\"$context.identity.clientCert.subjectDN\"}", (stage, line) -> lines.add(line)).build())
        .build());

    GatewayResponse created = call(gateway, GatewayRequest.builder().method("POST").target("/pets")
        .body("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build());
    call(gateway, GatewayRequest.builder().target("/cats").build());

    assertThat(lines.get(0)).isEqualTo("{\"id\":\"" + created.header("apigw-requestid").orElseThrow() + "\","
        + "\"error\":\"-\",\"data\":8,\"aws\":\"-\",\"status\":201,\"user\":\"-\",\"cert\":\"-\"}");
    // AWS: messageString is error.message quoted, so a JSON format writes it bare
    assertThat(lines.get(1)).contains("\"error\":\"Not Found\",");
    org.assertj.core.api.Assertions.assertThatExceptionOfType(GatewayConfigException.class)
        .isThrownBy(() -> Stage.builder("$default").accessLog("$context.requestId $context.awsEndpointRequestID")
            .build())
        .withMessageContaining("unknown variable $context.awsEndpointRequestID");
  }

  @Test
  void aFailingSinkDoesNotFailTheRequest() {
    Gateway gateway = Gateway.create(HttpApi.builder().route(Route.of("GET /", answering("{\"statusCode\":200}")))
        .stage(Stage.builder("$default").accessLog("$context.requestId", (stage, line) -> {
          throw new IllegalStateException("disk full");
        }).build()).build());
    assertThat(call(gateway, GatewayRequest.builder().target("/").build()).statusCode()).isEqualTo(200);
  }

  @Test
  void defaultSinkIsTheAccessLogger() {
    assertThat(Slf4jSink.LOGGER_NAME).isEqualTo("dev.portico.access");
    assertThat(Stage.builder("$default").accessLog("$context.requestId").build().accessLogSink())
        .isSameAs(AccessLogSink.slf4j());
  }
}
