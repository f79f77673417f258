package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.OrdersHandler;
import dev.portico.integration.aws.AwsLambdaHandlers;
import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyRequest;
import dev.portico.payload.ProxyResponse;
import dev.portico.payload.ProxyResponses;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every javadoc example of the package, verbatim (the build checks that each one appears in a test), kept
 * compiling and true: the assertions after each pin what its comments promise.
 */
class IntegrationExamplesTest {
  static final Clock CLOCK = Clock.systemUTC();
  static final ProxyRequest REQUEST = ProxyRequest.builder().method("GET").path("/pets").sourceIp("192.0.2.1")
      .requestId("r-1").time(Instant.now()).apiId("api1").accountId("123456789012").domainName("api.example.com")
      .routeKey("GET /pets").header("authorization", "secret-token").build();

  private final Clock clock = CLOCK;
  private final ProxyRequest proxyRequest = REQUEST;

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private IntegrationRequest call() {
    return IntegrationRequest.of(REQUEST, PayloadFormat.V2_0, CLOCK.instant().plusSeconds(30), CLOCK);
  }

  private static InvocationContext context(String name) {
    return new InvocationContext("r-1", name, CLOCK.instant().plusSeconds(30), CLOCK);
  }

  @Test
  void packageExample() throws Exception {
    // A Lambda-style function, in process:
    Integration hello = LambdaIntegration.of("hello", (event, context) ->
        "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8));

    // An HTTP backend:
    Integration backend = HttpProxyIntegration.builder("http://127.0.0.1:8080/{proxy}").build();

    // A Lambda REQUEST authorizer with simple responses:
    LambdaAuthorizer authorizer = LambdaAuthorizer.of("auth", (event, context) ->
        "{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8));

    assertThat(await(hello.invoke(call())).bodyText()).isEqualTo("hello");
    assertThat(backend.payloadFormats()).containsExactly(PayloadFormat.V1_0);
    AuthorizerResponse answer = await(authorizer.authorize(new AuthorizerRequest(REQUEST, PayloadFormat.V2_0, true,
        "arn:aws:execute-api:us-east-1:123456789012:api1/$default/GET/pets", List.of("secret-token"),
        CLOCK.instant().plusSeconds(10), CLOCK)));
    assertThat(answer.allows("arn:aws:execute-api:us-east-1:123456789012:api1/$default/GET/pets")).isTrue();
  }

  @Test
  void lambdaAuthorizerAndAuthorizerRequestExamples() throws Exception {
    LambdaAuthorizer authorizer = LambdaAuthorizer.of("check-token", (event, context) -> {
      boolean ok = new String(event, StandardCharsets.UTF_8).contains("\"secret-token\"");
      return ("{\"isAuthorized\":" + ok + ",\"context\":{\"tenant\":\"t1\"}}").getBytes(StandardCharsets.UTF_8);
    });

    AuthorizerRequest call = new AuthorizerRequest(proxyRequest, PayloadFormat.V2_0, true,
        "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets",
        List.of("Bearer abc"), clock.instant().plusSeconds(10), clock);

    AuthorizerResponse answer = await(authorizer.authorize(call));
    assertThat(answer.allows(call.routeArn())).isTrue(); // the event carries the request's authorization header
    assertThat(answer.context()).containsEntry("tenant", "t1");
    AuthorizerRequest stranger = new AuthorizerRequest(proxyRequest.toBuilder().header("authorization", "guess")
        .build(), PayloadFormat.V2_0, true, call.routeArn(), List.of("guess"), call.deadline(), clock);
    assertThat(await(authorizer.authorize(stranger)).allows(call.routeArn())).isFalse();
  }

  @Test
  void authorizerResponseExample() {
    String routeArn = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets";

    AuthorizerResponse simple = AuthorizerResponse.simple(true, Map.of("tenant", "t1"));
    simple.allows(routeArn);   // true

    assertThat(simple.allows(routeArn)).isTrue();
    assertThat(AuthorizerResponse.simple(false, Map.of()).allows(routeArn)).isFalse();
  }

  @Test
  void httpProxyIntegrationExample() {
    HttpClient sharedClient = HttpClient.newHttpClient();

    Integration backend = HttpProxyIntegration.builder("https://backend.internal/pets/{id}").build();
    Integration everything = HttpProxyIntegration.builder("http://127.0.0.1:8080/${stageVariables.prefix}/{proxy}")
        .method("POST")                      // default: the request's own method
        .httpClient(sharedClient)
        .build();

    assertThat(((HttpProxyIntegration) backend).method()).isEmpty();
    assertThat(((HttpProxyIntegration) everything).method()).contains("POST");
    assertThat(((HttpProxyIntegration) everything).uri())
        .isEqualTo("http://127.0.0.1:8080/${stageVariables.prefix}/{proxy}");
  }

  @Test
  void integrationExample() throws Exception {
    Integration hello = request -> CompletableFuture.completedFuture(
        ProxyResponse.builder().statusCode(200).header("content-type", "text/plain").body("hello").build());

    ProxyResponse response = await(hello.invoke(call()));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("hello");
  }

  @Test
  void integrationConfigExceptionExample() {
    try {
      HttpProxyIntegration.builder("ftp://files.example.com/x").build();
    } catch (IntegrationConfigException e) {
      e.field();   // "uri"
    }

    assertThatThrownBy(() -> HttpProxyIntegration.builder("ftp://files.example.com/x").build())
        .isInstanceOfSatisfying(IntegrationConfigException.class, e -> assertThat(e.field()).isEqualTo("uri"));
  }

  /** IntegrationException's example, in the integration it comes from. */
  private static CompletionStage<ProxyResponse> refused(IOException e) {
    return CompletableFuture.failedFuture(IntegrationException.failed("backend refused the connection", e));
  }

  @Test
  void integrationExceptionExample() {
    assertThatThrownBy(() -> await(refused(new ConnectException("Connection refused"))))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(IntegrationException.class, e -> {
          assertThat(e.kind()).isEqualTo(IntegrationException.Kind.FAILED);
          assertThat(e).hasMessage("backend refused the connection").hasCauseInstanceOf(ConnectException.class);
        });
  }

  @Test
  void integrationRequestExample() {
    IntegrationRequest call = IntegrationRequest.of(proxyRequest, PayloadFormat.V2_0,
        clock.instant().plusSeconds(30), clock);
    byte[] event = call.event();          // the Lambda event, encoded once, on first use
    Duration left = call.remainingTime();

    assertThat(call.event()).isSameAs(event);
    assertThat(new String(event, StandardCharsets.UTF_8)).contains("\"routeKey\":\"GET /pets\"");
    assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void invocationContextExample() throws Exception {
    LambdaFunction slow = (event, context) -> {
      context.logger().log(System.Logger.Level.INFO, "request " + context.requestId());
      if (context.remainingTime().toMillis() < 100) {
        throw new IllegalStateException("not enough time left");
      }
      return event;
    };

    byte[] event = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(slow.handle(event, context("slow"))).isSameAs(event);
    InvocationContext late = new InvocationContext("r-2", "slow", CLOCK.instant().plusMillis(50), CLOCK);
    assertThatThrownBy(() -> slow.handle(event, late)).hasMessage("not enough time left");
  }

  @Test
  void lambdaFunctionExample() throws Exception {
    LambdaFunction hello = (event, context) ->
        ("{\"statusCode\":200,\"body\":\"hello from " + context.functionName() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    Integration integration = LambdaIntegration.of("hello", hello);

    assertThat(await(integration.invoke(call())).bodyText()).isEqualTo("hello from hello");
  }

  @Test
  void lambdaFunctionWarmUpExample() throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    String handler = "dev.portico.integration.aws.handlers.PetsHandler";
    LambdaFunction pets = AwsLambdaHandlers.load(handler, loader);   // "com.example.PetsHandler"
    int before = dev.portico.integration.aws.handlers.PetsHandler.INSTANCES.get();
    pets.warmUp();   // the cold start happens here, not in the first request

    assertThat(dev.portico.integration.aws.handlers.PetsHandler.INSTANCES.get()).isEqualTo(before + 1);
    LambdaFunction plain = (event, context) -> event;
    plain.warmUp(); // nothing to prepare
    assertThat(plain.handle(new byte[] {1}, context("plain"))).containsExactly(1);
  }

  @Test
  void lambdaFunctionWithReservedConcurrencyExample() throws Exception {
    LambdaFunction orders = AwsLambdaHandlers.requestHandler(new OrdersHandler()).withReservedConcurrency(10);

    byte[] answer = orders.handle(call().event(), context("orders"));
    assertThat(ProxyResponses.decode(answer, PayloadFormat.V2_0).bodyText()).isEqualTo("order new for orders");
    assertThatThrownBy(() -> orders.withReservedConcurrency(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lambdaIntegrationExample() throws Exception {
    ExecutorService myExecutor = Executors.newFixedThreadPool(2);
    try {
      Integration pets = LambdaIntegration.of("pets", (event, context) ->
          "{\"statusCode\":200,\"body\":\"[]\"}".getBytes(StandardCharsets.UTF_8));

      Integration handlers = LambdaIntegration.builder("orders", AwsLambdaHandlers.requestHandler(new OrdersHandler()))
          .executor(myExecutor)
          .build();

      assertThat(await(pets.invoke(call())).bodyText()).isEqualTo("[]");
      ProxyResponse order = await(handlers.invoke(call()));
      assertThat(order.statusCode()).isEqualTo(201);
      assertThat(order.bodyText()).isEqualTo("order new for orders");
    } finally {
      myExecutor.shutdownNow();
    }
  }

  @Test
  void policyStatementExample() {
    PolicyStatement allow = new PolicyStatement(true, List.of("execute-api:Invoke"),
        List.of("arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets/*"));
    allow.covers("arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets/7");   // true

    assertThat(allow.covers("arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets/7")).isTrue();
    assertThat(allow.covers("arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/owners/7")).isFalse();
  }

  @Test
  void stageVariableNamesExample() {
    StageVariableNames.isValid("backend_host");   // true
    StageVariableNames.isValid("backend-host");   // false

    assertThat(StageVariableNames.isValid("backend_host")).isTrue();
    assertThat(StageVariableNames.isValid("backend-host")).isFalse();
  }
}
