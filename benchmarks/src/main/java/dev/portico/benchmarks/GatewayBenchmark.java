package dev.portico.benchmarks;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.cors.CorsConfiguration;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.GatewayResponse;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyEvents;
import dev.portico.payload.ProxyRequest;
import dev.portico.payload.ProxyResponse;
import dev.portico.payload.ProxyResponses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full {@code Gateway.handle} for a 300-route API: stage, route, (CORS), (JWT from the verified-token cache),
 * v2 event encoding, a Lambda function returning a small JSON body, response decoding, AWS headers. Side by side:
 * <ul>
 *   <li>{@code payload-floor}: only what any in-process Lambda adapter must do — build the request, encode the v2
 *       event, call the function, decode its response — with no routing, no checks, no headers;</li>
 *   <li>{@code gateway}: the whole pipeline, no CORS, no authorizer;</li>
 *   <li>{@code gateway-cors}: with a CORS configuration and an {@code Origin} header;</li>
 *   <li>{@code gateway-jwt}: with a JWT authorizer (RS256, cached token) on the route.</li>
 * </ul>
 * The function runs on the calling thread (a direct executor), so the figures are the gateway's own cost, not a
 * thread hand-off.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GatewayBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GatewayBenchmark {
  private static final byte[] ANSWER =
      "{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"ok\\\":true}\"}"
          .getBytes(StandardCharsets.UTF_8);

  @Param({"payload-floor", "gateway", "gateway-cors", "gateway-jwt"})
  public String variant;

  private Gateway gateway;
  private GatewayRequest request;
  private LambdaFunction function;
  private LoopbackIssuer issuer;
  private final Clock clock = Clock.systemUTC();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    function = (event, context) -> ANSWER;
    LambdaIntegration integration = LambdaIntegration.builder("items", function).executor(Runnable::run).build();
    HttpApi.Builder api = HttpApi.builder();
    boolean jwt = variant.equals("gateway-jwt");
    for (int i = 0; i < 75; i++) {
      api.route(route("GET /svc" + i + "/items/{id}", integration, jwt));
      api.route(route("POST /svc" + i + "/items", integration, jwt));
      api.route(route("GET /svc" + i + "/items/{id}/tags/{tag}", integration, jwt));
      api.route(route("ANY /svc" + i + "/{proxy+}", integration, jwt));
    }
    GatewayRequest.Builder builder = GatewayRequest.builder().method("GET").target("/svc37/items/42?expand=owner")
        .header("host", "api.example.com").header("user-agent", "curl/8.5.0").header("accept", "application/json")
        .sourceIp("192.0.2.10");
    if (variant.equals("gateway-cors")) {
      api.cors(CorsConfiguration.builder().allowOrigins("https://app.example.com").allowMethods("GET", "POST").build());
      builder.header("origin", "https://app.example.com");
    }
    if (jwt) {
      issuer = new LoopbackIssuer();
      api.authorizer(Authorizer.jwt("pool",
          JwtAuthorizerConfig.builder().issuer(issuer.issuer()).audiences("pets-api").build()));
      builder.header("authorization", "Bearer " + issuer.cognitoLikeToken());
    }
    gateway = Gateway.create(api.build());
    request = builder.build();
    if (handle().hashCode() != 200) {
      throw new IllegalStateException(variant + " did not answer 200");
    }
  }

  private static Route route(String key, LambdaIntegration integration, boolean jwt) {
    Route.Builder route = Route.builder(key, integration);
    return (jwt ? route.jwt("pool", "pets/read") : route).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (issuer != null) {
      issuer.close();
    }
  }

  /** Returns the status code (as an object JMH consumes). */
  @Benchmark
  public Object handle() throws Exception {
    if (variant.equals("payload-floor")) {
      ProxyRequest proxy = ProxyRequest.builder().method(request.method()).path(request.rawPath())
          .rawQueryString(request.rawQueryString()).headers(request.headers()).sourceIp(request.sourceIp())
          .requestId("JKJaXmPLvHcESHA=").time(clock.instant()).apiId("a1b2c3d4e5").accountId("123456789012")
          .domainName("api.example.com").routeKey("GET /svc37/items/{id}").pathParameter("id", "42").build();
      byte[] event = ProxyEvents.encode(proxy, PayloadFormat.V2_0);
      ProxyResponse response = ProxyResponses.decode(function.handle(event, null), PayloadFormat.V2_0);
      return response.statusCode();
    }
    GatewayResponse response = gateway.handle(request).toCompletableFuture().join();
    return response.statusCode();
  }
}
