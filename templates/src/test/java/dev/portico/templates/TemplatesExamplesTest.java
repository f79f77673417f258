package dev.portico.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.HttpApi;
import dev.portico.integration.LambdaFunction;
import dev.portico.openapi.Bindings;
import dev.portico.openapi.ImportProblem;
import dev.portico.routing.RouteKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The javadoc examples of this module, run as written; JavadocExamplesTest checks they stay verbatim. */
class TemplatesExamplesTest {
  private static final LambdaFunction petsFunction = Describe.OK;

  @TempDir Path app;

  private String[] template() throws IOException {
    Path file = app.resolve("template.yaml");
    Files.writeString(file, String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Stage: {Type: String, Default: prod}",
        "Resources:",
        "  PetsApi:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties: {StageName: !Ref Stage}",
        "  PetsFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      CodeUri: pets",
        "      Handler: com.example.PetsHandler::handleRequest",
        "      Runtime: java21",
        "      Timeout: 10",
        "      Events:",
        "        List: {Type: HttpApi, Properties: {ApiId: !Ref PetsApi, Path: /pets, Method: get}}",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        ""));
    return new String[] {file.toString()};
  }

  @Test
  void packageExample() throws IOException {
    String[] args = template();
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      TemplateResult template = TemplateReader.read(Path.of(args[0]));
      template.problems().forEach(System.out::println);       // with /Resources/... pointers
      TemplateApi api = template.apis().get(0);                // an AWS::Serverless::HttpApi, say
      HttpApi httpApi = api.apiBuilder(Bindings.builder()
              .function("PetsFunction", petsFunction)          // functions by their names in the template
              .build())
          .build();

      assertThat(api.logicalId()).isEqualTo("PetsApi");
      assertThat(httpApi.routes()).extracting(r -> r.routeKey().toString()).containsExactly("GET /pets");
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("INFO /Resources: AWS::DynamoDB::Table is not served by Portico: Table");
  }

  @Test
  void readerExample() throws IOException {
    String[] args = template();
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      TemplateResult template = TemplateReader.read(Path.of(args[0]),
          TemplateOptions.builder().parameter("Stage", "dev").build());
      for (TemplateApi api : template.apis()) {
        System.out.println(api.logicalId() + " " + api.definition().routeKeys());
      }
      assertThat(template.api("PetsApi").orElseThrow().stageName()).isEqualTo("dev");
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("PetsApi [GET /pets]" + System.lineSeparator());
  }

  @Test
  void resultExample() throws IOException {
    Files.writeString(app.resolve("broken.yaml"), "Resources:\n  Fn: {Type: AWS::Serverless::Function,"
        + " Properties: {Handler: !Ref Missing}}\n");
    String[] args = {app.resolve("broken.yaml").toString()};
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      TemplateResult template = TemplateReader.read(Path.of(args[0]));
      if (template.hasErrors()) {
        template.errors().forEach(System.err::println);   // ERROR /Resources/...: ...
      }
    } finally {
      System.setErr(err);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("ERROR /Resources/Fn/Properties/Handler/Ref: Ref"
        + " to 'Missing', which is neither a parameter nor a resource of the template");
  }

  @Test
  void apiExample() throws IOException {
    TemplateResult template = TemplateReader.read(Path.of(template()[0]));
    TemplateApi api = template.api("PetsApi").orElseThrow();
    api.stageName();                                   // "$default", or the StageName
    HttpApi httpApi = api.apiBuilder(Bindings.of(Map.of("PetsFunction", petsFunction))).build();

    assertThat(api.stageName()).isEqualTo("prod");
    assertThat(httpApi.stages()).containsKey("prod");
    assertThat(api.definition().routeKeys()).containsExactly(RouteKey.parse("GET /pets"));
  }

  @Test
  void functionExample() throws IOException {
    TemplateResult template = TemplateReader.read(Path.of(template()[0]));
    TemplateFunction pets = template.function("PetsFunction").orElseThrow();
    pets.handler();        // Optional[com.example.PetsHandler::handleRequest]
    pets.isJava();         // true: java21
    pets.codeUri();        // Optional[/work/app/pets]: CodeUri, from the template's folder

    assertThat(pets.handler()).contains("com.example.PetsHandler::handleRequest");
    assertThat(pets.isJava()).isTrue();
    assertThat(pets.codeUri()).contains(app.resolve("pets"));
    assertThat(pets.timeout()).contains(Duration.ofSeconds(10));
  }

  @Test
  void optionsExample() {
    TemplateOptions options = TemplateOptions.builder()
        .parameter("Stage", "prod")                     // --parameter-overrides Stage=prod
        .importValue("shared-vpc-id", "vpc-1234")       // Fn::ImportValue shared-vpc-id
        .attribute("AuthStack.Outputs.Issuer", "https://issuer.example") // Fn::GetAtt AuthStack.Outputs.Issuer
        .region("eu-west-1")
        .build();

    assertThat(options.parameters()).containsExactly(Map.entry("Stage", "prod"));
    assertThat(options.importValues()).containsExactly(Map.entry("shared-vpc-id", "vpc-1234"));
    assertThat(options.attributes()).containsExactly(Map.entry("AuthStack.Outputs.Issuer", "https://issuer.example"));
    assertThat(options.region()).isEqualTo("eu-west-1");
    assertThat(Optional.of(options.toBuilder().build())).contains(options);
    assertThat(ImportProblem.Level.values()).isNotEmpty();
  }

  @Test
  void routeSettingsExample() {
    TemplateResult template = TemplateReader.read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  OrdersApi:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties: {DefaultRouteSettings: {ThrottlingBurstLimit: 100}}",
        "  OrdersFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: java21",
        "      Handler: com.example.Orders",
        "      CodeUri: .",
        "      Events:",
        "        Create: {Type: HttpApi, Properties: {ApiId: !Ref OrdersApi, Path: /orders, Method: post,"
            + " RouteSettings: {ThrottlingBurstLimit: 20, ThrottlingRateLimit: 10}}}",
        ""), app, TemplateOptions.defaults());

    TemplateApi api = template.api("OrdersApi").orElseThrow();
    RouteSettings orders = api.routeSettings().get("POST /orders");   // burst=20 rate=10.0 detailedMetrics=-
    int burst = orders.throttlingBurstLimit().orElse(5000);           // 20

    assertThat(orders).hasToString("burst=20 rate=10.0 detailedMetrics=-");
    assertThat(burst).isEqualTo(20);
    assertThat(api.defaultRouteSettings()).hasValueSatisfying(d -> assertThat(d).hasToString("burst=100 rate=-"
        + " detailedMetrics=-"));
    assertThat(template.problems()).noneMatch(p -> p.level() != ImportProblem.Level.INFO);
  }

  @Test
  void domainExample() {
    TemplateResult template = TemplateReader.read(String.join("\n",
        "Resources:",
        "  Api: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: a, ProtocolType: HTTP, Target: 'https://b.example'}}",
        "  Domain: {Type: AWS::ApiGatewayV2::DomainName, Properties: {DomainName: api.example.com}}",
        "  Orders: {Type: AWS::ApiGatewayV2::ApiMapping, Properties: {DomainName: !Ref Domain, ApiId: !Ref Api,"
            + " Stage: $default, ApiMappingKey: orders}}",
        ""), app, TemplateOptions.defaults());

    TemplateDomain domain = template.domains().get(0);
    domain.domainName();                        // "api.example.com"
    domain.mappings().get(0).key();             // "orders", "" for the (none) mapping

    assertThat(domain.domainName()).isEqualTo("api.example.com");
    assertThat(domain.mappings()).singleElement().isEqualTo(new TemplateDomain.Mapping("Api", "$default", "orders",
        "/Resources/Orders/Properties"));
  }
}
