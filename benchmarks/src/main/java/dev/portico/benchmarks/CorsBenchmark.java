package dev.portico.benchmarks;

import dev.portico.cors.CorsConfiguration;
import dev.portico.cors.CorsPolicy;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * CORS evaluation for a five-origin configuration with credentials, for the last configured origin: Portico's
 * precomputed {@link CorsPolicy} side by side with Spring's {@code CorsConfiguration} checks assembled into
 * response headers the way Spring's {@code DefaultCorsProcessor} does.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CorsBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CorsBenchmark {
  private static final List<String> ORIGINS = List.of("https://www.example.com", "https://admin.example.com",
      "https://shop.example.com", "https://partner.example.org", "https://app.example.net");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");
  private static final List<String> HEADERS = List.of("authorization", "content-type", "x-custom");

  /** Which implementation. */
  @Param({"portico", "spring"})
  public String implementation;

  private final String origin = ORIGINS.get(ORIGINS.size() - 1);
  private final String requestHeaders = "content-type, x-custom";
  private CorsPolicy portico;
  private org.springframework.web.cors.CorsConfiguration spring;

  /** Builds both configurations. */
  @Setup
  public void setUp() {
    portico = CorsPolicy.of(CorsConfiguration.builder().allowOrigins(ORIGINS).allowMethods(METHODS)
        .allowHeaders(HEADERS).exposeHeaders("x-request-id").maxAge(600).allowCredentials(true).build());
    spring = new org.springframework.web.cors.CorsConfiguration();
    spring.setAllowedOrigins(ORIGINS);
    spring.setAllowedMethods(METHODS);
    spring.setAllowedHeaders(HEADERS);
    spring.setExposedHeaders(List.of("x-request-id"));
    spring.setMaxAge(600L);
    spring.setAllowCredentials(true);
    if (!portico.actualHeaders(origin).get("access-control-allow-origin").orElseThrow()
        .equals(springActual().getAccessControlAllowOrigin())) {
      throw new IllegalStateException("implementations disagree");
    }
  }

  /** The headers of an ordinary response. */
  @Benchmark
  public Object actual() {
    return implementation.equals("portico") ? portico.actualHeaders(origin) : springActual();
  }

  /** The headers of a preflight answer for {@code PUT} with two request headers. */
  @Benchmark
  public Object preflight() {
    return implementation.equals("portico") ? portico.preflight(origin, "PUT", requestHeaders) : springPreflight();
  }

  /** What DefaultCorsProcessor does for an actual request, without the servlet objects around it. */
  private HttpHeaders springActual() {
    String allowOrigin = spring.checkOrigin(origin);
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(HttpHeaders.VARY, List.of(HttpHeaders.ORIGIN));
    if (allowOrigin == null) {
      return headers;
    }
    headers.setAccessControlAllowOrigin(allowOrigin);
    headers.setAccessControlExposeHeaders(spring.getExposedHeaders());
    headers.setAccessControlAllowCredentials(true);
    return headers;
  }

  /** What DefaultCorsProcessor does for a preflight. */
  private HttpHeaders springPreflight() {
    String allowOrigin = spring.checkOrigin(origin);
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(HttpHeaders.VARY, List.of(HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
        HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
    List<HttpMethod> methods = allowOrigin == null ? null : spring.checkHttpMethod(HttpMethod.valueOf("PUT"));
    List<String> requested = new ArrayList<>();
    for (String name : requestHeaders.split(",")) {
      if (!name.isBlank()) {
        requested.add(name.trim());
      }
    }
    List<String> allowed = methods == null ? null : spring.checkHeaders(requested);
    if (allowed == null) {
      return headers;
    }
    headers.setAccessControlAllowOrigin(allowOrigin);
    headers.setAccessControlAllowMethods(methods);
    headers.setAccessControlAllowHeaders(allowed);
    headers.setAccessControlAllowCredentials(true);
    headers.setAccessControlMaxAge(600L);
    return headers;
  }
}
