package dev.portico.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.portico.cors.CorsConfiguration;
import dev.portico.gateway.AuthorizationType;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaIntegration;
import dev.portico.routing.RouteKey;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes an {@link HttpApi} as an AWS-flavoured OpenAPI 3.0 document in the shape {@code aws apigatewayv2
 * export-api} produces, which {@code import-api} accepts and {@link OpenApiImporter} reads back into an equal API.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder()
 *     .route(Route.of("GET /pets", LambdaIntegration.of("pets", petsFunction)))
 *     .build();
 * String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML);
 * // paths: /pets: get: x-amazon-apigateway-integration: {type: aws_proxy, uri: arn:aws:apigateway:...}
 * }</pre>
 *
 * <p>Integrations are written as {@code aws_proxy} (a {@link LambdaIntegration}, its ARN built from the API's
 * region and account, or an imported Lambda integration with its URI as written), {@code http_proxy} (an {@link
 * HttpProxyIntegration}), or as imported when the importer kept an unsupported integration. Other {@link
 * Integration} implementations have no OpenAPI form and are refused.
 */
public final class OpenApiExporter {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The output format. */
  public enum Format {
    /** JSON, indented. */
    JSON,
    /** YAML. */
    YAML
  }

  private OpenApiExporter() {}

  /**
   * Writes the API's routes, authorizers and CORS configuration. Stages, limits and the clock are not part of an
   * OpenAPI definition.
   *
   * @param api the API
   * @param format JSON or YAML
   * @return the document
   * @throws IllegalArgumentException naming the route whose integration has no OpenAPI form
   */
  public static String write(HttpApi api, Format format) {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(format, "format");
    ObjectNode document = document(api);
    try {
      return (format == Format.JSON ? JSON : YAML).writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode document(HttpApi api) {
    ObjectNode document = NODES.objectNode();
    document.put("openapi", "3.0.1");
    document.putObject("info").put("title", api.apiId()).put("version", "1.0");
    ObjectNode server = document.putArray("servers").addObject();
    server.put("url", "https://" + api.defaultDomainName() + "/{basePath}");
    server.putObject("variables").putObject("basePath").put("default", "");
    ObjectNode paths = document.putObject("paths");
    for (Route route : api.routes()) {
      RouteKey key = route.routeKey();
      String path = key.isDefault() ? DefinitionReader.DEFAULT_PATH : key.path().orElseThrow();
      String method = key.method().orElse("ANY");
      ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
      String field = method.equals("ANY") ? DefinitionReader.ANY_METHOD : method.toLowerCase(Locale.ROOT);
      if (item.has(field)) {
        // Only the $default route and a route 'ANY /$default' share a place in a definition.
        throw new IllegalArgumentException("route '" + key + "' cannot be exported next to the route written at "
            + path + " " + field + "; AWS writes the $default route there");
      }
      ObjectNode operation = item.putObject(field);
      if (key.isDefault()) {
        operation.put("isDefaultRoute", true);
      }
      operation.putObject("responses").putObject("default").put("description", "Default response for " + key);
      if (route.authorizationType() != AuthorizationType.NONE) {
        ArrayNode scopes = operation.putArray("security").addObject().putArray(route.authorizerName().orElseThrow());
        route.scopes().forEach(scopes::add);
      }
      operation.set(DefinitionReader.INTEGRATION, integration(api, route));
    }
    if (!api.authorizers().isEmpty()) {
      ObjectNode schemes = document.putObject("components").putObject("securitySchemes");
      api.authorizers().forEach((name, authorizer) -> schemes.set(name, scheme(api, authorizer)));
    }
    api.cors().ifPresent(cors -> document.set(DefinitionReader.CORS, cors(cors)));
    document.put(DefinitionReader.IMPORT_EXPORT_VERSION, "1.0");
    return document;
  }

  private static ObjectNode integration(HttpApi api, Route route) {
    Integration integration = route.integration();
    ObjectNode node = NODES.objectNode();
    if (integration instanceof UnavailableIntegration
        && ((UnavailableIntegration) integration).definition().isPresent()) {
      return ((UnavailableIntegration) integration).definition().get();
    }
    if (integration instanceof ImportedLambda || integration instanceof LambdaIntegration) {
      node.put("type", "aws_proxy");
      node.put("httpMethod", "POST");
      node.put("uri", integration instanceof ImportedLambda ? ((ImportedLambda) integration).uri()
          : lambdaUri(api, ((LambdaIntegration) integration).functionName()));
    } else if (integration instanceof HttpProxyIntegration) {
      HttpProxyIntegration http = (HttpProxyIntegration) integration;
      node.put("type", "http_proxy");
      node.put("httpMethod", http.method().orElse("ANY"));
      node.put("uri", http.uri());
    } else {
      throw new IllegalArgumentException("route '" + route.routeKey() + "': integration " + integration
          + " has no OpenAPI form; LambdaIntegration, HttpProxyIntegration and imported integrations do");
    }
    node.put("payloadFormatVersion", route.payloadFormat().version());
    node.put("connectionType", "INTERNET");
    route.timeout().ifPresent(timeout -> node.put("timeoutInMillis", timeout.toMillis()));
    return node;
  }

  /** The URI form AWS exports: the API Gateway invocation path of the function's ARN. */
  private static String lambdaUri(HttpApi api, String functionName) {
    return "arn:aws:apigateway:" + api.region() + ":lambda:path/2015-03-31/functions/arn:aws:lambda:" + api.region()
        + ":" + api.accountId() + ":function:" + functionName + "/invocations";
  }

  private static ObjectNode scheme(HttpApi api, Authorizer authorizer) {
    ObjectNode scheme = NODES.objectNode();
    ObjectNode ext = NODES.objectNode();
    if (authorizer instanceof Authorizer.Jwt) {
      Authorizer.Jwt jwt = (Authorizer.Jwt) authorizer;
      scheme.put("type", "oauth2");
      scheme.putObject("flows");
      ext.put("type", "jwt");
      ext.put("identitySource", jwt.config().identitySource().expression());
      ObjectNode configuration = ext.putObject("jwtConfiguration");
      configuration.put("issuer", jwt.config().issuer().toString());
      ArrayNode audience = configuration.putArray("audience");
      jwt.config().audiences().forEach(audience::add);
    } else {
      Authorizer.Lambda lambda = (Authorizer.Lambda) authorizer;
      List<String> sources = lambda.identitySources();
      String header = "$request.header.";
      scheme.put("type", "apiKey");
      scheme.put("name", !sources.isEmpty() && sources.get(0).startsWith(header)
          ? sources.get(0).substring(header.length()) : "Unused");
      scheme.put("in", "header");
      ext.put("type", "request");
      if (!sources.isEmpty()) {
        ext.put("identitySource", String.join(", ", sources));
      }
      ext.put("authorizerUri", lambdaUri(api, lambda.function().functionName()));
      ext.put("authorizerPayloadFormatVersion", lambda.payloadFormat().version());
      ext.put("authorizerResultTtlInSeconds", lambda.resultTtl().toSeconds());
      ext.put("enableSimpleResponses", lambda.simpleResponses());
    }
    scheme.set(DefinitionReader.AUTHORIZER, ext);
    return scheme;
  }

  private static ObjectNode cors(CorsConfiguration cors) {
    ObjectNode node = NODES.objectNode();
    strings(node, "allowOrigins", cors.allowOrigins());
    if (cors.allowCredentials()) {
      node.put("allowCredentials", true);
    }
    strings(node, "exposeHeaders", cors.exposeHeaders());
    cors.maxAge().ifPresent(seconds -> node.put("maxAge", seconds));
    strings(node, "allowMethods", cors.allowMethods());
    strings(node, "allowHeaders", cors.allowHeaders());
    return node;
  }

  private static void strings(ObjectNode node, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(field);
      values.forEach(array::add);
    }
  }
}
