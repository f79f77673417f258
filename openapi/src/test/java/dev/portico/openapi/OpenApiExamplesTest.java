package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.gateway.Stage;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the module, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise. {@code file} is a definition of
 * the test corpus; {@code pets-api.yaml} is the one written for these examples.
 */
class OpenApiExamplesTest {
  private final LambdaFunction petsFunction = Apis.OK;
  private final LambdaFunction authFunction = (event, context) ->
      "{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8);
  private final Integration healthIntegration = LambdaIntegration.of("health", (event, context) ->
      "{\"statusCode\":200,\"body\":\"up\"}".getBytes(StandardCharsets.UTF_8));
  private final JwtAuthorizerConfig testIssuerConfig = JwtAuthorizerConfig.builder().issuer("http://127.0.0.1:1/idp")
      .audiences("pets-app").build();
  private Gateway served;

  private static GatewayResponse call(Gateway gateway, String method, String target) throws Exception {
    return gateway.handle(GatewayRequest.builder().method(method).target(target).build())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** What an example prints to System.out or System.err. */
  private static String printed(boolean err, ThrowingRunnable example) throws Exception {
    PrintStream original = err ? System.err : System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      if (err) {
        System.setErr(capture);
      } else {
        System.setOut(capture);
      }
      example.run();
    } finally {
      if (err) {
        System.setErr(original);
      } else {
        System.setOut(original);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void packageExample() throws Exception {
    Path file = Corpus.path("definitions/pets-api.yaml");

    ImportResult result = OpenApiImporter.read(file);           // pets-api.yaml, as export-api writes it
    result.problems().forEach(System.out::println);           // INFO / WARNING / ERROR with JSON pointers
    HttpApi api = result.apiBuilder(Bindings.builder()
        .function("pets", petsFunction)                    // the function:NAME its integration URI names
            .function("pets-authorizer", authFunction)         // an authorizer's function, likewise
            .build())
        .build();
    Gateway gateway = Gateway.create(api);

    String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML); // import-api accepts it

    assertThat(call(gateway, "GET", "/pets").bodyText()).isEqualTo("ok");
    assertThat(call(gateway, "GET", "/pets/7").statusCode()).isEqualTo(401);
    assertThat(OpenApiImporter.read(yaml).routeKeys()).isEqualTo(result.routeKeys());
    gateway.close();
  }

  @Test
  void importBindServeAndExport() throws Exception {
    Path file = Corpus.path("definitions/hand-written-pets.yaml");

    ImportResult result = OpenApiImporter.read(file);
    assertThat(result.problems()).isEmpty();
    assertThat(result.functionNames()).containsExactly("pet-store", "pet-store-health");
    HttpApi api = result.apiBuilder(Bindings.builder()
            .function("pet-store", Apis.OK)
            .function("pet-store-health", Apis.OK)
            .build())
        .build();
    try (Gateway gateway = Gateway.create(api)) {
      assertThat(call(gateway, "GET", "/health").statusCode()).isEqualTo(200);
      assertThat(call(gateway, "GET", "/pets").statusCode()).isEqualTo(401);
    }
    String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML);
    assertThat(OpenApiImporter.read(yaml).routeKeys()).isEqualTo(result.routeKeys());
  }

  @Test
  void importResultExample() throws Exception {
    Path file = Corpus.path("definitions/pets-api.yaml");
    HttpApi[] built = new HttpApi[1];

    String out = printed(false, () -> {
      ImportResult result = OpenApiImporter.read(file);                 // pets-api.yaml
      result.problems().forEach(System.out::println);
      System.out.println("functions: " + result.functionNames());   // [pets, pets-authorizer]
      HttpApi api = result.apiBuilder(Bindings.of(Map.of("pets", petsFunction, "pets-authorizer", authFunction)))
          .stage(Stage.builder("prod").variable("alias", "live").build())
          .build();
      built[0] = api;
    });

    assertThat(out).isEqualTo("functions: [pets, pets-authorizer]" + System.lineSeparator());
    assertThat(built[0].stages()).containsKey("prod");
  }

  @Test
  void bindingsExample() throws Exception {
    Path file = Corpus.path("definitions/pets-api.yaml");

    Bindings bindings = Bindings.builder()
        .function("pets", petsFunction)
        .function("pets-authorizer", authFunction)
        .integration("GET /health", healthIntegration)
        .authorizer(Authorizer.jwt("cognito", testIssuerConfig))
        .build();
    HttpApi api = OpenApiImporter.read(file).apiBuilder(bindings).build();

    assertThat(((Authorizer.Jwt) api.authorizers().get("cognito")).config().issuer().toString())
        .isEqualTo("http://127.0.0.1:1/idp");
    try (Gateway gateway = Gateway.create(api)) {
      assertThat(call(gateway, "GET", "/health").bodyText()).isEqualTo("up");
      assertThat(call(gateway, "DELETE", "/pets/7").statusCode()).isEqualTo(401); // no identity source
      GatewayResponse allowed = gateway.handle(GatewayRequest.builder().method("DELETE").target("/pets/7")
          .header("Authorization", "token").build()).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(allowed.bodyText()).isEqualTo("ok");
    }
  }

  @Test
  void basePathModeExample() throws Exception {
    Path file = Corpus.path("definitions/basepath-server-url.yaml"); // servers: .../v1, paths: /users, /users/{id}

    // servers: [{url: "https://api.example.com/v1"}], paths: {/pets: ...}
    OpenApiImporter.read(file, BasePathMode.IGNORE);  // GET /pets (the default)
    OpenApiImporter.read(file, BasePathMode.PREPEND); // GET /v1/pets
    OpenApiImporter.read(file, BasePathMode.SPLIT);   // stage "v1", GET /pets

    assertThat(OpenApiImporter.read(file, BasePathMode.IGNORE).routeKeys()).hasToString("[GET /users, GET /users/{id}]");
    assertThat(OpenApiImporter.read(file, BasePathMode.PREPEND).routeKeys())
        .hasToString("[GET /v1/users, GET /v1/users/{id}]");
    ImportResult split = OpenApiImporter.read(file, BasePathMode.SPLIT);
    assertThat(split.stageName()).contains("v1");
    assertThat(split.routeKeys()).hasToString("[GET /users, GET /users/{id}]");
  }

  @Test
  void importOptionsExample() throws Exception {
    Path file = Corpus.path("definitions/basepath-server-url.yaml");

    ImportResult result = OpenApiImporter.read(file, ImportOptions.builder()
        .basePath(BasePathMode.SPLIT)
        .maxRoutes(1_000)                 // a raised quota, as AWS raises it on request
        .build());

    assertThat(result.stageName()).contains("v1");
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void importProblemExample() throws Exception {
    Path file = Corpus.path("invalid/bad-integration-type.yaml");

    String out = printed(false, () -> {
      ImportResult result = OpenApiImporter.read(file);
      for (ImportProblem problem : result.problems()) {
        System.out.println(problem); // ERROR /paths/~1pets~1{id}/get/x-amazon-apigateway-integration/type: ...
      }
    });

    assertThat(out).contains(System.lineSeparator() + "ERROR /paths/~1pets~1{id}/get/x-amazon-apigateway-integration/type: "
        + "'lambda' is not an HTTP API integration type: AWS_PROXY or HTTP_PROXY");
  }

  @Test
  void openApiImportExceptionExample() throws Exception {
    Path file = Corpus.path("definitions/pets-api.yaml");
    Bindings bindings = Bindings.builder().function("pets", petsFunction).function("pet-authorizer", authFunction)
        .build(); // a typo: pet-authorizer

    String err = printed(true, () -> {
      try {
        HttpApi api = OpenApiImporter.read(file).apiBuilder(bindings).build();
      } catch (OpenApiImportException e) {
        System.err.println(e.getMessage());          // what is wrong, in one line
        e.problems().forEach(System.err::println);   // each error of the definition, at its JSON pointer
      }
    });

    assertThat(err).startsWith("Lambda functions not bound: pets-authorizer");
    String invalid = printed(true, () -> {
      try {
        HttpApi api = OpenApiImporter.read(Corpus.path("invalid/missing-integration.yaml")).apiBuilder(bindings)
            .build();
      } catch (OpenApiImportException e) {
        System.err.println(e.getMessage());
        e.problems().forEach(System.err::println);
      }
    });
    assertThat(invalid).contains("ERROR /paths/~1pets/get: missing x-amazon-apigateway-integration");
    assertThatThrownBy(() -> OpenApiImporter.read(file).apiBuilder(bindings))
        .isInstanceOf(OpenApiImportException.class);
  }

  /** OpenApiImporter's example, as a command-line tool's main method. */
  private void serve(String[] args) throws IOException {
    ImportResult result = OpenApiImporter.read(Path.of(args[0]));
    if (result.hasErrors()) {
      result.errors().forEach(System.err::println); // ERROR /paths/~1pets/get: missing x-amazon-apigateway-integration
      return;
    }
    Gateway gateway = Gateway.create(result.apiBuilder(Map.of("pets", petsFunction, "pets-authorizer", authFunction))
        .build());
    served = gateway;
  }

  @Test
  void openApiImporterExample() throws Exception {
    String err = printed(true, () -> serve(new String[] {Corpus.path("invalid/missing-integration.yaml").toString()}));
    assertThat(err).startsWith("ERROR /paths/~1pets/get: missing x-amazon-apigateway-integration");
    assertThat(served).isNull();

    serve(new String[] {Corpus.path("definitions/pets-api.yaml").toString()});
    assertThat(served).isNotNull();
    served.close();
  }

  @Test
  void openApiExporterExample() {
    HttpApi api = HttpApi.builder()
        .route(Route.of("GET /pets", LambdaIntegration.of("pets", petsFunction)))
        .build();
    String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML);
    // paths: /pets: get: x-amazon-apigateway-integration: {type: aws_proxy, uri: arn:aws:apigateway:...}

    assertThat(yaml).contains("aws_proxy").contains("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:us-east-1:123456789012:function:pets/invocations");
    assertThat(OpenApiImporter.read(yaml).apiBuilder(Map.of("pets", Apis.OK)).build().routes()).hasSize(1);
  }
}
