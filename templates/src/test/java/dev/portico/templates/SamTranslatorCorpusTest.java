package dev.portico.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SAM's own translator test corpus as a conformance suite (sam-translator-corpus/SOURCE.md): for every HTTP API
 * input, the APIs Portico reads from the SAM template — routes with their integrations, payload formats,
 * authorization and scopes, authorizers, CORS, stage and stage variables — equal those it reads from the
 * CloudFormation SAM's translator writes for it (its expected output). Where they differ on purpose,
 * {@link #KNOWN_DEVIATIONS} says why.
 */
class SamTranslatorCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/sam-translator-corpus");

  private static final String AWS_PROXY_WEB_URI = "an aws_proxy integration whose uri is a web address"
      + " (https://www.alphavantage.co/): API Gateway needs a Lambda ARN there; SAM does not check it; Portico"
      + " reports the error at the uri";

  private static final String MISSING_FUNCTION = "an integration uri Fn::Sub's ${DifferentFunction.Arn}, which the"
      + " template does not declare: CloudFormation refuses the template; Portico reports the error at the uri";

  /** Inputs whose reading differs from SAM's translation, and why. */
  static final Map<String, String> KNOWN_DEVIATIONS = Map.of(
      "api_http_paths_with_if_condition", AWS_PROXY_WEB_URI,
      "api_http_paths_with_if_condition_no_value_then_case", AWS_PROXY_WEB_URI,
      "definition_body_intrinsics_support", AWS_PROXY_WEB_URI,
      "api_http_with_default_iam_authorizer", "a JWT audience is Ref UserPoolClient, which the template does not"
          + " declare: CloudFormation refuses the template (unresolved resource dependency); Portico reports the"
          + " error at the Ref",
      "http_api_existing_openapi", MISSING_FUNCTION,
      "http_api_existing_openapi_conditions", MISSING_FUNCTION,
      "http_api_def_uri", "DefinitionUri in S3: read from a local copy only (--s3-object), and without one Portico"
          + " says so at the property");

  static Stream<String> inputs() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS.resolve("input"))) {
      List<String> names = files.map(f -> f.getFileName().toString().replaceFirst("\\.yaml$", "")).sorted().toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(50);
      return names.stream().filter(name -> !KNOWN_DEVIATIONS.containsKey(name));
    }
  }

  static Map<String, List<String>> apis(TemplateResult template) {
    Map<String, List<String>> apis = new TreeMap<>();
    for (TemplateApi api : template.apis()) {
      apis.put(api.logicalId(), Describe.api(api));
    }
    return apis;
  }

  /** Custom domains and their mappings, one line each, sorted (pointers differ between a template and its translation). */
  static List<String> domains(TemplateResult template) {
    List<String> lines = new java.util.ArrayList<>();
    for (TemplateDomain domain : template.domains()) {
      lines.add("domain " + domain.domainName() + " truststore=" + domain.truststoreUri().orElse("-"));
      domain.mappings().forEach(m -> lines.add("mapping " + domain.domainName() + " '" + m.key() + "' -> " + m.api()
          + " " + m.stage()));
    }
    lines.sort(String::compareTo);
    return lines;
  }

  /**
   * Inputs whose expected output SAM wrote in another region: SAM resolves {@code ${AWS::Region}} in a Domain's
   * name when it translates, so the output holds that region's name; both are read in it.
   */
  static final Map<String, String> REGIONS = Map.of("api_with_basic_custom_domain_intrinsics_http", "ap-southeast-1");

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void portico_reads_the_sam_template_as_sam_translates_it(String name) throws IOException {
    TemplateOptions options = TemplateOptions.builder().region(REGIONS.getOrDefault(name, "us-east-1")).build();
    TemplateResult sam = TemplateReader.read(CORPUS.resolve("input/" + name + ".yaml"), options);
    TemplateResult translated = TemplateReader.read(CORPUS.resolve("output/" + name + ".json"), options);

    assertThat(sam.errors()).as("errors reading the SAM template").isEmpty();
    assertThat(translated.errors()).as("errors reading SAM's translation").isEmpty();
    assertThat(apis(sam)).as("APIs of the SAM template vs SAM's translation").isEqualTo(apis(translated));
    assertThat(domains(sam)).as("custom domains of the SAM template vs SAM's translation")
        .isEqualTo(domains(translated));
  }

  static Stream<String> deviations() {
    return KNOWN_DEVIATIONS.keySet().stream().sorted();
  }

  /** A deviation stays listed only while it is real: Portico reports an error where SAM translates silently. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("deviations")
  void each_known_deviation_is_an_error_portico_reports(String name) throws IOException {
    assertThat(Files.exists(CORPUS.resolve("input/" + name + ".yaml"))).as(name + " is in the corpus").isTrue();
    assertThat(TemplateReader.read(CORPUS.resolve("input/" + name + ".yaml")).errors()).isNotEmpty();
  }
}
