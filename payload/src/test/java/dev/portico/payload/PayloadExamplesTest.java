package dev.portico.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The example of package-info.java, kept compiling and true. */
class PayloadExamplesTest {

  @Test
  void packageExample() {
    ProxyRequest request = ProxyRequest.builder()
        .method("GET").path("/pets/7").rawQueryString("fields=name&fields=age")
        .header("Accept", "application/json")
        .sourceIp("192.0.2.1").requestId("JFwPVhMQIAMEVZA=").time(Instant.parse("2020-03-12T19:03:58.390Z"))
        .apiId("a1b2c3d4e5").accountId("123456789012").domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
        .routeKey("GET /pets/{id}").pathParameter("id", "7")
        .build();

    byte[] event = ProxyEvents.encode(request, PayloadFormat.V2_0);

    JsonNode tree = Json.tree(event);
    assertThat(tree.get("routeKey").asText()).isEqualTo("GET /pets/{id}");
    assertThat(tree.at("/headers/accept").asText()).isEqualTo("application/json");
    assertThat(tree.at("/queryStringParameters/fields").asText()).isEqualTo("name,age");

    ProxyResponse response = ProxyResponses.decode(
        "{\"statusCode\":200,\"body\":\"{\\\"name\\\":\\\"Rex\\\"}\"}".getBytes(UTF_8), PayloadFormat.V2_0);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"name\":\"Rex\"}");
  }

  @Test
  void inferenceExampleOfProxyResponses() {
    ProxyResponse ok = ProxyResponses.decode("{\"hello\":\"world\"}".getBytes(UTF_8), PayloadFormat.V2_0);

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyText()).isEqualTo("{\"hello\":\"world\"}");
  }
}
