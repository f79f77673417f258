package dev.portico.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.integration.LambdaFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** Lambda-style functions the servlet tests route to. */
final class Functions {
  static final ObjectMapper JSON = new ObjectMapper();

  private Functions() {}

  /** Answers 200 with the event it received as its JSON body. */
  static final LambdaFunction ECHO_EVENT = (event, context) -> {
    ObjectNode response = JSON.createObjectNode();
    response.put("statusCode", 200);
    response.putObject("headers").put("content-type", "application/json");
    response.put("body", new String(event, StandardCharsets.UTF_8));
    return JSON.writeValueAsBytes(response);
  };

  /** Answers with the request body's bytes, base64 as AWS binary responses are. */
  static final LambdaFunction ECHO_BODY = (event, context) -> {
    JsonNode in = JSON.readTree(event);
    byte[] body = body(in);
    ObjectNode response = JSON.createObjectNode();
    response.put("statusCode", 200);
    response.putObject("headers").put("content-type", "application/octet-stream");
    response.put("isBase64Encoded", true);
    response.put("body", Base64.getEncoder().encodeToString(body));
    return JSON.writeValueAsBytes(response);
  };

  /** Answers with the SHA-256 and length of the request body. */
  static final LambdaFunction DIGEST = (event, context) -> {
    byte[] body = body(JSON.readTree(event));
    String digest = HexFormat.of().formatHex(sha256(body));
    return ("{\"statusCode\":200,\"body\":\"" + body.length + " " + digest + "\"}").getBytes(StandardCharsets.UTF_8);
  };

  /** Answers with several headers of one name (1.0 multiValueHeaders) and several cookies (2.0 cookies). */
  static final LambdaFunction MULTI_V1 = (event, context) ->
      ("{\"statusCode\":201,\"multiValueHeaders\":{\"x-multi\":[\"a\",\"b\"],\"content-type\":[\"text/plain\"]},"
          + "\"body\":\"made\"}").getBytes(StandardCharsets.UTF_8);

  static final LambdaFunction COOKIES_V2 = (event, context) ->
      ("{\"statusCode\":200,\"cookies\":[\"session=s1; Path=/; HttpOnly\",\"theme=dark\"],"
          + "\"headers\":{\"content-type\":\"text/plain\"},\"body\":\"ok\"}").getBytes(StandardCharsets.UTF_8);

  static byte[] body(JsonNode event) {
    JsonNode body = event.path("body");
    if (body.isMissingNode() || body.isNull()) {
      return new byte[0];
    }
    return event.path("isBase64Encoded").asBoolean()
        ? Base64.getDecoder().decode(body.asText())
        : body.asText().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
