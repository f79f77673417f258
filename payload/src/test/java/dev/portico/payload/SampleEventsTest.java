package dev.portico.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AWS-published HTTP API sample events: each is read into a {@link ProxyRequest} and encoded again, and the result
 * must be the sample's JSON tree once the listed differences are applied to the sample.
 */
class SampleEventsTest {

  /**
   * Where the synthetic samples differ from what API Gateway sends. Each difference rewrites the expected tree
   * and reports whether it applied; every difference must apply to at least one sample.
   */
  record Difference(String name, String reason, Predicate<ObjectNode> apply) {}

  static final List<Difference> DIFFERENCES = List.of(
      new Difference("lowercase header names",
          "facts §2: HTTP API header names are lowercased; the samples are hand-written with mixed case",
          SampleEventsTest::lowercaseHeaderNames),
      new Difference("time from timeEpoch",
          "several samples write time without the space before +0000, or a day that disagrees with timeEpoch;"
              + " Portico formats time from the same instant as timeEpoch (facts §2 format)",
          SampleEventsTest::timeFromEpoch),
      new Difference("text body without content type is base64",
          "facts §2 (verified on AWS): without a textual content-type the body is base64 and isBase64Encoded"
              + " is true; the samples send text with no content-type header",
          SampleEventsTest::base64WithoutContentType),
      new Difference("one path",
          "the trailing-slash sample has rawPath /my/path/ but http.path /my/path; both are the path as"
              + " delivered (facts §2), Portico writes the same value to both",
          SampleEventsTest::httpPathIsRawPath),
      new Difference("one authorizer",
          "facts §2: the authorizer holds one of jwt, lambda, iam; a sample holds jwt and lambda, Portico keeps"
              + " the Lambda authorizer's context",
          SampleEventsTest::oneAuthorizer));

  private static final Set<String> APPLIED = new HashSet<>();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "aws-lambda-go/apigw-v2-request-iam.json",
      "aws-lambda-go/apigw-v2-request-jwt-authorizer.json",
      "aws-lambda-go/apigw-v2-request-lambda-authorizer.json",
      "aws-lambda-go/apigw-v2-request-no-authorizer.json",
      "aws-lambda-java-libs/apigw_http_event.json",
      "powertools-lambda-python/apiGatewayProxyV2Event.json",
      "powertools-lambda-python/apiGatewayProxyV2EventPathTrailingSlash.json",
      "powertools-lambda-python/apiGatewayProxyV2Event_GET.json",
      "powertools-lambda-python/apiGatewayProxyV2IamEvent.json",
      "powertools-lambda-python/apiGatewayProxyV2LambdaAuthorizerEvent.json",
      "powertools-lambda-python/apiGatewayProxyV2OtherGetEvent.json"})
  void sampleReEncodesToItsOwnTree(String sample) {
    JsonNode event = Json.tree(Json.resource("aws-events/" + sample));
    ProxyRequest request = read(event);

    JsonNode actual = Json.tree(ProxyEvents.encode(request, PayloadFormat.V2_0));

    ObjectNode expected = event.deepCopy();
    for (Difference difference : DIFFERENCES) {
      if (difference.apply().test(expected)) {
        APPLIED.add(difference.name());
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  @AfterAll
  static void everyDifferenceIsNeeded() {
    List<String> unused = new ArrayList<>();
    DIFFERENCES.forEach(d -> {
      if (!APPLIED.contains(d.name())) {
        unused.add(d.name());
      }
    });
    assertThat(unused).as("differences that no sample needs").isEmpty();
  }

  /** A 2.0 event read back into the request it describes: what a captured event tells about its request. */
  static ProxyRequest read(JsonNode e) {
    JsonNode context = e.get("requestContext");
    JsonNode http = context.get("http");
    ProxyRequest.Builder b = ProxyRequest.builder()
        .method(http.get("method").asText())
        .path(e.get("rawPath").asText())
        .rawQueryString(e.get("rawQueryString").asText())
        .routeKey(e.get("routeKey").asText())
        .protocol(http.get("protocol").asText())
        .sourceIp(http.get("sourceIp").asText())
        .userAgent(http.get("userAgent").asText())
        .requestId(context.get("requestId").asText())
        .time(Instant.ofEpochMilli(context.get("timeEpoch").asLong()))
        .stage(context.get("stage").asText())
        .apiId(context.get("apiId").asText())
        .accountId(context.get("accountId").asText())
        .domainName(context.get("domainName").asText())
        .domainPrefix(context.get("domainPrefix").asText());
    e.get("headers").properties().forEach(h -> b.header(h.getKey(), h.getValue().asText()));
    if (e.has("cookies")) {
      List<String> cookies = new ArrayList<>();
      e.get("cookies").forEach(c -> cookies.add(c.asText()));
      b.header("cookie", String.join("; ", cookies));
    }
    if (e.has("body")) {
      String body = e.get("body").asText();
      b.body(e.get("isBase64Encoded").asBoolean()
          ? Base64.getDecoder().decode(body)
          : body.getBytes(StandardCharsets.UTF_8));
    }
    if (e.has("pathParameters")) {
      b.pathParameters(strings(e.get("pathParameters")));
    }
    if (e.has("stageVariables")) {
      b.stageVariables(strings(e.get("stageVariables")));
    }
    JsonNode cert = context.at("/authentication/clientCert");
    if (!cert.isMissingNode()) {
      b.clientCertificate(new ClientCertificate(cert.get("clientCertPem").asText(),
          cert.get("subjectDN").asText(), cert.get("issuerDN").asText(), cert.get("serialNumber").asText(),
          cert.at("/validity/notBefore").asText(), cert.at("/validity/notAfter").asText()));
    }
    JsonNode authorizer = context.get("authorizer");
    if (authorizer != null) {
      b.authorizer(authorizer(authorizer));
    }
    return b.build();
  }

  private static AuthorizerContext authorizer(JsonNode authorizer) {
    if (authorizer.has("lambda")) {
      return AuthorizerContext.lambda(Json.MAPPER.convertValue(authorizer.get("lambda"), OBJECT));
    }
    if (authorizer.has("iam")) {
      JsonNode iam = authorizer.get("iam");
      AuthorizerContext.Iam.Builder b = AuthorizerContext.iam()
          .accessKey(iam.get("accessKey").asText()).accountId(iam.get("accountId").asText())
          .callerId(iam.get("callerId").asText()).principalOrgId(iam.get("principalOrgId").asText())
          .userArn(iam.get("userArn").asText()).userId(iam.get("userId").asText());
      JsonNode cognito = iam.get("cognitoIdentity");
      if (cognito != null && !cognito.isNull()) {
        List<String> amr = new ArrayList<>();
        cognito.get("amr").forEach(a -> amr.add(a.asText()));
        b.cognitoIdentity(cognito.get("identityId").asText(), cognito.get("identityPoolId").asText(), amr);
      }
      return b.build();
    }
    JsonNode jwt = authorizer.get("jwt");
    Map<String, Object> claims = new LinkedHashMap<>(strings(jwt.get("claims")));
    JsonNode scopes = jwt.get("scopes");
    if (scopes == null || scopes.isNull()) {
      return AuthorizerContext.jwt(claims);
    }
    List<String> list = new ArrayList<>();
    scopes.forEach(s -> list.add(s.asText()));
    return AuthorizerContext.jwt(claims, list);
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(p -> map.put(p.getKey(), p.getValue().asText()));
    return map;
  }

  private static boolean lowercaseHeaderNames(ObjectNode event) {
    ObjectNode headers = (ObjectNode) event.get("headers");
    ObjectNode lowered = Json.MAPPER.createObjectNode();
    boolean changed = false;
    for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      changed |= !lower.equals(name);
      lowered.set(lower, headers.get(name));
    }
    event.set("headers", lowered);
    return changed;
  }

  private static boolean timeFromEpoch(ObjectNode event) {
    ObjectNode context = (ObjectNode) event.get("requestContext");
    String formatted = EventWriter.formatTime(context.get("timeEpoch").asLong());
    boolean changed = !formatted.equals(context.get("time").asText());
    context.set("time", new TextNode(formatted));
    return changed;
  }

  private static boolean base64WithoutContentType(ObjectNode event) {
    if (!event.has("body") || event.get("isBase64Encoded").asBoolean() || event.at("/headers/content-type")
        .isTextual()) {
      return false;
    }
    byte[] body = event.get("body").asText().getBytes(StandardCharsets.UTF_8);
    event.put("body", Base64.getEncoder().encodeToString(body));
    event.put("isBase64Encoded", true);
    return true;
  }

  private static boolean httpPathIsRawPath(ObjectNode event) {
    ObjectNode http = (ObjectNode) event.at("/requestContext/http");
    String rawPath = event.get("rawPath").asText();
    boolean changed = !rawPath.equals(http.get("path").asText());
    http.put("path", rawPath);
    return changed;
  }

  private static boolean oneAuthorizer(ObjectNode event) {
    JsonNode authorizer = event.at("/requestContext/authorizer");
    if (authorizer.isObject() && authorizer.has("lambda") && authorizer.has("jwt")) {
      ((ObjectNode) authorizer).remove("jwt");
      return true;
    }
    return false;
  }
}
