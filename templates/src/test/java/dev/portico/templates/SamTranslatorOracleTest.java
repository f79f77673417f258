package dev.portico.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's own SAM translator (Python {@code aws-sam-translator}, which this machine kind ships) as a live differential
 * oracle on Portico's test templates in {@code oracle/}: each is translated to CloudFormation by SAM (local {@code
 * CodeUri}s made S3 locations first, as {@code sam package} does), and Portico must read the same APIs from the
 * SAM template as from SAM's translation — or, where SAM refuses the template, refuse it too. And {@code cfn-lint}
 * must find errors in exactly the templates SAM refuses, so no test relies on a template AWS would reject.
 */
class SamTranslatorOracleTest {
  static final Path ORACLE = Path.of("src/test/resources/oracle");
  static final Path TRANSLATED = Path.of("target/sam-oracle");

  static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.list(ORACLE)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static Stream<String> names() throws IOException {
    return templates().stream().map(SamTranslatorOracleTest::name);
  }

  static String name(Path template) {
    return template.getFileName().toString().replaceFirst("\\.yaml$", "");
  }

  static Process run(List<String> command, Path output) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
    return process;
  }

  @BeforeAll
  static void translateWithSam() throws Exception {
    Files.createDirectories(TRANSLATED);
    List<String> command = new ArrayList<>(List.of("python3", ORACLE.resolve("translate.py").toString(),
        TRANSLATED.toString()));
    templates().forEach(t -> command.add(t.toString()));
    Path log = TRANSLATED.resolve("translate.log");
    Process python = run(command, log);
    assertThat(python.exitValue()).as("SAM's translator ran (this machine kind ships aws-sam-translator 1.110;"
        + " elsewhere: pip install aws-sam-translator): " + Files.readString(log, StandardCharsets.UTF_8)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void portico_reads_what_sam_translates_and_refuses_what_sam_refuses(String name) throws IOException {
    TemplateResult portico = TemplateReader.read(ORACLE.resolve(name + ".yaml"));
    Path refused = TRANSLATED.resolve(name + ".error");
    if (Files.exists(refused)) {
      assertThat(portico.errors()).as("SAM refuses it: " + Files.readString(refused, StandardCharsets.UTF_8))
          .isNotEmpty();
      assertThat(name).as("templates SAM refuses are named refused_*").startsWith("refused_");
      return;
    }
    assertThat(name).as("SAM translated it").doesNotStartWith("refused_");
    TemplateResult translated = TemplateReader.read(TRANSLATED.resolve(name + ".json"));
    assertThat(portico.errors()).as("errors reading the SAM template").isEmpty();
    assertThat(translated.errors()).as("errors reading SAM's translation").isEmpty();
    assertThat(portico.apis()).as("HTTP APIs").isNotEmpty();
    assertThat(SamTranslatorCorpusTest.apis(portico).values()).as("each API has routes")
        .allSatisfy(lines -> assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("route ")));
    assertThat(SamTranslatorCorpusTest.apis(portico)).isEqualTo(SamTranslatorCorpusTest.apis(translated));
    assertThat(SamTranslatorCorpusTest.domains(portico)).isEqualTo(SamTranslatorCorpusTest.domains(translated));
  }

  @Test
  void cfnLintFindsErrorsInExactlyTheTemplatesSamRefuses() throws Exception {
    List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
    templates().forEach(t -> command.add(t.toString()));
    Path log = TRANSLATED.resolve("cfn-lint.log");
    run(command, log);
    List<String> erroneous = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      String[] parts = line.split(":");
      if (parts.length > 5 && parts[5].startsWith("E")) {
        erroneous.add(name(Path.of(parts[0])));
      }
    }
    assertThat(erroneous.stream().distinct().sorted().toList()).as(Files.readString(log, StandardCharsets.UTF_8))
        .isEqualTo(names().filter(n -> n.startsWith("refused_")).toList());
  }
}
