package dev.portico.templates;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A function of a template ({@code AWS::Serverless::Function} with SAM's {@code Globals} applied, or {@code
 * AWS::Lambda::Function}), as far as running it locally needs: its name (what integrations name), handler, runtime,
 * code location, environment, timeout and memory.
 *
 * <pre>{@code
 * TemplateFunction pets = template.function("PetsFunction").orElseThrow();
 * pets.handler();        // Optional[com.example.PetsHandler::handleRequest]
 * pets.isJava();         // true: java21
 * pets.codeUri();        // Optional[/work/app/pets]: CodeUri, from the template's folder
 * }</pre>
 *
 * @param logicalId the resource's logical id
 * @param name the function's name: {@code FunctionName}, else the logical id — what its ARN and integrations name
 * @param type {@code AWS::Serverless::Function} or {@code AWS::Lambda::Function}
 * @param handler {@code Handler}
 * @param runtime {@code Runtime}, e.g. {@code java21}
 * @param codeUri the local code location ({@code CodeUri}), resolved against the template's folder; empty for S3
 *     or inline code
 * @param environment {@code Environment.Variables}, resolved
 * @param timeout {@code Timeout}
 * @param memorySize {@code MemorySize} in MB
 * @param pointer where the function is declared in the template
 */
public record TemplateFunction(String logicalId, String name, String type, Optional<String> handler,
    Optional<String> runtime, Optional<Path> codeUri, Map<String, String> environment, Optional<Duration> timeout,
    OptionalInt memorySize, String pointer) {

  /**
   * Checks and copies.
   *
   * @param logicalId the logical id
   * @param name the name
   * @param type the type
   * @param handler the handler
   * @param runtime the runtime
   * @param codeUri the code location
   * @param environment the environment
   * @param timeout the timeout
   * @param memorySize the memory size
   * @param pointer the declaration's pointer
   */
  public TemplateFunction {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(codeUri, "codeUri");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(memorySize, "memorySize");
    Objects.requireNonNull(pointer, "pointer");
  }

  /** @return whether the function runs on a Java runtime ({@code java8}, {@code java11}, {@code java17}, ...) */
  public boolean isJava() {
    return runtime.map(r -> r.startsWith("java")).orElse(false);
  }
}
