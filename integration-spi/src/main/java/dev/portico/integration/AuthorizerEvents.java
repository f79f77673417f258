package dev.portico.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portico.payload.AuthorizerContext;
import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Lambda REQUEST authorizer events (facts §4), derived from the proxy event of the same format: the 2.0 event
 * starts with {@code version}, {@code type}, {@code routeArn}, {@code identitySource} (an array) and then carries
 * the proxy event's fields without {@code body}, {@code isBase64Encoded} and {@code requestContext.authorizer};
 * the 1.0 event starts with {@code version}, {@code type}, {@code methodArn}, {@code identitySource} and {@code
 * authorizationToken} (both the comma-joined values) and carries the REST-style fields the same way.
 */
final class AuthorizerEvents {
  static final JsonFactory JSON = JsonFactory.builder().build();
  private static final Set<String> DROPPED = Set.of("version", "body", "isBase64Encoded");

  private AuthorizerEvents() {}

  static byte[] encode(AuthorizerRequest call) {
    byte[] proxy =
        ProxyEvents.encode(
            call.request().toBuilder().authorizer(AuthorizerContext.none()).body(new byte[0]).build(),
            call.payloadFormat());
    ByteArrayOutputStream out = new ByteArrayOutputStream(proxy.length + 256);
    try (JsonParser in = JSON.createParser(proxy);
        JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      boolean v2 = call.payloadFormat() == PayloadFormat.V2_0;
      json.writeStringField("version", v2 ? "2.0" : "1.0");
      json.writeStringField("type", "REQUEST");
      if (v2) {
        json.writeStringField("routeArn", call.routeArn());
        json.writeArrayFieldStart("identitySource");
        for (String value : call.identitySource()) {
          json.writeString(value);
        }
        json.writeEndArray();
      } else {
        String joined = String.join(",", call.identitySource());
        json.writeStringField("methodArn", call.routeArn());
        json.writeStringField("identitySource", joined);
        json.writeStringField("authorizationToken", joined);
      }
      in.nextToken();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        if (DROPPED.contains(name)) {
          in.skipChildren();
        } else if (name.equals("requestContext") && in.currentToken() == JsonToken.START_OBJECT) {
          json.writeFieldName(name);
          copyWithout(in, json, "authorizer");
        } else {
          json.writeFieldName(name);
          json.copyCurrentStructure(in);
        }
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void copyWithout(JsonParser in, JsonGenerator json, String skipped) throws IOException {
    json.writeStartObject();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      if (name.equals(skipped)) {
        in.skipChildren();
      } else {
        json.writeFieldName(name);
        json.copyCurrentStructure(in);
      }
    }
    json.writeEndObject();
  }
}
