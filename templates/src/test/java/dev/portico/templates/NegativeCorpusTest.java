package dev.portico.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.openapi.ImportProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates with one mistake each ({@code negative/*.yaml}, written for Portico): each gives exactly the one error
 * its second line names ({@code # expect: ERROR pointer: message}), at the template pointer of the mistake — a
 * message a user can act on, never a stack trace, never a template that half works.
 */
class NegativeCorpusTest {
  static final Path NEGATIVE = Path.of("src/test/resources/negative");

  static Stream<String> templates() throws IOException {
    try (Stream<Path> files = Files.list(NEGATIVE)) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(20);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void each_mistake_is_one_error_at_its_place(String name) throws IOException {
    Path file = NEGATIVE.resolve(name);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(1)).as("the second line names the error").startsWith("# expect: ERROR /");
    String expected = lines.get(1).substring("# expect: ".length())
        .replace("{folder}", file.toAbsolutePath().getParent().toString());

    TemplateResult result = TemplateReader.read(file);

    assertThat(result.errors()).extracting(ImportProblem::toString).containsExactly(expected);
  }
}
