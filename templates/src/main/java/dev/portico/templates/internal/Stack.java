package dev.portico.templates.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportProblem.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a template's names mean once it is deployed as one stack: parameters (their defaults, overridden as {@code
 * --parameter-overrides} does), pseudo parameters, conditions, mappings, exports given by the user, and what {@code
 * Ref} and {@code Fn::GetAtt} of each resource give. Problems found while evaluating them are collected with their
 * template pointers.
 */
public final class Stack implements Intrinsics.Scope {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The resource attributes Portico can know without AWS, by resource type. */
  public interface Attributes {
    /**
     * An attribute of a resource.
     *
     * @param logicalId the resource
     * @param type its type
     * @param attribute the attribute
     * @return the value, or null when Portico cannot know it
     */
    @Nullable JsonNode attribute(String logicalId, String type, String attribute);

    /**
     * What {@code Ref} of a resource gives.
     *
     * @param logicalId the resource
     * @param type its type
     * @return the physical id as Portico names it
     */
    JsonNode ref(String logicalId, String type);
  }

  private final JsonNode template;
  private final Map<String, JsonNode> parameters = new LinkedHashMap<>();
  private final Map<String, String> importValues;
  private final Map<String, Boolean> conditions = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Attributes attributes;
  private final Intrinsics intrinsics = new Intrinsics(this);
  private final List<ImportProblem> problems = new ArrayList<>();
  private final Set<String> refused = new HashSet<>();
  private final Map<String, ImportProblem> ssmDefaults = new HashMap<>();

  /**
   * Evaluates a template's parameters; conditions are evaluated when first asked for.
   *
   * @param template the template
   * @param overrides parameter values given by the user
   * @param pseudo the pseudo parameters ({@code AWS::Region}, ...)
   * @param importValues values of other stacks' exports given by the user
   * @param attributes what resources' attributes are
   */
  public Stack(JsonNode template, Map<String, String> overrides, Map<String, String> pseudo,
      Map<String, String> importValues, Attributes attributes) {
    this.template = template;
    this.importValues = Map.copyOf(importValues);
    this.attributes = attributes;
    pseudo.forEach((name, value) -> parameters.put(name, TextNode.valueOf(value)));
    parameters.put("AWS::NotificationARNs", NODES.arrayNode());
    JsonNode declared = template.path("Parameters");
    for (String name : overrides.keySet()) {
      if (!declared.has(name)) {
        problems.add(new ImportProblem(Level.ERROR, "/Parameters",
            "--parameter-overrides names '" + name + "', which the template does not declare (parameters: "
                + String.join(", ", iterable(declared)) + ")"));
      }
    }
    for (Map.Entry<String, JsonNode> entry : declared.properties()) {
      parameter(entry.getKey(), entry.getValue(), overrides.get(entry.getKey()));
    }
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void parameter(String name, JsonNode declaration, @Nullable String override) {
    String at = "/Parameters/" + Intrinsics.escape(name);
    String type = declaration.path("Type").asText("String");
    JsonNode fallback = declaration.get("Default");
    String value;
    if (override != null) {
      value = override;
    } else if (fallback != null && !fallback.isContainerNode()) {
      value = fallback.isNumber() && !fallback.isIntegralNumber() ? fallback.decimalValue().toPlainString()
          : fallback.asText();
    } else {
      // Not an error yet: only a template value that uses it needs it.
      return;
    }
    if (type.startsWith("AWS::SSM::Parameter::Value") && override == null) {
      // said when a value Portico resolves uses it: CDK declares BootstrapVersion in every template, for Rules only
      ssmDefaults.put(name, new ImportProblem(Level.WARNING, at, "an SSM parameter: Portico uses its Default '"
          + value + "' as the value (the name of the SSM parameter on AWS); give the value with"
          + " --parameter-overrides " + name + "=VALUE"));
    }
    JsonNode allowed = declaration.get("AllowedValues");
    if (allowed != null && allowed.isArray()) {
      boolean ok = false;
      for (JsonNode option : allowed) {
        ok |= option.asText().equals(value);
      }
      if (!ok) {
        problems.add(new ImportProblem(Level.ERROR, at, "'" + value + "' is not one of the AllowedValues "
            + allowed));
        refused.add(name);
        return;
      }
    }
    JsonNode pattern = declaration.get("AllowedPattern");
    if (pattern != null && pattern.isTextual() && !value.matches(pattern.asText())) {
      problems.add(new ImportProblem(Level.ERROR, at, "'" + value + "' does not match the AllowedPattern '"
          + pattern.asText() + "'"));
      refused.add(name);
      return;
    }
    if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
      ArrayNode list = NODES.arrayNode();
      for (String item : value.split(",", -1)) {
        list.add(item.strip());
      }
      parameters.put(name, list);
    } else if (type.equals("Number") && value.matches("-?\\d{1,18}")) {
      // a Number parameter is a number where a number is expected (TimeoutInMillis: !Ref Timeout)
      parameters.put(name, NODES.numberNode(Long.parseLong(value)));
    } else if (type.equals("Number") && value.matches("-?\\d+(\\.\\d+)?")) {
      parameters.put(name, NODES.numberNode(new java.math.BigDecimal(value)));
    } else if (type.equals("Number")) {
      problems.add(new ImportProblem(Level.ERROR, at, "'" + value + "' is not a number (the parameter's Type is"
          + " Number)"));
      refused.add(name);
    } else {
      parameters.put(name, TextNode.valueOf(value));
    }
  }

  /** @return the resolver for this stack */
  public Intrinsics intrinsics() {
    return intrinsics;
  }

  /** @return the problems found evaluating parameters and conditions */
  public List<ImportProblem> problems() {
    return problems;
  }

  @Override
  public @Nullable JsonNode parameter(String name) {
    JsonNode value = parameters.get(name);
    ImportProblem ssm = ssmDefaults.remove(name);
    if (ssm != null) {
      problems.add(ssm);
    }
    if (value == null && template.path("Parameters").has(name)) {
      // Declared without Default and not overridden: say how to give it rather than "unknown name".
      return null;
    }
    return value;
  }

  /**
   * Whether a parameter is declared but has no value.
   *
   * @param name the parameter
   * @return true when it needs {@code --parameter-overrides}
   */
  @Override
  public boolean needsValue(String name) {
    return template.path("Parameters").has(name) && !parameters.containsKey(name);
  }

  /**
   * Values Portico reads but does not use yet: parameter mapping ({@code requestParameters}, {@code
   * responseParameters}), integration credentials and TLS settings, in a definition body or an {@code
   * AWS::ApiGatewayV2::Integration}/{@code Route}/{@code Api}. AWS service integrations name their queue, bus or
   * state machine there ({@code !GetAtt Queue.Arn}), which Portico cannot know without AWS; since the value is only
   * reported as ignored, not being able to resolve it is no error.
   */
  private static final java.util.regex.Pattern IGNORED_VALUES = java.util.regex.Pattern.compile(
      "(.*/x-amazon-apigateway-integrations?(/[^/]+)?/(requestParameters|responseParameters|credentials|tlsConfig)"
          + "|/Resources/[^/]+/Properties/(RequestParameters|ResponseParameters|CredentialsArn|TlsConfig))(/.*)?");

  @Override
  public boolean ignored(String pointer) {
    return IGNORED_VALUES.matcher(pointer).matches();
  }

  /** An integration's URI, in a definition body or an {@code AWS::ApiGatewayV2::Integration}. */
  private static final java.util.regex.Pattern BINDABLE_VALUES = java.util.regex.Pattern.compile(
      ".*/x-amazon-apigateway-integration/uri|/Resources/[^/]+/Properties/IntegrationUri");

  @Override
  public boolean bindable(String pointer) {
    return BINDABLE_VALUES.matcher(pointer).matches();
  }

  @Override
  public void ignoredUnresolved(Intrinsics.Unresolved unresolved, String pointer) {
    if (!unresolved.alreadyReported()) {
      problems.add(new ImportProblem(Level.INFO, unresolved.pointer().isEmpty() ? pointer : unresolved.pointer(),
          unresolved.reason() + "; not needed: Portico does not use this value yet"));
    }
  }

  @Override
  public boolean refused(String name) {
    return refused.contains(name);
  }

  @Override
  public @Nullable JsonNode ref(String logicalId) {
    JsonNode resource = template.path("Resources").get(logicalId);
    return resource == null ? null : attributes.ref(logicalId, resource.path("Type").asText());
  }

  @Override
  public @Nullable JsonNode attribute(String logicalId, String attribute) throws Intrinsics.Unresolved {
    JsonNode resource = template.path("Resources").get(logicalId);
    if (resource == null) {
      return null;
    }
    String type = resource.path("Type").asText();
    JsonNode value = attributes.attribute(logicalId, type, attribute);
    if (value == null) {
      throw new Intrinsics.Unresolved("", "Fn::GetAtt " + logicalId + "." + attribute + ": Portico cannot know this"
          + " attribute of a " + type + " without AWS; give its value with --get-att " + logicalId + "." + attribute
          + "=VALUE");
    }
    return value;
  }

  @Override
  public @Nullable Boolean condition(String name) {
    Boolean known = conditions.get(name);
    if (known != null) {
      return known;
    }
    JsonNode definition = template.path("Conditions").get(name);
    if (definition == null) {
      return null;
    }
    String at = "/Conditions/" + Intrinsics.escape(name);
    if (!evaluating.add(name)) {
      problems.add(new ImportProblem(Level.ERROR, at, "condition '" + name + "' refers to itself"));
      return false;
    }
    boolean value;
    try {
      value = evaluate(definition, at);
    } catch (Intrinsics.Unresolved e) {
      if (!e.alreadyReported()) {
        problems.add(new ImportProblem(Level.ERROR, e.pointer(), e.reason()));
      }
      value = false;
    } finally {
      evaluating.remove(name);
    }
    conditions.put(name, value);
    return value;
  }

  /** A condition expression: Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition. */
  private boolean evaluate(JsonNode node, String at) throws Intrinsics.Unresolved {
    if (node.isObject() && node.size() == 1) {
      String key = node.fieldNames().next();
      JsonNode argument = node.get(key);
      String inner = at + "/" + Intrinsics.escape(key);
      switch (key) {
        case "Condition" -> {
          Boolean value = condition(argument.asText());
          if (value == null) {
            throw new Intrinsics.Unresolved(inner, "the template has no condition '" + argument.asText() + "'");
          }
          return value;
        }
        case "Fn::Equals" -> {
          if (!argument.isArray() || argument.size() != 2) {
            throw new Intrinsics.Unresolved(inner, "Fn::Equals takes [value, value]");
          }
          String left = Intrinsics.text(intrinsics.resolve(argument.get(0), inner + "/0"), inner + "/0",
              "Fn::Equals");
          String right = Intrinsics.text(intrinsics.resolve(argument.get(1), inner + "/1"), inner + "/1",
              "Fn::Equals");
          return left.equals(right);
        }
        case "Fn::Not" -> {
          if (!argument.isArray() || argument.size() != 1) {
            throw new Intrinsics.Unresolved(inner, "Fn::Not takes [condition]");
          }
          return !evaluate(argument.get(0), inner + "/0");
        }
        case "Fn::And", "Fn::Or" -> {
          if (!argument.isArray() || argument.size() < 2 || argument.size() > 10) {
            throw new Intrinsics.Unresolved(inner, key + " takes 2 to 10 conditions");
          }
          boolean and = key.equals("Fn::And");
          boolean result = and;
          for (int i = 0; i < argument.size(); i++) {
            boolean value = evaluate(argument.get(i), inner + "/" + i);
            result = and ? result && value : result || value;
          }
          return result;
        }
        default -> { }
      }
    }
    throw new Intrinsics.Unresolved(at, "a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition,"
        + " got " + node);
  }

  @Override
  public @Nullable JsonNode mapping(String map, String top, String second) {
    JsonNode value = template.path("Mappings").path(map).path(top).get(second);
    return value == null || value.isMissingNode() ? null : value;
  }

  @Override
  public @Nullable String importValue(String name) {
    return importValues.get(name);
  }

  /**
   * Whether a resource is in the stack: no {@code Condition}, or a condition that holds.
   *
   * @param logicalId the resource
   * @param resource its declaration
   * @return true when CloudFormation would create it
   */
  public boolean created(String logicalId, JsonNode resource) {
    JsonNode condition = resource.get("Condition");
    if (condition == null) {
      return true;
    }
    Boolean value = condition(condition.asText());
    if (value == null) {
      problems.add(new ImportProblem(Level.ERROR, "/Resources/" + Intrinsics.escape(logicalId) + "/Condition",
          "the template has no condition '" + condition.asText() + "'"));
      return false;
    }
    return value;
  }
}
