package dev.portico.openapi;

import dev.portico.integration.Integration;
import dev.portico.integration.IntegrationException;
import dev.portico.integration.IntegrationRequest;
import dev.portico.payload.ProxyResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An imported {@code AWS_PROXY} integration: the function its URI names, bound by the host. Keeps the URI as
 * written so the exporter writes it back unchanged. A name holding {@code ${stageVariables.x}} is resolved per
 * request from the stage's variables, as AWS does.
 */
final class ImportedLambda implements Integration {
  private final String uri;
  private final FunctionRef ref;
  private final Function<String, Integration> lookup;
  private final @Nullable Integration fixed;

  /**
   * @param uri the URI as written
   * @param ref the function it names
   * @param lookup the integration for a resolved function name; answers 500 for unbound names
   */
  ImportedLambda(String uri, FunctionRef ref, Function<String, Integration> lookup) {
    this.uri = uri;
    this.ref = ref;
    this.lookup = lookup;
    this.fixed = ref.isTemplate() ? null : lookup.apply(ref.name());
  }

  String uri() {
    return uri;
  }

  String functionName() {
    return ref.name();
  }

  @Override
  public CompletionStage<ProxyResponse> invoke(IntegrationRequest request) {
    if (fixed != null) {
      return fixed.invoke(request);
    }
    Optional<String> name = ref.resolve(request.request().stageVariables());
    if (name.isEmpty()) {
      return CompletableFuture.failedFuture(IntegrationException.failed(
          "function name '" + ref.name() + "' names a stage variable the stage does not define", null));
    }
    return lookup.apply(name.get()).invoke(request);
  }

  @Override
  public String toString() {
    return "Lambda function " + ref.name();
  }
}
