package dev.portico.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.openapi.ImportResult;
import dev.portico.templates.internal.Intrinsics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code AWS::ApiGatewayV2::Api} resources with {@code ProtocolType: HTTP}: a {@code Body} (an OpenAPI definition,
 * intrinsics resolved), a quick-create API ({@code Target} and {@code RouteKey}), or an API assembled from {@code
 * AWS::ApiGatewayV2::Route}, {@code Integration} and {@code Authorizer} resources — each written as the OpenAPI
 * definition AWS would export, then read by the OpenAPI importer. The stage is the {@code AWS::ApiGatewayV2::Stage}
 * naming the API ({@code $default} for quick create).
 */
final class CloudFormationApis {
  private static final String ANY = "x-amazon-apigateway-any-method";
  private final TemplateReader reader;

  CloudFormationApis(TemplateReader reader) {
    this.reader = reader;
  }

  Optional<TemplateApi> api(String logicalId, JsonNode resource, String at) {
    String propertiesAt = at + "/Properties";
    JsonNode properties = reader.resolve(withoutBody(resource.path("Properties")), propertiesAt);
    if (properties == null) {
      return Optional.empty();
    }
    String protocol = properties.path("ProtocolType").asText("HTTP");
    if (!protocol.equals("HTTP")) {
      reader.info(propertiesAt + "/ProtocolType", logicalId + " is a " + protocol + " API; WebSocket APIs come with a"
          + " later issue");
      return Optional.empty();
    }
    TemplateReader.Origins origins = new TemplateReader.Origins(at);
    ObjectNode body;
    String stage = "$default";
    boolean quickCreate = false;
    JsonNode declaredBody = resource.path("Properties").get("Body");
    if (declaredBody != null) {
      JsonNode resolved = reader.resolve(declaredBody, propertiesAt + "/Body");
      if (resolved == null) {
        return Optional.empty();
      }
      if (!resolved.isObject()) {
        reader.error(propertiesAt + "/Body", "Body must be an OpenAPI definition (a map)");
        return Optional.empty();
      }
      body = (ObjectNode) resolved;
      origins.map("", propertiesAt + "/Body", true);
    } else if (properties.has("BodyS3Location")) {
      reader.error(propertiesAt + "/BodyS3Location", "BodyS3Location is an S3 object; Portico reads definitions from"
          + " local files: download it and write it as Body, or serve it with --api");
      return Optional.empty();
    } else if (properties.has("Target")) {
      quickCreate = true;
      body = quickCreate(properties, propertiesAt, origins);
    } else {
      body = assembled(logicalId, properties, origins);
    }
    JsonNode cors = properties.get("CorsConfiguration");
    if (cors != null) {
      body.set("x-amazon-apigateway-cors", cors(cors));
      origins.map("/x-amazon-apigateway-cors", propertiesAt + "/CorsConfiguration", false);
    }
    ImportResult definition = reader.importDefinition(body, origins);
    Map<String, String> variables = new LinkedHashMap<>();
    Optional<String> accessLog = Optional.empty();
    List<String> stages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> other : reader.template().path("Resources").properties()) {
      JsonNode declared = other.getValue();
      if (!declared.path("Type").asText().equals("AWS::ApiGatewayV2::Stage") || !names(declared, "ApiId", logicalId)) {
        continue;
      }
      String stageAt = "/Resources/" + Intrinsics.escape(other.getKey()) + "/Properties";
      JsonNode stageProperties = reader.resolve(declared.path("Properties"), stageAt);
      if (stageProperties == null) {
        continue;
      }
      stages.add(other.getKey());
      if (stages.size() > 1) {
        reader.warning(stageAt, "Portico serves one stage per API from a template: " + stages.get(0)
            + "; stage " + other.getKey() + " is not served");
        continue;
      }
      stage = stageProperties.path("StageName").asText("$default");
      stageProperties.path("StageVariables").properties()
          .forEach(variable -> variables.put(variable.getKey(), variable.getValue().asText()));
      accessLog = Optional.ofNullable(stageProperties.path("AccessLogSettings").get("Format")).map(JsonNode::asText);
    }
    if (stages.isEmpty() && !quickCreate) {
      reader.info(at, logicalId + " has no AWS::ApiGatewayV2::Stage; Portico serves it at the $default stage");
    }
    return Optional.of(new TemplateApi(logicalId, TemplateApi.Kind.CLOUDFORMATION, definition, stage, variables,
        accessLog, at));
  }

  /** The API's properties but its Body, which is resolved on its own (its pointers are the definition's). */
  private static JsonNode withoutBody(JsonNode properties) {
    if (!properties.isObject()) {
      return TemplateReader.NODES.objectNode();
    }
    ObjectNode copy = ((ObjectNode) properties).deepCopy();
    copy.remove("Body");
    return copy;
  }

  /** Whether a property of a resource is a Ref (or the literal id) of the given logical id. */
  private static boolean names(JsonNode declared, String property, String logicalId) {
    JsonNode value = declared.path("Properties").get(property);
    return value != null && (value.path("Ref").asText("").equals(logicalId) || value.asText("").equals(logicalId));
  }

  private static ObjectNode skeleton(JsonNode properties) {
    ObjectNode body = TemplateReader.NODES.objectNode();
    body.put("openapi", "3.0.1");
    body.set("info", TemplateReader.NODES.objectNode().put("title", properties.path("Name").asText("api"))
        .put("version", "1.0"));
    body.putObject("paths");
    return body;
  }

  /** Quick create: one route ({@code RouteKey}, {@code $default} unless set) to the {@code Target}. */
  private ObjectNode quickCreate(JsonNode properties, String at, TemplateReader.Origins origins) {
    ObjectNode body = skeleton(properties);
    String target = properties.path("Target").asText();
    String routeKey = properties.path("RouteKey").asText("$default");
    ObjectNode integration = TemplateReader.NODES.objectNode();
    if (target.startsWith("arn:") && target.contains(":lambda:")) {
      // AWS: a quick-create Lambda integration uses payload format 2.0.
      integration.put("type", "aws_proxy").put("httpMethod", "POST").put("payloadFormatVersion", "2.0")
          .put("uri", target);
    } else {
      integration.put("type", "http_proxy").put("httpMethod", "ANY").put("payloadFormatVersion", "1.0")
          .put("uri", target);
    }
    String pointer = route((ObjectNode) body.get("paths"), routeKey, integration);
    if (pointer != null) {
      origins.map(pointer, at + "/Target", false);
    } else {
      reader.error(at + "/RouteKey", "'" + routeKey + "' is not a route key such as 'GET /pets' or $default");
    }
    if (properties.has("CredentialsArn")) {
      reader.info(at + "/CredentialsArn", "CredentialsArn is ignored: Portico calls the target directly");
    }
    return body;
  }

  /** An API made of Route resources with their Integration and Authorizer resources. */
  private ObjectNode assembled(String apiId, JsonNode properties, TemplateReader.Origins origins) {
    ObjectNode body = skeleton(properties);
    ObjectNode paths = (ObjectNode) body.get("paths");
    Map<String, String> schemeNames = new LinkedHashMap<>();
    JsonNode resources = reader.template().path("Resources");
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      if (entry.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::Authorizer")
          && names(entry.getValue(), "ApiId", apiId)) {
        String at = "/Resources/" + Intrinsics.escape(entry.getKey()) + "/Properties";
        JsonNode authorizer = reader.resolve(entry.getValue().path("Properties"), at);
        if (authorizer != null) {
          String name = authorizer.path("Name").asText(entry.getKey());
          ObjectNode schemes = child(child(body, "components"), "securitySchemes");
          schemes.set(name, scheme(authorizer));
          schemeNames.put(entry.getKey(), name);
          origins.map("/components/securitySchemes/" + Intrinsics.escape(name), at, false);
        }
      }
    }
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      if (!entry.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::Route")
          || !names(entry.getValue(), "ApiId", apiId)) {
        continue;
      }
      String at = "/Resources/" + Intrinsics.escape(entry.getKey()) + "/Properties";
      JsonNode route = reader.resolve(entry.getValue().path("Properties"), at);
      if (route == null) {
        continue;
      }
      String target = route.path("Target").asText("");
      if (!target.startsWith("integrations/")) {
        reader.error(at + "/Target", "a route's Target must be integrations/{IntegrationId}, got '" + target + "'");
        continue;
      }
      String integrationId = target.substring("integrations/".length());
      JsonNode declared = resources.get(integrationId);
      if (declared == null || !declared.path("Type").asText().equals("AWS::ApiGatewayV2::Integration")) {
        reader.error(at + "/Target", "'" + integrationId + "' is no AWS::ApiGatewayV2::Integration of the template");
        continue;
      }
      String integrationAt = "/Resources/" + Intrinsics.escape(integrationId) + "/Properties";
      JsonNode integration = reader.resolve(declared.path("Properties"), integrationAt);
      if (integration == null) {
        continue;
      }
      String routeKey = route.path("RouteKey").asText("");
      String pointer = route(paths, routeKey, integration(integration));
      if (pointer == null) {
        reader.error(at + "/RouteKey", "'" + routeKey + "' is not a route key such as 'GET /pets' or $default");
        continue;
      }
      origins.map(pointer, at, false);
      origins.map(pointer + "/x-amazon-apigateway-integration", integrationAt, false);
      ObjectNode operation = (ObjectNode) body.at(pointer);
      String type = route.path("AuthorizationType").asText("NONE");
      if (type.equals("JWT") || type.equals("CUSTOM")) {
        String authorizerId = route.path("AuthorizerId").asText("");
        String scheme = schemeNames.get(authorizerId);
        if (scheme == null) {
          reader.error(at + "/AuthorizerId", "'" + authorizerId + "' is no AWS::ApiGatewayV2::Authorizer of this API");
          continue;
        }
        ArrayNode scopes = TemplateReader.NODES.arrayNode();
        route.path("AuthorizationScopes").forEach(scopes::add);
        operation.putArray("security").addObject().set(scheme, scopes);
      } else if (type.equals("AWS_IAM")) {
        child(child(body, "components"), "securitySchemes").set("AWS_IAM", TemplateReader.NODES.objectNode()
            .put("type", "apiKey").put("name", "Authorization").put("in", "header")
            .put("x-amazon-apigateway-authtype", "awsSigv4"));
        operation.putArray("security").addObject().putArray("AWS_IAM");
      } else if (!type.equals("NONE")) {
        reader.error(at + "/AuthorizationType", "'" + type + "' is not an HTTP API authorization type (NONE, JWT,"
            + " CUSTOM, AWS_IAM)");
      }
    }
    return body;
  }

  /** An Integration resource as {@code x-amazon-apigateway-integration}. */
  private static ObjectNode integration(JsonNode integration) {
    ObjectNode out = TemplateReader.NODES.objectNode();
    out.put("type", integration.path("IntegrationType").asText("").toLowerCase(Locale.ROOT));
    copy(integration, "IntegrationUri", out, "uri");
    copy(integration, "IntegrationMethod", out, "httpMethod");
    copy(integration, "PayloadFormatVersion", out, "payloadFormatVersion");
    copy(integration, "TimeoutInMillis", out, "timeoutInMillis");
    copy(integration, "ConnectionType", out, "connectionType");
    copy(integration, "ConnectionId", out, "connectionId");
    copy(integration, "IntegrationSubtype", out, "integrationSubtype");
    copy(integration, "RequestParameters", out, "requestParameters");
    copy(integration, "ResponseParameters", out, "responseParameters");
    copy(integration, "CredentialsArn", out, "credentials");
    return out;
  }

  /** An Authorizer resource as a security scheme. */
  private static ObjectNode scheme(JsonNode authorizer) {
    ObjectNode scheme = TemplateReader.NODES.objectNode();
    ObjectNode extension = TemplateReader.NODES.objectNode();
    ArrayNode sources = TemplateReader.NODES.arrayNode();
    authorizer.path("IdentitySource").forEach(sources::add);
    if (authorizer.path("AuthorizerType").asText().equals("JWT")) {
      scheme.put("type", "oauth2");
      extension.put("type", "jwt");
      if (!sources.isEmpty()) {
        extension.set("identitySource", sources.get(0));
      }
      ObjectNode jwt = extension.putObject("jwtConfiguration");
      copy(authorizer.path("JwtConfiguration"), "Issuer", jwt, "issuer");
      copy(authorizer.path("JwtConfiguration"), "Audience", jwt, "audience");
    } else {
      scheme.put("type", "apiKey").put("name", "Unused").put("in", "header");
      extension.put("type", authorizer.path("AuthorizerType").asText("").toLowerCase(Locale.ROOT));
      copy(authorizer, "AuthorizerUri", extension, "authorizerUri");
      copy(authorizer, "AuthorizerPayloadFormatVersion", extension, "authorizerPayloadFormatVersion");
      copy(authorizer, "EnableSimpleResponses", extension, "enableSimpleResponses");
      copy(authorizer, "AuthorizerResultTtlInSeconds", extension, "authorizerResultTtlInSeconds");
      copy(authorizer, "AuthorizerCredentialsArn", extension, "authorizerCredentials");
      if (!sources.isEmpty()) {
        extension.set("identitySource", sources);
      }
    }
    scheme.set("x-amazon-apigateway-authorizer", extension);
    return scheme;
  }

  /** {@code CorsConfiguration} of an Api resource as {@code x-amazon-apigateway-cors}. */
  private static ObjectNode cors(JsonNode cors) {
    ObjectNode out = TemplateReader.NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : cors.properties()) {
      String name = field.getKey();
      out.set(name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1), field.getValue());
    }
    return out;
  }

  /**
   * Adds a route to paths as AWS exports it.
   *
   * @return the operation's pointer, or null when the route key is not one
   */
  private static @Nullable String route(ObjectNode paths, String routeKey, ObjectNode integration) {
    String path;
    String method;
    if (routeKey.equals("$default")) {
      path = "/$default";
      method = ANY;
    } else {
      int space = routeKey.indexOf(' ');
      if (space < 0) {
        return null;
      }
      String verb = routeKey.substring(0, space);
      path = routeKey.substring(space + 1);
      method = verb.equals("ANY") ? ANY : verb.toLowerCase(Locale.ROOT);
    }
    ObjectNode operation = child(child(paths, path), method);
    operation.set("x-amazon-apigateway-integration", integration);
    if (routeKey.equals("$default")) {
      operation.put("isDefaultRoute", true);
    }
    return "/paths/" + Intrinsics.escape(path) + "/" + Intrinsics.escape(method);
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String name) {
    JsonNode value = from.get(field);
    if (value != null && !value.isMissingNode()) {
      to.set(name, value);
    }
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing instanceof ObjectNode object ? object : parent.putObject(name);
  }
}
