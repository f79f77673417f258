package dev.portico.templates.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.portico.openapi.ImportProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template's text read into one tree, whichever its format: JSON as it is, YAML with CloudFormation's short tags
 * written out as the intrinsic objects they stand for ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt
 * Fn.Arn} is {@code {"Fn::GetAtt": ["Fn", "Arn"]}}, {@code !Sub ...} is {@code {"Fn::Sub": ...}}), so that one
 * resolver reads both. YAML aliases are refused (CloudFormation does not expand them, and they are how "billion
 * laughs" documents grow).
 */
public final class TemplateText {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLFactory YAML = new YAMLFactory();

  /** The short tags and the intrinsic each one writes (CloudFormation's "Intrinsic function reference"). */
  private static final Map<String, String> TAGS = Map.ofEntries(
      Map.entry("Ref", "Ref"), Map.entry("Condition", "Condition"), Map.entry("GetAtt", "Fn::GetAtt"),
      Map.entry("Sub", "Fn::Sub"), Map.entry("Join", "Fn::Join"), Map.entry("Select", "Fn::Select"),
      Map.entry("Split", "Fn::Split"), Map.entry("If", "Fn::If"), Map.entry("Equals", "Fn::Equals"),
      Map.entry("Not", "Fn::Not"), Map.entry("And", "Fn::And"), Map.entry("Or", "Fn::Or"),
      Map.entry("FindInMap", "Fn::FindInMap"), Map.entry("ImportValue", "Fn::ImportValue"),
      Map.entry("GetAZs", "Fn::GetAZs"), Map.entry("Base64", "Fn::Base64"), Map.entry("Cidr", "Fn::Cidr"),
      Map.entry("Transform", "Fn::Transform"), Map.entry("ToJsonString", "Fn::ToJsonString"),
      Map.entry("Length", "Fn::Length"));

  private TemplateText() {}

  /** A template that is not a readable document: where, and why. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String pointer;
    private final String reason;

    SyntaxException(String pointer, String message) {
      super(message);
      this.pointer = pointer;
      this.reason = message;
    }

    /** @return why the template is not readable (the message, never null) */
    public String reason() {
      return reason;
    }

    /** @return where reading stopped, as a JSON pointer */
    public String pointer() {
      return pointer;
    }
  }

  /**
   * Reads a template.
   *
   * @param text the template, JSON or YAML
   * @return the tree
   * @throws SyntaxException when it is not a readable document
   */
  public static JsonNode read(String text) throws SyntaxException {
    return read(text, new ArrayList<>());
  }

  /**
   * Reads a template, telling of duplicate keys: CloudFormation accepts them and keeps the last value (cfn-lint
   * reports them as E0000), and so does Portico, with a warning.
   *
   * @param text the template, JSON or YAML
   * @param warnings where a duplicate key is told, at its pointer
   * @return the tree
   * @throws SyntaxException when it is not a readable document
   */
  public static JsonNode read(String text, List<ImportProblem> warnings) throws SyntaxException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.isBlank()) {
      throw new SyntaxException("", "the template is empty");
    }
    try {
      try (JsonParser parser = body.strip().startsWith("{") ? JSON.createParser(body) : YAML.createParser(body)) {
        if (parser.nextToken() == null) {
          throw new SyntaxException("", "the template is empty");
        }
        JsonNode root = value(parser, warnings);
        if (!(parser instanceof YAMLParser) && parser.nextToken() != null) {
          throw new SyntaxException("", "not a readable template: more than one JSON value");
        }
        return root;
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
      throw new SyntaxException(pointer(e), "not a readable template: " + where + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new SyntaxException("", "not a readable template: " + e.getMessage());
    } catch (RuntimeException e) {
      // SnakeYAML's own limits (code points, nesting) surface as its runtime exceptions.
      throw new SyntaxException("", "not a readable YAML template: " + oneLine(e.getMessage()));
    }
  }

  /**
   * SnakeYAML's message in one line: its problem lines, without the quoted source and caret it adds below each
   * ("while parsing a flow mapping; expected ',' or '}', but got <stream end>"); the line number is given apart.
   */
  static String oneLine(@Nullable String message) {
    if (message == null) {
      return "";
    }
    StringBuilder line = new StringBuilder();
    for (String part : message.split("\\R")) {
      if (part.isBlank() || Character.isWhitespace(part.charAt(0))) {
        continue;
      }
      line.append(line.length() == 0 ? "" : "; ").append(part.strip());
    }
    return line.length() == 0 ? message.strip() : line.toString();
  }

  private static JsonNode value(JsonParser parser, List<ImportProblem> warnings) throws IOException,
      SyntaxException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new SyntaxException(parser.getParsingContext().pathAsPointer().toString(),
          "YAML aliases (*" + parser.getText() + ") are not supported: CloudFormation does not expand them");
    }
    String tag = parser instanceof YAMLParser yaml ? yaml.getTypeId() : null;
    JsonNode node = switch (parser.currentToken()) {
      case START_OBJECT -> object(parser, warnings);
      case START_ARRAY -> array(parser, warnings);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser);
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new SyntaxException(parser.getParsingContext().pathAsPointer().toString(),
          "unexpected " + parser.currentToken());
    };
    return tag == null ? node : tagged(tag, node, parser);
  }

  private static JsonNode number(JsonParser parser) throws IOException {
    // Decimals keep their scale (2.0 stays 2.0, not 2): payload format versions are written unquoted.
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
        ? NODES.numberNode(parser.getLongValue()) : NODES.numberNode(parser.getDecimalValue());
  }

  private static ObjectNode object(JsonParser parser, List<ImportProblem> warnings) throws IOException,
      SyntaxException {
    ObjectNode object = NODES.objectNode();
    Map<String, Integer> lines = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int line = parser.currentLocation().getLineNr();
      Integer first = lines.put(name, line);
      if (first != null) {
        warnings.add(new ImportProblem(ImportProblem.Level.WARNING,
            parser.getParsingContext().pathAsPointer().toString(), "duplicate key '" + name + "' (lines " + first
                + " and " + line + "): CloudFormation keeps the last value, and so does Portico; cfn-lint reports"
                + " it as E0000"));
        object.remove(name); // the last one wins, in its own place
      }
      parser.nextToken();
      object.set(name, value(parser, warnings));
    }
    return object;
  }

  private static ArrayNode array(JsonParser parser, List<ImportProblem> warnings) throws IOException,
      SyntaxException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(value(parser, warnings));
    }
    return array;
  }

  private static JsonNode tagged(String tag, JsonNode node, JsonParser parser) throws SyntaxException {
    String name = tag.startsWith("!") ? tag.substring(1) : tag;
    String intrinsic = TAGS.get(name);
    if (intrinsic == null) {
      throw new SyntaxException(parser.getParsingContext().pathAsPointer().toString(),
          "!" + name + " is not a CloudFormation short tag");
    }
    ObjectNode out = NODES.objectNode();
    if (intrinsic.equals("Fn::GetAtt") && node.isTextual()) {
      // !GetAtt Resource.Attribute.With.Dots: the resource is before the first dot.
      String text = node.asText();
      int dot = text.indexOf('.');
      ArrayNode parts = NODES.arrayNode();
      parts.add(dot < 0 ? text : text.substring(0, dot));
      parts.add(dot < 0 ? "" : text.substring(dot + 1));
      out.set(intrinsic, parts);
    } else {
      out.set(intrinsic, node);
    }
    return out;
  }

  private static String pointer(JsonProcessingException e) {
    Object processor = e.getProcessor();
    if (processor instanceof JsonParser parser && parser.getParsingContext() != null) {
      return parser.getParsingContext().pathAsPointer().toString();
    }
    return "";
  }

  /**
   * Reads a document a template includes (a {@code DefinitionUri} file, an {@code AWS::Include}), JSON or YAML.
   *
   * @param text the document
   * @param warnings where duplicate keys are told
   * @return the tree, or null when the document is empty
   * @throws SyntaxException when it is not readable
   */
  public static @Nullable JsonNode include(String text, List<ImportProblem> warnings) throws SyntaxException {
    return text.isBlank() ? null : read(text, warnings);
  }
}
