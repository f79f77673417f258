package dev.portico.templates.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolves CloudFormation's intrinsic functions in a template value, as CloudFormation does when it creates the
 * stack: {@code Ref} (parameters, pseudo parameters, resources, {@code AWS::NoValue}), {@code Fn::GetAtt}, {@code
 * Fn::Sub} in both forms, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If}, {@code
 * Fn::FindInMap}, {@code Fn::ImportValue}, {@code Fn::GetAZs}, {@code Fn::Base64}, {@code Fn::ToJsonString} and
 * {@code Fn::Length}. What it cannot resolve is an {@link Unresolved} naming the template path and what would
 * resolve it — never a silently missing value.
 */
public final class Intrinsics {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stands for {@code Ref: AWS::NoValue}: the property or list element is removed. */
  static final JsonNode NO_VALUE = MissingNode.getInstance();

  /** What the template's names mean: parameters, resources, conditions, mappings, exports. */
  public interface Scope {
    /**
     * A parameter's or pseudo parameter's value.
     *
     * @param name the name, e.g. {@code Stage} or {@code AWS::Region}
     * @return its value (text, or a list for list parameters), or null when there is none
     */
    @Nullable JsonNode parameter(String name);

    /**
     * What {@code Ref} of a resource gives (its physical id as Portico names it).
     *
     * @param logicalId the resource
     * @return the value, or null when the template has no such resource
     */
    @Nullable JsonNode ref(String logicalId);

    /**
     * What {@code Fn::GetAtt} gives.
     *
     * @param logicalId the resource
     * @param attribute the attribute
     * @return the value, or null when it is not known here
     * @throws Unresolved with the reason when the resource exists but the attribute cannot be known
     */
    @Nullable JsonNode attribute(String logicalId, String attribute) throws Unresolved;

    /**
     * A condition's value.
     *
     * @param name the condition
     * @return its value, or null when the template has no such condition
     */
    @Nullable Boolean condition(String name);

    /**
     * A value of {@code Mappings}.
     *
     * @param map the mapping
     * @param top the top-level key
     * @param second the second-level key
     * @return the value, or null when there is none
     */
    @Nullable JsonNode mapping(String map, String top, String second);

    /**
     * A value another stack exports.
     *
     * @param name the export's name
     * @return the value the user gave for it, or null
     */
    @Nullable String importValue(String name);

    /**
     * Whether a name is a parameter the template declares without a value (no Default, not overridden).
     *
     * @param name the name
     * @return true when only the user can give its value
     */
    default boolean needsValue(String name) {
      return false;
    }

    /**
     * Whether a name is a parameter whose value was refused (not allowed, or not matching its pattern); that is
     * reported once, at the parameter.
     *
     * @param name the name
     * @return true when its value was refused
     */
    default boolean refused(String name) {
      return false;
    }

    /**
     * Whether a value at a template pointer is one Portico does not use, so that not being able to resolve it is
     * no error: it resolves to {@link #UNRESOLVED_TEXT} and {@link #ignoredUnresolved} is told why.
     *
     * @param pointer where the value stands
     * @return true for a value Portico only reports as ignored
     */
    default boolean ignored(String pointer) {
      return false;
    }

    /**
     * Told when an {@linkplain #ignored ignored} value cannot be resolved.
     *
     * @param unresolved why
     * @param pointer where the ignored value stands
     */
    default void ignoredUnresolved(Unresolved unresolved, String pointer) {}

    /**
     * Whether a value at a template pointer is an integration's URI the host can bind instead, so that not being
     * able to resolve it (an AppSync API's {@code GraphQLUrl}) leaves the route unavailable rather than failing the
     * template: it resolves to {@link #UNRESOLVED_TEXT}, and its map gets {@link #UNRESOLVED_FIELD} with the reason.
     *
     * @param pointer where the value stands
     * @return true for an integration URI
     */
    default boolean bindable(String pointer) {
      return false;
    }
  }

  /**
   * The field an integration gets when its URI could not be resolved, holding why: the OpenAPI importer makes the
   * route unavailable (500) with a warning, or reports an error for a Lambda integration.
   */
  public static final String UNRESOLVED_FIELD = "x-portico-unresolved";

  /** What an {@linkplain Scope#ignored ignored} value that cannot be resolved resolves to. */
  public static final String UNRESOLVED_TEXT = "(unresolved)";

  /** A value that cannot be resolved: where, and what would resolve it. */
  public static final class Unresolved extends Exception {
    private static final long serialVersionUID = 1L;
    private final String pointer;
    private final String reason;
    private final boolean reported;
    /** The failures of the value's other parts, so that one reading reports them all. */
    private final List<Unresolved> others = new ArrayList<>();

    /**
     * Creates the failure.
     *
     * @param pointer where in the template, as a JSON pointer
     * @param message what cannot be resolved, and how to resolve it
     */
    public Unresolved(String pointer, String message) {
      this(pointer, message, false);
    }

    private Unresolved(String pointer, String message, boolean reported) {
      super(message);
      this.pointer = pointer;
      this.reason = message;
      this.reported = reported;
    }

    /**
     * A failure that follows from a problem already reported (a parameter value that was refused), so it is not
     * reported again.
     *
     * @param pointer where in the template
     * @param message what cannot be resolved
     * @return the failure
     */
    public static Unresolved followingReported(String pointer, String message) {
      return new Unresolved(pointer, message, true);
    }

    /**
     * This failure and those of the value's other parts (siblings in a map or list), in template order.
     *
     * @return at least this failure
     */
    public List<Unresolved> all() {
      List<Unresolved> all = new ArrayList<>();
      all.add(this);
      all.addAll(others);
      return all;
    }

    /** Adds another part's failure, with those it carries. */
    void add(Unresolved other) {
      others.addAll(other.all());
    }

    /** @return true when the cause is already reported and this failure should not be reported again */
    public boolean alreadyReported() {
      return reported;
    }

    /** @return what cannot be resolved, and how to resolve it (the message, never null) */
    public String reason() {
      return reason;
    }

    /** @return where in the template */
    public String pointer() {
      return pointer;
    }
  }

  private final Scope scope;

  /**
   * A resolver for one template.
   *
   * @param scope what the template's names mean
   */
  public Intrinsics(Scope scope) {
    this.scope = scope;
  }

  /**
   * Resolves every intrinsic function in a value.
   *
   * @param node the value
   * @param pointer where it stands in the template
   * @return the resolved value; {@link #isNoValue(JsonNode)} when it is {@code Ref: AWS::NoValue}
   * @throws Unresolved when something cannot be resolved
   */
  public JsonNode resolve(JsonNode node, String pointer) throws Unresolved {
    if (node.isObject()) {
      String function = function(node);
      if (function != null) {
        return call(function, node.get(function), pointer + "/" + escape(function));
      }
      ObjectNode out = NODES.objectNode();
      Unresolved failed = null;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String at = pointer + "/" + escape(field.getKey());
        JsonNode value;
        try {
          value = resolve(field.getValue(), at);
        } catch (Unresolved e) {
          if (scope.ignored(at)) {
            scope.ignoredUnresolved(e, at);
            value = NODES.textNode(UNRESOLVED_TEXT);
          } else if (scope.bindable(at) && e.all().size() == 1 && !e.alreadyReported()) {
            value = NODES.textNode(UNRESOLVED_TEXT);
            out.put(UNRESOLVED_FIELD, e.reason());
          } else {
            failed = collect(failed, e);
            continue;
          }
        }
        if (!isNoValue(value)) {
          out.set(field.getKey(), value);
        }
      }
      if (failed != null) {
        throw failed;
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      Unresolved failed = null;
      for (int i = 0; i < node.size(); i++) {
        try {
          JsonNode value = resolve(node.get(i), pointer + "/" + i);
          if (!isNoValue(value)) {
            out.add(value);
          }
        } catch (Unresolved e) {
          failed = collect(failed, e);
        }
      }
      if (failed != null) {
        throw failed;
      }
      return out;
    }
    return node;
  }

  /** The first failure of a map or list, carrying the later ones, so that all its parts are reported at once. */
  private static Unresolved collect(@Nullable Unresolved first, Unresolved next) {
    if (first == null) {
      return next;
    }
    first.add(next);
    return first;
  }

  /**
   * Whether a resolved value is {@code Ref: AWS::NoValue}.
   *
   * @param node a resolved value
   * @return true when the value is to be removed
   */
  public static boolean isNoValue(JsonNode node) {
    return node.isMissingNode();
  }

  /**
   * Whether a value is an intrinsic function: an object with one key, {@code Ref} or {@code Fn::*}.
   *
   * @param node the value
   * @return true for {@code {"Ref": ...}}, {@code {"Fn::Sub": ...}} and the like
   */
  public static boolean isIntrinsic(JsonNode node) {
    return node.isObject() && function(node) != null;
  }

  /** The intrinsic function an object is, or null: an object with one key, {@code Ref} or {@code Fn::*}. */
  static @Nullable String function(JsonNode node) {
    if (node.size() != 1) {
      return null;
    }
    String key = node.fieldNames().next();
    return key.equals("Ref") || key.startsWith("Fn::") ? key : null;
  }

  private JsonNode call(String function, JsonNode argument, String at) throws Unresolved {
    return switch (function) {
      case "Ref" -> ref(text(resolve(argument, at), at, "Ref takes a name"), at);
      case "Fn::GetAtt" -> getAtt(argument, at);
      case "Fn::Sub" -> NODES.textNode(sub(argument, at));
      case "Fn::Join" -> NODES.textNode(join(argument, at));
      case "Fn::Select" -> select(argument, at);
      case "Fn::Split" -> split(argument, at);
      case "Fn::If" -> ifThen(argument, at);
      case "Fn::FindInMap" -> findInMap(argument, at);
      case "Fn::ImportValue" -> importValue(argument, at);
      case "Fn::GetAZs" -> getAzs(argument, at);
      case "Fn::Base64" -> NODES.textNode(Base64.getEncoder().encodeToString(
          text(resolve(argument, at), at, "Fn::Base64 takes a string").getBytes(StandardCharsets.UTF_8)));
      case "Fn::ToJsonString" -> toJsonString(argument, at);
      case "Fn::Length" -> length(argument, at);
      case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" -> throw new Unresolved(at, function
          + " belongs in Conditions (or a Fn::If condition name); here it has no value");
      default -> throw new Unresolved(at, function + " is not supported by Portico"
          + (function.equals("Fn::Transform") ? " outside DefinitionBody (AWS::Include)" : ""));
    };
  }

  private JsonNode ref(String name, String at) throws Unresolved {
    if (name.equals("AWS::NoValue")) {
      return NO_VALUE;
    }
    JsonNode parameter = scope.parameter(name);
    if (parameter != null) {
      return parameter;
    }
    if (scope.refused(name)) {
      throw Unresolved.followingReported(at, "Ref to parameter '" + name + "', whose value was refused");
    }
    if (scope.needsValue(name)) {
      throw new Unresolved(at, "Ref to parameter '" + name + "', which has no Default; give its value with"
          + " --parameter-overrides " + name + "=VALUE");
    }
    JsonNode resource = scope.ref(name);
    if (resource != null) {
      return resource;
    }
    throw new Unresolved(at, "Ref to '" + name + "', which is neither a parameter nor a resource of the template"
        + (name.startsWith("AWS::") ? " (" + name + " is not a pseudo parameter)" : ""));
  }

  private JsonNode getAtt(JsonNode argument, String at) throws Unresolved {
    String resource;
    String attribute;
    JsonNode resolved = argument.isArray() ? resolve(argument, at) : argument;
    if (resolved.isTextual() && resolved.asText().contains(".")) {
      resource = resolved.asText().substring(0, resolved.asText().indexOf('.'));
      attribute = resolved.asText().substring(resolved.asText().indexOf('.') + 1);
    } else if (resolved.isArray() && resolved.size() == 2) {
      resource = text(resolved.get(0), at + "/0", "Fn::GetAtt takes [resource, attribute]");
      attribute = text(resolved.get(1), at + "/1", "Fn::GetAtt takes [resource, attribute]");
    } else {
      throw new Unresolved(at, "Fn::GetAtt takes [resource, attribute] or 'Resource.Attribute', got " + argument);
    }
    return attribute(resource, attribute, at);
  }

  private JsonNode attribute(String resource, String attribute, String at) throws Unresolved {
    JsonNode value;
    try {
      value = scope.attribute(resource, attribute);
    } catch (Unresolved e) {
      throw new Unresolved(at, e.reason(), e.alreadyReported());
    }
    if (value == null) {
      throw new Unresolved(at, "Fn::GetAtt " + resource + "." + attribute + ": the template has no resource '"
          + resource + "'");
    }
    return value;
  }

  private String sub(JsonNode argument, String at) throws Unresolved {
    String template;
    JsonNode variables = NODES.objectNode();
    if (argument.isTextual()) {
      template = argument.asText();
    } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
      template = argument.get(0).asText();
      variables = resolve(argument.get(1), at + "/1");
      if (!variables.isObject()) {
        throw new Unresolved(at + "/1", "Fn::Sub's variables must be a map, got " + variables.getNodeType());
      }
    } else {
      throw new Unresolved(at, "Fn::Sub takes a string or [string, {variables}]");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf("${", i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, open);
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new Unresolved(at, "Fn::Sub: '${' without a closing '}' in '" + template + "'");
      }
      String name = template.substring(open + 2, close);
      if (name.startsWith("!")) {
        out.append("${").append(name, 1, name.length()).append('}'); // ${!Literal} is written as ${Literal}
      } else if (variables.has(name)) {
        out.append(text(variables.get(name), at + "/1/" + escape(name), "Fn::Sub variable '" + name + "'"));
      } else if (name.contains(".") && !name.startsWith("AWS::")) {
        int dot = name.indexOf('.');
        out.append(text(attribute(name.substring(0, dot), name.substring(dot + 1), at), at,
            "Fn::Sub ${" + name + "}"));
      } else {
        out.append(text(ref(name, at), at, "Fn::Sub ${" + name + "}"));
      }
      i = close + 1;
    }
    return out.toString();
  }

  /** The resolved argument of Join and Select: {@code [value, [list]]}, or the usage as the failure. */
  private JsonNode valueAndList(JsonNode argument, String at, String usage) throws Unresolved {
    JsonNode resolved = resolve(argument, at);
    if (!resolved.isArray() || resolved.size() != 2 || !resolved.get(1).isArray()) {
      throw new Unresolved(at, usage);
    }
    return resolved;
  }

  private String join(JsonNode argument, String at) throws Unresolved {
    JsonNode resolved = valueAndList(argument, at, "Fn::Join takes [delimiter, [values]]");
    String delimiter = text(resolved.get(0), at + "/0", "Fn::Join's delimiter");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < resolved.get(1).size(); i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      out.append(text(resolved.get(1).get(i), at + "/1/" + i, "Fn::Join's values"));
    }
    return out.toString();
  }

  private JsonNode select(JsonNode argument, String at) throws Unresolved {
    JsonNode resolved = valueAndList(argument, at, "Fn::Select takes [index, [values]]");
    String indexText = text(resolved.get(0), at + "/0", "Fn::Select's index");
    int index;
    try {
      index = Integer.parseInt(indexText);
    } catch (NumberFormatException e) {
      throw new Unresolved(at + "/0", "Fn::Select's index must be a number, got '" + indexText + "'");
    }
    if (index < 0 || index >= resolved.get(1).size()) {
      throw new Unresolved(at + "/0", "Fn::Select index " + index + " is outside the list of "
          + resolved.get(1).size());
    }
    return resolved.get(1).get(index);
  }

  private JsonNode split(JsonNode argument, String at) throws Unresolved {
    JsonNode resolved = resolve(argument, at);
    if (!resolved.isArray() || resolved.size() != 2) {
      throw new Unresolved(at, "Fn::Split takes [delimiter, string]");
    }
    String delimiter = text(resolved.get(0), at + "/0", "Fn::Split's delimiter");
    String source = text(resolved.get(1), at + "/1", "Fn::Split's string");
    if (delimiter.isEmpty()) {
      throw new Unresolved(at + "/0", "Fn::Split's delimiter must not be empty");
    }
    ArrayNode out = NODES.arrayNode();
    int from = 0;
    while (true) {
      int next = source.indexOf(delimiter, from);
      if (next < 0) {
        out.add(source.substring(from));
        return out;
      }
      out.add(source.substring(from, next));
      from = next + delimiter.length();
    }
  }

  private JsonNode ifThen(JsonNode argument, String at) throws Unresolved {
    if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
      throw new Unresolved(at, "Fn::If takes [condition, value if true, value if false]");
    }
    String name = argument.get(0).asText();
    Boolean value = scope.condition(name);
    if (value == null) {
      throw new Unresolved(at + "/0", "Fn::If: the template has no condition '" + name + "'");
    }
    int branch = value ? 1 : 2;
    return resolve(argument.get(branch), at + "/" + branch);
  }

  private JsonNode findInMap(JsonNode argument, String at) throws Unresolved {
    JsonNode resolved = resolve(argument, at);
    if (!resolved.isArray() || resolved.size() != 3) {
      throw new Unresolved(at, "Fn::FindInMap takes [map, top-level key, second-level key]");
    }
    String map = text(resolved.get(0), at + "/0", "Fn::FindInMap's map");
    String top = text(resolved.get(1), at + "/1", "Fn::FindInMap's top-level key");
    String second = text(resolved.get(2), at + "/2", "Fn::FindInMap's second-level key");
    JsonNode value = scope.mapping(map, top, second);
    if (value == null) {
      throw new Unresolved(at, "Fn::FindInMap: Mappings has no " + map + " / " + top + " / " + second);
    }
    return value;
  }

  private JsonNode importValue(JsonNode argument, String at) throws Unresolved {
    String name = text(resolve(argument, at), at, "Fn::ImportValue takes an export name");
    String value = scope.importValue(name);
    if (value == null) {
      throw new Unresolved(at, "Fn::ImportValue '" + name + "' is another stack's export; give its value with"
          + " --import-value " + name + "=VALUE");
    }
    return NODES.textNode(value);
  }

  private JsonNode getAzs(JsonNode argument, String at) throws Unresolved {
    String region = text(resolve(argument, at), at, "Fn::GetAZs takes a region");
    if (region.isEmpty()) {
      JsonNode own = scope.parameter("AWS::Region");
      region = own == null ? "us-east-1" : own.asText();
    }
    ArrayNode zones = NODES.arrayNode();
    for (String zone : new String[] {"a", "b", "c"}) {
      zones.add(region + zone);
    }
    return zones;
  }

  private JsonNode toJsonString(JsonNode argument, String at) throws Unresolved {
    try {
      return NODES.textNode(JSON.writeValueAsString(resolve(argument, at)));
    } catch (JsonProcessingException e) {
      throw new Unresolved(at, "Fn::ToJsonString: " + e.getOriginalMessage());
    }
  }

  private JsonNode length(JsonNode argument, String at) throws Unresolved {
    JsonNode resolved = resolve(argument, at);
    if (!resolved.isArray()) {
      throw new Unresolved(at, "Fn::Length takes a list");
    }
    return NODES.numberNode(resolved.size());
  }

  /**
   * A resolved scalar as text, as CloudFormation passes it on: numbers as written, booleans as true or false.
   *
   * @param node the value
   * @param at where it stands
   * @param what what the value is, for the message
   * @return the text
   * @throws Unresolved when it is a list, a map or null
   */
  static String text(JsonNode node, String at, String what) throws Unresolved {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return node.isIntegralNumber() ? node.asText() : node.decimalValue().toPlainString();
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    throw new Unresolved(at, what + ": a string is needed, got " + (isNoValue(node) ? "AWS::NoValue"
        : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * A JSON pointer segment for a key ({@code ~} and {@code /} escaped).
   *
   * @param key the key
   * @return the segment
   */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
