package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The examples of package-info.java, kept compiling and true. */
class IntegrationExamplesTest {
  static final Clock CLOCK = Clock.systemUTC();
  static final ProxyRequest REQUEST = ProxyRequest.builder().method("GET").path("/pets").sourceIp("192.0.2.1")
      .requestId("r-1").time(Instant.now()).apiId("api1").accountId("123456789012").domainName("api.example.com")
      .header("authorization", "secret-token").build();

  @Test
  void packageExamples() throws Exception {
    Integration hello = LambdaIntegration.of("hello", (event, context) ->
        "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
    Integration backend = HttpProxyIntegration.builder("http://127.0.0.1:8080/{proxy}").build();
    LambdaAuthorizer authorizer = LambdaAuthorizer.of("auth", (event, context) -> {
      boolean ok = new String(event, StandardCharsets.UTF_8).contains("\"secret-token\"");
      return ("{\"isAuthorized\":" + ok + ",\"context\":{\"tenant\":\"t1\"}}").getBytes(StandardCharsets.UTF_8);
    });

    IntegrationRequest call = IntegrationRequest.of(REQUEST, PayloadFormat.V2_0, CLOCK.instant().plusSeconds(30), CLOCK);
    assertThat(hello.invoke(call).toCompletableFuture().get(5, TimeUnit.SECONDS).bodyText()).isEqualTo("hello");
    assertThat(backend.payloadFormats()).containsExactly(PayloadFormat.V1_0);
    AuthorizerResponse answer = authorizer.authorize(new AuthorizerRequest(REQUEST, PayloadFormat.V2_0, true,
        "arn:aws:execute-api:us-east-1:123456789012:api1/$default/GET/pets", List.of("secret-token"),
        CLOCK.instant().plusSeconds(10), CLOCK)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(answer.allows("any")).isTrue();
    assertThat(answer.context()).containsEntry("tenant", "t1");
  }
}
