package dev.portico.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.openapi.ImportProblem;
import dev.portico.openapi.ImportProblem.Level;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Templates as teams write them: SAM with events and the implicit API, SAM with an explicit API, raw CloudFormation. */
class TemplateReaderTest {
  private static final Path HERE = Path.of("").toAbsolutePath();

  static TemplateResult read(String yaml) {
    return TemplateReader.read(yaml, HERE, TemplateOptions.defaults());
  }

  static TemplateResult read(String yaml, TemplateOptions options) {
    return TemplateReader.read(yaml, HERE, options);
  }

  @Test
  void functionsWithHttpApiEventsMakeTheImplicitApiAsSamDoes() {
    TemplateResult template = read(String.join("\n",
        "AWSTemplateFormatVersion: '2010-09-09'",
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Runtime: java21",
        "    Timeout: 20",
        "    Environment: {Variables: {TABLE: pets, MODE: global}}",
        "Resources:",
        "  PetsFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      CodeUri: pets/",
        "      Handler: com.example.PetsHandler::handleRequest",
        "      Environment: {Variables: {MODE: local}}",
        "      Events:",
        "        List: {Type: HttpApi, Properties: {Path: /pets, Method: get}}",
        "        Create: {Type: HttpApi, Properties: {Path: /pets, Method: POST, PayloadFormatVersion: '1.0'}}",
        "        One: {Type: HttpApi, Properties: {Path: '/pets/{id}', Method: any, TimeoutInMillis: 5000}}",
        "  FallbackFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      CodeUri: fallback/",
        "      Handler: com.example.Fallback",
        "      Runtime: python3.12",
        "      Events:",
        "        Everything: {Type: HttpApi}",
        ""));

    assertThat(template.errors()).isEmpty();
    assertThat(template.apis()).singleElement().satisfies(api -> {
      assertThat(api.logicalId()).isEqualTo("ServerlessHttpApi");
      assertThat(api.kind()).isEqualTo(TemplateApi.Kind.SAM_IMPLICIT_API);
      assertThat(Describe.api(api)).containsExactly(
          "route $default -> lambda FallbackFunction v2.0",
          "route ANY /pets/{id} -> lambda PetsFunction v2.0 5000ms",
          "route GET /pets -> lambda PetsFunction v2.0",
          "route POST /pets -> lambda PetsFunction v1.0",
          "stage $default {}");
    });
    TemplateFunction pets = template.function("PetsFunction").orElseThrow();
    assertThat(pets.isJava()).isTrue();
    assertThat(pets.handler()).contains("com.example.PetsHandler::handleRequest");
    assertThat(pets.codeUri()).contains(HERE.resolve("pets"));
    assertThat(pets.timeout()).hasValueSatisfying(t -> assertThat(t.getSeconds()).isEqualTo(20));
    assertThat(pets.environment()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("TABLE", "pets", "MODE",
        "local"));
    assertThat(template.function("FallbackFunction").orElseThrow().isJava()).isFalse();
  }

  @Test
  void anExplicitHttpApiWithAuthCorsAndStageAsSamTranslatesIt() {
    TemplateResult template = read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Issuer: {Type: String, Default: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_PETS01'}",
        "Resources:",
        "  PetsApi:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      StageName: prod",
        "      StageVariables: {backend: blue}",
        "      CorsConfiguration: {AllowOrigins: ['https://app.pets.example'], AllowMethods: [GET, POST], MaxAge: 600}",
        "      Auth:",
        "        DefaultAuthorizer: Cognito",
        "        Authorizers:",
        "          Cognito:",
        "            IdentitySource: $request.header.Authorization",
        "            JwtConfiguration: {issuer: !Ref Issuer, audience: [pets-app]}",
        "            AuthorizationScopes: [pets/read]",
        "          Keys:",
        "            FunctionArn: !GetAtt KeysFunction.Arn",
        "            AuthorizerPayloadFormatVersion: '2.0'",
        "            EnableSimpleResponses: true",
        "            Identity: {Headers: [x-api-key], ReauthorizeEvery: 60}",
        "  PetsFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: java21",
        "      Handler: com.example.Pets",
        "      CodeUri: .",
        "      Events:",
        "        List: {Type: HttpApi, Properties: {ApiId: !Ref PetsApi, Path: /pets, Method: get}}",
        "        Open: {Type: HttpApi, Properties: {ApiId: !Ref PetsApi, Path: /health, Method: get,"
            + " Auth: {Authorizer: NONE}}}",
        "        Write: {Type: HttpApi, Properties: {ApiId: !Ref PetsApi, Path: /pets, Method: post,"
            + " Auth: {AuthorizationScopes: [pets/write]}}}",
        "        Delete: {Type: HttpApi, Properties: {ApiId: !Ref PetsApi, Path: '/pets/{id}', Method: delete,"
            + " Auth: {Authorizer: Keys}}}",
        "  KeysFunction:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: java21, Handler: com.example.Keys, CodeUri: .}",
        ""));

    assertThat(template.errors()).isEmpty();
    assertThat(Describe.api(template.api("PetsApi").orElseThrow())).containsExactly(
        "authorizer Cognito jwt https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_PETS01 [pets-app]"
            + " $request.header.Authorization",
        "authorizer Keys lambda KeysFunction v2.0 simple [$request.header.x-api-key] ttl=60",
        "cors origins=[https://app.pets.example] methods=[GET, POST] headers=[] expose=[] maxAge=OptionalInt[600]"
            + " credentials=false",
        "route DELETE /pets/{id} -> lambda PetsFunction v2.0 [CUSTOM Keys]",
        "route GET /health -> lambda PetsFunction v2.0",
        "route GET /pets -> lambda PetsFunction v2.0 [JWT Cognito pets/read]",
        "route POST /pets -> lambda PetsFunction v2.0 [JWT Cognito pets/write]",
        "stage prod {backend=blue}");
  }

  @Test
  void quickCreateAndAssembledCloudFormationApis() {
    TemplateResult template = read(String.join("\n",
        "Resources:",
        "  Quick:",
        "    Type: AWS::ApiGatewayV2::Api",
        "    Properties: {Name: quick, ProtocolType: HTTP, Target: !GetAtt Fn.Arn}",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties: {FunctionName: !Sub '${AWS::StackName}-fn', Runtime: java17, Handler: a.B, Code: {ZipFile: x}}",
        "  Api:",
        "    Type: AWS::ApiGatewayV2::Api",
        "    Properties: {Name: assembled, ProtocolType: HTTP}",
        "  Jwt:",
        "    Type: AWS::ApiGatewayV2::Authorizer",
        "    Properties:",
        "      ApiId: !Ref Api",
        "      AuthorizerType: JWT",
        "      Name: jwt",
        "      IdentitySource: [$request.header.Authorization]",
        "      JwtConfiguration: {Issuer: 'https://idp.example.com', Audience: [api]}",
        "  Integration:",
        "    Type: AWS::ApiGatewayV2::Integration",
        "    Properties: {ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn,"
            + " PayloadFormatVersion: '2.0'}",
        "  Backend:",
        "    Type: AWS::ApiGatewayV2::Integration",
        "    Properties: {ApiId: !Ref Api, IntegrationType: HTTP_PROXY, IntegrationMethod: GET,"
            + " IntegrationUri: 'https://backend.example.com/{proxy}', PayloadFormatVersion: '1.0'}",
        "  Route:",
        "    Type: AWS::ApiGatewayV2::Route",
        "    Properties: {ApiId: !Ref Api, RouteKey: 'GET /items', AuthorizationType: JWT, AuthorizerId: !Ref Jwt,"
            + " AuthorizationScopes: [items/read], Target: !Join [/, [integrations, !Ref Integration]]}",
        "  Proxy:",
        "    Type: AWS::ApiGatewayV2::Route",
        "    Properties: {ApiId: !Ref Api, RouteKey: 'ANY /files/{proxy+}', Target: !Sub 'integrations/${Backend}'}",
        "  Stage:",
        "    Type: AWS::ApiGatewayV2::Stage",
        "    Properties: {ApiId: !Ref Api, StageName: v1, AutoDeploy: true, StageVariables: {color: red}}",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        ""));

    assertThat(template.errors()).isEmpty();
    assertThat(Describe.api(template.api("Quick").orElseThrow())).containsExactly(
        "route $default -> lambda portico-fn v2.0", "stage $default {}");
    assertThat(Describe.api(template.api("Api").orElseThrow())).containsExactly(
        "authorizer jwt jwt https://idp.example.com [api] $request.header.Authorization",
        "route ANY /files/{proxy+} -> http GET https://backend.example.com/{proxy} v1.0",
        "route GET /items -> lambda portico-fn v2.0 [JWT jwt items/read]",
        "stage v1 {color=red}");
    assertThat(template.function("portico-fn")).hasValueSatisfying(f -> assertThat(f.logicalId()).isEqualTo("Fn"));
    assertThat(template.problems()).anySatisfy(p -> assertThat(p.message())
        .isEqualTo("AWS::DynamoDB::Table is not served by Portico: Table"));
  }

  @Test
  void parametersConditionsAndOverridesDecideWhatExists() {
    String yaml = String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Env: {Type: String, AllowedValues: [dev, prod], Default: dev}",
        "Conditions:",
        "  IsProd: !Equals [!Ref Env, prod]",
        "  IsDev: !Not [!Condition IsProd]",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: java21",
        "      Handler: a.B",
        "      CodeUri: .",
        "      Events:",
        "        Get: {Type: HttpApi, Properties: {Path: /items, Method: get, TimeoutInMillis: !If [IsProd, 5000,"
            + " 29000]}}",
        "        Bad: {Type: HttpApi, Properties: {Path: !If [IsProd, /v1/bad, /bad], Method: get}}",
        "  DebugFn:",
        "    Type: AWS::Serverless::Function",
        "    Condition: IsDev",
        "    Properties:",
        "      Runtime: java21",
        "      Handler: a.Debug",
        "      CodeUri: .",
        "      Events:",
        "        Debug: {Type: HttpApi, Properties: {Path: /debug, Method: get}}",
        "");

    TemplateResult dev = read(yaml);
    assertThat(Describe.api(dev.apis().get(0))).containsExactly(
        "route GET /debug -> lambda DebugFn v2.0", "route GET /items -> lambda Fn v2.0 29000ms", "stage $default {}");
    // SAM's translator refuses an intrinsic in an event's Path or Method (checked with aws-sam-translator 1.110)
    assertThat(dev.errors()).singleElement().satisfies(error -> {
      assertThat(error.pointer()).isEqualTo("/Resources/Fn/Properties/Events/Bad/Properties/Path");
      assertThat(error.message()).startsWith("Event with id [Bad] is invalid. Property 'Path' should be a string.");
    });
    TemplateResult prod = read(yaml, TemplateOptions.builder().parameter("Env", "prod").build());
    assertThat(Describe.api(prod.apis().get(0))).containsExactly("route GET /items -> lambda Fn v2.0 5000ms",
        "stage $default {}");
    assertThat(prod.function("DebugFn")).isEmpty();
    assertThat(read(yaml, TemplateOptions.builder().parameter("Env", "test").build()).errors())
        .filteredOn(error -> error.pointer().startsWith("/Parameters")).singleElement().satisfies(error -> {
          assertThat(error.pointer()).isEqualTo("/Parameters/Env");
          assertThat(error.message()).isEqualTo("'test' is not one of the AllowedValues [\"dev\",\"prod\"]");
        });
  }

  @Test
  void whatCannotBeResolvedIsAnErrorAtItsTemplatePointer() {
    TemplateResult template = read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Issuer: {Type: String}",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      Auth:",
        "        Authorizers:",
        "          Jwt: {IdentitySource: $request.header.Authorization, JwtConfiguration: {issuer: !Ref Issuer,"
            + " audience: [a]}}",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: java21",
        "      Handler: a.B",
        "      CodeUri: .",
        "      Events:",
        "        Get: {Type: HttpApi, Properties: {ApiId: !Ref Nope, Path: /x, Method: get}}",
        "        Bad: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /y, Method: fetch}}",
        ""));

    assertThat(template.errors()).extracting(ImportProblem::pointer, ImportProblem::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/Resources/Fn/Properties/Events/Bad/Properties/Method",
            "'fetch' is not an HTTP API method (get, put, post, delete, patch, head, options, any)"),
        org.assertj.core.groups.Tuple.tuple(
            "/Resources/Api/Properties/Auth/Authorizers/Jwt/JwtConfiguration/issuer/Ref",
            "Ref to parameter 'Issuer', which has no Default; give its value with --parameter-overrides"
                + " Issuer=VALUE"),
        org.assertj.core.groups.Tuple.tuple("/Resources/Fn/Properties/Events/Get/Properties/ApiId",
            "ApiId names no AWS::Serverless::HttpApi of the template (SAM refuses the template)"));
    assertThat(template.problems()).allSatisfy(p -> assertThat(p.level()).isIn(Level.ERROR, Level.INFO,
        Level.WARNING));
  }

  static java.util.List<String> problems(TemplateResult template, Level level) {
    return template.problems().stream().filter(p -> p.level() == level).map(p -> p.pointer() + ": " + p.message())
        .toList();
  }

  /** A SAM function's events and a raw Route resource on the same HttpApi (aws-samples' SQS header pattern). */
  @Test
  void routeResourcesNamingASamHttpApiAddTheirRoutesAsCloudFormationCreatesThem() {
    TemplateResult template = read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api: {Type: AWS::Serverless::HttpApi}",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: java21, Handler: a.B, CodeUri: ., Events: {Get: {Type: HttpApi, Properties:"
            + " {ApiId: !Ref Api, Path: /a, Method: get}}}}",
        "  Forward: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: HTTP_PROXY,"
            + " IntegrationUri: 'https://backend.example/b', IntegrationMethod: POST, PayloadFormatVersion: '1.0'}}",
        "  PostB: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !GetAtt Api.ApiId, RouteKey: 'POST /b',"
            + " Target: !Sub 'integrations/${Forward}'}}",
        "  Twice: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: 'GET /a',"
            + " Target: !Sub 'integrations/${Forward}'}}",
        "  OnImplicit: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref ServerlessHttpApi,"
            + " RouteKey: 'GET /c', Target: !Sub 'integrations/${Forward}'}}",
        "  Elsewhere: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: abc123, RouteKey: 'GET /d',"
            + " Target: !Sub 'integrations/${Forward}'}}",
        "  Typo: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: 'GET /e',"
            + " AuthorizationType: JTW, Target: !Sub 'integrations/${Forward}'}}",
        ""));

    assertThat(template.apis()).singleElement().satisfies(api -> assertThat(Describe.api(api)).containsExactly(
        "route GET /a -> lambda Fn v2.0",
        "route POST /b -> http POST https://backend.example/b v1.0",
        "stage $default {}"));
    // a typo in AuthorizationType must not open the route: it is refused, not served without authorization
    assertThat(problems(template, Level.ERROR)).containsExactlyInAnyOrder(
        "/Resources/Twice/Properties/RouteKey: route 'GET /a' is already in the API's definition (CloudFormation"
            + " fails creating this Route: the key exists); the definition's route is served",
        "/Resources/Typo/Properties/AuthorizationType: 'JTW' is not an HTTP API authorization type (NONE, JWT,"
            + " CUSTOM, AWS_IAM)");
    // no route is lost without a word: ServerlessHttpApi does not exist (no event makes it), abc123 is not here
    assertThat(problems(template, Level.WARNING)).containsExactlyInAnyOrder(
        "/Resources/OnImplicit/Properties/ApiId: OnImplicit names 'ServerlessHttpApi', which is no HTTP API Portico"
            + " serves from this template; its route is not served",
        "/Resources/Elsewhere/Properties/ApiId: Elsewhere names 'abc123', which is no HTTP API Portico serves from"
            + " this template; its route is not served");
  }

  @Test
  void theImplicitApiTakesRouteResourcesThatNameIt() {
    TemplateResult template = read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: java21, Handler: a.B, CodeUri: ., Events: {Get: {Type: HttpApi, Properties:"
            + " {Path: /a, Method: get}}}}",
        "  Forward: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref ServerlessHttpApi,"
            + " IntegrationType: HTTP_PROXY, IntegrationUri: 'https://backend.example/', PayloadFormatVersion: '1.0'}}",
        "  Extra: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref ServerlessHttpApi, RouteKey: 'ANY /x',"
            + " Target: !Join [/, [integrations, !Ref Forward]]}}",
        ""));

    assertThat(template.errors()).isEmpty();
    assertThat(Describe.api(template.apis().get(0))).containsExactly(
        "route ANY /x -> http ANY https://backend.example/ v1.0",
        "route GET /a -> lambda Fn v2.0",
        "stage $default {}");
  }

  /** CloudFormation keeps a duplicate key's last value (cfn-lint E0000); Portico does the same and says so. */
  @Test
  void aDuplicateKeyKeepsTheLastValueWithAWarningNamingBothLines() {
    TemplateResult template = read(String.join("\n",
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGatewayV2::Api",
        "    Properties:",
        "      Name: first",
        "      ProtocolType: HTTP",
        "      Target: 'https://one.example'",
        "      Target: 'https://two.example'",
        ""));

    assertThat(problems(template, Level.WARNING)).containsExactly("/Resources/Api/Properties/Target: duplicate key"
        + " 'Target' (lines 7 and 8): CloudFormation keeps the last value, and so does Portico; cfn-lint reports it"
        + " as E0000");
    assertThat(Describe.api(template.apis().get(0))).contains("route $default -> http ANY https://two.example v1.0");
  }

  /** As sam local: an environment value Portico cannot know reaches the function as '' (a warning, not an error). */
  @Test
  void anUnresolvableEnvironmentValueIsEmptyWithAWarningAndTheOthersStay() {
    TemplateResult template = read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Endpoint: {Type: String}",
        "Resources:",
        "  Queue: {Type: AWS::SQS::Queue}",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: java21",
        "      Handler: a.B",
        "      CodeUri: .",
        "      Environment:",
        "        Variables: {QUEUE_ARN: !GetAtt Queue.Arn, ENDPOINT: !Ref Endpoint, QUEUE_URL: !Ref Queue, MODE: dev}",
        ""));

    assertThat(template.errors()).isEmpty();
    assertThat(template.function("Fn").orElseThrow().environment()).containsExactlyInAnyOrderEntriesOf(
        java.util.Map.of("QUEUE_ARN", "", "ENDPOINT", "", "QUEUE_URL", "Queue", "MODE", "dev"));
    assertThat(problems(template, Level.WARNING)).containsExactlyInAnyOrder(
        "/Resources/Fn/Properties/Environment/Variables/QUEUE_ARN/Fn::GetAtt: Fn::GetAtt Queue.Arn: Portico cannot"
            + " know this attribute of a AWS::SQS::Queue without AWS; give its value with --get-att Queue.Arn=VALUE;"
            + " the function sees QUEUE_ARN='' (as sam local gives an unresolved value); give it with --env-vars",
        "/Resources/Fn/Properties/Environment/Variables/ENDPOINT/Ref: Ref to parameter 'Endpoint', which has no"
            + " Default; give its value with --parameter-overrides Endpoint=VALUE; the function sees ENDPOINT='' (as"
            + " sam local gives an unresolved value); give it with --env-vars");
  }

  /** A nested stack's outputs (aws-samples' cognito-httpapi): every unknown named at once, and each can be given. */
  @Test
  void attributesOnlyAwsKnowsAreAllReportedAndCanBeGiven() {
    String yaml = String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  AuthStack: {Type: AWS::Serverless::Application, Properties: {Location: auth.yaml}}",
        "  Api:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      Auth:",
        "        DefaultAuthorizer: Jwt",
        "        Authorizers:",
        "          Jwt: {IdentitySource: $request.header.Authorization, JwtConfiguration: {issuer: !GetAtt"
            + " AuthStack.Outputs.Issuer, audience: [!GetAtt AuthStack.Outputs.ClientId]}}",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties: {Runtime: java21, Handler: a.B, CodeUri: ., Events: {Get: {Type: HttpApi, Properties:"
            + " {ApiId: !Ref Api, Path: /a, Method: get}}}}",
        "");

    TemplateResult unknown = read(yaml);
    TemplateResult given = read(yaml, TemplateOptions.builder()
        .attribute("AuthStack.Outputs.Issuer", "https://issuer.example")
        .attribute("AuthStack.Outputs.ClientId", "client-1").build());

    assertThat(problems(unknown, Level.ERROR)).containsExactly(
        "/Resources/Api/Properties/Auth/Authorizers/Jwt/JwtConfiguration/issuer/Fn::GetAtt: Fn::GetAtt"
            + " AuthStack.Outputs.Issuer: Portico cannot know this attribute of a AWS::Serverless::Application"
            + " without AWS; give its value with --get-att AuthStack.Outputs.Issuer=VALUE",
        "/Resources/Api/Properties/Auth/Authorizers/Jwt/JwtConfiguration/audience/0/Fn::GetAtt: Fn::GetAtt"
            + " AuthStack.Outputs.ClientId: Portico cannot know this attribute of a AWS::Serverless::Application"
            + " without AWS; give its value with --get-att AuthStack.Outputs.ClientId=VALUE");
    assertThat(given.errors()).isEmpty();
    assertThat(Describe.api(given.apis().get(0))).contains("route GET /a -> lambda Fn v2.0 [JWT Jwt]",
        "authorizer Jwt jwt https://issuer.example [client-1] $request.header.Authorization");
  }

  @Test
  void anAttributeNameMustBeLogicalIdDotAttribute() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> TemplateOptions.builder().attribute("AuthStack", "x").build())
        .withMessage("attribute 'AuthStack' must be LogicalId.Attribute, as Fn::GetAtt names it (e.g."
            + " AuthStack.Outputs.Issuer)");
  }

  /** Issue 20: an HTTP_PROXY uri only AWS knows leaves the route unavailable (500) with a warning; a Lambda one fails. */
  @Test
  void anUnresolvableProxyUriIsAWarningAndAnUnresolvableLambdaUriAnError() {
    TemplateResult template = read(String.join("\n",
        "Resources:",
        "  Service: {Type: AWS::ECS::Service}",
        "  Api: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: a, ProtocolType: HTTP}}",
        "  Proxy: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: HTTP_PROXY,"
            + " IntegrationMethod: ANY, PayloadFormatVersion: '1.0', IntegrationUri: !GetAtt Service.Endpoint}}",
        "  Lambda: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: AWS_PROXY,"
            + " PayloadFormatVersion: '2.0', IntegrationUri: !GetAtt Service.Arn}}",
        "  ToProxy: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: 'ANY /svc/{proxy+}',"
            + " Target: !Sub 'integrations/${Proxy}'}}",
        "  ToLambda: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: 'GET /fn',"
            + " Target: !Sub 'integrations/${Lambda}'}}",
        ""));

    assertThat(problems(template, Level.WARNING)).containsExactly("/Resources/Proxy/Properties/IntegrationUri:"
        + " Fn::GetAtt Service.Endpoint: Portico cannot know this attribute of a AWS::ECS::Service without AWS; give"
        + " its value with --get-att Service.Endpoint=VALUE; the route answers 500 until its integration is bound"
        + " (portico serve --integration 'ROUTE=URL')");
    assertThat(problems(template, Level.ERROR)).containsExactly("/Resources/Lambda/Properties/IntegrationUri:"
        + " Fn::GetAtt Service.Arn: Portico cannot know this attribute of a AWS::ECS::Service without AWS; give its"
        + " value with --get-att Service.Arn=VALUE");
  }

  /**
   * SAM's rule, pinned on its own test input (http_api_explicit_stage: Globals, the API and an event all set
   * route settings for $default): the event's values win, the rest merge; its expected output has burst 300 and
   * rate 0.7, which the corpus test also compares.
   */
  @Test
  void routeSettingsMergeGlobalsTheApiAndEventsAsSamDoes() throws java.io.IOException {
    TemplateResult template = TemplateReader.read(SamTranslatorCorpusTest.CORPUS.resolve(
        "input/http_api_explicit_stage.yaml"));

    assertThat(template.api("MyApi").orElseThrow().routeSettings()).hasToString(
        "{$default=burst=300 rate=0.7 detailedMetrics=-}");
    TemplateResult invalid = read(String.join("\n",
        "Resources:",
        "  Api: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: a, ProtocolType: HTTP, Target: 'https://b.example'}}",
        "  Stage: {Type: AWS::ApiGatewayV2::Stage, Properties: {ApiId: !Ref Api, StageName: $default,"
            + " DefaultRouteSettings: {ThrottlingBurstLimit: -1}, RouteSettings: {'GET /nope': {ThrottlingRateLimit: 5}}}}",
        ""));
    assertThat(problems(invalid, Level.ERROR)).containsExactly("/Resources/Stage/Properties/DefaultRouteSettings/"
        + "ThrottlingBurstLimit: ThrottlingBurstLimit must be a whole number of requests, at least 0, got -1");
    assertThat(problems(invalid, Level.WARNING)).containsExactly("/Resources/Stage/Properties/RouteSettings/GET ~1nope:"
        + " RouteSettings names 'GET /nope', which is no route of the API (routes: $default)");
  }

  /** Issue 20: custom domains and API mappings are kept for the domains issue, as SAM and CloudFormation make them. */
  @Test
  void customDomainsAndMappingsAreReadFromSamAndCloudFormation() {
    TemplateResult template = read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Orders:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      StageName: prod",
        "      Domain: {DomainName: api.example.com, CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/1,"
            + " BasePath: [/orders, /orders/v2/, /], MutualTlsAuthentication: {TruststoreUri: 's3://trust/store.pem'}}",
        "  Items: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: items, ProtocolType: HTTP, Target:"
            + " 'https://items.example'}}",
        "  ItemsStage: {Type: AWS::ApiGatewayV2::Stage, Properties: {ApiId: !Ref Items, StageName: v1}}",
        "  Other: {Type: AWS::ApiGatewayV2::DomainName, Properties: {DomainName: '*.example.org'}}",
        "  ToItems: {Type: AWS::ApiGatewayV2::ApiMapping, Properties: {DomainName: !Ref Other, ApiId: !Ref Items,"
            + " Stage: !Ref ItemsStage, ApiMappingKey: items}}",
        "  AlsoOnApi: {Type: AWS::ApiGatewayV2::ApiMapping, Properties: {DomainName: api.example.com,"
            + " ApiId: !GetAtt Items.ApiId, Stage: v1, ApiMappingKey: orders/v2/items}}",
        ""));

    assertThat(template.errors()).isEmpty();
    assertThat(SamTranslatorCorpusTest.domains(template)).containsExactly(
        "domain *.example.org truststore=-",
        "domain api.example.com truststore=s3://trust/store.pem",
        "mapping *.example.org 'items' -> Items v1",
        "mapping api.example.com '' -> Orders prod",
        "mapping api.example.com 'orders' -> Orders prod",
        "mapping api.example.com 'orders/v2' -> Orders prod",
        "mapping api.example.com 'orders/v2/items' -> Items v1");
    assertThat(template.domains().get(0).mappings().get(1).pointer())
        .isEqualTo("/Resources/Orders/Properties/Domain/BasePath/1");

    TemplateResult refused = read(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Orders:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      Domain: {DomainName: api.example.com, CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/1,"
            + " BasePath: ['/orders?v=2']}",
        ""));
    assertThat(problems(refused, Level.ERROR)).containsExactly("/Resources/Orders/Properties/Domain/BasePath/0:"
        + " Invalid Basepath name provided. (SAM takes letters, digits, '/', '-' and '_')");
  }

  /** Issue 20: "BodyS3Location only as a local path the user maps"; the same for SAM's DefinitionUri and includes. */
  @Test
  void s3ObjectsAreReadFromTheLocalCopiesTheUserMaps(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path copy = dir.resolve("orders-api.yaml");
    java.nio.file.Files.writeString(copy, String.join("\n",
        "openapi: 3.0.1",
        "info: {title: orders, version: '1'}",
        "paths:",
        "  /orders:",
        "    get:",
        "      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'https://orders.example',"
            + " payloadFormatVersion: '1.0'}",
        ""));
    String yaml = String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Cfn: {Type: AWS::ApiGatewayV2::Api, Properties: {BodyS3Location: {Bucket: defs, Key: orders.yaml}}}",
        "  Sam: {Type: AWS::Serverless::HttpApi, Properties: {DefinitionUri: {Bucket: defs, Key: orders.yaml}}}",
        "  Included:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      DefinitionBody: {'Fn::Transform': {Name: AWS::Include, Parameters: {Location: 's3://defs/orders.yaml'}}}",
        "");

    TemplateResult mapped = read(yaml, TemplateOptions.builder().s3Object("s3://defs/orders.yaml", copy).build());

    assertThat(mapped.errors()).isEmpty();
    assertThat(mapped.apis()).hasSize(3).allSatisfy(api -> assertThat(Describe.api(api))
        .contains("route GET /orders -> http GET https://orders.example v1.0"));
    assertThat(mapped.includedFiles()).containsExactly(copy);
    assertThat(read(yaml).errors()).extracting(ImportProblem::message).containsOnly("'s3://defs/orders.yaml' is an"
        + " S3 object: give its local copy with --s3-object s3://defs/orders.yaml=FILE (TemplateOptions.s3Object), or"
        + " name the copy in the template").hasSize(3);
  }
}
