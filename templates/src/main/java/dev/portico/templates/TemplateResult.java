package dev.portico.templates;

import dev.portico.openapi.ImportProblem;
import java.util.List;
import java.util.Optional;

/**
 * What a template holds for Portico: its HTTP APIs, its functions, and every problem found, each at its template
 * pointer ({@code /Resources/PetsApi/Properties/DefinitionBody/paths/~1pets/get}, {@code
 * /Resources/PetsFunction/Properties/Events/List}).
 *
 * <pre>{@code
 * TemplateResult template = TemplateReader.read(Path.of(args[0]));
 * if (template.hasErrors()) {
 *   template.errors().forEach(System.err::println);   // ERROR /Resources/...: ...
 * }
 * }</pre>
 */
public final class TemplateResult {
  private final List<ImportProblem> problems;
  private final List<TemplateApi> apis;
  private final List<TemplateFunction> functions;
  private final List<TemplateDomain> domains;
  private final List<java.nio.file.Path> includedFiles;

  TemplateResult(List<ImportProblem> problems, List<TemplateApi> apis, List<TemplateFunction> functions) {
    this(problems, apis, functions, List.of(), List.of());
  }

  TemplateResult(List<ImportProblem> problems, List<TemplateApi> apis, List<TemplateFunction> functions,
      List<TemplateDomain> domains, List<java.nio.file.Path> includedFiles) {
    this.problems = List.copyOf(problems);
    this.apis = List.copyOf(apis);
    this.functions = List.copyOf(functions);
    this.domains = List.copyOf(domains);
    this.includedFiles = List.copyOf(includedFiles);
  }

  /**
   * @return the local files the template reads besides itself ({@code DefinitionUri}, {@code AWS::Include}, the
   *     local copies of S3 objects), so a watcher can reload on their changes
   */
  public List<java.nio.file.Path> includedFiles() {
    return includedFiles;
  }

  /**
   * @return the custom domains with their API mappings, in template order (kept for the custom-domains issue;
   *     Portico does not route by domain yet)
   */
  public List<TemplateDomain> domains() {
    return domains;
  }

  /** @return every problem, in template order */
  public List<ImportProblem> problems() {
    return problems;
  }

  /** @return the errors */
  public List<ImportProblem> errors() {
    return problems.stream().filter(p -> p.level() == ImportProblem.Level.ERROR).toList();
  }

  /** @return whether any problem is an error */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.level() == ImportProblem.Level.ERROR);
  }

  /** @return the HTTP APIs, in template order (SAM's implicit API last) */
  public List<TemplateApi> apis() {
    return apis;
  }

  /**
   * An API by logical id.
   *
   * @param logicalId the logical id, {@code ServerlessHttpApi} for SAM's implicit API
   * @return the API
   */
  public Optional<TemplateApi> api(String logicalId) {
    return apis.stream().filter(api -> api.logicalId().equals(logicalId)).findFirst();
  }

  /** @return the functions, in template order */
  public List<TemplateFunction> functions() {
    return functions;
  }

  /**
   * A function by logical id or name.
   *
   * @param name the logical id or {@code FunctionName}
   * @return the function
   */
  public Optional<TemplateFunction> function(String name) {
    return functions.stream().filter(f -> f.logicalId().equals(name) || f.name().equals(name)).findFirst();
  }
}
