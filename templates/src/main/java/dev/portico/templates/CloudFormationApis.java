package dev.portico.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.openapi.ImportResult;
import dev.portico.templates.internal.Intrinsics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  /** The Route resources an API took. */
  private final Set<String> claimed = new HashSet<>();

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
      JsonNode included = reader.included(declaredBody, propertiesAt + "/Body");
      JsonNode resolved = included == null ? null : reader.resolve(included, propertiesAt + "/Body");
      if (resolved == null) {
        return Optional.empty();
      }
      if (!resolved.isObject()) {
        reader.error(propertiesAt + "/Body", "Body must be an OpenAPI definition (a map)");
        return Optional.empty();
      }
      body = (ObjectNode) resolved;
      origins.map("", propertiesAt + "/Body", true);
      addResources(logicalId, body, origins);
    } else if (properties.has("BodyS3Location")) {
      String uri = reader.s3Uri(properties.get("BodyS3Location"), propertiesAt + "/BodyS3Location");
      JsonNode file = uri == null ? null : reader.include(uri, propertiesAt + "/BodyS3Location");
      if (file == null) {
        return Optional.empty();
      }
      if (!file.isObject()) {
        reader.error(propertiesAt + "/BodyS3Location", uri + " must hold an OpenAPI definition (a map)");
        return Optional.empty();
      }
      // as CloudFormation imports it: the object's definition, intrinsics not resolved
      body = (ObjectNode) file;
      origins.map("", propertiesAt + "/BodyS3Location (" + uri + ")", true);
      addResources(logicalId, body, origins);
    } else if (properties.has("Target")) {
      quickCreate = true;
      body = quickCreate(properties, propertiesAt, origins);
      addResources(logicalId, body, origins); // a quick-created API takes more routes as any other
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
    Optional<RouteSettings> defaults = Optional.empty();
    Map<String, RouteSettings> routeSettings = new LinkedHashMap<>();
    String routeSettingsAt = at;
    List<String> stages = new ArrayList<>();
    for (Map.Entry<String, JsonNode> other : reader.template().path("Resources").properties()) {
      JsonNode declared = other.getValue();
      if (!declared.path("Type").asText().equals("AWS::ApiGatewayV2::Stage") || !names(declared, "ApiId", logicalId)) {
        continue;
      }
      String stageAt = "/Resources/" + Intrinsics.escape(other.getKey()) + "/Properties";
      JsonNode stageProperties = reader.resolve(usedStageProperties(declared.path("Properties")), stageAt);
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
      if (!reader.stageValid(stage, variables, accessLog, stageAt)) {
        return Optional.empty();
      }
      JsonNode stageDefaults = stageProperties.get("DefaultRouteSettings");
      if (stageDefaults != null) {
        defaults = Optional.ofNullable(reader.routeSettings(stageDefaults, stageAt + "/DefaultRouteSettings"));
      }
      JsonNode byKey = stageProperties.get("RouteSettings");
      if (byKey != null) {
        routeSettings.putAll(reader.routeSettingsByKey(byKey, stageAt + "/RouteSettings"));
      }
      routeSettingsAt = stageAt + "/RouteSettings";
    }
    if (stages.isEmpty() && !quickCreate) {
      reader.info(at, logicalId + " has no AWS::ApiGatewayV2::Stage; Portico serves it at the $default stage");
    }
    reader.routeSettingsNameRoutes(routeSettings, definition, routeSettingsAt);
    return Optional.of(new TemplateApi(logicalId, TemplateApi.Kind.CLOUDFORMATION, definition,
        new TemplateApi.StageParts(stage, variables, accessLog, defaults, routeSettings), at));
  }

  /**
   * What Portico uses of a Stage: its name, variables, access log format and route settings. The rest (the log group's ARN,
   * say, which only AWS knows) is not resolved, so it cannot fail the stage.
   */
  private static JsonNode usedStageProperties(JsonNode properties) {
    ObjectNode used = TemplateReader.NODES.objectNode();
    for (String field : List.of("StageName", "StageVariables", "DefaultRouteSettings", "RouteSettings")) {
      if (properties.has(field)) {
        used.set(field, properties.get(field));
      }
    }
    JsonNode format = properties.path("AccessLogSettings").get("Format");
    if (format != null) {
      used.putObject("AccessLogSettings").set("Format", format);
    }
    return used;
  }

  /**
   * A Route's, Integration's or Authorizer's properties resolved but {@code ApiId}, which names the API and is
   * matched as written (SAM's implicit ServerlessHttpApi is no resource a Ref could resolve).
   *
   * @return the properties, or null when something could not be resolved (reported)
   */
  private @Nullable JsonNode resolveWithoutApiId(JsonNode properties, String at) {
    if (!properties.isObject()) {
      return reader.resolve(properties, at);
    }
    ObjectNode copy = ((ObjectNode) properties).deepCopy();
    copy.remove("ApiId");
    return reader.resolve(copy, at);
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

  /** Whether a property of a resource is a Ref, a GetAtt of ApiId, or the literal id, of the given logical id. */
  private static boolean names(JsonNode declared, String property, String logicalId) {
    JsonNode value = declared.path("Properties").get(property);
    return value != null && logicalId.equals(referenced(value));
  }

  /** The logical id an ApiId names: {@code Ref X}, {@code Fn::GetAtt [X, ApiId]} or {@code X.ApiId}, or a literal. */
  static @Nullable String referenced(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.has("Ref")) {
      return value.get("Ref").asText();
    }
    JsonNode attribute = value.get("Fn::GetAtt");
    if (attribute != null && attribute.isArray() && attribute.size() == 2
        && attribute.get(1).asText().equals("ApiId")) {
      return attribute.get(0).asText();
    }
    if (attribute != null && attribute.isTextual() && attribute.asText().endsWith(".ApiId")) {
      return attribute.asText().substring(0, attribute.asText().length() - ".ApiId".length());
    }
    return null;
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
    addResources(apiId, body, origins);
    return body;
  }

  /**
   * Adds the {@code AWS::ApiGatewayV2::Authorizer} and {@code Route} resources (with their {@code Integration}s)
   * whose {@code ApiId} names an API to its definition: an API assembled from them, an API with a {@code Body}, or a
   * SAM HttpApi (explicit or the implicit {@code ServerlessHttpApi}) that a template extends with raw routes.
   */
  void addResources(String apiId, ObjectNode body, TemplateReader.Origins origins) {
    ObjectNode paths = child(body, "paths");
    Map<String, String> schemeNames = new LinkedHashMap<>();
    JsonNode resources = reader.template().path("Resources");
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      if (entry.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::Authorizer")
          && names(entry.getValue(), "ApiId", apiId) && reader.created(entry.getKey())) {
        String at = "/Resources/" + Intrinsics.escape(entry.getKey()) + "/Properties";
        JsonNode authorizer = resolveWithoutApiId(entry.getValue().path("Properties"), at);
        if (authorizer != null) {
          String name = authorizer.path("Name").asText(entry.getKey());
          ObjectNode schemes = child(child(body, "components"), "securitySchemes");
          if (schemes.has(name)) {
            reader.error(at + "/Name", "the API already has an authorizer named '" + name + "' (CloudFormation fails"
                + " creating this one: the name exists)");
            continue;
          }
          schemes.set(name, scheme(authorizer));
          schemeNames.put(entry.getKey(), name);
          origins.map("/components/securitySchemes/" + Intrinsics.escape(name), at, false);
        }
      }
    }
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      if (entry.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::Route")
          && names(entry.getValue(), "ApiId", apiId) && reader.created(entry.getKey())) {
        claimed.add(entry.getKey());
        addRoute(entry.getKey(), entry.getValue(), body, paths, schemeNames, origins);
      }
    }
  }

  private void addRoute(String logicalId, JsonNode declaredRoute, ObjectNode body, ObjectNode paths,
      Map<String, String> schemeNames, TemplateReader.Origins origins) {
    JsonNode resources = reader.template().path("Resources");
    String at = "/Resources/" + Intrinsics.escape(logicalId) + "/Properties";
    JsonNode route = resolveWithoutApiId(declaredRoute.path("Properties"), at);
    if (route == null) {
      return;
    }
    String target = route.path("Target").asText("");
    if (!target.startsWith("integrations/")) {
      reader.error(at + "/Target", "a route's Target must be integrations/{IntegrationId}, got '" + target + "'");
      return;
    }
    String integrationId = target.substring("integrations/".length());
    JsonNode declared = resources.get(integrationId);
    if (declared == null || !declared.path("Type").asText().equals("AWS::ApiGatewayV2::Integration")) {
      reader.error(at + "/Target", "'" + integrationId + "' is no AWS::ApiGatewayV2::Integration of the template");
      return;
    }
    String integrationAt = "/Resources/" + Intrinsics.escape(integrationId) + "/Properties";
    JsonNode integration = resolveWithoutApiId(declared.path("Properties"), integrationAt);
    if (integration == null) {
      return;
    }
    String routeKey = route.path("RouteKey").asText("");
    String pointer = operationPointer(routeKey);
    if (pointer == null) {
      reader.error(at + "/RouteKey", "'" + routeKey + "' is not a route key such as 'GET /pets' or $default");
      return;
    }
    if (body.at(pointer).has("x-amazon-apigateway-integration")) {
      reader.error(at + "/RouteKey", "route '" + routeKey + "' is already in the API's definition (CloudFormation"
          + " fails creating this Route: the key exists); the definition's route is served");
      return;
    }
    String type = route.path("AuthorizationType").asText("NONE");
    ObjectNode security = TemplateReader.NODES.objectNode();
    if (type.equals("JWT") || type.equals("CUSTOM")) {
      String authorizerId = route.path("AuthorizerId").asText("");
      String scheme = schemeNames.get(authorizerId);
      if (scheme == null) {
        reader.error(at + "/AuthorizerId", "'" + authorizerId + "' is no AWS::ApiGatewayV2::Authorizer of this API");
        return;
      }
      ArrayNode scopes = TemplateReader.NODES.arrayNode();
      route.path("AuthorizationScopes").forEach(scopes::add);
      security.set(scheme, scopes);
    } else if (type.equals("AWS_IAM")) {
      child(child(body, "components"), "securitySchemes").set("AWS_IAM", TemplateReader.NODES.objectNode()
          .put("type", "apiKey").put("name", "Authorization").put("in", "header")
          .put("x-amazon-apigateway-authtype", "awsSigv4"));
      security.putArray("AWS_IAM");
    } else if (!type.equals("NONE")) {
      reader.error(at + "/AuthorizationType", "'" + type + "' is not an HTTP API authorization type (NONE, JWT,"
          + " CUSTOM, AWS_IAM)");
      return;
    }
    route(paths, routeKey, integration(integration, pointer, integrationAt, origins));
    origins.map(pointer, at, false);
    if (!security.isEmpty()) {
      ((ObjectNode) body.at(pointer)).putArray("security").add(security);
    }
  }

  /**
   * Reports the Route resources no served API took: a route whose {@code ApiId} names something else must not
   * vanish without a word (a WebSocket API's routes are already reported with their API).
   */
  void unclaimedRoutes() {
    for (Map.Entry<String, JsonNode> entry : reader.template().path("Resources").properties()) {
      JsonNode declared = entry.getValue();
      if (!declared.path("Type").asText().equals("AWS::ApiGatewayV2::Route") || claimed.contains(entry.getKey())
          || !reader.created(entry.getKey())) {
        continue;
      }
      String apiId = referenced(declared.path("Properties").path("ApiId"));
      JsonNode api = reader.template().path("Resources").path(apiId == null ? "" : apiId);
      if (api.path("Type").asText().equals("AWS::ApiGatewayV2::Api")
          && !api.path("Properties").path("ProtocolType").asText("HTTP").equals("HTTP")) {
        continue;
      }
      String pointer = "/Resources/" + Intrinsics.escape(entry.getKey()) + "/Properties/ApiId";
      reader.warning(pointer, entry.getKey() + " names " + (apiId == null ? "an API that is not in the template"
          : "'" + apiId + "', which is no HTTP API Portico serves from this template") + "; its route is not served");
    }
  }

  /** Integration resource properties and the {@code x-amazon-apigateway-integration} fields AWS exports them as. */
  private static final Map<String, String> INTEGRATION_FIELDS = orderedPairs("IntegrationType", "type",
      "IntegrationUri", "uri", "IntegrationMethod", "httpMethod", "PayloadFormatVersion", "payloadFormatVersion",
      "TimeoutInMillis", "timeoutInMillis", "ConnectionType", "connectionType", "ConnectionId", "connectionId",
      "IntegrationSubtype", "integrationSubtype", "RequestParameters", "requestParameters", "ResponseParameters",
      "responseParameters", "CredentialsArn", "credentials", Intrinsics.UNRESOLVED_FIELD,
      Intrinsics.UNRESOLVED_FIELD);

  private static Map<String, String> orderedPairs(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /**
   * An Integration resource as {@code x-amazon-apigateway-integration}, each field's origin its property, so a
   * problem the importer finds in {@code integrationSubtype} is reported at {@code IntegrationSubtype}.
   */
  private static ObjectNode integration(JsonNode integration, String operation, String integrationAt,
      TemplateReader.Origins origins) {
    ObjectNode out = TemplateReader.NODES.objectNode();
    out.put("type", integration.path("IntegrationType").asText("").toLowerCase(Locale.ROOT));
    String extension = operation + "/x-amazon-apigateway-integration";
    origins.map(extension, integrationAt, false);
    for (Map.Entry<String, String> field : INTEGRATION_FIELDS.entrySet()) {
      if (!field.getKey().equals("IntegrationType")) {
        copy(integration, field.getKey(), out, field.getValue());
      }
      if (integration.has(field.getKey())) {
        origins.map(extension + "/" + field.getValue(), integrationAt + "/" + field.getKey(), true);
      }
    }
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

  /** Where a route key's operation stands in a definition, or null when it is not a route key. */
  private static @Nullable String operationPointer(String routeKey) {
    String[] place = place(routeKey);
    return place == null ? null : "/paths/" + Intrinsics.escape(place[0]) + "/" + Intrinsics.escape(place[1]);
  }

  /** A route key's path and method field, as AWS exports it, or null when it is not a route key. */
  private static String @Nullable [] place(String routeKey) {
    if (routeKey.equals("$default")) {
      return new String[] {"/$default", ANY};
    }
    int space = routeKey.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String verb = routeKey.substring(0, space);
    return new String[] {routeKey.substring(space + 1), verb.equals("ANY") ? ANY : verb.toLowerCase(Locale.ROOT)};
  }

  /**
   * Adds a route to paths as AWS exports it.
   *
   * @return the operation's pointer, or null when the route key is not one
   */
  private static @Nullable String route(ObjectNode paths, String routeKey, ObjectNode integration) {
    String[] place = place(routeKey);
    if (place == null) {
      return null;
    }
    ObjectNode operation = child(child(paths, place[0]), place[1]);
    operation.set("x-amazon-apigateway-integration", integration);
    if (routeKey.equals("$default")) {
      operation.put("isDefaultRoute", true);
    }
    return operationPointer(routeKey);
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
