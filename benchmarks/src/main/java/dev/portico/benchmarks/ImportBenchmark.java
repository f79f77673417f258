package dev.portico.benchmarks;

import dev.portico.openapi.ImportOptions;
import dev.portico.openapi.ImportResult;
import dev.portico.openapi.OpenApiImporter;
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
 * OpenAPI import of a JSON definition of 300 to 30,000 routes (the quota raised to fit): the time per route must
 * stay flat as the definition grows (issue 18: the conflict check compared every key with every earlier one, 18 s
 * for 10,000 routes). There is no peer: no other library imports AWS-flavoured OpenAPI into a gateway.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ImportBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImportBenchmark {

  /** Number of routes in the definition. */
  @Param({"300", "3000", "30000"})
  public int routes;

  private String definition;
  private ImportOptions options;

  /** Writes the definition and checks it imports without errors. */
  @Setup
  public void setUp() {
    StringBuilder json = new StringBuilder(routes * 220).append("{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"big\","
        + "\"version\":\"1\"},\"paths\":{");
    for (int i = 0; i < routes; i++) {
      json.append(i == 0 ? "" : ",").append("\"/r").append(i).append("/{id}\":{\"get\":{")
          .append("\"x-amazon-apigateway-integration\":{\"type\":\"aws_proxy\",\"httpMethod\":\"POST\",")
          .append("\"uri\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"payloadFormatVersion\":\"2.0\"}}}");
    }
    definition = json.append("}}").toString();
    options = ImportOptions.builder().maxRoutes(routes).build();
    if (OpenApiImporter.read(definition, options).hasErrors()) {
      throw new IllegalStateException("the benchmark definition does not import");
    }
  }

  /** @return the result, so the work is not optimised away */
  @Benchmark
  public ImportResult importDefinition() {
    return OpenApiImporter.read(definition, options);
  }
}
