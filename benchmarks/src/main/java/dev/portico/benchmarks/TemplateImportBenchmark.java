package dev.portico.benchmarks;

import dev.portico.templates.TemplateOptions;
import dev.portico.templates.TemplateReader;
import dev.portico.templates.TemplateResult;
import java.nio.file.Path;
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
 * Reading a SAM template of 300 or 3,000 routes (issue 20): one function per 10 routes, each route an {@code
 * HttpApi} event on the implicit API with a {@code !Ref} timeout, so the whole path runs — YAML with short tags,
 * Globals, intrinsics, SAM's translation, the OpenAPI import. The time per route must stay flat. The peer is
 * SAM's own translator (Python), timed on the same template by {@link #template(int)}'s text in
 * docs/benchmarks.md.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TemplateImportBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateImportBenchmark {

  /** Number of routes in the template. */
  @Param({"300", "3000"})
  public int routes;

  private String template;
  private TemplateOptions options;

  /**
   * A SAM template with the given number of routes.
   *
   * @param routes how many
   * @return its YAML
   */
  public static String template(int routes) {
    StringBuilder yaml = new StringBuilder(routes * 120).append(String.join("\n",
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Timeout: {Type: Number, Default: 5000}",
        "Globals:",
        "  Function: {Runtime: java21, CodeUri: build/app.jar, Timeout: 10}",
        "Resources:", ""));
    for (int f = 0; f * 10 < routes; f++) {
      yaml.append("  Fn").append(f).append(":\n    Type: AWS::Serverless::Function\n    Properties:\n")
          .append("      Handler: com.example.Handler").append(f).append("\n      Events:\n");
      for (int r = f * 10; r < Math.min(routes, f * 10 + 10); r++) {
        yaml.append("        E").append(r).append(": {Type: HttpApi, Properties: {Path: '/r").append(r)
            .append("/{id}', Method: get, TimeoutInMillis: !Ref Timeout}}\n");
      }
    }
    return yaml.toString();
  }

  /** Writes the template and checks it reads without errors. */
  @Setup
  public void setUp() {
    template = template(routes);
    options = TemplateOptions.builder().maxRoutes(routes).build();
    TemplateResult result = TemplateReader.read(template, Path.of("."), options);
    if (result.hasErrors() || result.apis().get(0).definition().routeKeys().size() != routes) {
      throw new IllegalStateException("the benchmark template does not read: " + result.errors());
    }
  }

  /** @return the result, so the work is not optimised away */
  @Benchmark
  public TemplateResult readTemplate() {
    return TemplateReader.read(template, Path.of("."), options);
  }
}
