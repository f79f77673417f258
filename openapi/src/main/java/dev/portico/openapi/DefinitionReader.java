package dev.portico.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.auth.jwt.JwtConfigException;
import dev.portico.cors.CorsConfigException;
import dev.portico.cors.CorsConfiguration;
import dev.portico.gateway.AuthorizationType;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.GatewayConfigException;
import dev.portico.gateway.GatewayLimits;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Stage;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.IntegrationConfigException;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.openapi.Definition.AuthorizerDef;
import dev.portico.openapi.Definition.HttpDef;
import dev.portico.openapi.Definition.IntegrationDef;
import dev.portico.openapi.Definition.JwtDef;
import dev.portico.openapi.Definition.RequestAuthorizerDef;
import dev.portico.openapi.Definition.LambdaDef;
import dev.portico.openapi.Definition.RouteDef;
import dev.portico.openapi.Definition.UnsupportedDef;
import dev.portico.openapi.ImportProblem.Level;
import dev.portico.payload.PayloadFormat;
import dev.portico.routing.InvalidRouteKeyException;
import dev.portico.routing.RouteKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one AWS-flavoured OpenAPI 3.0 document into a {@link Definition}, collecting every problem with its JSON
 * pointer instead of stopping at the first. Each value is checked by the same code that checks a hand-built API
 * (route keys, CORS, JWT and gateway rules), so an import accepts exactly what the builders accept.
 */
final class DefinitionReader {
  static final String INTEGRATION = "x-amazon-apigateway-integration";
  static final String ANY_METHOD = "x-amazon-apigateway-any-method";
  static final String CORS = "x-amazon-apigateway-cors";
  static final String AUTHORIZER = "x-amazon-apigateway-authorizer";
  static final String INTEGRATIONS = "x-amazon-apigateway-integrations";
  static final String IMPORT_EXPORT_VERSION = "x-amazon-apigateway-importexport-version";
  static final String DEFAULT_PATH = "/$default";

  /** OpenAPI 3.0 operations, in the order they are read. */
  static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch");

  /** Extensions of REST APIs that HTTP APIs ignore. */
  private static final Set<String> REST_EXTENSIONS = Set.of(
      "x-amazon-apigateway-api-key-source", "x-amazon-apigateway-auth", "x-amazon-apigateway-authtype",
      "x-amazon-apigateway-binary-media-types", "x-amazon-apigateway-documentation",
      "x-amazon-apigateway-gateway-responses", "x-amazon-apigateway-minimum-compression-size",
      "x-amazon-apigateway-policy", "x-amazon-apigateway-request-validator",
      "x-amazon-apigateway-request-validators");

  private static final Pattern EXECUTE_API = Pattern.compile("https://([a-z0-9]{10})\\.execute-api\\.");

  /** Properties of x-amazon-apigateway-integration that HTTP APIs read. */
  /**
   * Set by the template reader on an integration whose URI it could not resolve, holding why (an AppSync URL only
   * AWS knows): an HTTP_PROXY route is then unavailable until the host binds it; a Lambda one is an error.
   */
  static final String UNRESOLVED = "x-portico-unresolved";
  private static final Set<String> INTEGRATION_FIELDS = Set.of(
      "type", "uri", "httpMethod", "payloadFormatVersion", "timeoutInMillis", "connectionType", "connectionId",
      "integrationSubtype", "requestParameters", "responseParameters", "credentials", "tlsConfig", "description",
      "$ref", UNRESOLVED);

  /** The extensions HTTP APIs read, where they stand; an unknown one close to these is probably a typo. */
  private static final List<String> HTTP_EXTENSIONS = List.of(INTEGRATION, ANY_METHOD, CORS, AUTHORIZER, INTEGRATIONS,
      IMPORT_EXPORT_VERSION);

  /** OpenAPI 3.0's fields of the root object, of a path item and of an operation. */
  private static final List<String> ROOT_FIELDS = List.of("openapi", "info", "servers", "paths", "components",
      "security", "tags", "externalDocs");
  private static final List<String> PATH_ITEM_FIELDS = List.of("summary", "description", "servers", "parameters", "$ref",
      "get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final List<String> OPERATION_FIELDS = List.of("tags", "summary", "description", "externalDocs",
      "operationId", "parameters", "requestBody", "responses", "callbacks", "deprecated", "security", "servers",
      "isDefaultRoute");

  private static final Set<String> CORS_FIELDS = Set.of(
      "allowOrigins", "allowCredentials", "exposeHeaders", "maxAge", "allowMethods", "allowHeaders");

  /** A stand-in for functions not bound yet, used to check routes and authorizers as the gateway will. */
  private static final Integration ANY_FORMAT = request -> new CompletableFuture<>();
  private static final LambdaAuthorizer CHECK_AUTHORIZER = LambdaAuthorizer.of("check", (e, c) -> new byte[0]);

  private final JsonNode root;
  private final BasePathMode mode;
  private final int maxRoutes;
  private final List<ImportProblem> problems = new ArrayList<>();
  private final Set<ImportProblem> reported = new HashSet<>();
  private final Map<String, Optional<AuthorizerDef>> schemes = new LinkedHashMap<>();
  /** Security schemes that are IAM (SigV4): {@code x-amazon-apigateway-authtype: awsSigv4}. */
  private final Set<String> iamSchemes = new HashSet<>();
  private final Map<String, Optional<Parsed>> components = new HashMap<>();
  private @Nullable String region;
  private @Nullable String accountId;

  /** What {@code servers} says: an execute-api URL's API id, the route prefix, a split base path's stage. */
  private record Servers(@Nullable String apiId, String prefix, @Nullable String stage) {}

  /** An integration and the settings it carries for its route. */
  private record Parsed(IntegrationDef integration, PayloadFormat format, Optional<Duration> timeout, String pointer) {}

  private DefinitionReader(JsonNode root, ImportOptions options) {
    this.root = root;
    this.mode = options.basePath();
    this.maxRoutes = options.maxRoutes();
  }

  /**
   * Reads a parsed document.
   *
   * @param root the document
   * @param options how to read the base path, and the route quota
   * @param problems receives every problem found
   * @return the definition; meaningful only when no problem is an error
   */
  static Definition read(JsonNode root, ImportOptions options, List<ImportProblem> problems) {
    DefinitionReader reader = new DefinitionReader(root, options);
    Definition definition = reader.read();
    problems.addAll(reader.problems);
    return definition;
  }

  private Definition read() {
    if (!root.isObject()) {
      error("", "a definition must be a JSON or YAML object, got " + kind(root));
      return empty();
    }
    if (root.has("swagger")) {
      error("/swagger", "OpenAPI 2.0 (Swagger) is not supported: HTTP APIs import OpenAPI 3.0 definitions");
      return empty();
    }
    JsonNode version = root.get("openapi");
    if (version == null) {
      error("/openapi", "missing: HTTP APIs import OpenAPI 3.0 definitions ('openapi: 3.0.1')");
      return empty();
    }
    // SAM writes 'openapi: 3.0' (its own check is \A3(\.\d)(\.\d)?$) and AWS imports it; unquoted YAML reads
    // 3.0 as a number.
    String versionText = version.isNumber() ? version.decimalValue().toPlainString() : version.asText();
    if (!(version.isTextual() || version.isNumber()) || !versionText.matches("3\\.[01](\\.\\d+)?")) {
      error("/openapi", "'" + versionText + "' is not an OpenAPI 3.0 version such as 3.0.1 or 3.0");
      return empty();
    }
    if (versionText.startsWith("3.1")) {
      warning("/openapi", "OpenAPI " + versionText + " is read as 3.0: AWS imports OpenAPI 3.0");
    }
    JsonNode importExport = root.get(IMPORT_EXPORT_VERSION);
    if (importExport != null && !importExport.asText().equals("1.0")) {
      error("/" + IMPORT_EXPORT_VERSION, "'" + importExport.asText() + "' is not supported; the only version is 1.0");
    }
    rootExtensions();
    Optional<String> title = Optional.ofNullable(root.path("info").get("title")).map(JsonNode::asText);
    Servers servers = servers();
    String prefix = servers.prefix();
    Optional<String> stage = Optional.ofNullable(servers.stage());
    readSchemes();
    List<RouteDef> routes = readPaths(prefix);
    Optional<CorsConfiguration> cors = readCors();
    Map<String, AuthorizerDef> authorizers = new LinkedHashMap<>();
    schemes.forEach((name, def) -> def.ifPresent(d -> authorizers.put(name, d)));
    Definition definition = new Definition(
        title, Optional.ofNullable(servers.apiId()), Optional.ofNullable(region), Optional.ofNullable(accountId), stage,
        routes, authorizers, cors);
    if (problems.stream().noneMatch(p -> p.level() == Level.ERROR)) {
      checkWholeApi(definition);
    }
    return definition;
  }

  private static Definition empty() {
    return new Definition(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), Map.of(), Optional.empty());
  }

  // ---- root ----------------------------------------------------------------------------------------------------

  private void rootExtensions() {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.startsWith("x-")) {
        unknownField("", name, ROOT_FIELDS, "an OpenAPI field");
      }
      if (!name.startsWith("x-amazon-apigateway-") || name.equals(CORS) || name.equals(IMPORT_EXPORT_VERSION)) {
        continue;
      }
      extension(Pointers.child("", name), name);
    }
  }

  /**
   * An OpenAPI field that is not one: a typo of {@code security} is an error, since the security it meant would be
   * dropped and the routes left open ("a typo must never silently open a route"); a typo of another field is a
   * warning naming it; anything else is a warning (OpenAPI has no such field).
   */
  private void unknownField(String at, String name, List<String> known, String what) {
    if (known.contains(name)) {
      return;
    }
    String pointer = Pointers.child(at, name);
    Optional<String> meant = Spelling.closest(name, known);
    if (meant.isPresent() && meant.get().equals("security")) {
      error(pointer, "'" + name + "' is not " + what + "; did you mean 'security'? As written, the security it"
          + " describes would be dropped and the route left open");
    } else if (meant.isPresent()) {
      warning(pointer, "'" + name + "' is not " + what + "; did you mean '" + meant.get() + "'? ignored");
    } else {
      warning(pointer, "'" + name + "' is not " + what + "; ignored");
    }
  }

  /** Reports an x-amazon-apigateway extension that is not read where it stands. */
  private void extension(String pointer, String name) {
    if (REST_EXTENSIONS.contains(name) || name.equals(INTEGRATIONS) && !pointer.startsWith("/components")) {
      warning(pointer, name + " is a REST API extension; HTTP APIs ignore it");
    } else if (name.equals("x-amazon-apigateway-endpoint-configuration") || name.equals("x-amazon-apigateway-tag-value")) {
      info(pointer, name + " is ignored: it configures AWS endpoints and tags, not request handling");
    } else {
      Optional<String> meant = Spelling.closest(name, HTTP_EXTENSIONS);
      warning(pointer, name + " is not supported; " + meant.map(m -> "did you mean " + m + "? ").orElse("")
          + "ignored");
    }
  }

  /**
   * The base path, as AWS finds it: the first server's {@code basePath} variable, or else the path of the first
   * server URL (AWS import docs, "Set the OpenAPI basePath property").
   *
   * @return the API id of an execute-api URL, the prefix for route paths, and the stage of a split base path
   */
  private Servers servers() {
    String apiId = null;
    String basePath = null;
    JsonNode servers = root.get("servers");
    if (servers != null && servers.isArray()) {
      for (int i = 0; i < servers.size(); i++) {
        JsonNode server = servers.get(i);
        String url = server.path("url").asText("");
        if (apiId == null) {
          Matcher m = EXECUTE_API.matcher(url);
          apiId = m.lookingAt() ? m.group(1) : null;
        }
        JsonNode variable = server.path("variables").get("basePath");
        if (variable != null && basePath == null) {
          basePath = variable.path("default").asText("");
        }
      }
      if (basePath == null && servers.size() > 0) {
        String url = servers.get(0).path("url").asText("");
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        basePath = slash < 0 ? "" : url.substring(slash);
      }
    }
    String normalized = basePath == null ? "" : basePath.replaceAll("/+$", "");
    if (!normalized.isEmpty() && !normalized.startsWith("/")) {
      normalized = "/" + normalized;
    }
    if (normalized.contains("{")) {
      info("/servers", "base path '" + normalized + "' holds server variables; ignored");
      normalized = "";
    }
    switch (mode) {
      case PREPEND:
        return new Servers(apiId, normalized, null);
      case SPLIT:
        if (normalized.isEmpty()) {
          return new Servers(apiId, "", null);
        }
        int next = normalized.indexOf('/', 1);
        String stage = next < 0 ? normalized.substring(1) : normalized.substring(1, next);
        return new Servers(apiId, next < 0 ? "" : normalized.substring(next), stage);
      default:
        return new Servers(apiId, "", null);
    }
  }

  // ---- authorizers ---------------------------------------------------------------------------------------------

  private void readSchemes() {
    JsonNode all = root.path("components").path("securitySchemes");
    for (Map.Entry<String, JsonNode> entry : all.properties()) {
      String pointer = Pointers.child("/components/securitySchemes", entry.getKey());
      schemes.put(entry.getKey(), readScheme(entry.getKey(), entry.getValue(), pointer));
    }
  }

  private Optional<AuthorizerDef> readScheme(String name, JsonNode scheme, String pointer) {
    JsonNode ext = scheme.get(AUTHORIZER);
    if (ext == null && scheme.path("x-amazon-apigateway-authtype").asText().equalsIgnoreCase("awsSigv4")) {
      iamSchemes.add(name); // IAM (SigV4) has no authorizer object: the routes using it are AWS_IAM routes
      return Optional.empty();
    }
    if (ext == null) {
      info(pointer, "security scheme '" + name + "' has no " + AUTHORIZER + "; routes cannot use it");
      return Optional.empty();
    }
    String at = Pointers.child(pointer, AUTHORIZER);
    if (!ext.isObject()) {
      error(at, "must be an object, got " + kind(ext));
      return Optional.empty();
    }
    Optional<String> type = text(ext, at, "type");
    if (type.isEmpty()) {
      error(at + "/type", "missing: jwt or request");
      return Optional.empty();
    }
    switch (type.get().toLowerCase(Locale.ROOT)) {
      case "jwt":
        return readJwt(name, scheme, ext, pointer, at);
      case "request":
        return readLambdaAuthorizer(name, ext, at);
      case "token":
      case "cognito_user_pools":
        warning(at + "/type", "'" + type.get() + "' authorizers are for REST APIs; HTTP APIs support jwt and request");
        return Optional.empty();
      default:
        error(at + "/type", "'" + type.get() + "' is not an HTTP API authorizer type: jwt or request");
        return Optional.empty();
    }
  }

  private Optional<AuthorizerDef> readJwt(String name, JsonNode scheme, JsonNode ext, String pointer, String at) {
    JsonNode jwt = ext.path("jwtConfiguration");
    String jwtAt = at + "/jwtConfiguration";
    Optional<String> issuer = text(jwt, jwtAt, "issuer");
    String issuerAt = jwtAt + "/issuer";
    if (issuer.isEmpty() && scheme.has("openIdConnectUrl")) {
      // An openIdConnect scheme names its provider's discovery document; the issuer is what precedes it.
      issuerAt = pointer + "/openIdConnectUrl";
      issuer = text(scheme, pointer, "openIdConnectUrl")
          .map(url -> url.replaceFirst("/?\\.well-known/openid-configuration$", ""));
    }
    if (issuer.isEmpty()) {
      error(jwtAt + "/issuer", "missing: a JWT authorizer needs an issuer (or an openIdConnect scheme's "
          + "openIdConnectUrl)");
      return Optional.empty();
    }
    Optional<List<String>> audiences = strings(jwt.get("audience"), jwtAt + "/audience");
    if (audiences.isEmpty()) {
      return Optional.empty();
    }
    if (audiences.get().isEmpty()) {
      error(jwtAt + "/audience", "missing: a JWT authorizer needs at least one audience");
      return Optional.empty();
    }
    List<String> sources = identitySources(ext, at).orElse(List.of("$request.header.Authorization"));
    if (sources.size() != 1) {
      error(at + "/identitySource", "a JWT authorizer takes exactly one identity source, got " + sources.size());
      return Optional.empty();
    }
    JwtAuthorizerConfig config;
    try {
      config = JwtAuthorizerConfig.builder()
          .issuer(issuer.get())
          .audiences(audiences.get())
          .identitySource(sources.get(0))
          .build();
    } catch (JwtConfigException e) {
      error(switch (e.field()) {
        case "issuer" -> issuerAt;
        case "audiences" -> jwtAt + "/audience";
        default -> at + "/identitySource";
      }, e.getMessage());
      return Optional.empty();
    }
    ignored(ext, at, Set.of("type", "jwtConfiguration", "identitySource"));
    ignored(jwt, jwtAt, Set.of("issuer", "audience"));
    try {
      return Optional.of(new JwtDef(Authorizer.jwt(name, config)));
    } catch (GatewayConfigException e) {
      error(pointer, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<AuthorizerDef> readLambdaAuthorizer(String name, JsonNode ext, String at) {
    Optional<String> uri = uri(ext, at, "authorizerUri");
    if (uri.isEmpty()) {
      error(at + "/authorizerUri", "missing: a request authorizer needs the Lambda function's URI");
      return Optional.empty();
    }
    Optional<FunctionRef> function = function(uri.get(), at + "/authorizerUri");
    if (function.isEmpty()) {
      return Optional.empty();
    }
    if (function.get().isTemplate()) {
      error(at + "/authorizerUri", "stage variables in an authorizer URI are not supported by Portico");
      return Optional.empty();
    }
    JsonNode version = ext.get("authorizerPayloadFormatVersion");
    if (version == null) {
      error(at + "/authorizerPayloadFormatVersion", "missing: 1.0 or 2.0 (required for Lambda authorizers)");
      return Optional.empty();
    }
    Optional<PayloadFormat> format = payloadFormat(version, at + "/authorizerPayloadFormatVersion");
    if (format.isEmpty()) {
      return Optional.empty();
    }
    Duration ttl = Authorizer.Lambda.DEFAULT_RESULT_TTL;
    JsonNode ttlNode = ext.get("authorizerResultTtlInSeconds");
    if (ttlNode != null) {
      if (!ttlNode.canConvertToExactIntegral()) {
        error(at + "/authorizerResultTtlInSeconds", "must be whole seconds from 0 to 3600, got " + ttlNode);
        return Optional.empty();
      }
      ttl = Duration.ofSeconds(ttlNode.asLong());
    }
    JsonNode simpleNode = ext.get("enableSimpleResponses");
    if (simpleNode != null && !simpleNode.isBoolean()) {
      error(at + "/enableSimpleResponses", "must be true or false, got " + simpleNode);
      return Optional.empty();
    }
    boolean simple = simpleNode != null && simpleNode.asBoolean();
    List<String> sources = identitySources(ext, at).orElse(List.of());
    if (sources.isEmpty() && !ttl.isZero()) {
      // AWS: "to enable caching, your authorizer must have at least one identity source". SAM writes an authorizer
      // without Identity this way; it imports, and nothing is cached.
      if (ttlNode == null) {
        info(at + "/identitySource", "no identity source: results are not cached (a Lambda authorizer caches only"
            + " with at least one identity source), and the function runs for every request");
      } else {
        warning(at + "/authorizerResultTtlInSeconds", "authorizerResultTtlInSeconds " + ttl.toSeconds()
            + " is ignored: without an identity source nothing is cached, and the function runs for every request");
      }
      ttl = Duration.ZERO;
    }
    for (String field : List.of("authorizerCredentials", "identityValidationExpression")) {
      if (ext.has(field)) {
        info(at + "/" + field, field + " is ignored: "
            + (field.equals("authorizerCredentials") ? "Portico calls the bound function directly"
                : "HTTP API request authorizers do not validate identities"));
      }
    }
    ignored(ext, at, Set.of("type", "authorizerUri", "authorizerPayloadFormatVersion",
        "authorizerResultTtlInSeconds", "enableSimpleResponses", "identitySource", "authorizerCredentials",
        "identityValidationExpression"));
    RequestAuthorizerDef def = new RequestAuthorizerDef(name, uri.get(), function.get(), format.get(), simple, sources,
        ttl);
    try {
      def.toAuthorizer(CHECK_AUTHORIZER);
    } catch (GatewayConfigException e) {
      error(at + switch (e.field()) {
        case "Authorizer.simpleResponses" -> "/enableSimpleResponses";
        case "Authorizer.identitySources" -> "/identitySource";
        case "Authorizer.resultTtl" -> "/authorizerResultTtlInSeconds";
        default -> "";
      }, e.getMessage());
      return Optional.empty();
    }
    return Optional.of(def);
  }

  /** {@code identitySource}: a comma-separated string, as AWS exports it, or an array. */
  private Optional<List<String>> identitySources(JsonNode ext, String at) {
    JsonNode node = ext.get("identitySource");
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      List<String> sources = new ArrayList<>();
      for (String part : node.asText().split(",", -1)) {
        if (!part.isBlank()) {
          sources.add(part.strip());
        }
      }
      return Optional.of(sources);
    }
    return strings(node, at + "/identitySource");
  }

  // ---- paths ---------------------------------------------------------------------------------------------------

  private List<RouteDef> readPaths(String prefix) {
    List<RouteDef> routes = new ArrayList<>();
    JsonNode paths = root.get("paths");
    if (paths == null || !paths.isObject()) {
      error("/paths", paths == null ? "missing: a definition needs paths" : "must be an object, got " + kind(paths));
      return routes;
    }
    // Keys by shape (variable names left out): one lookup per operation, so reading is linear in the routes
    // (issue 18: comparing each key with every earlier one took 18 s for 10,000 routes).
    Map<String, Map.Entry<RouteKey, String>> seen = new HashMap<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> entry : paths.properties()) {
      String path = entry.getKey();
      String pathAt = Pointers.child("/paths", path);
      JsonNode item = entry.getValue();
      if (!item.isObject()) {
        error(pathAt, "a path item must be an object, got " + kind(item));
        continue;
      }
      for (Map.Entry<String, JsonNode> op : item.properties()) {
        String field = op.getKey();
        String opAt = Pointers.child(pathAt, field);
        Optional<RouteKey> key = routeKey(path, pathAt, field, op.getValue(), opAt, prefix);
        if (key.isEmpty()) {
          continue;
        }
        Map.Entry<RouteKey, String> other = seen.get(key.get().shape());
        if (other != null) {
          error(opAt, other.getKey().equals(key.get())
              ? "duplicate operation: route key '" + key.get() + "' is already defined at " + other.getValue()
              : "route key '" + key.get() + "' conflicts with '" + other.getKey() + "' at " + other.getValue()
                  + ": same method and path, only the variable names differ");
          continue;
        }
        if (++operations > maxRoutes) {
          // Fail fast: a definition over the quota is not read further (issue 18).
          error(opAt, "more than " + maxRoutes + " routes per API: over the route quota (ImportOptions.maxRoutes;"
              + " AWS's default quota is " + GatewayLimits.DEFAULT_MAX_ROUTES + " and can be raised); reading stops"
              + " here");
          return routes;
        }
        seen.put(key.get().shape(), Map.entry(key.get(), opAt));
        readOperation(key.get(), op.getValue(), opAt).ifPresent(routes::add);
      }
    }
    return routes;
  }

  /**
   * The route key of one field of a path item.
   *
   * @return the key; empty when the field is not an operation (other path item fields pass silently, the rest
   *     are reported) or is invalid (reported)
   */
  private Optional<RouteKey> routeKey(
      String path, String pathAt, String field, JsonNode operation, String opAt, String prefix) {
    String method;
    if (OPERATIONS.contains(field)) {
      method = field.toUpperCase(Locale.ROOT);
    } else if (field.equals(ANY_METHOD)) {
      method = "ANY";
    } else if (field.equals("trace")) {
      warning(opAt, "HTTP APIs have no TRACE routes; the operation is ignored");
      return Optional.empty();
    } else if (field.equals("$ref")) {
      warning(opAt, "path item references are not supported; the path is ignored");
      return Optional.empty();
    } else if (field.startsWith("x-amazon-apigateway-")) {
      extension(opAt, field);
      return Optional.empty();
    } else if (Set.of("summary", "description", "servers", "parameters").contains(field) || field.startsWith("x-")) {
      return Optional.empty();
    } else {
      Optional<String> meant = Spelling.closest(field, PATH_ITEM_FIELDS);
      warning(opAt, "'" + field + "' is not an OpenAPI operation; " + meant.map(m -> "did you mean '" + m + "'? ")
          .orElse("") + "ignored, so no route is made of it");
      return Optional.empty();
    }
    if (!operation.isObject()) {
      error(opAt, "an operation must be an object, got " + kind(operation));
      return Optional.empty();
    }
    JsonNode isDefault = operation.get("isDefaultRoute");
    if (isDefault != null && !isDefault.isBoolean()) {
      error(opAt + "/isDefaultRoute", "must be true or false, got " + isDefault);
      return Optional.empty();
    }
    // AWS marks its $default route with isDefaultRoute on x-amazon-apigateway-any-method of /$default; SAM writes
    // the path key as $default, which AWS imports with the warning repeated here. Without isDefaultRoute,
    // /$default is an ordinary path.
    if (isDefault != null && isDefault.asBoolean()) {
      if (!method.equals("ANY") || !(path.equals(DEFAULT_PATH) || path.equals(RouteKey.DEFAULT.toString()))) {
        error(opAt + "/isDefaultRoute", "isDefaultRoute marks the $default route, which is written as path "
            + DEFAULT_PATH + " (or $default) with " + ANY_METHOD + "; '" + field + "' of '" + path + "' cannot be it");
        return Optional.empty();
      }
      if (!path.startsWith("/")) {
        warning(pathAt, "Resource $default should start with / (AWS imports it with this warning; "
            + DEFAULT_PATH + " is the exported form)");
      }
      return Optional.of(RouteKey.DEFAULT);
    }
    if (path.equals(RouteKey.DEFAULT.toString())) {
      error(pathAt, "a path must start with '/'; for the $default route write " + DEFAULT_PATH + " with "
          + ANY_METHOD + " and isDefaultRoute: true");
      return Optional.empty();
    }
    if (path.equals(DEFAULT_PATH) && method.equals("ANY")) {
      info(opAt, "without isDefaultRoute: true this is the path /$default, not the $default route");
    }
    try {
      return Optional.of(RouteKey.parse(method + " " + prefix + path));
    } catch (InvalidRouteKeyException e) {
      error(pathAt, e.getMessage());
      return Optional.empty();
    }
  }

  private Optional<RouteDef> readOperation(RouteKey key, JsonNode operation, String opAt) {
    JsonNode integrationNode = operation.get(INTEGRATION);
    if (integrationNode == null) {
      error(opAt, "missing " + INTEGRATION + ": every route needs an integration");
      return Optional.empty();
    }
    Optional<Parsed> parsed = integration(integrationNode, Pointers.child(opAt, INTEGRATION));
    for (Iterator<String> names = operation.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith("x-amazon-apigateway-") && !name.equals(INTEGRATION)) {
        extension(Pointers.child(opAt, name), name);
      } else if (!name.startsWith("x-")) {
        unknownField(opAt, name, OPERATION_FIELDS, "an OpenAPI operation field");
      }
    }
    Optional<Auth> auth = security(operation, opAt);
    if (parsed.isEmpty() || auth.isEmpty()) {
      return Optional.empty();
    }
    Parsed integration = parsed.get();
    Auth a = auth.get();
    RouteDef route = new RouteDef(opAt, key, integration.integration(), integration.format(), integration.timeout(),
        a.type(), Optional.ofNullable(a.authorizer()), a.scopes(), a.awsIam());
    try {
      route.toRoute(placeholder(integration.integration()));
    } catch (GatewayConfigException e) {
      String at = switch (e.field()) {
        case "Route.payloadFormat" -> integration.pointer() + "/payloadFormatVersion";
        case "Route.scopes" -> a.pointer();
        case "Route.timeout" -> integration.pointer() + "/timeoutInMillis";
        default -> opAt;
      };
      // A shared integration's problem is its own, whichever route met it first: one error, without a route.
      error(at, at.startsWith(opAt) ? e.getMessage() : "'" + e.value() + "' " + e.rule());
      return Optional.empty();
    }
    return Optional.of(route);
  }

  private static Integration placeholder(IntegrationDef integration) {
    if (integration instanceof HttpDef) {
      HttpDef http = (HttpDef) integration;
      HttpProxyIntegration.Builder builder = HttpProxyIntegration.builder(http.uri());
      http.method().ifPresent(builder::method);
      return builder.build();
    }
    return ANY_FORMAT;
  }

  // ---- security ------------------------------------------------------------------------------------------------

  /** How one route is authorized. */
  private record Auth(AuthorizationType type, @Nullable String authorizer, List<String> scopes, String pointer,
      boolean awsIam) {
    Auth(AuthorizationType type, @Nullable String authorizer, List<String> scopes, String pointer) {
      this(type, authorizer, scopes, pointer, false);
    }
  }

  private Optional<Auth> security(JsonNode operation, String opAt) {
    JsonNode security = operation.get("security");
    String at = opAt + "/security";
    if (security == null) {
      security = root.get("security");
      at = "/security";
    }
    if (security == null) {
      return Optional.of(new Auth(AuthorizationType.NONE, null, List.of(), opAt));
    }
    if (!security.isArray()) {
      error(at, "must be an array of security requirements, got " + kind(security));
      return Optional.empty();
    }
    if (security.isEmpty()) {
      return Optional.of(new Auth(AuthorizationType.NONE, null, List.of(), at));
    }
    if (security.size() > 1) {
      error(at, "an HTTP API route uses one authorizer; " + security.size()
          + " alternative security requirements cannot be imported");
      return Optional.empty();
    }
    JsonNode requirement = security.get(0);
    String reqAt = at + "/0";
    if (!requirement.isObject() || requirement.size() > 1) {
      error(reqAt, "an HTTP API route uses one authorizer; a requirement must name one security scheme");
      return Optional.empty();
    }
    if (requirement.isEmpty()) {
      return Optional.of(new Auth(AuthorizationType.NONE, null, List.of(), reqAt));
    }
    String name = requirement.fieldNames().next();
    String nameAt = Pointers.child(reqAt, name);
    Optional<List<String>> scopes = strings(requirement.get(name), nameAt);
    if (scopes.isEmpty()) {
      return Optional.empty();
    }
    Optional<AuthorizerDef> authorizer = schemes.get(name);
    if (authorizer == null && name.equals("NONE") && scopes.get().isEmpty()) {
      // SAM writes Auth: {Authorizer: NONE} so, without defining NONE; AWS imports the route without authorization.
      // Only this exact name: any other undefined scheme is an error, so a typo never opens a route.
      info(nameAt, "security requirement NONE (as SAM writes Authorizer: NONE): the route needs no authorization");
      return Optional.of(new Auth(AuthorizationType.NONE, null, List.of(), nameAt));
    }
    if (iamSchemes.contains(name)) {
      warning(nameAt, "the route needs AWS_IAM (SigV4), which Portico does not verify yet: it answers every request"
          + " 403 {\"message\":\"Missing Authentication Token\"}, as AWS answers an unsigned one");
      return Optional.of(new Auth(AuthorizationType.NONE, name, List.of(), nameAt, true));
    }
    if (authorizer == null) {
      error(nameAt, "security scheme '" + name + "' is not defined in components.securitySchemes");
      return Optional.empty();
    }
    if (authorizer.isEmpty()) {
      error(nameAt, "security scheme '" + name + "' has no usable " + AUTHORIZER + " (see its own problem)");
      return Optional.empty();
    }
    if (authorizer.get() instanceof RequestAuthorizerDef) {
      if (!scopes.get().isEmpty()) {
        error(nameAt, "authorization scopes are supported only with JWT authorizers; '" + name
            + "' is a Lambda authorizer");
        return Optional.empty();
      }
      return Optional.of(new Auth(AuthorizationType.CUSTOM, name, List.of(), nameAt));
    }
    return Optional.of(new Auth(AuthorizationType.JWT, name, scopes.get(), nameAt));
  }

  // ---- integrations --------------------------------------------------------------------------------------------

  private Optional<Parsed> integration(JsonNode node, String at) {
    if (!node.isObject()) {
      error(at, "must be an object, got " + kind(node));
      return Optional.empty();
    }
    JsonNode ref = node.get("$ref");
    if (ref != null) {
      String prefix = "#/components/" + INTEGRATIONS + "/";
      if (!ref.isTextual() || !ref.asText().startsWith(prefix)) {
        error(at + "/$ref", "must reference " + prefix + "NAME, got " + ref);
        return Optional.empty();
      }
      String name = ref.asText().substring(prefix.length());
      JsonNode target = root.path("components").path(INTEGRATIONS).get(name);
      if (target == null) {
        error(at + "/$ref", "'" + ref.asText() + "' is not defined");
        return Optional.empty();
      }
      String targetAt = Pointers.child("/components/" + INTEGRATIONS, name);
      if (target.has("$ref")) {
        error(targetAt + "/$ref", "a shared integration cannot reference another");
        return Optional.empty();
      }
      Optional<Parsed> known = components.get(name);
      if (known == null) {
        known = integration(target, targetAt);
        components.put(name, known);
      }
      return known;
    }
    Optional<String> type = text(node, at, "type");
    if (type.isEmpty()) {
      error(at + "/type", "missing: AWS_PROXY or HTTP_PROXY");
      return Optional.empty();
    }
    Optional<PayloadFormat> format = Optional.of(PayloadFormat.V1_0);
    JsonNode version = node.get("payloadFormatVersion");
    if (version == null) {
      info(at + "/payloadFormatVersion", "not set; 1.0 assumed, as AWS does for an integration without one");
    } else {
      format = payloadFormat(version, at + "/payloadFormatVersion");
    }
    Optional<Duration> timeout = Optional.empty();
    JsonNode millis = node.get("timeoutInMillis");
    if (millis != null) {
      if (!millis.canConvertToExactIntegral()) {
        error(at + "/timeoutInMillis", "must be whole milliseconds, got " + millis);
        return Optional.empty();
      }
      timeout = Optional.of(Duration.ofMillis(millis.asLong()));
    }
    if (format.isEmpty()) {
      return Optional.empty();
    }
    for (String field : List.of("requestParameters", "responseParameters")) {
      if (node.has(field)) {
        warning(at + "/" + field, "parameter mapping is not supported by Portico yet; " + field + " is ignored");
      }
    }
    for (String field : List.of("credentials", "tlsConfig")) {
      if (node.has(field)) {
        info(at + "/" + field, field + " is ignored: Portico calls the integration directly");
      }
    }
    ignored(node, at, INTEGRATION_FIELDS);
    Optional<IntegrationDef> integration;
    switch (type.get().toUpperCase(Locale.ROOT)) {
      case "AWS_PROXY":
        integration = lambda(node, at);
        break;
      case "HTTP_PROXY":
        integration = http(node, at);
        break;
      case "HTTP":
      case "AWS":
      case "MOCK":
        warning(at + "/type", "'" + type.get() + "' integrations are for REST APIs; the route answers 500 unless the "
            + "host binds an integration for it");
        integration = Optional.of(new UnsupportedDef(type.get() + " integration is not supported", (ObjectNode) node));
        break;
      default:
        error(at + "/type", "'" + type.get() + "' is not an HTTP API integration type: AWS_PROXY or HTTP_PROXY");
        return Optional.empty();
    }
    Optional<PayloadFormat> chosen = format;
    Optional<Duration> limit = timeout;
    return integration.map(i -> new Parsed(i, chosen.get(), limit, at));
  }

  private Optional<IntegrationDef> lambda(JsonNode node, String at) {
    if (node.has("integrationSubtype")) {
      warning(at + "/integrationSubtype", "AWS service integrations (" + node.get("integrationSubtype").asText()
          + ") are not supported by Portico; the route answers 500 unless the host binds an integration for it");
      return Optional.of(new UnsupportedDef("AWS service integration is not supported", (ObjectNode) node));
    }
    if (node.has(UNRESOLVED)) {
      error(at + "/uri", node.get(UNRESOLVED).asText());
      return Optional.empty();
    }
    Optional<String> uri = uri(node, at, "uri");
    if (uri.isEmpty()) {
      error(at + "/uri", "missing: an AWS_PROXY integration needs the Lambda function's URI");
      return Optional.empty();
    }
    return function(uri.get(), at + "/uri").map(f -> new LambdaDef(uri.get(), f));
  }

  private Optional<IntegrationDef> http(JsonNode node, String at) {
    if (node.path("connectionType").asText("INTERNET").equalsIgnoreCase("VPC_LINK")) {
      warning(at + "/connectionType", "private integrations (VPC_LINK) are not supported by Portico; the route "
          + "answers 500 unless the host binds an integration for it");
      return Optional.of(new UnsupportedDef("private integration is not supported", (ObjectNode) node));
    }
    if (node.has(UNRESOLVED)) {
      warning(at + "/uri", node.get(UNRESOLVED).asText() + "; the route answers 500 until its integration is bound"
          + " (portico serve --integration 'ROUTE=URL')");
      ObjectNode written = ((ObjectNode) node).deepCopy();
      written.remove(UNRESOLVED);
      return Optional.of(new UnsupportedDef("its HTTP_PROXY uri is not known", written));
    }
    Optional<String> uri = text(node, at, "uri");
    if (uri.isEmpty()) {
      error(at + "/uri", "missing: an HTTP_PROXY integration needs a URL");
      return Optional.empty();
    }
    Optional<String> method = text(node, at, "httpMethod").map(m -> m.toUpperCase(Locale.ROOT));
    HttpDef http = new HttpDef(uri.get(), method.filter(m -> !m.equals("ANY")));
    try {
      placeholder(http);
    } catch (IntegrationConfigException e) {
      error(at + (e.field().equals("method") ? "/httpMethod" : "/uri"), e.getMessage());
      return Optional.empty();
    }
    return Optional.of(http);
  }

  private Optional<FunctionRef> function(String uri, String at) {
    Optional<FunctionRef> ref = FunctionRef.parse(uri);
    if (ref.isEmpty()) {
      error(at, "'" + uri + "' does not name a Lambda function: expected arn:aws:apigateway:REGION:lambda:path/"
          + "2015-03-31/functions/arn:aws:lambda:REGION:ACCOUNT:function:NAME/invocations, a function ARN or a name");
      return ref;
    }
    FunctionRef f = ref.get();
    if (f.cloudFormation()) {
      info(at, "CloudFormation reference: the function is bound by its logical id '" + f.name() + "'");
    }
    if (region == null && f.region().isPresent() && !f.region().get().contains("$")) {
      region = f.region().get();
      accountId = f.accountId().filter(a -> a.matches("[0-9]{12}")).orElse(null);
    }
    return ref;
  }

  // ---- CORS ----------------------------------------------------------------------------------------------------

  private Optional<CorsConfiguration> readCors() {
    JsonNode cors = root.get(CORS);
    String at = "/" + CORS;
    if (cors == null) {
      return Optional.empty();
    }
    if (!cors.isObject()) {
      error(at, "must be an object, got " + kind(cors));
      return Optional.empty();
    }
    ignored(cors, at, CORS_FIELDS);
    CorsConfiguration.Builder builder = CorsConfiguration.builder();
    Optional<List<String>> origins = strings(cors.get("allowOrigins"), at + "/allowOrigins");
    Optional<List<String>> methods = strings(cors.get("allowMethods"), at + "/allowMethods");
    Optional<List<String>> headers = strings(cors.get("allowHeaders"), at + "/allowHeaders");
    Optional<List<String>> expose = strings(cors.get("exposeHeaders"), at + "/exposeHeaders");
    JsonNode maxAge = cors.get("maxAge");
    JsonNode credentials = cors.get("allowCredentials");
    if (maxAge != null && !maxAge.canConvertToExactIntegral()) {
      error(at + "/maxAge", "must be whole seconds, got " + maxAge);
      return Optional.empty();
    }
    if (credentials != null && !credentials.isBoolean()) {
      error(at + "/allowCredentials", "must be true or false, got " + credentials);
      return Optional.empty();
    }
    if (origins.isEmpty() || methods.isEmpty() || headers.isEmpty() || expose.isEmpty()) {
      return Optional.empty();
    }
    try {
      origins.ifPresent(builder::allowOrigins);
      methods.ifPresent(builder::allowMethods);
      headers.ifPresent(builder::allowHeaders);
      expose.ifPresent(builder::exposeHeaders);
      if (maxAge != null) {
        builder.maxAge(maxAge.asInt());
      }
      if (credentials != null) {
        builder.allowCredentials(credentials.asBoolean());
      }
      return Optional.of(builder.build());
    } catch (CorsConfigException e) {
      error(at + "/" + e.field(), e.getMessage());
      return Optional.empty();
    }
  }

  // ---- the whole API -------------------------------------------------------------------------------------------

  /** Builds the API with stand-in functions, so a definition that imports without errors also builds. */
  private void checkWholeApi(Definition definition) {
    try {
      definition.apiBuilder(maxRoutes, route -> placeholder(route.integration()),
          authorizer -> authorizer instanceof JwtDef jwt ? jwt.authorizer()
              : ((RequestAuthorizerDef) authorizer).toAuthorizer(CHECK_AUTHORIZER)).build();
    } catch (GatewayConfigException e) {
      error(e.field().startsWith("Stage.") || e.field().equals("HttpApi.stages") ? "/servers" : "", e.getMessage());
    }
  }

  // ---- values --------------------------------------------------------------------------------------------------

  private Optional<String> text(JsonNode node, String at, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      error(Pointers.child(at, field), "must be a string, got " + kind(value));
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /**
   * A URI: a string, or a CloudFormation {@code Fn::Sub} object as SAM templates write it ({@code !Sub} tags arrive
   * as plain strings).
   */
  private Optional<String> uri(JsonNode node, String at, String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isObject() && value.size() == 1 && value.has("Fn::Sub")) {
      JsonNode sub = value.get("Fn::Sub");
      JsonNode template = sub.isArray() ? sub.path(0) : sub;
      if (template.isTextual()) {
        return Optional.of(template.asText());
      }
    }
    return text(node, at, field);
  }

  /** An array of strings; absent means empty. */
  private Optional<List<String>> strings(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return Optional.of(List.of());
    }
    if (node.isTextual()) {
      return Optional.of(List.of(node.asText()));
    }
    if (!node.isArray()) {
      error(at, "must be an array of strings, got " + kind(node));
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        error(Pointers.child(at, i), "must be a string, got " + kind(node.get(i)));
        return Optional.empty();
      }
      values.add(node.get(i).asText());
    }
    return Optional.of(values);
  }

  /** {@code payloadFormatVersion}: "1.0" or "2.0"; YAML's unquoted 1.0 and 2.0 (numbers) are accepted too. */
  private Optional<PayloadFormat> payloadFormat(JsonNode node, String at) {
    String text = node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
    if (node.isNumber() && !text.contains(".")) {
      text = text + ".0";
    }
    if ((node.isTextual() || node.isNumber()) && (text.equals("1.0") || text.equals("2.0"))) {
      return Optional.of(PayloadFormat.parse(text));
    }
    error(at, (node.isValueNode() ? "'" + node.asText() + "'" : "the value, " + kind(node) + ",")
        + " is not a payload format version: 1.0 or 2.0");
    return Optional.empty();
  }

  /** Reports the properties of an extension object that are not read. */
  private void ignored(JsonNode node, String at, Set<String> read) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!read.contains(name)) {
        Optional<String> meant = Spelling.closest(name, read);
        if (meant.isPresent()) {
          warning(Pointers.child(at, name), "'" + name + "' is not an HTTP API property; did you mean '" + meant.get()
              + "'? ignored");
        } else {
          info(Pointers.child(at, name), "'" + name + "' is not an HTTP API property; ignored");
        }
      }
    }
  }

  private static String kind(JsonNode node) {
    if (node.isObject() && node.size() == 1) {
      String key = node.fieldNames().next();
      if (key.equals("Ref") || key.startsWith("Fn::")) {
        // A definition taken out of a template: say what would resolve it, not just "object".
        String what = key.equals("Ref") && node.get(key).isTextual()
            ? "a CloudFormation reference to '" + node.get(key).asText() + "'" : "the CloudFormation function " + key;
        return what + ", which only a template resolves: read the template (portico --template template.yaml,"
            + " with --parameter-overrides for its parameters)";
      }
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** An error; a message is always given (exceptions' getMessage() is declared nullable, never null here). */
  private void error(String pointer, @Nullable String message) {
    report(new ImportProblem(Level.ERROR, pointer, String.valueOf(message)));
  }

  private void warning(String pointer, String message) {
    report(new ImportProblem(Level.WARNING, pointer, message));
  }

  private void info(String pointer, String message) {
    report(new ImportProblem(Level.INFO, pointer, message));
  }

  /**
   * Records a problem once: a shared integration or authorizer used by many routes is checked for each, and its
   * problem stands at its own pointer, so it is the same problem each time.
   */
  private void report(ImportProblem problem) {
    if (reported.add(problem)) {
      problems.add(problem);
    }
  }
}
