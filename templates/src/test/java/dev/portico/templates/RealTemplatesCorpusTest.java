package dev.portico.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.openapi.ImportProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates real teams deploy (real-templates/SOURCE.md): AWS's serverless-patterns collection — SAM and raw
 * CloudFormation HTTP APIs with Lambda, SQS, EventBridge, Step Functions, VPC links, Cognito, custom domains — and
 * CloudFormation that {@code cdk synth} wrote for its CDK patterns. For each, what Portico reads (APIs with routes,
 * authorizers, CORS and stage; functions; every warning and error with its pointer) is compared with expectations
 * checked by hand against the template ({@code real-templates/expected/NAME.txt}). And each SAM template is
 * translated by AWS's SAM translator: Portico must read the same APIs from the template as from the translation.
 */
class RealTemplatesCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/real-templates");
  static final Path TRANSLATED = Path.of("target/real-templates-sam");

  /** One template of the corpus: its name (the pattern's folder) and file. */
  record Case(String name, Path file) {
    @Override
    public String toString() {
      return name;
    }

    boolean sam() throws IOException {
      return Files.readString(file, StandardCharsets.UTF_8).contains("AWS::Serverless");
    }
  }

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String collection : List.of("serverless-patterns", "cdk-synth")) {
      try (Stream<Path> folders = Files.list(CORPUS.resolve(collection))) {
        for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
          try (Stream<Path> files = Files.list(folder)) {
            Path template = files.filter(f -> f.getFileName().toString().matches("template\\.ya?ml|.*\\.template\\.json"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no template in " + folder));
            cases.add(new Case(folder.getFileName().toString(), template));
          }
        }
      }
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    return cases;
  }

  static Stream<Case> samCases() throws IOException {
    List<Case> sam = new ArrayList<>();
    for (Case c : cases()) {
      if (c.sam()) {
        sam.add(c);
      }
    }
    return sam.stream();
  }

  @BeforeAll
  static void translateWithSam() throws Exception {
    Files.createDirectories(TRANSLATED);
    List<String> command = new ArrayList<>(List.of("python3",
        SamTranslatorOracleTest.ORACLE.resolve("translate.py").toString(), TRANSLATED.toString()));
    samCases().forEach(c -> command.add(c.name() + "=" + c.file()));
    Path log = TRANSLATED.resolve("translate.log");
    Process python = SamTranslatorOracleTest.run(command, log);
    assertThat(python.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
  }

  /** What Portico reads, as text: APIs, custom domains, Java functions, warnings and errors (INFO left out). */
  static String describe(TemplateResult result) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, List<String>> api : SamTranslatorCorpusTest.apis(result).entrySet()) {
      text.append("api ").append(api.getKey()).append('\n');
      api.getValue().forEach(line -> text.append("  ").append(line).append('\n'));
    }
    SamTranslatorCorpusTest.domains(result).forEach(line -> text.append(line).append('\n'));
    for (TemplateFunction function : result.functions()) {
      if (function.isJava()) {
        text.append("java function ").append(function.logicalId()).append(' ')
            .append(function.handler().orElse("(no handler)")).append('\n');
      }
    }
    for (ImportProblem problem : result.problems()) {
      if (problem.level() != ImportProblem.Level.INFO) {
        text.append(problem.level()).append(' ').append(problem.pointer()).append(": ").append(problem.message())
            .append('\n');
      }
    }
    return text.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void portico_reads_each_real_template_as_checked_by_hand(Case template) throws IOException {
    Path expected = CORPUS.resolve("expected/" + template.name() + ".txt");
    String actual = describe(TemplateReader.read(template.file()));

    assertThat(expected).as("expectations for " + template.name() + "; Portico reads:\n" + actual).exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samCases")
  void portico_reads_each_real_sam_template_as_sam_translates_it(Case template) throws IOException {
    Path translation = TRANSLATED.resolve(template.name() + ".json");
    assertThat(translation).as("SAM translated it: " + TRANSLATED.resolve(template.name() + ".error")).exists();
    TemplateResult sam = TemplateReader.read(template.file());
    // the translation is read from the template's folder: an AWS::Include SAM leaves in place names a file there
    TemplateResult translated = TemplateReader.read(Files.readString(translation, StandardCharsets.UTF_8),
        template.file().toAbsolutePath().getParent(), TemplateOptions.defaults());

    assertThat(SamTranslatorCorpusTest.apis(sam)).isEqualTo(SamTranslatorCorpusTest.apis(translated));
    assertThat(SamTranslatorCorpusTest.domains(sam)).isEqualTo(SamTranslatorCorpusTest.domains(translated));
    assertThat(sam.errors().isEmpty()).as("both readings are refused, or neither: " + sam.errors() + " vs "
        + translated.errors()).isEqualTo(translated.errors().isEmpty());
  }

  /**
   * Templates of the corpus that cfn-lint finds errors in, and why each is still in it: the samples as published,
   * with the mistakes their authors made or that the linter's spec does not know yet. Where the mistake is one
   * Portico sees, its expectations show Portico saying so.
   */
  static final Map<String, String> LINT_ERRORS = Map.of(
      "apigw-mutualtls-lambda", "AWS::Serverless resources without the SAM Transform (E1001, E3006, E3038); Portico"
          + " reads it as SAM with a warning",
      "apigw-route53-failover", "a Route53 record's TTL beside its AliasTarget (E3029): not an API Gateway resource",
      "cloudfront-apigw-http-api-lambda-rust", "a duplicate key in a cache policy (E0000); Portico warns, last wins",
      "sam-webapp-cognito", "a duplicate key in a cache policy (E0000); Portico warns, last wins",
      "custom-http-headers-to-sqs-message-attributes-using-http-api-gateway", "an Output with ${...} outside Fn::Sub"
          + " (E1029): not read by Portico, which reports its REST-only access log variable instead",
      "lambda-microvms-multi-tenant-ai-agents", "resource types newer than cfn-lint 1.51's spec (E3006)");

  @Test
  void cfnLintFindsErrorsOnlyInTheTemplatesThatSayWhy() throws Exception {
    List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
    for (Case c : cases()) {
      command.add(c.file().toString());
    }
    Files.createDirectories(TRANSLATED);
    Path log = TRANSLATED.resolve("cfn-lint.log");
    SamTranslatorOracleTest.run(command, log);
    java.util.Set<String> erroneous = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      String[] parts = line.split(":");
      if (parts.length > 5 && parts[5].startsWith("E")) {
        erroneous.add(Path.of(parts[0]).getParent().getFileName().toString());
      }
    }
    assertThat(erroneous).as(Files.readString(log, StandardCharsets.UTF_8))
        .containsExactlyInAnyOrderElementsOf(LINT_ERRORS.keySet());
    for (String name : List.of("apigw-mutualtls-lambda", "cloudfront-apigw-http-api-lambda-rust",
        "sam-webapp-cognito")) {
      assertThat(Files.readString(CORPUS.resolve("expected/" + name + ".txt"), StandardCharsets.UTF_8))
          .as(name + ": " + LINT_ERRORS.get(name)).containsPattern("WARNING .*(Transform|duplicate key)");
    }
  }

  /** The corpus holds what it claims: SAM and raw CloudFormation, HTTP APIs of each kind, CDK output. */
  @Test
  void theCorpusCoversEachWayTeamsWriteHttpApis() throws IOException {
    List<TemplateApi.Kind> kinds = new ArrayList<>();
    int cdk = 0;
    for (Case c : cases()) {
      TemplateReader.read(c.file()).apis().forEach(api -> kinds.add(api.kind()));
      cdk += c.file().toString().contains("cdk-synth") ? 1 : 0;
    }
    assertThat(kinds).contains(TemplateApi.Kind.SAM_HTTP_API, TemplateApi.Kind.SAM_IMPLICIT_API,
        TemplateApi.Kind.CLOUDFORMATION);
    assertThat(cdk).isGreaterThanOrEqualTo(4);
  }
}
