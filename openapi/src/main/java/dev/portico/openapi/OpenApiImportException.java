package dev.portico.openapi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An imported definition cannot become an API: it has errors, or functions are left unbound. The message lists
 * every reason, each error with its JSON pointer.
 *
 * <pre>{@code
 * try {
 *   HttpApi api = OpenApiImporter.read(file).apiBuilder(bindings).build();
 * } catch (OpenApiImportException e) {
 *   System.err.println(e.getMessage());          // what is wrong, in one line
 *   e.problems().forEach(System.err::println);   // each error of the definition, at its JSON pointer
 * }
 * }</pre>
 */
public final class OpenApiImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The errors; not serialized. */
  private final transient List<ImportProblem> problems;

  OpenApiImportException(String message, List<ImportProblem> problems) {
    super(message + (problems.isEmpty() ? "" : problems.stream()
        .map(ImportProblem::toString)
        .collect(Collectors.joining("\n  ", ":\n  ", ""))));
    this.problems = List.copyOf(problems);
  }

  /**
   * The errors that stopped the import; empty when the reason is unbound functions.
   *
   * @return the errors
   */
  public List<ImportProblem> problems() {
    return problems == null ? List.of() : problems;
  }
}
