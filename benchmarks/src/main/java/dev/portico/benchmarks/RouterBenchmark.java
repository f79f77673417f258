package dev.portico.benchmarks;

import java.util.List;
import java.util.Objects;
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
 * Route matching on REST-shaped route tables of 10 to 1,000 routes: Portico's trie side by side with a scan over
 * Spring {@code PathPattern}s sorted by specificity.
 *
 * <ul>
 *   <li>{@code hit-near-end}: a request for the route the specificity-sorted scan reaches last, as
 *       {@code GET /v1/...}; both implementations must choose the same route (checked in setup).</li>
 *   <li>{@code miss}: a path no route matches, which makes the scan try every pattern.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RouterBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouterBenchmark {

  /** Number of routes in the table. */
  @Param({"10", "100", "300", "1000"})
  public int routes;

  /** Which matcher: Portico's router or the Spring PathPattern scan. */
  @Param({"portico", "spring-pathpattern"})
  public String implementation;

  /** Which request: a hit the scan reaches last, or a miss. */
  @Param({"hit-near-end", "miss"})
  public String request;

  private RouteMatcher matcher;
  private String method;
  private String path;

  /** Builds both matchers, picks the request, and checks that both implementations agree on it. */
  @Setup
  public void setUp() {
    List<String> keys = RestApiShapes.routeKeys(routes);
    RouteMatcher.SpringPathPatternScan scan = new RouteMatcher.SpringPathPatternScan(keys);
    RouteMatcher.Portico portico = new RouteMatcher.Portico(keys);
    if (request.equals("miss")) {
      method = "GET";
      path = "/v2/nothing/matches/this/path";
    } else {
      List<String> order = scan.scanOrder();
      String last = order.get(order.size() - 1);
      method = last.substring(0, last.indexOf(' '));
      path = RestApiShapes.samplePath(last);
    }
    RouteMatcher.Result expected = scan.match(method, path);
    RouteMatcher.Result actual = portico.match(method, path);
    if (!Objects.equals(expected, actual)) {
      throw new IllegalStateException("implementations disagree on " + method + " " + path + ": " + expected
          + " vs " + actual);
    }
    matcher = implementation.equals("portico") ? portico : scan;
  }

  /** One route lookup, including path parsing and variable extraction. */
  @Benchmark
  public RouteMatcher.Result match() {
    return matcher.match(method, path);
  }
}
