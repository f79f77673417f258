package dev.portico.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portico.gateway.GatewayConfigException;
import dev.portico.gateway.Stage;
import dev.portico.openapi.ImportOptions;
import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportProblem.Level;
import dev.portico.openapi.ImportResult;
import dev.portico.openapi.OpenApiImporter;
import dev.portico.templates.internal.Intrinsics;
import dev.portico.templates.internal.Stack;
import dev.portico.templates.internal.TemplateText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a SAM or CloudFormation template (YAML with short tags, or JSON) into its HTTP APIs and functions, as
 * {@code sam deploy} would create them: parameters take their defaults or the given values, conditions decide which
 * resources exist, SAM's {@code Globals} apply, SAM's HTTP API resources and functions' {@code HttpApi} events
 * become the OpenAPI definition SAM's translator writes, and every intrinsic function is resolved — or reported at
 * its template pointer. docs/templates.md lists what is supported.
 *
 * <pre>{@code
 * TemplateResult template = TemplateReader.read(Path.of(args[0]),
 *     TemplateOptions.builder().parameter("Stage", "dev").build());
 * for (TemplateApi api : template.apis()) {
 *   System.out.println(api.logicalId() + " " + api.definition().routeKeys());
 * }
 * }</pre>
 */
public final class TemplateReader {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
  /** The function properties Portico reads; the others (Role, Policies, VpcConfig, ...) are left as written. */
  private static final Set<String> FUNCTION_PROPERTIES = Set.of("Handler", "Runtime", "CodeUri", "InlineCode",
      "Environment", "Timeout", "MemorySize", "PackageType");

  private final Path folder;
  private final TemplateOptions options;
  private final List<ImportProblem> problems = new ArrayList<>();
  private final ObjectNode template;
  private final Stack stack;
  private final Map<String, String> functionNames = new LinkedHashMap<>();
  /** The local files the template includes, for --watch. */
  private final Set<Path> included = new java.util.LinkedHashSet<>();
  /** Resources whose Condition is false (or names no condition): not created. */
  private final Set<String> notCreated = new HashSet<>();

  private TemplateReader(ObjectNode template, Path folder, TemplateOptions options) {
    this.template = template;
    this.folder = folder;
    this.options = options;
    this.stack = new Stack(template, options.parameters(), pseudoParameters(options), options.importValues(),
        new ResourceAttributes());
  }

  /**
   * Reads a template file; relative paths in it ({@code CodeUri}, {@code DefinitionUri}) are read from its folder.
   *
   * @param file the template
   * @return what it holds
   * @throws IOException when the file cannot be read
   */
  public static TemplateResult read(Path file) throws IOException {
    return read(file, TemplateOptions.defaults());
  }

  /**
   * Reads a template file.
   *
   * @param file the template
   * @param options parameter values, exports, pseudo parameters
   * @return what it holds
   * @throws IOException when the file cannot be read
   */
  public static TemplateResult read(Path file, TemplateOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Path folder = file.toAbsolutePath().getParent();
    return read(text, folder == null ? Path.of("").toAbsolutePath() : folder, options);
  }

  /**
   * Reads a template's text.
   *
   * @param text the template, YAML or JSON
   * @param folder where its relative paths are read from
   * @param options parameter values, exports, pseudo parameters
   * @return what it holds
   */
  public static TemplateResult read(String text, Path folder, TemplateOptions options) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(options, "options");
    JsonNode root;
    List<ImportProblem> duplicates = new ArrayList<>();
    try {
      root = TemplateText.read(text, duplicates);
    } catch (TemplateText.SyntaxException e) {
      return new TemplateResult(List.of(new ImportProblem(Level.ERROR, e.pointer(), e.reason())), List.of(),
          List.of());
    }
    if (!root.isObject()) {
      return new TemplateResult(List.of(new ImportProblem(Level.ERROR, "",
          "a template must be a map, got " + root.getNodeType().name().toLowerCase(Locale.ROOT))), List.of(), List.of());
    }
    if (!root.path("Resources").isObject()) {
      return new TemplateResult(List.of(new ImportProblem(Level.ERROR, "/Resources",
          root.has("Resources") ? "Resources must be a map" : "missing: a template needs Resources")), List.of(),
          List.of());
    }
    TemplateReader reader = new TemplateReader((ObjectNode) root, folder, options);
    reader.problems.addAll(duplicates);
    return reader.read();
  }

  private static Map<String, String> pseudoParameters(TemplateOptions options) {
    Map<String, String> pseudo = new LinkedHashMap<>();
    pseudo.put("AWS::Region", options.region());
    pseudo.put("AWS::AccountId", options.accountId());
    pseudo.put("AWS::StackName", options.stackName());
    pseudo.put("AWS::StackId", "arn:aws:cloudformation:" + options.region() + ":" + options.accountId() + ":stack/"
        + options.stackName() + "/00000000-0000-0000-0000-000000000000");
    pseudo.put("AWS::Partition", options.region().startsWith("cn-") ? "aws-cn"
        : options.region().startsWith("us-gov-") ? "aws-us-gov" : "aws");
    pseudo.put("AWS::URLSuffix", options.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");
    return pseudo;
  }

  // ------------------------------------------------------------------------------------------------ the stack

  private TemplateResult read() {
    boolean sam = transforms().contains(SAM_TRANSFORM);
    if (!sam && hasServerlessResources()) {
      // CloudFormation refuses AWS::Serverless types without the transform; SAM's translator (and its test
      // corpus) reads them anyway. Portico reads them as SAM and says what is missing.
      warning("/Transform", "the template has AWS::Serverless resources but no 'Transform: " + SAM_TRANSFORM
          + "' (CloudFormation refuses it); read as a SAM template");
      sam = true;
    }
    for (String transform : transforms()) {
      if (!transform.equals(SAM_TRANSFORM)) {
        error("/Transform", "the transform " + transform + " is not supported by Portico (only " + SAM_TRANSFORM
            + "); the resources it would make are missing");
      }
    }
    ObjectNode resources = (ObjectNode) template.get("Resources");
    if (sam) {
      Globals.apply(template, resources, problems);
    }
    List<TemplateFunction> functions = new ArrayList<>();
    Map<String, List<String>> ignored = new TreeMap<>();
    List<TemplateApi> apis = new ArrayList<>();
    CloudFormationApis cloudFormation = new CloudFormationApis(this);
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      if (entry.getValue().isObject() && !stack.created(entry.getKey(), entry.getValue())) {
        notCreated.add(entry.getKey());
      }
    }
    Domains domains = new Domains(this);
    SamHttpApis samApis = new SamHttpApis(this, cloudFormation, domains);
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      String logicalId = entry.getKey();
      JsonNode resource = entry.getValue();
      String at = "/Resources/" + Intrinsics.escape(logicalId);
      if (!resource.isObject() || !resource.path("Type").isTextual()) {
        error(at + "/Type", "a resource needs a Type");
        continue;
      }
      if (notCreated.contains(logicalId)) {
        info(at + "/Condition", "condition '" + resource.get("Condition").asText() + "' is false: " + logicalId
            + " is not created");
        continue;
      }
      String type = resource.get("Type").asText();
      switch (type) {
        case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
            function(logicalId, type, resource, at).ifPresent(functions::add);
        case "AWS::Serverless::HttpApi" -> samApis.explicit(logicalId, resource, at).ifPresent(apis::add);
        case "AWS::ApiGatewayV2::Api" -> cloudFormation.api(logicalId, resource, at).ifPresent(apis::add);
        case "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Authorizer",
            "AWS::ApiGatewayV2::Stage", "AWS::Lambda::Permission" -> { } // read with their API, or not needed
        case "AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::ApiMapping" -> { } // read below, with every API
        case "AWS::ApiGatewayV2::ApiGatewayManagedOverrides",
            "AWS::ApiGatewayV2::Deployment" -> ignored.computeIfAbsent(type + " (not yet served)",
                t -> new ArrayList<>()).add(logicalId);
        default -> ignored.computeIfAbsent(type, t -> new ArrayList<>()).add(logicalId);
      }
    }
    if (sam) {
      samApis.implicit().ifPresent(apis::add);
      samApis.unclaimedEvents();
    }
    cloudFormation.unclaimedRoutes();
    domains.cloudFormation();
    if (!domains.domains().isEmpty()) {
      info("/Resources", "custom domains are read (TemplateResult.domains), not served yet: the custom-domains"
          + " issue routes by them");
    }
    ignored.forEach((type, ids) -> info("/Resources", type + " is not served by Portico: " + String.join(", ", ids)));
    List<ImportProblem> all = new ArrayList<>(stack.problems());
    all.addAll(problems);
    return new TemplateResult(all, apis, functions, domains.domains(), List.copyOf(included));
  }

  private boolean hasServerlessResources() {
    for (JsonNode resource : template.path("Resources")) {
      if (resource.path("Type").asText().startsWith("AWS::Serverless::")) {
        return true;
      }
    }
    return false;
  }

  private Set<String> transforms() {
    JsonNode transform = template.get("Transform");
    Set<String> names = new java.util.LinkedHashSet<>();
    if (transform == null) {
      return names;
    }
    if (transform.isTextual()) {
      names.add(transform.asText());
    } else if (transform.isArray()) {
      transform.forEach(t -> names.add(t.asText()));
    }
    return names;
  }

  // ------------------------------------------------------------------------------------------------ functions

  private Optional<TemplateFunction> function(String logicalId, String type, JsonNode resource, String at) {
    // Only what Portico uses is resolved: a Role or Policies it cannot resolve is not its concern
    ObjectNode used = NODES.objectNode();
    resource.path("Properties").properties().forEach(field -> {
      if (FUNCTION_PROPERTIES.contains(field.getKey())) {
        used.set(field.getKey(), field.getValue());
      }
    });
    JsonNode properties = resolveExcept(used, at + "/Properties", Set.of("Environment"));
    if (properties == null) {
      return Optional.empty();
    }
    String name = functionName(logicalId);
    Optional<String> handler = textOf(properties, "Handler");
    Optional<String> runtime = textOf(properties, "Runtime");
    Optional<Path> code = Optional.empty();
    JsonNode codeUri = type.equals("AWS::Serverless::Function") ? properties.get("CodeUri") : null;
    JsonNode asset = resource.path("Metadata");
    if (codeUri != null && codeUri.isTextual() && !codeUri.asText().startsWith("s3://")) {
      code = Optional.of(folder.resolve(codeUri.asText()).normalize());
    } else if (asset.path("aws:asset:path").isTextual() && asset.path("aws:asset:property").asText().equals("Code")) {
      // cdk synth stages each function's code beside the template and names it here, as sam local reads it
      code = Optional.of(folder.resolve(asset.path("aws:asset:path").asText()).normalize());
    } else if (codeUri == null && properties.has("InlineCode")) {
      info(at + "/Properties/InlineCode", "inline code cannot run in-process; bind " + name + " with --function");
    }
    Map<String, String> environment = environment(properties.path("Environment"),
        at + "/Properties/Environment");
    Optional<Duration> timeout = properties.path("Timeout").canConvertToInt()
        ? Optional.of(Duration.ofSeconds(properties.path("Timeout").asInt())) : Optional.empty();
    OptionalInt memory = properties.path("MemorySize").canConvertToInt()
        ? OptionalInt.of(properties.path("MemorySize").asInt()) : OptionalInt.empty();
    if (properties.path("PackageType").asText("Zip").equals("Image")) {
      info(at + "/Properties/PackageType", "an image function cannot run in-process; bind " + name
          + " with --function NAME=http://...");
    }
    return Optional.of(new TemplateFunction(logicalId, name, type, handler, runtime, code, environment, timeout,
        memory, at));
  }

  /**
   * A function's {@code Environment.Variables}, each resolved on its own. A value that cannot be resolved (a
   * parameter without Default, the ARN of a table) is a warning and the function sees the empty string, as {@code
   * sam local} gives it; {@code --env-vars} gives the real value.
   */
  private Map<String, String> environment(JsonNode declared, String at) {
    Map<String, String> environment = new TreeMap<>();
    // Fn::If around Environment or Variables (SAM's Globals pattern) is resolved as a whole
    JsonNode outer = Intrinsics.isIntrinsic(declared) ? resolve(declared, at) : declared;
    JsonNode variables = outer == null ? null : outer.path("Variables");
    if (variables != null && Intrinsics.isIntrinsic(variables)) {
      variables = resolve(variables, at + "/Variables");
    }
    if (variables == null || !variables.isObject()) {
      return environment;
    }
    for (Map.Entry<String, JsonNode> variable : variables.properties()) {
      String variableAt = at + "/Variables/" + Intrinsics.escape(variable.getKey());
      JsonNode value = resolveOrWarn(variable.getValue(), variableAt, "the function sees " + variable.getKey()
          + "='' (as sam local gives an unresolved value); give it with --env-vars");
      if (value == null) {
        value = NODES.textNode("");
      }
      if (!Intrinsics.isNoValue(value)) {
        environment.put(variable.getKey(), value.isNumber() && !value.isIntegralNumber()
            ? value.decimalValue().toPlainString() : value.isContainerNode() ? value.toString() : value.asText());
      }
    }
    return environment;
  }

  /** A function's name: a literal or resolvable {@code FunctionName}, else its logical id. */
  String functionName(String logicalId) {
    String known = functionNames.get(logicalId);
    if (known != null) {
      return known;
    }
    functionNames.put(logicalId, logicalId); // while resolving, a FunctionName referring to itself gets the id
    JsonNode declared = template.path("Resources").path(logicalId).path("Properties").get("FunctionName");
    String name = logicalId;
    if (declared != null) {
      JsonNode value = resolveOrWarn(declared, "/Resources/" + Intrinsics.escape(logicalId) + "/Properties/FunctionName",
          "the function is named " + logicalId + " instead");
      if (value != null && value.isTextual()) {
        name = value.asText();
      }
    }
    functionNames.put(logicalId, name);
    return name;
  }

  /** A SAM function's {@code AutoPublishAlias}, resolved (Globals already applied). */
  Optional<String> autoPublishAlias(String logicalId) {
    JsonNode declared = template.path("Resources").path(logicalId).path("Properties").get("AutoPublishAlias");
    if (declared == null) {
      return Optional.empty();
    }
    JsonNode alias = resolve(declared, "/Resources/" + Intrinsics.escape(logicalId) + "/Properties/AutoPublishAlias");
    return alias != null && alias.isTextual() ? Optional.of(alias.asText()) : Optional.empty();
  }

  /** What Ref of an AWS::Lambda::Alias gives: the alias ARN, {@code arn:...:function:NAME:ALIAS}. */
  private JsonNode aliasArn(String logicalId) {
    JsonNode properties = template.path("Resources").path(logicalId).path("Properties");
    String at = "/Resources/" + Intrinsics.escape(logicalId) + "/Properties";
    JsonNode function = resolve(properties.path("FunctionName"), at + "/FunctionName");
    JsonNode name = resolve(properties.path("Name"), at + "/Name");
    if (function == null || name == null || !function.isTextual() || !name.isTextual()) {
      return TextNode.valueOf(logicalId);
    }
    String prefix = "arn:aws:lambda:" + options.region() + ":" + options.accountId() + ":function:";
    String bare = function.asText().startsWith("arn:") ? function.asText().substring(function.asText()
        .lastIndexOf(':') + 1) : function.asText();
    return TextNode.valueOf(prefix + bare + ":" + name.asText());
  }

  /** A deterministic 10-character API id, as execute-api ids look, for an API's logical id. */
  String apiId(String logicalId) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    long hash = 1125899906842597L;
    for (char c : (options.stackName() + "/" + logicalId).toCharArray()) {
      hash = 31 * hash + c;
    }
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      id.append(alphabet.charAt((int) Math.floorMod(hash, (long) alphabet.length())));
      hash = Long.rotateRight(hash * 0x9E3779B97F4A7C15L, 17);
    }
    return id.toString();
  }

  /** What {@code Ref} and {@code Fn::GetAtt} of the template's resources give, as Portico names them. */
  private final class ResourceAttributes implements Stack.Attributes {
    @Override
    public JsonNode ref(String logicalId, String type) {
      return switch (type) {
        case "AWS::Serverless::Function", "AWS::Lambda::Function" -> TextNode.valueOf(functionName(logicalId));
        case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> TextNode.valueOf(apiId(logicalId));
        case "AWS::Lambda::Alias" -> aliasArn(logicalId);
        default -> TextNode.valueOf(logicalId);
      };
    }

    @Override
    public @Nullable JsonNode attribute(String logicalId, String type, String attribute) {
      String given = options.attributes().get(logicalId + "." + attribute);
      if (given != null) {
        return TextNode.valueOf(given);
      }
      String region = options.region();
      return switch (type + "." + attribute) {
        case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" -> TextNode.valueOf(
            "arn:aws:lambda:" + region + ":" + options.accountId() + ":function:" + functionName(logicalId));
        case "AWS::Serverless::HttpApi.ApiEndpoint", "AWS::ApiGatewayV2::Api.ApiEndpoint" -> TextNode.valueOf(
            "https://" + apiId(logicalId) + ".execute-api." + region + ".amazonaws.com");
        case "AWS::ApiGatewayV2::Api.ApiId" -> TextNode.valueOf(apiId(logicalId));
        case "AWS::IAM::Role.Arn" -> TextNode.valueOf("arn:aws:iam::" + options.accountId() + ":role/" + logicalId);
        default -> null;
      };
    }
  }

  // ------------------------------------------------------------------------------------------------ shared

  /** @return the template */
  ObjectNode template() {
    return template;
  }

  /** @return the template's folder */
  Path folder() {
    return folder;
  }

  /** @return the options */
  TemplateOptions options() {
    return options;
  }

  /**
   * Resolves a value; what cannot be resolved is an error at its pointer.
   *
   * @return the value, or null when something in it could not be resolved
   */
  @Nullable JsonNode resolve(JsonNode node, String at) {
    return resolve(node, at, Level.ERROR, "");
  }

  /**
   * Resolves a value Portico can do without (a custom domain it does not serve by yet, an environment value, a
   * function's name): what cannot be resolved is a warning saying what follows, not an error — the API is served
   * all the same.
   *
   * @return the value, or null when it could not be resolved (reported)
   */
  @Nullable JsonNode resolveOrWarn(JsonNode node, String at, String leftOut) {
    return resolve(node, at, Level.WARNING, "; " + leftOut);
  }

  private @Nullable JsonNode resolve(JsonNode node, String at, Level level, String consequence) {
    try {
      JsonNode value = stack.intrinsics().resolve(node, at);
      return Intrinsics.isNoValue(value) ? NODES.missingNode() : value;
    } catch (Intrinsics.Unresolved failed) {
      for (Intrinsics.Unresolved e : failed.all()) {
        if (!e.alreadyReported()) {
          problems.add(new ImportProblem(level, e.pointer().isEmpty() ? at : e.pointer(), e.reason() + consequence));
        }
      }
      return null;
    }
  }

  /**
   * Resolves the fields of a map but the named ones, which are kept as written.
   *
   * @return the map, or null when something in it could not be resolved (reported)
   */
  @Nullable ObjectNode resolveExcept(JsonNode map, String at, Set<String> kept) {
    ObjectNode out = NODES.objectNode();
    boolean resolved = true;
    for (Map.Entry<String, JsonNode> field : map.properties()) {
      if (kept.contains(field.getKey())) {
        out.set(field.getKey(), field.getValue());
        continue;
      }
      JsonNode value = resolve(field.getValue(), at + "/" + Intrinsics.escape(field.getKey()));
      if (value == null) {
        resolved = false;
      } else if (!value.isMissingNode()) {
        out.set(field.getKey(), value);
      }
    }
    return resolved ? out : null;
  }

  /**
   * An S3 location written as a map ({@code {Bucket, Key}}: SAM's {@code DefinitionUri}, {@code BodyS3Location}),
   * as {@code s3://BUCKET/KEY}.
   *
   * @return the URI, or null when the map is not one (reported)
   */
  @Nullable String s3Uri(JsonNode location, String at) {
    if (!location.path("Bucket").isTextual() || !location.path("Key").isTextual()) {
      error(at, "an S3 location needs Bucket and Key");
      return null;
    }
    return "s3://" + location.get("Bucket").asText() + "/" + location.get("Key").asText();
  }

  /**
   * Reads a definition a template holds or includes, through the OpenAPI importer, and moves its problems to the
   * template: each pointer inside the definition becomes the template pointer its origin maps it to.
   */
  ImportResult importDefinition(JsonNode body, Origins origins) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a resolved definition is always writable", e);
    }
    ImportResult result = OpenApiImporter.read(json, ImportOptions.builder().maxRoutes(options.maxRoutes()).build());
    Set<ImportProblem> seen = new HashSet<>();
    for (ImportProblem problem : result.problems()) {
      ImportProblem moved = new ImportProblem(problem.level(), origins.templatePointer(problem.pointer()),
          problem.message());
      if (seen.add(moved)) {
        problems.add(moved);
      }
    }
    return result;
  }

  /**
   * A definition ({@code DefinitionBody}, {@code Body}), with a top-level {@code Fn::Transform: AWS::Include} read
   * from its local file.
   *
   * @return the definition, or null when it cannot be read (reported)
   */
  @Nullable JsonNode included(JsonNode body, String at) {
    JsonNode transform = body.get("Fn::Transform");
    if (transform == null || body.size() != 1) {
      return body;
    }
    if (!transform.path("Name").asText().equals("AWS::Include")) {
      error(at + "/Fn::Transform", "only the AWS::Include transform is supported around a definition");
      return null;
    }
    JsonNode location = resolve(transform.path("Parameters").path("Location"),
        at + "/Fn::Transform/Parameters/Location");
    if (location == null || !location.isTextual()) {
      error(at + "/Fn::Transform/Parameters/Location", "AWS::Include needs a Location");
      return null;
    }
    return include(location.asText(), at + "/Fn::Transform/Parameters/Location");
  }

  /**
   * Reads a local file a template names ({@code DefinitionUri}, {@code AWS::Include}).
   *
   * @return the document, or null when it cannot be read (reported)
   */
  @Nullable JsonNode include(String location, String at) {
    Path local = options.s3Objects().get(location);
    if (location.startsWith("s3://") && local == null) {
      error(at, "'" + location + "' is an S3 object: give its local copy with --s3-object " + location + "=FILE"
          + " (TemplateOptions.s3Object), or name the copy in the template");
      return null;
    }
    if (location.startsWith("https://")) {
      error(at, "'" + location + "' is not a local file: Portico reads definitions from the template's folder;"
          + " download it and name the local copy");
      return null;
    }
    Path file = folder.resolve(local != null ? local : Path.of(location)).normalize();
    included.add(file);
    try {
      List<ImportProblem> duplicates = new ArrayList<>();
      JsonNode document = TemplateText.include(Files.readString(file, StandardCharsets.UTF_8), duplicates);
      duplicates.forEach(d -> problems.add(new ImportProblem(d.level(), at, file.getFileName() + d.pointer() + ": "
          + d.message())));
      if (document == null) {
        error(at, file + " is empty");
      }
      return document;
    } catch (java.nio.file.NoSuchFileException e) {
      error(at, "'" + location + "' is not there: no file " + file + " (a Location is relative to the template's"
          + " folder)");
      return null;
    } catch (IOException e) {
      error(at, "cannot read " + file + ": " + e);
      return null;
    } catch (TemplateText.SyntaxException e) {
      error(at, file + e.pointer() + ": " + e.reason());
      return null;
    }
  }

  /**
   * Checks a stage as the gateway will build it, so that what API Gateway refuses (an access log variable of REST
   * APIs only, such as {@code $context.resourcePath}; a stage variable value out of its character set) is an error
   * at the property, not a failure when the API is served.
   *
   * @param at the pointer of the properties holding {@code StageName}, {@code StageVariables}, {@code
   *     AccessLogSettings}
   * @return whether the stage is valid
   */
  boolean stageValid(String name, Map<String, String> variables, Optional<String> accessLog, String at) {
    try {
      Stage.Builder stage = Stage.builder(name);
      variables.forEach(stage::variable);
      accessLog.ifPresent(stage::accessLog);
      stage.build();
      return true;
    } catch (GatewayConfigException e) {
      String field = switch (e.field()) {
        case "Stage.accessLogFormat" -> "/AccessLogSettings/Format";
        case "Stage.variables" -> "/StageVariables";
        default -> "/StageName";
      };
      error(at + field, e.getMessage() + " (API Gateway refuses the stage)");
      return false;
    }
  }

  /**
   * Reads one {@code RouteSettings} map (resolved): {@code ThrottlingBurstLimit} (a whole number, at least 0),
   * {@code ThrottlingRateLimit} (a number, at least 0), {@code DetailedMetricsEnabled}; {@code DataTraceEnabled}
   * and {@code LoggingLevel} are WebSocket APIs' and ignored.
   *
   * @return the settings, or null when a value is not valid (reported)
   */
  @Nullable RouteSettings routeSettings(JsonNode settings, String at) {
    if (!settings.isObject()) {
      error(at, "route settings must be a map of ThrottlingBurstLimit, ThrottlingRateLimit, DetailedMetricsEnabled");
      return null;
    }
    java.util.OptionalInt burst = java.util.OptionalInt.empty();
    java.util.OptionalDouble rate = java.util.OptionalDouble.empty();
    Optional<Boolean> metrics = Optional.empty();
    boolean valid = true;
    for (Map.Entry<String, JsonNode> field : settings.properties()) {
      String fieldAt = at + "/" + Intrinsics.escape(field.getKey());
      JsonNode value = field.getValue();
      String text = value.asText();
      switch (field.getKey()) {
        case "ThrottlingBurstLimit" -> {
          if ((value.isNumber() ? value.canConvertToExactIntegral() : text.matches("\\d{1,9}"))
              && value.asLong() >= 0 && value.asLong() <= Integer.MAX_VALUE) {
            burst = java.util.OptionalInt.of(value.asInt());
          } else {
            error(fieldAt, "ThrottlingBurstLimit must be a whole number of requests, at least 0, got " + value);
            valid = false;
          }
        }
        case "ThrottlingRateLimit" -> {
          double number = value.isNumber() ? value.asDouble()
              : text.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(text) : -1;
          if (number >= 0 && Double.isFinite(number)) {
            rate = java.util.OptionalDouble.of(number);
          } else {
            error(fieldAt, "ThrottlingRateLimit must be a number of requests per second, at least 0, got " + value);
            valid = false;
          }
        }
        case "DetailedMetricsEnabled" -> {
          if (value.isBoolean() || text.equals("true") || text.equals("false")) {
            metrics = Optional.of(value.isBoolean() ? value.asBoolean() : text.equals("true"));
          } else {
            error(fieldAt, "DetailedMetricsEnabled must be true or false, got " + value);
            valid = false;
          }
        }
        case "DataTraceEnabled", "LoggingLevel" -> { } // WebSocket APIs' settings; no meaning for HTTP APIs
        default -> warning(fieldAt, "'" + field.getKey() + "' is not a route setting (ThrottlingBurstLimit,"
            + " ThrottlingRateLimit, DetailedMetricsEnabled); ignored");
      }
    }
    return valid ? new RouteSettings(burst, rate, metrics) : null;
  }

  /**
   * Reads a {@code RouteSettings} property (resolved): route key to settings.
   *
   * @return the valid settings by route key
   */
  Map<String, RouteSettings> routeSettingsByKey(JsonNode byKey, String at) {
    Map<String, RouteSettings> settings = new LinkedHashMap<>();
    if (!byKey.isObject()) {
      error(at, "RouteSettings must be a map of route keys ('GET /pets', $default) to route settings");
      return settings;
    }
    for (Map.Entry<String, JsonNode> entry : byKey.properties()) {
      RouteSettings read = routeSettings(entry.getValue(), at + "/" + Intrinsics.escape(entry.getKey()));
      if (read != null) {
        settings.put(entry.getKey(), read);
      }
    }
    return settings;
  }

  /** Warns of route settings for a route key the API does not have (the throttling issue decides AWS's answer). */
  void routeSettingsNameRoutes(Map<String, RouteSettings> settings, ImportResult definition, String at) {
    Set<String> keys = new HashSet<>();
    definition.routeKeys().forEach(key -> keys.add(key.toString()));
    for (String key : settings.keySet()) {
      if (!keys.contains(key)) {
        warning(at + "/" + Intrinsics.escape(key), "RouteSettings names '" + key + "', which is no route of the API"
            + " (routes: " + String.join(", ", keys) + ")");
      }
    }
  }

  /** Whether a resource is created: it has no Condition, or its condition holds. */
  boolean created(String logicalId) {
    return !notCreated.contains(logicalId);
  }

  void error(String pointer, String message) {
    problems.add(new ImportProblem(Level.ERROR, pointer, message));
  }

  void warning(String pointer, String message) {
    problems.add(new ImportProblem(Level.WARNING, pointer, message));
  }

  void info(String pointer, String message) {
    problems.add(new ImportProblem(Level.INFO, pointer, message));
  }

  static Optional<String> textOf(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** Where the parts of a definition come from in the template, longest definition prefix first. */
  static final class Origins {
    private final List<Map.Entry<String, String>> prefixes = new ArrayList<>();
    private final String fallback;

    Origins(String fallback) {
      this.fallback = fallback;
    }

    /**
     * Maps a definition pointer prefix to a template pointer.
     *
     * @param definitionPrefix e.g. {@code /paths/~1pets/get}
     * @param templatePointer e.g. {@code /Resources/PetsFunction/Properties/Events/List}
     * @param keepRest whether what follows the prefix is appended (a body written in the template) or dropped (a
     *     definition SAM generates from an event)
     */
    void map(String definitionPrefix, String templatePointer, boolean keepRest) {
      prefixes.add(Map.entry(definitionPrefix, templatePointer + (keepRest ? "\u0000" : "")));
      prefixes.sort((a, b) -> b.getKey().length() - a.getKey().length());
    }

    String templatePointer(String definitionPointer) {
      for (Map.Entry<String, String> prefix : prefixes) {
        String key = prefix.getKey();
        if (definitionPointer.equals(key) || definitionPointer.startsWith(key + "/") || key.isEmpty()) {
          String target = prefix.getValue();
          return target.endsWith("\u0000")
              ? target.substring(0, target.length() - 1) + definitionPointer.substring(key.length()) : target;
        }
      }
      return fallback;
    }
  }
}
