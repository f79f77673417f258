package dev.portico.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.portico.integration.InvocationContext;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.aws.handlers.PetsHandler;
import dev.portico.integration.aws.handlers.RawHandler;
import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyEvents;
import dev.portico.payload.ProxyRequest;
import dev.portico.payload.ProxyResponse;
import dev.portico.payload.ProxyResponses;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real aws-lambda-java-core handlers, serialized by aws-lambda-java-serialization as the Lambda runtime does. */
class AwsLambdaHandlersTest {
  static final Clock CLOCK = Clock.systemUTC();

  static byte[] event(PayloadFormat format) {
    ProxyRequest request = ProxyRequest.builder().method("GET").path("/pets/7").header("host", "api.example.com")
        .routeKey("GET /pets/{id}").pathParameter("id", "7").sourceIp("192.0.2.1").requestId("req-1")
        .time(Instant.parse("2026-11-21T10:00:00Z")).apiId("api1").accountId("123456789012")
        .domainName("api.example.com").build();
    return ProxyEvents.encode(request, format);
  }

  static InvocationContext context(String name) {
    return new InvocationContext("req-1", name, CLOCK.instant().plusSeconds(30), CLOCK);
  }

  static ProxyResponse run(LambdaFunction function, String name) throws Exception {
    return ProxyResponses.decode(function.handle(event(PayloadFormat.V2_0), context(name)), PayloadFormat.V2_0);
  }

  static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void requestHandlerWithEventTypes() throws Exception {
    ProxyResponse response = run(AwsLambdaHandlers.requestHandler(new PetsHandler()), "pets");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("pet 7 via GET /pets/7 for pets req-1 true");
  }

  @Test
  void readInputSeesTheEventAsAHandlerWould() {
    APIGatewayV2HTTPEvent event = AwsLambdaHandlers.readInput(event(PayloadFormat.V2_0), APIGatewayV2HTTPEvent.class);
    assertThat(event.getRouteKey()).isEqualTo("GET /pets/{id}");
    assertThat(event.getPathParameters()).containsEntry("id", "7");
    assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("192.0.2.1");
    assertThat(event.getRequestContext().getRequestId()).isEqualTo("req-1");
  }

  @Test
  void readInputRefusesJsonOfTheWrongShape() {
    assertThatThrownBy(() -> AwsLambdaHandlers.readInput("[1,2]".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        APIGatewayV2HTTPEvent.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot read the JSON as " + APIGatewayV2HTTPEvent.class.getName());
  }

  @Test
  void streamHandler() throws Exception {
    ProxyResponse response = run(AwsLambdaHandlers.streamHandler(new RawHandler()), "raw");
    assertThat(response.bodyText()).isEqualTo(Integer.toString(event(PayloadFormat.V2_0).length));
  }

  @Test
  void loadedHandlersGetTheirOwnClassLoaderStaticsAndContextLoader() throws Exception {
    List<Path> classpath = List.of(location(PetsHandler.class), location(APIGatewayV2HTTPEvent.class));
    try (URLClassLoader first = AwsLambdaHandlers.functionClassLoader("first", classpath);
        URLClassLoader second = AwsLambdaHandlers.functionClassLoader("second", classpath)) {
      LambdaFunction a = AwsLambdaHandlers.load(PetsHandler.class.getName(), first);
      LambdaFunction b = AwsLambdaHandlers.load(PetsHandler.class.getName(), second);
      int hostInstances = PetsHandler.INSTANCES.get();
      ProxyResponse fromA = run(a, "first");
      run(a, "first");
      ProxyResponse fromB = run(b, "second");
      // Each loader has its own PetsHandler class, so its own static counter: both start at 1, constructed once.
      assertThat(fromA.headers().get("x-instance")).containsExactly("1");
      assertThat(run(a, "first").headers().get("x-instance")).containsExactly("1");
      assertThat(fromB.headers().get("x-instance")).containsExactly("1");
      assertThat(PetsHandler.INSTANCES.get()).isEqualTo(hostInstances);
      assertThat(fromA.headers().get("x-loader")).containsExactly("own");
      assertThat(first.loadClass(PetsHandler.class.getName())).isNotSameAs(PetsHandler.class);
      assertThat(first.loadClass("com.amazonaws.services.lambda.runtime.Context"))
          .isSameAs(com.amazonaws.services.lambda.runtime.Context.class);
    }
  }

  @Test
  void warmUpDoesTheColdStartOnceBeforeTheFirstInvocation() throws Exception {
    List<Path> classpath = List.of(location(PetsHandler.class), location(APIGatewayV2HTTPEvent.class));
    try (URLClassLoader own = AwsLambdaHandlers.functionClassLoader("warm", classpath)) {
      LambdaFunction pets = AwsLambdaHandlers.load(PetsHandler.class.getName(), own);
      Class<?> loaded = own.loadClass(PetsHandler.class.getName());
      java.util.concurrent.atomic.AtomicInteger instances =
          (java.util.concurrent.atomic.AtomicInteger) loaded.getField("INSTANCES").get(null);
      assertThat(instances.get()).as("loading finds the class only").isZero();

      pets.warmUp();
      assertThat(instances.get()).as("constructed by the warm-up").isEqualTo(1);
      // the serializers are primed on an empty event, never by calling the handler
      assertThat(((java.util.concurrent.atomic.AtomicInteger) loaded.getField("CALLS").get(null)).get()).isZero();
      pets.warmUp();
      assertThat(run(pets, "warm").headers().get("x-instance")).containsExactly("1");
      assertThat(instances.get()).as("the first invocation reuses the warm instance").isEqualTo(1);
      assertThat(pets.withReservedConcurrency(2).toString()).contains(PetsHandler.class.getName());
    }
  }

  /** Issue 20: each function sees its own Environment.Variables through System.getenv, as on Lambda. */
  @Test
  void eachFunctionSeesItsOwnEnvironmentAndTheHostsIsUnchanged() throws Exception {
    List<Path> classpath = List.of(location(dev.portico.integration.aws.handlers.EnvHandler.class));
    String handler = "dev.portico.integration.aws.handlers.EnvHandler::handle";
    try (URLClassLoader orders = AwsLambdaHandlers.functionClassLoader("orders", classpath,
            java.util.Map.of("PORTICO_TEST_TABLE", "orders"));
        URLClassLoader users = AwsLambdaHandlers.functionClassLoader("users", classpath,
            java.util.Map.of("PORTICO_TEST_TABLE", "users"));
        URLClassLoader none = AwsLambdaHandlers.functionClassLoader("none", classpath)) {
      assertThat(answer(AwsLambdaHandlers.load(handler, orders)))
          .isEqualTo("orders,orders,orders,orders,true,dev.portico.integration.aws.handlers");
      assertThat(answer(AwsLambdaHandlers.load(handler, users)))
          .isEqualTo("users,users,users,users,true,dev.portico.integration.aws.handlers");
      assertThat(answer(AwsLambdaHandlers.load(handler, none))).startsWith("null,null,null,null,true,");
      assertThat(System.getenv("PORTICO_TEST_TABLE")).as("the host's environment is unchanged").isNull();
      Class<?> loaded = orders.loadClass("dev.portico.integration.aws.handlers.EnvHandler");
      assertThat(loaded.getProtectionDomain().getCodeSource().getLocation().toURI())
          .as("a rewritten class keeps its code source").isEqualTo(classpath.get(0).toUri());
    }
  }

  private static String answer(LambdaFunction function) throws Exception {
    return new String(function.handle("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), context("env")),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void methodHandlersPickTheOverloadWithMostParameters() throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    LambdaFunction hello = AwsLambdaHandlers.load("dev.portico.integration.aws.handlers.Methods::hello", loader);
    assertThat(run(hello, "greeter").bodyText()).isEqualTo("hello greeter 2.0");
    LambdaFunction shout = AwsLambdaHandlers.load("dev.portico.integration.aws.handlers.Methods::shout", loader);
    byte[] out = shout.handle("\"quiet\"".getBytes(java.nio.charset.StandardCharsets.UTF_8), context("shout"));
    assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\"LOUD\"");
    LambdaFunction broken = AwsLambdaHandlers.load("dev.portico.integration.aws.handlers.Methods::broken", loader);
    assertThatThrownBy(() -> run(broken, "broken")).isInstanceOf(IllegalStateException.class)
        .hasMessage("handler failure");
  }

  @Test
  void badHandlersFailWithTheirName() {
    ClassLoader loader = getClass().getClassLoader();
    assertThatThrownBy(() -> AwsLambdaHandlers.load("com.example.Missing", loader))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.example.Missing")
        .hasMessageContaining("cannot be loaded");
    assertThatThrownBy(() -> AwsLambdaHandlers.load("dev.portico.integration.aws.handlers.NotAHandler", loader))
        .hasMessageContaining("implements neither RequestHandler nor RequestStreamHandler");
    assertThatThrownBy(() -> AwsLambdaHandlers.load("dev.portico.integration.aws.handlers.Methods::nope", loader))
        .hasMessageContaining("has no public method nope");
    assertThatThrownBy(() -> AwsLambdaHandlers.load("dev.portico.integration.aws.handlers.Methods::twice", loader))
        .hasMessageContaining("several methods twice");
  }

  @Test
  void contextCarriesTheInvocation() {
    LambdaContext context = new LambdaContext(new InvocationContext("id-9", "orders:live",
        CLOCK.instant().plusSeconds(5), CLOCK));
    assertThat(context.getAwsRequestId()).isEqualTo("id-9");
    assertThat(context.getFunctionName()).isEqualTo("orders");
    assertThat(context.getInvokedFunctionArn()).endsWith(":function:orders:live");
    assertThat(context.getRemainingTimeInMillis()).isBetween(1, 5000);
    assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/orders");
  }
}
