package dev.portico.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.payload.AuthorizerContext;
import dev.portico.payload.PayloadFormat;
import dev.portico.payload.ProxyEvents;
import dev.portico.payload.ProxyRequest;
import dev.portico.payload.ProxyResponse;
import dev.portico.payload.ProxyResponses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lambda proxy payloads, format 2.0: Portico's streaming encoder and decoder side by side with the common
 * alternative, {@code aws-lambda-java-events} POJOs filled from the request and bound with a Jackson
 * {@code ObjectMapper}. Both sides start from the same {@link ProxyRequest} and produce the same event (lowercased
 * headers, comma-joined values, cookies, flattened claims, text or base64 body), and decode the same response into
 * status, lowercased headers with cookies, and body bytes.
 *
 * <ul>
 *   <li>{@code encode}: the event as a new {@code byte[]} (what an in-process function receives).</li>
 *   <li>{@code encodeToStream}: the event into a reused buffer (what a socket or pipe writer does).</li>
 *   <li>{@code decode}: a function's response into what the gateway sends.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PayloadBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PayloadBenchmark {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** Which implementation. */
  @Param({"portico", "pojo"})
  public String implementation;

  private boolean portico;
  private ProxyRequest request;
  private byte[] response;
  private final ObjectMapper mapper = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ByteArrayOutputStream sink = new ByteArrayOutputStream(8192);

  /** A realistic request: 20 headers, 3 query parameters, 3 cookies, JWT claims and a 1 KB JSON body. */
  @Setup
  public void setUp() {
    portico = implementation.equals("portico");
    StringBuilder body = new StringBuilder("{\"items\":[");
    for (int i = 0; body.length() < 1000; i++) {
      body.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1000 + i).append("\",\"qty\":").append(i % 7)
          .append(",\"note\":\"caf\u00e9 \\\"gift\\\"\"}");
    }
    body.append("]}");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "5f2b8c1e-9a7d-4e11-b3f0-2c6d8e9a1b7c");
    claims.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI");
    claims.put("aud", List.of("app-client", "api"));
    claims.put("exp", 1787996002L);
    claims.put("iat", 1787992402L);
    claims.put("scope", "orders/read orders/write");
    claims.put("email_verified", true);
    request = ProxyRequest.builder()
        .method("POST").path("/orders/4711/items").routeKey("POST /orders/{id}/items")
        .rawQueryString("dryRun=false&currency=EUR&tag=a%20b")
        .header("Host", "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
        .header("Accept", "application/json").header("Accept-Encoding", "gzip, deflate, br")
        .header("Accept-Language", "en-GB,en;q=0.9,de;q=0.8")
        .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl")
        .header("Content-Type", "application/json; charset=utf-8").header("Content-Length", "1003")
        .header("Cookie", "session=8f14e45fceea167a5a36dedd4bea2543; theme=dark; consent=yes")
        .header("Origin", "https://shop.example.com").header("Referer", "https://shop.example.com/cart")
        .header("Sec-Fetch-Dest", "empty").header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "cross-site")
        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36")
        .header("X-Amzn-Trace-Id", "Root=1-67891233-abcdef012345678912345678")
        .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Port", "443")
        .header("X-Forwarded-Proto", "https").header("X-Request-Id", "c0ffee00-0000-4000-8000-000000000001")
        .header("X-Client-Version", "4.2.1").header("X-Client-Version", "build-77")
        .body(body.toString())
        .sourceIp("203.0.113.7").requestId("JFwPVhMQIAMEVZA=").time(Instant.parse("2026-11-21T10:15:30.123Z"))
        .apiId("a1b2c3d4e5").accountId("123456789012")
        .domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
        .pathParameter("id", "4711").stageVariables(Map.of("table", "orders-prod"))
        .authorizer(AuthorizerContext.jwt(claims, List.of("orders/write")))
        .build();
    response = ("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\",\"Location\":"
        + "\"/orders/4711/items/9\",\"Cache-Control\":\"no-store\",\"X-Request-Id\":\"c0ffee00\","
        + "\"Access-Control-Expose-Headers\":\"location\"},\"cookies\":[\"cart=9; Path=/; Secure; HttpOnly\","
        + "\"seen=1; Max-Age=3600\"],\"isBase64Encoded\":false,\"body\":"
        + mapperQuote(body.toString()) + "}").getBytes(StandardCharsets.UTF_8);
    if (!mapperRoundTripAgrees()) {
      throw new IllegalStateException("the two implementations disagree; the comparison would be unfair");
    }
  }

  /** Encodes the event into a new array. */
  @Benchmark
  public byte[] encode() throws IOException {
    if (portico) {
      return ProxyEvents.encode(request, PayloadFormat.V2_0);
    }
    return mapper.writeValueAsBytes(pojo(request));
  }

  /** Encodes the event into a reused buffer. */
  @Benchmark
  public int encodeToStream() throws IOException {
    sink.reset();
    if (portico) {
      ProxyEvents.encode(request, PayloadFormat.V2_0, sink);
    } else {
      mapper.writeValue(sink, pojo(request));
    }
    return sink.size();
  }

  /** Decodes a function's response into status, headers (cookies as set-cookie) and body bytes. */
  @Benchmark
  public Object decode() throws IOException {
    if (portico) {
      return ProxyResponses.decode(response, PayloadFormat.V2_0);
    }
    return pojoDecode(response);
  }

  private Object[] pojoDecode(byte[] json) throws IOException {
    APIGatewayV2HTTPResponse answer = mapper.readValue(json, APIGatewayV2HTTPResponse.class);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (answer.getHeaders() != null) {
      answer.getHeaders().forEach((name, value) ->
          headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>(1)).add(value));
    }
    if (answer.getCookies() != null) {
      headers.computeIfAbsent("set-cookie", n -> new ArrayList<>(2)).addAll(answer.getCookies());
    }
    byte[] body = answer.getBody() == null ? new byte[0]
        : answer.getIsBase64Encoded() ? Base64.getDecoder().decode(answer.getBody())
        : answer.getBody().getBytes(StandardCharsets.UTF_8);
    return new Object[] {answer.getStatusCode(), headers, body};
  }

  /** The event as the POJO route builds it: what a team writes with aws-lambda-java-events and Jackson. */
  static APIGatewayV2HTTPEvent pojo(ProxyRequest r) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    r.headers().forEach((name, values) -> {
      if (name.equals("cookie")) {
        for (String value : values) {
          for (String cookie : value.split(";")) {
            if (!cookie.isBlank()) {
              cookies.add(cookie.strip());
            }
          }
        }
      } else {
        headers.put(name, String.join(",", values));
      }
    });
    Map<String, String> query = new LinkedHashMap<>();
    r.queryParameters().forEach((name, values) -> query.put(name, String.join(",", values)));
    Map<String, String> claims = new LinkedHashMap<>();
    AuthorizerContext.Jwt jwt = (AuthorizerContext.Jwt) r.authorizer();
    jwt.claims().forEach((name, value) -> claims.put(name, value instanceof List<?> list
        ? "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]" : String.valueOf(value)));
    String contentType = r.headers().getOrDefault("content-type", List.of("")).get(0);
    boolean text = contentType.startsWith("application/json") || contentType.startsWith("text/");
    byte[] body = r.body();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0").withRouteKey(r.routeKey()).withRawPath(r.path()).withRawQueryString(r.rawQueryString())
        .withCookies(cookies).withHeaders(headers).withQueryStringParameters(query)
        .withPathParameters(r.pathParameters()).withStageVariables(r.stageVariables())
        .withBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(!text)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withAccountId(r.accountId()).withApiId(r.apiId()).withDomainName(r.domainName())
            .withDomainPrefix(r.domainPrefix()).withRequestId(r.requestId()).withRouteKey(r.routeKey())
            .withStage(r.stage()).withTime(TIME.format(r.time())).withTimeEpoch(r.time().toEpochMilli())
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(r.method())
                .withPath(r.path()).withProtocol(r.protocol()).withSourceIp(r.sourceIp())
                .withUserAgent(r.userAgent()).build())
            .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims)
                    .withScopes(jwt.scopes().orElse(null)).build()).build())
            .build())
        .build();
  }

  private String mapperQuote(String text) {
    try {
      return mapper.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Both sides must produce the same event and the same response, or the figures compare different work. */
  private boolean mapperRoundTripAgrees() {
    try {
      APIGatewayV2HTTPEvent fromPortico = mapper.readValue(ProxyEvents.encode(request, PayloadFormat.V2_0),
          APIGatewayV2HTTPEvent.class);
      APIGatewayV2HTTPEvent fromPojo = mapper.readValue(mapper.writeValueAsBytes(pojo(request)),
          APIGatewayV2HTTPEvent.class);
      ProxyResponse decoded = ProxyResponses.decode(response, PayloadFormat.V2_0);
      Object[] pojoDecoded = pojoDecode(response);
      return fromPortico.equals(fromPojo) && decoded.statusCode() == (int) pojoDecoded[0]
          && decoded.headers().equals(pojoDecoded[1])
          && java.util.Arrays.equals(decoded.body(), (byte[]) pojoDecoded[2]);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
