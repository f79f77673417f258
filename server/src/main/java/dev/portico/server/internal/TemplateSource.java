package dev.portico.server.internal;

import dev.portico.integration.LambdaFunction;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportResult;
import dev.portico.templates.TemplateApi;
import dev.portico.templates.TemplateFunction;
import dev.portico.templates.TemplateOptions;
import dev.portico.templates.TemplateReader;
import dev.portico.templates.TemplateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code --template}: one HTTP API of a SAM or CloudFormation template, and its Java functions found where {@code
 * sam build} or the build tool puts them — without {@code --function} flags. Read again on every reload, so a
 * rebuilt function is picked up.
 */
final class TemplateSource {
  /** A version that resolves with the Maven of this machine kind (3.8), pinned so runs agree. */
  private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
  private final Path file;
  private final TemplateOptions options;
  private final Optional<String> apiId;
  private final boolean findFunctions;
  private Map<String, Map<String, String>> envVars = Map.of();

  /** {@code --env-vars FILE}: SAM's format, {@code {"Parameters": {...}, "LogicalId": {"VAR": "value"}}}. */
  TemplateSource envVars(Path file) throws ApiLoader.LoadException {
    try {
      com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (root == null || !root.isObject()) {
        throw new ApiLoader.LoadException("--env-vars " + file + ": must be a JSON object of function logical ids"
            + " (or Parameters) to {\"VARIABLE\": \"value\"}");
      }
      Map<String, Map<String, String>> read = new LinkedHashMap<>();
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> entry : root.properties()) {
        if (!entry.getValue().isObject()) {
          throw new ApiLoader.LoadException("--env-vars " + file + ": " + entry.getKey() + " must map variable names"
              + " to values");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        entry.getValue().properties().forEach(v -> variables.put(v.getKey(), v.getValue().isTextual()
            ? v.getValue().asText() : v.getValue().toString()));
        read.put(entry.getKey(), variables);
      }
      this.envVars = read;
      return this;
    } catch (IOException e) {
      throw new ApiLoader.LoadException("--env-vars " + file + ": cannot be read as JSON: " + e.getMessage());
    }
  }

  /**
   * @param findFunctions false for the commands that call nothing (validate, routes, explain): no class loading, no
   *     Maven run
   */
  TemplateSource(Path file, TemplateOptions options, Optional<String> apiId, boolean findFunctions) {
    this.file = file;
    this.options = options;
    this.apiId = apiId;
    this.findFunctions = findFunctions;
  }

  /** The template's API as an import, its stage, its functions, and what the user should hear. */
  record Read(TemplateResult template, TemplateApi api, Map<String, LambdaFunction> functions, List<String> notes,
      List<Path> watched) {
    ImportResult definition() {
      return api.definition();
    }
  }

  /** Reads the template; its problems are in the result, only a missing or unreadable file fails. */
  TemplateResult open() throws ApiLoader.LoadException {
    if (!Files.isRegularFile(file)) {
      throw new ApiLoader.LoadException("--template " + file + ": no such file");
    }
    try {
      return TemplateReader.read(file, options);
    } catch (IOException e) {
      throw new ApiLoader.LoadException("--template " + file + ": cannot be read: " + e.getMessage());
    }
  }

  /**
   * Reads the template and finds its functions.
   *
   * @param bound the functions the command line binds (they win over the template's)
   */
  Read read(Set<String> bound) throws ApiLoader.LoadException {
    TemplateResult template = open();
    if (template.hasErrors()) {
      List<ImportProblem> errors = template.errors();
      String more = errors.size() > 1 ? "and " + (errors.size() - 1) + " more errors; " : "";
      throw new ApiLoader.LoadException(file + " cannot be served: " + errors.get(0) + " (" + more
          + "'portico validate --template " + file + "' lists every problem)");
    }
    TemplateApi api = choose(template);
    List<String> notes = new ArrayList<>();
    List<Path> watched = new ArrayList<>(List.of(file.toAbsolutePath()));
    template.includedFiles().forEach(included -> watched.add(included.toAbsolutePath()));
    Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    for (String name : api.functionNames()) {
      if (bound.contains(name) || !findFunctions) {
        continue;
      }
      Optional<TemplateFunction> declared = template.functions().stream().filter(f -> f.name().equals(name))
          .findFirst();
      if (declared.isEmpty()) {
        continue; // a function outside the template: unbound, said by the loader
      }
      TemplateFunction function = declared.get();
      if (!function.isJava()) {
        notes.add(name + " (" + function.runtime().orElse("no runtime") + ") cannot run in-process: its routes"
            + " answer 500; bind it with --function " + name + "=http://127.0.0.1:PORT to a server of yours that"
            + " takes the event JSON");
        continue;
      }
      Optional<String> handler = function.handler();
      if (handler.isEmpty()) {
        notes.add(name + " has no Handler: its routes answer 500");
        continue;
      }
      Code code = code(function);
      if (code.classpath().isEmpty()) {
        notes.add(name + ": " + code.problem() + "; its routes answer 500");
        continue;
      }
      watched.addAll(code.watched());
      try {
        // each function's System.getenv sees its own Environment.Variables, as each Lambda function's process does
        functions.put(name, AwsLambdaHandlers.load(handler.get(),
            AwsLambdaHandlers.functionClassLoader(name, code.classpath(), environment(function))));
      } catch (IllegalArgumentException e) {
        notes.add(name + " (" + handler.get() + " from " + code.from() + "): " + e.getMessage()
            + "; its routes answer 500");
      }
    }
    return new Read(template, api, functions, notes, watched);
  }

  /**
   * A function's variables with {@code --env-vars} applied as {@code sam local} applies them: the file's {@code
   * Parameters} to every function, then its entry under the function's logical id (or name); only variables the
   * template declares are overridden.
   */
  private Map<String, String> environment(TemplateFunction function) {
    Map<String, String> variables = new java.util.TreeMap<>(function.environment());
    for (String key : List.of("Parameters", function.logicalId(), function.name())) {
      envVars.getOrDefault(key, Map.of()).forEach((name, value) -> variables.replace(name, value));
    }
    return variables;
  }

  private TemplateApi choose(TemplateResult template) throws ApiLoader.LoadException {
    List<String> ids = template.apis().stream().map(TemplateApi::logicalId).toList();
    if (apiId.isPresent()) {
      return template.api(apiId.get()).orElseThrow(() -> new ApiLoader.LoadException("--http-api " + apiId.get()
          + ": the template has no HTTP API of that logical id (HTTP APIs: " + names(ids) + ")"));
    }
    if (ids.isEmpty()) {
      throw new ApiLoader.LoadException(file + " defines no HTTP API (AWS::Serverless::HttpApi, HttpApi events,"
          + " AWS::ApiGatewayV2::Api)");
    }
    if (ids.size() > 1) {
      throw new ApiLoader.LoadException(file + " defines " + ids.size() + " HTTP APIs (" + names(ids) + "): choose"
          + " one with --http-api LOGICAL_ID");
    }
    return template.apis().get(0);
  }

  private static String names(List<String> ids) {
    return ids.isEmpty() ? "none" : String.join(", ", ids);
  }

  /** Where a function's classes are: a class path, or why there is none. */
  record Code(List<Path> classpath, List<Path> watched, String from, String problem) {}

  /**
   * A Java function's code, in the order {@code sam local} looks: {@code .aws-sam/build/<LogicalId>/} after {@code
   * sam build}, else the {@code CodeUri}: a jar, or a folder of classes (and {@code lib/*.jar}), or a Maven project
   * ({@code target/classes} and its runtime dependencies from {@code mvn dependency:build-classpath}, kept in
   * {@code target/portico.classpath} until the pom changes).
   */
  Code code(TemplateFunction function) {
    Path folder = java.util.Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a folder");
    Path built = folder.resolve(".aws-sam/build").resolve(function.logicalId());
    if (Files.isDirectory(built)) {
      return folderCode(built);
    }
    if (function.codeUri().isEmpty()) {
      return new Code(List.of(), List.of(), "", "no local CodeUri (S3 or inline code); run sam build, or bind it"
          + " with --function");
    }
    Path uri = function.codeUri().get();
    if (Files.isRegularFile(uri) && uri.toString().endsWith(".jar")) {
      return new Code(List.of(uri), List.of(uri), uri.toString(), "");
    }
    if (Files.isRegularFile(uri.resolve("pom.xml"))) {
      return maven(uri);
    }
    if (Files.isRegularFile(uri.resolve("build.gradle")) || Files.isRegularFile(uri.resolve("build.gradle.kts"))) {
      return new Code(List.of(), List.of(), uri.toString(), "CodeUri " + uri + " is a Gradle project, whose"
          + " dependencies Portico does not resolve; run sam build (Portico then reads .aws-sam/build)");
    }
    if (Files.isDirectory(uri)) {
      return folderCode(uri);
    }
    return new Code(List.of(), List.of(), uri.toString(), "CodeUri " + uri + " is not a jar, a folder or a Maven"
        + " project here" + (uri.toString().endsWith(".zip") ? " (unzip it, or run sam build)" : ""));
  }

  /** A deployment package folder: classes at its root, jars in {@code lib/}. */
  private static Code folderCode(Path dir) {
    List<Path> classpath = new ArrayList<>(List.of(dir));
    classpath.addAll(jars(dir.resolve("lib")));
    return new Code(classpath, List.of(dir), dir.toString(), "");
  }

  private static List<Path> jars(Path dir) {
    List<Path> jars = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return jars;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jar")) {
      stream.forEach(jars::add);
    } catch (IOException e) {
      return jars;
    }
    jars.sort(null);
    return jars;
  }

  private static Code maven(Path project) {
    Path classes = project.resolve("target/classes");
    if (!Files.isDirectory(classes)) {
      return new Code(List.of(), List.of(), project.toString(), "Maven project " + project + " is not built (no"
          + " target/classes); run mvn package there, or sam build");
    }
    List<Path> classpath = new ArrayList<>(List.of(classes));
    try {
      for (String entry : dependencies(project)) {
        if (!entry.isBlank()) {
          classpath.add(Path.of(entry.strip()));
        }
      }
    } catch (IOException e) {
      return new Code(List.of(), List.of(), project.toString(), "cannot resolve the dependencies of " + project
          + ": " + e.getMessage());
    }
    return new Code(classpath, List.of(classes), project.toString(), "");
  }

  /** The project's runtime class path, from Maven once per pom change. */
  private static List<String> dependencies(Path project) throws IOException {
    Path pom = project.resolve("pom.xml");
    Path cached = project.resolve("target/portico.classpath");
    FileTime pomTime = Files.getLastModifiedTime(pom);
    if (!Files.isRegularFile(cached) || Files.getLastModifiedTime(cached).compareTo(pomTime) < 0) {
      Path log = Files.createTempFile("portico-mvn", ".log");
      try {
        Process mvn = new ProcessBuilder("mvn", "-B", "-q", DEPENDENCY_PLUGIN + ":build-classpath",
            "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + cached.toAbsolutePath())
            .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!mvn.waitFor(120, TimeUnit.SECONDS)) {
          mvn.destroyForcibly();
          throw new IOException("mvn dependency:build-classpath took more than 120 s");
        }
        if (mvn.exitValue() != 0 || !Files.isRegularFile(cached)) {
          throw new IOException("mvn dependency:build-classpath failed: " + Files.readString(log,
              StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("no output"));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while resolving dependencies", e);
      } finally {
        Files.deleteIfExists(log);
      }
    }
    String text = Files.readString(cached, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? List.of() : List.of(text.split(java.io.File.pathSeparator));
  }
}
