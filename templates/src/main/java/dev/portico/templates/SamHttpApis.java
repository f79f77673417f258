package dev.portico.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portico.openapi.ImportResult;
import dev.portico.templates.internal.Intrinsics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SAM's HTTP APIs, translated as SAM's translator translates them (its http_api_generator, implicit HTTP API
 * plugin and HttpApi event source are the specification): an {@code AWS::Serverless::HttpApi}'s definition is its
 * {@code DefinitionBody} (or {@code DefinitionUri} file, or a generated one), each function's {@code HttpApi} event
 * adds an {@code aws_proxy} integration at its path and method (payload 2.0 unless set), {@code Auth.Authorizers}
 * become security schemes, {@code DefaultAuthorizer} applies to every method without security, {@code
 * CorsConfiguration} becomes {@code x-amazon-apigateway-cors}. Events without {@code ApiId} make the implicit API
 * {@code ServerlessHttpApi}. The result is read by the OpenAPI importer, so the same rules apply as for a file.
 */
final class SamHttpApis {
  static final String IMPLICIT = "ServerlessHttpApi";
  private static final String ANY = "x-amazon-apigateway-any-method";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
      "any");

  private final TemplateReader reader;
  private final CloudFormationApis cloudFormation;
  private final Domains domains;
  /** Every HttpApi event of a created function, in template order, until an API claims it. */
  private final List<Event> events = new ArrayList<>();

  /** One function's HttpApi event. */
  private record Event(String function, String name, JsonNode properties, String pointer) {}

  SamHttpApis(TemplateReader reader, CloudFormationApis cloudFormation, Domains domains) {
    this.reader = reader;
    this.cloudFormation = cloudFormation;
    this.domains = domains;
    for (Map.Entry<String, JsonNode> resource : reader.template().path("Resources").properties()) {
      JsonNode declared = resource.getValue();
      if (!declared.path("Type").asText().equals("AWS::Serverless::Function")) {
        continue;
      }
      String at = "/Resources/" + Intrinsics.escape(resource.getKey());
      if (declared.has("Condition") && !conditionHolds(declared)) {
        continue;
      }
      for (Map.Entry<String, JsonNode> event : declared.path("Properties").path("Events").properties()) {
        if (event.getValue().path("Type").asText().equals("HttpApi")) {
          String eventAt = at + "/Properties/Events/" + Intrinsics.escape(event.getKey());
          // ApiId stays as written: a Ref to the HttpApi's logical id tells which API claims the event
          JsonNode properties = reader.resolveExcept(event.getValue().path("Properties"), eventAt + "/Properties",
              Set.of("ApiId", "Path", "Method"));
          if (properties != null && literal(properties, eventAt, event.getKey())) {
            events.add(new Event(resource.getKey(), event.getKey(), properties, eventAt));
          }
        }
      }
    }
  }

  /** SAM takes an event's Path and Method only as strings (its translator refuses an intrinsic there). */
  private boolean literal(JsonNode properties, String eventAt, String name) {
    boolean literal = true;
    for (String field : List.of("Path", "Method")) {
      JsonNode value = properties.get(field);
      if (value != null && !value.isTextual()) {
        reader.error(eventAt + "/Properties/" + field, "Event with id [" + name + "] is invalid. Property '" + field
            + "' should be a string. (SAM refuses an intrinsic function there)");
        literal = false;
      }
    }
    return literal;
  }

  private boolean conditionHolds(JsonNode declared) {
    JsonNode holds = reader.resolve(TemplateReader.NODES.objectNode().set("Fn::If", TemplateReader.NODES.arrayNode()
        .add(declared.get("Condition").asText()).add(true).add(false)), "/Conditions");
    return holds != null && holds.asBoolean();
  }

  /** An {@code AWS::Serverless::HttpApi}. */
  Optional<TemplateApi> explicit(String logicalId, JsonNode resource, String at) {
    return api(logicalId, resource.path("Properties"), at, TemplateApi.Kind.SAM_HTTP_API, claim(logicalId));
  }

  /** SAM's implicit API, when some event names no ApiId. */
  Optional<TemplateApi> implicit() {
    List<Event> mine = claim(null);
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    return api(IMPLICIT, Globals.httpApi(reader.template()), "/Resources", TemplateApi.Kind.SAM_IMPLICIT_API, mine);
  }

  /** Events naming an ApiId that is no HttpApi of the template. */
  void unclaimedEvents() {
    for (Event event : events) {
      JsonNode apiId = event.properties().path("ApiId");
      String target = apiId.isTextual() ? apiId.asText() : apiId.path("Ref").asText("");
      JsonNode named = reader.template().path("Resources").path(target);
      if (named.isObject()) {
        // as SAM: an HttpApi event on another kind of API (a REST API, say) adds no HTTP API route
        reader.warning(event.pointer() + "/Properties/ApiId", "ApiId names " + target + ", an "
            + named.path("Type").asText() + ", not an AWS::Serverless::HttpApi; Portico serves no route for this"
            + " event");
        continue;
      }
      reader.error(event.pointer() + "/Properties/ApiId", "ApiId names no AWS::Serverless::HttpApi of the template"
          + " (SAM refuses the template)");
    }
    events.clear();
  }

  /** The events of one API (null: the implicit one), removed from the waiting list. */
  private List<Event> claim(@Nullable String api) {
    List<Event> mine = new ArrayList<>();
    for (Event event : new ArrayList<>(events)) {
      JsonNode apiId = event.properties().get("ApiId");
      String target = apiId == null ? null : apiId.isTextual() ? apiId.asText() : apiId.path("Ref").asText(null);
      if (java.util.Objects.equals(target, api)) {
        mine.add(event);
        events.remove(event);
      }
    }
    return mine;
  }

  private Optional<TemplateApi> api(String logicalId, JsonNode properties, String at, TemplateApi.Kind kind,
      List<Event> apiEvents) {
    String propertiesAt = at.equals("/Resources") ? "/Globals/HttpApi" : at + "/Properties";
    TemplateReader.Origins origins = new TemplateReader.Origins(at);
    ObjectNode body;
    JsonNode definitionBody = properties.get("DefinitionBody");
    JsonNode definitionUri = properties.get("DefinitionUri");
    boolean generated = false;
    if (definitionBody != null && Intrinsics.isIntrinsic(definitionBody) && !definitionBody.has("Fn::Transform")) {
      // SAM supports Fn::If around the whole body (its test definition_body_intrinsics_support)
      definitionBody = reader.resolve(definitionBody, propertiesAt + "/DefinitionBody");
      if (definitionBody == null) {
        return Optional.empty();
      }
    }
    if (definitionBody != null) {
      JsonNode included = reader.included(definitionBody, propertiesAt + "/DefinitionBody");
      if (included == null) {
        return Optional.empty();
      }
      if (!included.isObject()) {
        reader.error(propertiesAt + "/DefinitionBody", "DefinitionBody must be an OpenAPI definition (a map)");
        return Optional.empty();
      }
      body = (ObjectNode) included.deepCopy();
      origins.map("", propertiesAt + "/DefinitionBody", true);
    } else if (definitionUri != null) {
      JsonNode location = reader.resolve(definitionUri, propertiesAt + "/DefinitionUri");
      if (location == null) {
        return Optional.empty();
      }
      String uri = location.isTextual() ? location.asText() : reader.s3Uri(location, propertiesAt + "/DefinitionUri");
      if (uri == null) {
        return Optional.empty();
      }
      JsonNode file = reader.include(uri, propertiesAt + "/DefinitionUri");
      if (file == null || !file.isObject()) {
        return Optional.empty();
      }
      body = (ObjectNode) file;
      origins.map("", propertiesAt + "/DefinitionUri (" + uri + ")", true);
      for (String field : List.of("Auth", "CorsConfiguration")) {
        if (properties.has(field)) {
          reader.error(propertiesAt + "/" + field, field + " works only with an inline DefinitionBody (SAM refuses"
              + " it with DefinitionUri)");
        }
      }
    } else {
      generated = true;
      body = TemplateReader.NODES.objectNode();
      body.put("openapi", "3.0.1");
      body.set("info", TemplateReader.NODES.objectNode().put("version", "1.0")
          .set("title", TemplateReader.NODES.objectNode().put("Ref", "AWS::StackName")));
      body.set("paths", TemplateReader.NODES.objectNode());
      origins.map("", at, false);
    }
    ObjectNode paths = body.has("paths") && body.get("paths").isObject() ? (ObjectNode) body.get("paths")
        : body.putObject("paths");
    // Auth and CORS are resolved where they stand in the template, so a problem in them is reported there
    JsonNode auth = properties.has("Auth") ? reader.resolve(withoutInvokeRoles(properties.get("Auth")),
        propertiesAt + "/Auth") : TemplateReader.NODES.missingNode();
    JsonNode cors = properties.has("CorsConfiguration")
        ? reader.resolve(properties.get("CorsConfiguration"), propertiesAt + "/CorsConfiguration") : null;
    boolean unresolved = auth == null || properties.has("CorsConfiguration") && cors == null;
    for (Event event : apiEvents) {
      // with an unresolved Auth, the events are still read, so their own problems are reported too
      addEvent(event, paths, auth == null ? TemplateReader.NODES.missingNode() : auth, origins);
    }
    if (auth == null || unresolved) {
      return Optional.empty();
    }
    if (properties.has("Auth") && !properties.has("DefinitionUri")) {
      addAuth(auth, propertiesAt + "/Auth", body, paths, origins);
    }
    if (cors != null && !properties.has("DefinitionUri")) {
      addCors(cors, propertiesAt + "/CorsConfiguration", body, origins);
    }
    if (properties.path("FailOnWarnings").asBoolean(false) && paths.has("$default")) {
      // SAM moves $default to /$default when FailOnWarnings is on (AWS warns about the unslashed key).
      paths.set("/$default", paths.remove("$default"));
    }
    JsonNode resolved = reader.resolve(body, propertiesAt + (generated ? "" : "/DefinitionBody"));
    if (resolved == null) {
      return Optional.empty();
    }
    if (resolved instanceof ObjectNode resolvedBody) {
      // as CloudFormation: Route resources naming the API (its Ref is the API id) add routes beside SAM's
      cloudFormation.addResources(logicalId, resolvedBody, origins);
    }
    ImportResult definition = reader.importDefinition(resolved, origins);
    String stage = stageName(properties, propertiesAt);
    Map<String, String> variables = strings(properties.get("StageVariables"), propertiesAt + "/StageVariables");
    Optional<String> accessLog = Optional.ofNullable(properties.path("AccessLogSettings").get("Format"))
        .map(format -> reader.resolve(format, propertiesAt + "/AccessLogSettings/Format"))
        .filter(JsonNode::isTextual).map(JsonNode::asText);
    if (properties.has("Domain")) {
      domains.sam(logicalId, properties.get("Domain"), propertiesAt + "/Domain", stage);
    }
    if (!reader.stageValid(stage, variables, accessLog, propertiesAt)) {
      return Optional.empty();
    }
    Optional<RouteSettings> defaults = Optional.empty();
    if (properties.has("DefaultRouteSettings")) {
      JsonNode resolvedDefaults = reader.resolve(properties.get("DefaultRouteSettings"),
          propertiesAt + "/DefaultRouteSettings");
      defaults = Optional.ofNullable(resolvedDefaults == null ? null
          : reader.routeSettings(resolvedDefaults, propertiesAt + "/DefaultRouteSettings"));
    }
    Map<String, RouteSettings> routeSettings = new LinkedHashMap<>();
    if (properties.has("RouteSettings")) {
      JsonNode byKey = reader.resolve(properties.get("RouteSettings"), propertiesAt + "/RouteSettings");
      if (byKey != null) {
        routeSettings.putAll(reader.routeSettingsByKey(byKey, propertiesAt + "/RouteSettings"));
      }
    }
    for (Event event : apiEvents) {
      JsonNode own = event.properties().get("RouteSettings");
      if (own != null) {
        // as SAM: an event's RouteSettings go under its route key, over the API's for that key
        RouteSettings read = reader.routeSettings(own, event.pointer() + "/Properties/RouteSettings");
        if (read != null) {
          routeSettings.merge(routeKey(event.properties()), read, RouteSettings::overriddenBy);
        }
      }
    }
    reader.routeSettingsNameRoutes(routeSettings, definition, propertiesAt + "/RouteSettings");
    return Optional.of(new TemplateApi(logicalId, kind, definition, new TemplateApi.StageParts(stage, variables,
        accessLog, defaults, routeSettings), at));
  }

  /** An event's route key, as SAM names it in RouteSettings: {@code GET /pets}, {@code ANY /x}, {@code $default}. */
  private static String routeKey(JsonNode properties) {
    if (!properties.has("Path")) {
      return "$default";
    }
    return properties.get("Method").asText().toUpperCase(Locale.ROOT) + " " + properties.get("Path").asText();
  }

  /** Auth without the authorizers' FunctionInvokeRole: the role API Gateway assumes is not Portico's to resolve. */
  private static JsonNode withoutInvokeRoles(JsonNode auth) {
    if (!auth.path("Authorizers").isObject()) {
      return auth;
    }
    ObjectNode copy = (ObjectNode) auth.deepCopy();
    copy.get("Authorizers").forEach(authorizer -> {
      if (authorizer instanceof ObjectNode object) {
        object.remove("FunctionInvokeRole");
      }
    });
    return copy;
  }

  /** One event: its path and method with an aws_proxy integration, as SAM's add_lambda_integration writes it. */
  private void addEvent(Event event, ObjectNode paths, JsonNode apiAuth, TemplateReader.Origins origins) {
    JsonNode properties = event.properties();
    String path = properties.has("Path") ? properties.get("Path").asText() : "$default";
    String method = properties.has("Method") ? properties.get("Method").asText().toLowerCase(Locale.ROOT) : "any";
    if (!properties.has("Path") && properties.has("Method") || properties.has("Path") && !properties.has("Method")) {
      reader.error(event.pointer() + "/Properties", "an HttpApi event needs both Path and Method, or neither (the"
          + " $default route)");
      return;
    }
    if (!METHODS.contains(method)) {
      reader.error(event.pointer() + "/Properties/Method", "'" + method + "' is not an HTTP API method (get, put,"
          + " post, delete, patch, head, options, any)");
      return;
    }
    String key = method.equals("any") ? ANY : method;
    ObjectNode item = paths.has(path) && paths.get(path).isObject() ? (ObjectNode) paths.get(path)
        : paths.putObject(path);
    String operationAt = "/paths/" + Intrinsics.escape(path) + "/" + Intrinsics.escape(key);
    if (item.has(key) && item.get(key).has("x-amazon-apigateway-integration")) {
      // As SAM: a method the definition already integrates keeps its own integration.
      reader.info(event.pointer(), event.name() + ": " + method.toUpperCase(Locale.ROOT) + " " + path
          + " is already integrated in the definition; the event adds nothing");
      return;
    }
    ObjectNode operation = item.has(key) && item.get(key).isObject() ? (ObjectNode) item.get(key)
        : item.putObject(key);
    ObjectNode integration = operation.putObject("x-amazon-apigateway-integration");
    integration.put("type", "aws_proxy");
    integration.put("httpMethod", "POST");
    JsonNode version = properties.get("PayloadFormatVersion");
    integration.set("payloadFormatVersion", version == null ? TextNode.valueOf("2.0") : version);
    // as SAM: with AutoPublishAlias the integration invokes the alias (a qualified name binds to the function)
    String alias = reader.autoPublishAlias(event.function()).map(a -> ":" + a).orElse("");
    integration.set("uri", TemplateReader.NODES.objectNode().put("Fn::Sub",
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${" + event.function()
            + ".Arn}" + alias + "/invocations"));
    if (properties.has("TimeoutInMillis")) {
      integration.set("timeoutInMillis", properties.get("TimeoutInMillis"));
    }
    if (path.equals("$default") && key.equals(ANY)) {
      operation.put("isDefaultRoute", true);
    }
    if (!operation.has("responses")) {
      operation.putObject("responses");
    }
    origins.map(operationAt, event.pointer(), false);
    JsonNode auth = properties.get("Auth");
    if (auth != null) {
      eventAuth(event, auth, apiAuth, operation);
    }
  }

  /** An event's {@code Auth}: its authorizer (or the default with its scopes), as SAM's HttpApi event sets it. */
  private void eventAuth(Event event, JsonNode auth, JsonNode apiAuth, ObjectNode operation) {
    String at = event.pointer() + "/Properties/Auth";
    String authorizer = auth.path("Authorizer").asText(null);
    if (authorizer == null) {
      authorizer = apiAuth.path("DefaultAuthorizer").asText(null);
      if (authorizer == null) {
        reader.error(at, "Auth needs an Authorizer, or a DefaultAuthorizer on the HttpApi (SAM refuses it)");
        return;
      }
    }
    boolean iam = apiAuth.path("EnableIamAuthorizer").asBoolean(false);
    if (authorizer.equals("NONE") && !apiAuth.has("DefaultAuthorizer")) {
      reader.error(at + "/Authorizer", "Authorizer: NONE is only valid when the HttpApi has a DefaultAuthorizer (SAM"
          + " refuses it)");
      return;
    }
    if (!authorizer.equals("NONE") && !(authorizer.equals("AWS_IAM") && iam)
        && !apiAuth.path("Authorizers").has(authorizer)) {
      reader.error(at + "/Authorizer", "authorizer '" + authorizer + "' is not defined in the HttpApi's"
          + " Auth.Authorizers" + (authorizer.equals("AWS_IAM") ? " (AWS_IAM needs EnableIamAuthorizer: true)" : ""));
      return;
    }
    ArrayNode scopes = TemplateReader.NODES.arrayNode();
    if (!authorizer.equals("NONE") && !authorizer.equals("AWS_IAM")) { // as SAM: AWS_IAM takes no scopes
      JsonNode own = auth.get("AuthorizationScopes");
      JsonNode defaults = apiAuth.path("Authorizers").path(authorizer).get("AuthorizationScopes");
      JsonNode chosen = own != null && own.isArray() && !own.isEmpty() ? own : defaults;
      if (chosen != null && chosen.isArray()) {
        scopes.addAll((ArrayNode) chosen);
      }
    }
    ArrayNode security = operation.has("security") && operation.get("security").isArray()
        ? (ArrayNode) operation.get("security") : operation.putArray("security");
    security.addObject().set(authorizer, scopes);
  }

  /** The API's {@code Auth}: security schemes, and the default authorizer on every method without security. */
  private void addAuth(JsonNode auth, String at, ObjectNode body, ObjectNode paths, TemplateReader.Origins origins) {
    if (!auth.isObject()) {
      reader.error(at, "Auth must be a map");
      return;
    }
    for (Map.Entry<String, JsonNode> field : auth.properties()) {
      if (!Set.of("Authorizers", "DefaultAuthorizer", "EnableIamAuthorizer").contains(field.getKey())) {
        reader.error(at + "/" + field.getKey(), "'" + field.getKey() + "' is not an HttpApi Auth property"
            + " (Authorizers, DefaultAuthorizer, EnableIamAuthorizer)");
      }
    }
    ObjectNode schemes = child(child(body, "components"), "securitySchemes");
    Map<String, JsonNode> authorizers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : auth.path("Authorizers").properties()) {
      String name = entry.getKey();
      String authorizerAt = at + "/Authorizers/" + Intrinsics.escape(name);
      JsonNode scheme = scheme(name, entry.getValue(), authorizerAt);
      if (scheme != null) {
        schemes.set(name, scheme);
        authorizers.put(name, entry.getValue());
        origins.map("/components/securitySchemes/" + Intrinsics.escape(name), authorizerAt, false);
      }
    }
    if (auth.path("EnableIamAuthorizer").asBoolean(false) && !schemes.has("AWS_IAM")) {
      // as SAM: an authorizer the template names AWS_IAM is kept
      schemes.set("AWS_IAM", iamScheme());
    }
    String fallback = auth.path("DefaultAuthorizer").asText(null);
    if (fallback == null) {
      return;
    }
    if (!authorizers.containsKey(fallback) && !(fallback.equals("AWS_IAM") && schemes.has("AWS_IAM"))) {
      reader.error(at + "/DefaultAuthorizer", "'" + fallback + "' is not an authorizer of Auth.Authorizers");
      return;
    }
    JsonNode defaults = authorizers.containsKey(fallback)
        ? authorizers.get(fallback).path("AuthorizationScopes") : TemplateReader.NODES.arrayNode();
    for (Map.Entry<String, JsonNode> item : paths.properties()) {
      for (Map.Entry<String, JsonNode> method : item.getValue().properties()) {
        JsonNode operation = method.getValue();
        if (!operation.isObject() || !operation.has("x-amazon-apigateway-integration")
            || operation.has("security") && !operation.get("security").isEmpty()) {
          continue;
        }
        ((ObjectNode) operation).putArray("security").addObject()
            .set(fallback, defaults.isArray() ? defaults.deepCopy() : TemplateReader.NODES.arrayNode());
      }
    }
  }

  /** A member map, made when missing (or when not a map). */
  private static ObjectNode child(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing instanceof ObjectNode object ? object : parent.putObject(name);
  }

  private static ObjectNode iamScheme() {
    ObjectNode scheme = TemplateReader.NODES.objectNode();
    scheme.put("type", "apiKey");
    scheme.put("name", "Authorization");
    scheme.put("in", "header");
    scheme.put("x-amazon-apigateway-authtype", "awsSigv4");
    return scheme;
  }

  /** One of {@code Auth.Authorizers}, as SAM's generate_openapi writes it. */
  private @Nullable JsonNode scheme(String name, JsonNode authorizer, String at) {
    ObjectNode scheme = TemplateReader.NODES.objectNode();
    ObjectNode extension = TemplateReader.NODES.objectNode();
    if (authorizer.has("JwtConfiguration")) {
      scheme.put("type", "oauth2");
      JsonNode configuration = authorizer.get("JwtConfiguration");
      if (!configuration.isObject()) {
        reader.error(at + "/JwtConfiguration", name + ": JwtConfiguration must be a map");
        return null;
      }
      // As SAM: keys lowercased, so CloudFormation's Issuer/Audience work as issuer/audience do
      ObjectNode lowered = TemplateReader.NODES.objectNode();
      configuration.properties().forEach(e -> lowered.set(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
      extension.set("jwtConfiguration", lowered);
      if (authorizer.has("IdentitySource")) {
        extension.set("identitySource", authorizer.get("IdentitySource"));
      } else {
        reader.error(at, name + ": a JWT (OAuth2) authorizer must define IdentitySource (SAM refuses it)");
        return null;
      }
      extension.put("type", "jwt");
    } else if (authorizer.has("FunctionArn")) {
      scheme.put("type", "apiKey");
      scheme.put("name", "Unused");
      scheme.put("in", "header");
      extension.put("type", "request");
      extension.set("authorizerUri", TemplateReader.NODES.objectNode().set("Fn::Sub", TemplateReader.NODES.arrayNode()
          .add("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}"
              + "/invocations")
          .add(TemplateReader.NODES.objectNode().set("__FunctionArn__", authorizer.get("FunctionArn")))));
      JsonNode identity = authorizer.get("Identity");
      if (identity != null && identity.isObject()) {
        if (identity.has("ReauthorizeEvery")) {
          extension.set("authorizerResultTtlInSeconds", identity.get("ReauthorizeEvery"));
        }
        ArrayNode sources = TemplateReader.NODES.arrayNode();
        for (String[] part : new String[][] {{"$request.header.", "Headers"}, {"$request.querystring.", "QueryStrings"},
            {"$stageVariables.", "StageVariables"}, {"$context.", "Context"}}) {
          for (JsonNode value : identity.path(part[1])) {
            sources.add(part[0] + value.asText());
          }
        }
        extension.set("identitySource", sources);
      }
      JsonNode version = authorizer.get("AuthorizerPayloadFormatVersion");
      if (version == null) {
        reader.error(at, name + ": a Lambda authorizer must define AuthorizerPayloadFormatVersion (SAM refuses it)");
        return null;
      }
      extension.set("authorizerPayloadFormatVersion", version);
      if (authorizer.path("EnableSimpleResponses").asBoolean(false)) {
        extension.put("enableSimpleResponses", true);
      }
    } else {
      reader.error(at, name + ": an authorizer needs JwtConfiguration (JWT) or FunctionArn (Lambda)");
      return null;
    }
    scheme.set("x-amazon-apigateway-authorizer", extension);
    return scheme;
  }

  /** {@code CorsConfiguration}: true (any origin) or a map of SAM's fields, as SAM's add_cors writes it. */
  private void addCors(JsonNode cors, String at, ObjectNode body, TemplateReader.Origins origins) {
    ObjectNode out = body.has("x-amazon-apigateway-cors") && body.get("x-amazon-apigateway-cors").isObject()
        ? (ObjectNode) body.get("x-amazon-apigateway-cors") : TemplateReader.NODES.objectNode();
    if (cors.isTextual() && (cors.asText().equals("true") || cors.asText().equals("false"))) {
      cors = TemplateReader.NODES.booleanNode(cors.asText().equals("true")); // a parameter's value is text
    }
    if (cors.isBoolean()) {
      if (!cors.asBoolean()) {
        return;
      }
      out.set("allowOrigins", TemplateReader.NODES.arrayNode().add("*"));
    } else if (cors.isObject() && Intrinsics.isIntrinsic(cors)) {
      out.set("allowOrigins", cors);
    } else if (cors.isObject()) {
      for (Map.Entry<String, JsonNode> field : cors.properties()) {
        String name = switch (field.getKey()) {
          case "AllowOrigins" -> "allowOrigins";
          case "AllowHeaders" -> "allowHeaders";
          case "AllowMethods" -> "allowMethods";
          case "ExposeHeaders" -> "exposeHeaders";
          case "MaxAge" -> "maxAge";
          case "AllowCredentials" -> "allowCredentials";
          default -> null;
        };
        if (name == null) {
          reader.error(at + "/" + field.getKey(), "Invalid key '" + field.getKey() + "' for 'Cors' property (SAM"
              + " refuses it): AllowOrigins, AllowHeaders, AllowMethods, ExposeHeaders, MaxAge, AllowCredentials");
          continue;
        }
        if (name.equals("allowCredentials") && !field.getValue().asBoolean(false)) {
          continue; // SAM writes allowCredentials only when true
        }
        out.set(name, field.getValue());
      }
    } else {
      reader.error(at, "CorsConfiguration must be true or a map");
      return;
    }
    body.set("x-amazon-apigateway-cors", out);
    origins.map("/x-amazon-apigateway-cors", at, false);
  }

  private String stageName(JsonNode properties, String at) {
    JsonNode name = properties.get("StageName");
    if (name == null) {
      return "$default";
    }
    JsonNode resolved = reader.resolve(name, at + "/StageName");
    return resolved != null && resolved.isTextual() ? resolved.asText() : "$default";
  }

  private Map<String, String> strings(@Nullable JsonNode node, String at) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    JsonNode resolved = reader.resolve(node, at);
    if (resolved == null) {
      return out;
    }
    for (Map.Entry<String, JsonNode> field : resolved.properties()) {
      out.put(field.getKey(), field.getValue().asText());
    }
    return out;
  }
}
