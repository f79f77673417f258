package dev.portico.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.testing.internal.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event a function received, exactly as the gateway encoded it: a proxy event (payload format 1.0 or 2.0) or
 * a Lambda authorizer event. Read it as JSON, through the accessors (which know where each format keeps a value),
 * or as the {@code aws-lambda-java-events} type your handler takes.
 *
 * <pre>{@code
 * RecordedEvent event = pets.lastInvocation().orElseThrow().event();
 * event.pathParameter("petId");                 // Optional[7]
 * event.claim("sub");                           // Optional[u1]
 * APIGatewayV2HTTPEvent typed = event.as(APIGatewayV2HTTPEvent.class);
 * }</pre>
 */
public final class RecordedEvent {
  private final byte[] json;
  private final JsonNode tree;

  private RecordedEvent(byte[] json, JsonNode tree) {
    this.json = json;
    this.tree = tree;
  }

  /**
   * Reads an event.
   *
   * @param json the event's JSON
   * @return the event
   * @throws IllegalArgumentException when it is not a JSON object
   */
  public static RecordedEvent of(byte[] json) {
    Objects.requireNonNull(json, "json");
    return new RecordedEvent(json.clone(), JsonTrees.readObject(json));
  }

  /** @return the JSON as sent */
  public String json() {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** @return the JSON bytes as sent (a copy) */
  public byte[] bytes() {
    return json.clone();
  }

  /**
   * Reads the event as the Lambda Java runtime would hand it to a {@code RequestHandler<T, ?>}, with the
   * runtime's own serializers.
   *
   * <pre>{@code
   * APIGatewayV2HTTPEvent v2 = event.as(APIGatewayV2HTTPEvent.class);
   * APIGatewayProxyRequestEvent v1 = event.as(APIGatewayProxyRequestEvent.class);
   * APIGatewayV2CustomAuthorizerEvent authorizer = event.as(APIGatewayV2CustomAuthorizerEvent.class);
   * }</pre>
   *
   * @param type an {@code aws-lambda-java-events} type, or any type Jackson can bind
   * @param <T> the type
   * @return the event as that type
   */
  public <T> T as(Class<T> type) {
    return AwsLambdaHandlers.readInput(json, type);
  }

  /** @return {@code 2.0} or {@code 1.0}, the {@code version} field */
  public String version() {
    return text("/version").orElse("1.0");
  }

  /** @return {@code true} for a Lambda authorizer's event ({@code type: REQUEST}) */
  public boolean isAuthorizerEvent() {
    return text("/type").filter("REQUEST"::equals).isPresent();
  }

  private boolean v2() {
    return "2.0".equals(version());
  }

  /** @return the HTTP method */
  public String method() {
    return text(v2() ? "/requestContext/http/method" : "/httpMethod").orElse("");
  }

  /** @return the route key ({@code GET /pets/{petId}}); 2.0 events only, 1.0 events carry {@link #resource()} */
  public Optional<String> routeKey() {
    return v2() ? text("/routeKey") : Optional.empty();
  }

  /** @return a 1.0 event's {@code resource}, the route's path ({@code /pets/{petId}}); empty for 2.0 */
  public Optional<String> resource() {
    return v2() ? Optional.empty() : text("/resource");
  }

  /** @return the path as the function sees it: 2.0 {@code rawPath}, 1.0 {@code path} */
  public String path() {
    return text(v2() ? "/rawPath" : "/path").orElse("");
  }

  /** @return the raw query string (2.0), empty for 1.0 events, which carry parsed parameters only */
  public String rawQueryString() {
    return text("/rawQueryString").orElse("");
  }

  /**
   * A path parameter.
   *
   * @param name the parameter, as the route key names it
   * @return its decoded value
   */
  public Optional<String> pathParameter(String name) {
    return text("/pathParameters/" + JsonTrees.escape(name));
  }

  /**
   * A header, by a case-insensitive name. Several values come comma-joined, as 2.0 events carry them (for 1.0 the
   * last value, as {@code headers} carries it).
   *
   * @param name the header name
   * @return the value
   */
  public Optional<String> header(String name) {
    Objects.requireNonNull(name, "name");
    JsonNode headers = tree.path("headers");
    for (Map.Entry<String, JsonNode> header : headers.properties()) {
      if (header.getKey().equalsIgnoreCase(name) && header.getValue().isTextual()) {
        return Optional.of(header.getValue().asText());
      }
    }
    return Optional.empty();
  }

  /**
   * A query string parameter. Several values come comma-joined in 2.0 events (for 1.0 the last value).
   *
   * @param name the parameter
   * @return the value
   */
  public Optional<String> queryParameter(String name) {
    return text("/queryStringParameters/" + JsonTrees.escape(name));
  }

  /**
   * A stage variable.
   *
   * @param name the variable
   * @return the value
   */
  public Optional<String> stageVariable(String name) {
    return text("/stageVariables/" + JsonTrees.escape(name));
  }

  /**
   * A JWT claim a JWT authorizer passed on ({@code requestContext.authorizer.jwt.claims} in 2.0, {@code
   * requestContext.authorizer.claims} in 1.0); AWS flattens every claim to a string.
   *
   * @param name the claim
   * @return the value
   */
  public Optional<String> claim(String name) {
    return text((v2() ? "/requestContext/authorizer/jwt/claims/" : "/requestContext/authorizer/claims/")
        + JsonTrees.escape(name));
  }

  /** @return the scopes a JWT authorizer passed on; empty when there were none */
  public List<String> scopes() {
    JsonNode scopes = tree.at(v2() ? "/requestContext/authorizer/jwt/scopes" : "/requestContext/authorizer/scopes");
    List<String> values = new ArrayList<>();
    scopes.forEach(scope -> values.add(scope.asText()));
    return List.copyOf(values);
  }

  /**
   * A value a Lambda authorizer put in its context ({@code requestContext.authorizer.lambda} in 2.0, {@code
   * requestContext.authorizer} in 1.0), as text: strings as they are, numbers and booleans printed, objects as
   * JSON.
   *
   * @param name the context key
   * @return the value
   */
  public Optional<String> authorizerContext(String name) {
    return value((v2() ? "/requestContext/authorizer/lambda/" : "/requestContext/authorizer/") + JsonTrees.escape(name));
  }

  /** @return the source IP ({@code requestContext.http.sourceIp} in 2.0, {@code identity.sourceIp} in 1.0) */
  public String sourceIp() {
    return text(v2() ? "/requestContext/http/sourceIp" : "/requestContext/identity/sourceIp").orElse("");
  }

  /** @return the gateway's request id ({@code requestContext.requestId}) */
  public String requestId() {
    return text("/requestContext/requestId").orElse("");
  }

  /** @return the body as text, base64-decoded when {@code isBase64Encoded}; empty without a body */
  public String body() {
    Optional<String> body = text("/body");
    if (body.isEmpty()) {
      return "";
    }
    if (tree.path("isBase64Encoded").asBoolean(false)) {
      return new String(Base64.getDecoder().decode(body.get()), StandardCharsets.UTF_8);
    }
    return body.get();
  }

  /**
   * Any value, by JSON Pointer (RFC 6901): text values as they are, other values as JSON.
   *
   * <pre>{@code
   * event.field("/requestContext/http/protocol");   // Optional[HTTP/1.1]
   * }</pre>
   *
   * @param jsonPointer the pointer, like {@code /requestContext/stage}
   * @return the value; empty when absent or {@code null}
   * @throws IllegalArgumentException when the pointer is malformed
   */
  public Optional<String> field(String jsonPointer) {
    return value(JsonTrees.pointer(jsonPointer));
  }

  private Optional<String> text(String pointer) {
    JsonNode node = tree.at(pointer);
    return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
  }

  private Optional<String> value(String pointer) {
    JsonNode node = tree.at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(node.isValueNode() ? node.asText() : node.toString());
  }

  /** @return the JSON */
  @Override
  public String toString() {
    return json();
  }
}
