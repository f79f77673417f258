package dev.portico.openapi;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.portico.openapi.ImportProblem.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads AWS-flavoured OpenAPI 3.0 definitions, JSON or YAML — what {@code aws apigatewayv2 export-api} writes and
 * {@code import-api} accepts, and what SAM templates embed — into an {@link ImportResult}.
 *
 * <pre>{@code
 * ImportResult result = OpenApiImporter.read(Path.of(args[0]));
 * if (result.hasErrors()) {
 *   result.errors().forEach(System.err::println); // ERROR /paths/~1pets/get: missing x-amazon-apigateway-integration
 *   return;
 * }
 * Gateway gateway = Gateway.create(result.apiBuilder(Map.of("pets", petsFunction, "pets-authorizer", authFunction))
 *     .build());
 * }</pre>
 *
 * <p>Reading never throws for a bad definition: syntax errors, duplicate keys and invalid values are problems of
 * level {@link ImportProblem.Level#ERROR} with the JSON pointer of the offending node. Only I/O fails with an
 * exception. Every value is checked by the same code as a hand-built {@link dev.portico.gateway.HttpApi}, so a
 * definition that reads without errors builds.
 */
public final class OpenApiImporter {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper YAML =
      YAMLMapper.builder(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private OpenApiImporter() {}

  /**
   * Reads a definition file, its base path ignored.
   *
   * @param file a {@code .json}, {@code .yaml} or {@code .yml} file (the content decides)
   * @return the result
   * @throws IOException when the file cannot be read
   */
  public static ImportResult read(Path file) throws IOException {
    return read(file, BasePathMode.IGNORE);
  }

  /**
   * Reads a definition file.
   *
   * @param file the file
   * @param mode how to read the base path
   * @return the result
   * @throws IOException when the file cannot be read
   */
  public static ImportResult read(Path file, BasePathMode mode) throws IOException {
    return read(file, ImportOptions.builder().basePath(mode).build());
  }

  /**
   * Reads a definition file.
   *
   * @param file the file
   * @param options the base path mode and route quota
   * @return the result
   * @throws IOException when the file cannot be read
   */
  public static ImportResult read(Path file, ImportOptions options) throws IOException {
    return read(Files.readString(Objects.requireNonNull(file, "file"), StandardCharsets.UTF_8), options);
  }

  /**
   * Reads a definition from a stream of UTF-8, its base path ignored. The stream is read to its end, not closed.
   *
   * @param in the stream
   * @return the result
   * @throws IOException when the stream fails
   */
  public static ImportResult read(InputStream in) throws IOException {
    return read(in, BasePathMode.IGNORE);
  }

  /**
   * Reads a definition from a stream of UTF-8. The stream is read to its end, not closed.
   *
   * @param in the stream
   * @param mode how to read the base path
   * @return the result
   * @throws IOException when the stream fails
   */
  public static ImportResult read(InputStream in, BasePathMode mode) throws IOException {
    return read(in, ImportOptions.builder().basePath(mode).build());
  }

  /**
   * Reads a definition from a stream of UTF-8. The stream is read to its end, not closed.
   *
   * @param in the stream
   * @param options the base path mode and route quota
   * @return the result
   * @throws IOException when the stream fails
   */
  public static ImportResult read(InputStream in, ImportOptions options) throws IOException {
    return read(new String(Objects.requireNonNull(in, "in").readAllBytes(), StandardCharsets.UTF_8), options);
  }

  /**
   * Reads a definition, its base path ignored.
   *
   * @param document the JSON or YAML text
   * @return the result
   */
  public static ImportResult read(String document) {
    return read(document, BasePathMode.IGNORE);
  }

  /**
   * Reads a definition.
   *
   * @param document the JSON or YAML text; JSON when it starts with <code>{</code>
   * @param mode how to read the base path
   * @return the result
   */
  public static ImportResult read(String document, BasePathMode mode) {
    return read(document, ImportOptions.builder().basePath(mode).build());
  }

  /**
   * Reads a definition.
   *
   * @param document the JSON or YAML text; JSON when it starts with <code>{</code>
   * @param options the base path mode and route quota
   * @return the result
   */
  public static ImportResult read(String document, ImportOptions options) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(options, "options");
    List<ImportProblem> problems = new ArrayList<>();
    String text = document.startsWith("\uFEFF") ? document.substring(1) : document;
    JsonNode root;
    try {
      boolean json = text.strip().startsWith("{");
      if (!json) {
        Optional<ImportProblem> refused = aliasOrTags(text, problems);
        if (refused.isPresent()) {
          problems.add(refused.get());
          return new ImportResult(DefinitionReader.read(JSON.nullNode(), options, new ArrayList<>()), problems, options);
        }
      }
      root = (json ? JSON : YAML).readTree(text);
    } catch (JsonProcessingException e) {
      problems.add(new ImportProblem(Level.ERROR, pointerOf(e), syntax(e)));
      return new ImportResult(DefinitionReader.read(JSON.nullNode(), options, new ArrayList<>()), problems, options);
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string failed", e);
    } catch (RuntimeException e) {
      // SnakeYAML's own limits (aliases, code points, nesting) surface as its runtime exceptions.
      problems.add(new ImportProblem(Level.ERROR, "", "not a readable YAML document: " + e.getMessage()));
      return new ImportResult(DefinitionReader.read(JSON.nullNode(), options, new ArrayList<>()), problems, options);
    }
    if (root == null || root.isMissingNode()) {
      problems.add(new ImportProblem(Level.ERROR, "", "the document is empty"));
      return new ImportResult(DefinitionReader.read(JSON.nullNode(), options, new ArrayList<>()), problems, options);
    }
    Definition definition = DefinitionReader.read(root, options, problems);
    return new ImportResult(definition, problems, options);
  }

  /**
   * The first YAML alias, if any, as the error it is: Jackson reads an alias as its anchor's name, which would
   * import a wrong value silently; an alias is also how "billion laughs" documents grow, and is never expanded
   * here. CloudFormation short tags ({@code !Ref}, {@code !If}, ...), which Jackson drops just as silently, are
   * warnings in {@code problems}: the definition belongs to a template, which resolves them. {@code !Sub} is read
   * as its text, and any tag on an integration or authorizer URI names its function by logical id (the importer
   * says so there).
   */
  private static Optional<ImportProblem> aliasOrTags(String text, List<ImportProblem> problems) throws IOException {
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        String at = parser.getParsingContext().pathAsPointer().toString();
        if (parser.isCurrentAlias()) {
          return Optional.of(new ImportProblem(Level.ERROR, at,
              "YAML aliases (*name) are not supported; write the referenced value out in full"));
        }
        String tag = parser.getTypeId();
        String name = tag == null ? "" : tag.startsWith("!") ? tag : "!" + tag;
        boolean uri = at.endsWith("/uri") || at.endsWith("/authorizerUri"); // bound by logical id, said there
        if (tag != null && !name.equals("!Sub") && !uri) {
          String value = parser.currentToken().isScalarValue() ? " " + parser.getText() : "";
          problems.add(new ImportProblem(Level.WARNING, at, "'" + name + value
              + "' is a CloudFormation short tag, read here as " + (value.isEmpty() ? "its value" : "the text '"
              + value.strip() + "'") + ": this definition belongs to a template, which resolves it; read the template"
              + " instead (portico --template template.yaml [--parameter-overrides NAME=VALUE])"));
        }
      }
    }
    return Optional.empty();
  }

  /** Where a parse failed: the member being read, e.g. the second {@code get} of a path item. */
  private static String pointerOf(JsonProcessingException e) {
    if (e instanceof JsonParseException && ((JsonParseException) e).getProcessor() != null) {
      JsonStreamContext context = ((JsonParseException) e).getProcessor().getParsingContext();
      if (context != null) {
        return context.pathAsPointer().toString();
      }
    }
    return "";
  }

  private static String syntax(JsonProcessingException e) {
    String where = e.getLocation() == null ? ""
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    return "not a readable document: " + where + e.getOriginalMessage();
  }
}
