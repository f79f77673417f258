package dev.portico.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportProblem.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SAM's {@code Globals}: properties of the {@code Function} and {@code HttpApi} sections are merged into every
 * resource of that type before anything else is read, as SAM's globals plugin merges them — a resource's own
 * value wins for strings, numbers and intrinsic functions; maps merge key by key; lists are the global entries
 * followed by the resource's. An {@code HttpApi} section also applies to SAM's implicit API.
 */
final class Globals {
  /** The properties SAM allows in each section (its globals plugin's supported properties). */
  static final Map<String, Set<String>> SUPPORTED = Map.of(
      "Function", Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout",
          "VpcConfig", "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias",
          "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference", "RolePath", "PermissionsBoundary",
          "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig", "AssumeRolePolicyDocument",
          "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures", "SnapStart",
          "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop",
          "SourceKMSKeyArn", "TenancyConfig", "DurableConfig", "CapacityProviderConfig", "FunctionScalingConfig",
          "PublishToLatestPublished", "VersionDeletionPolicy"),
      "HttpApi", Set.of("Auth", "AccessLogSettings", "StageVariables", "Tags", "CorsConfiguration",
          "DefaultRouteSettings", "Domain", "RouteSettings", "FailOnWarnings", "PropagateTags"));

  private static final Map<String, String> TYPES = Map.of(
      "Function", "AWS::Serverless::Function", "HttpApi", "AWS::Serverless::HttpApi");

  private Globals() {}

  /**
   * Merges the globals into the resources, in place.
   *
   * @param template the template
   * @param resources its resources
   * @param problems receives unsupported globals
   */
  static void apply(JsonNode template, ObjectNode resources, List<ImportProblem> problems) {
    JsonNode globals = template.get("Globals");
    if (globals == null) {
      return;
    }
    if (!globals.isObject()) {
      problems.add(new ImportProblem(Level.ERROR, "/Globals", "Globals must be a map"));
      return;
    }
    for (Map.Entry<String, JsonNode> section : globals.properties()) {
      String at = "/Globals/" + section.getKey();
      if (!TYPES.containsKey(section.getKey())) {
        if (!Set.of("Api", "SimpleTable", "LayerVersion", "StateMachine", "CapacityProvider", "WebSocketApi")
            .contains(section.getKey())) {
          problems.add(new ImportProblem(Level.ERROR, at, "'" + section.getKey() + "' is not a SAM Globals section"
              + " (Function, Api, HttpApi, SimpleTable, LayerVersion, ...)"));
        }
        continue;
      }
      if (!section.getValue().isObject()) {
        problems.add(new ImportProblem(Level.ERROR, at, "a Globals section must be a map"));
        continue;
      }
      ObjectNode supported = TemplateReader.NODES.objectNode();
      for (Map.Entry<String, JsonNode> property : section.getValue().properties()) {
        if (SUPPORTED.getOrDefault(section.getKey(), Set.of()).contains(property.getKey())) {
          supported.set(property.getKey(), property.getValue());
        } else {
          problems.add(new ImportProblem(Level.ERROR, at + "/" + property.getKey(), "'" + property.getKey()
              + "' is not supported in the Globals " + section.getKey() + " section (SAM refuses the template)"));
        }
      }
      String type = TYPES.get(section.getKey());
      for (Map.Entry<String, JsonNode> resource : resources.properties()) {
        if (resource.getValue().isObject() && type.equals(resource.getValue().path("Type").asText())) {
          ObjectNode declared = (ObjectNode) resource.getValue();
          JsonNode own = declared.path("Properties");
          declared.set("Properties", merge(supported, own.isObject() ? own : TemplateReader.NODES.objectNode()));
        }
      }
    }
  }

  /**
   * The globals of the {@code HttpApi} section, for SAM's implicit API.
   *
   * @param template the template
   * @return the section's supported properties, or an empty map
   */
  static ObjectNode httpApi(JsonNode template) {
    ObjectNode out = TemplateReader.NODES.objectNode();
    JsonNode section = template.path("Globals").path("HttpApi");
    for (Map.Entry<String, JsonNode> property : section.properties()) {
      if (SUPPORTED.getOrDefault("HttpApi", Set.of()).contains(property.getKey())) {
        out.set(property.getKey(), property.getValue());
      }
    }
    return out;
  }

  /** SAM's merge of a global value and a resource's own. */
  static JsonNode merge(JsonNode global, JsonNode local) {
    boolean globalMap = global.isObject() && !intrinsic(global);
    boolean localMap = local.isObject() && !intrinsic(local);
    if (globalMap && localMap) {
      ObjectNode out = ((ObjectNode) global).deepCopy();
      for (Map.Entry<String, JsonNode> field : local.properties()) {
        JsonNode existing = out.get(field.getKey());
        out.set(field.getKey(), existing == null ? field.getValue() : merge(existing, field.getValue()));
      }
      return out;
    }
    if (global.isArray() && local.isArray()) {
      ArrayNode out = ((ArrayNode) global).deepCopy();
      out.addAll((ArrayNode) local);
      return out;
    }
    return local;
  }

  /** An intrinsic function is merged as the value it resolves to: a primitive. */
  private static boolean intrinsic(JsonNode node) {
    if (node.size() != 1) {
      return false;
    }
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
  }
}
