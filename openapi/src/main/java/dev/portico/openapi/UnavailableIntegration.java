package dev.portico.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.integration.Integration;
import dev.portico.integration.IntegrationException;
import dev.portico.integration.IntegrationRequest;
import dev.portico.payload.ProxyResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A route's integration that cannot run here: a Lambda function the host did not bind, or an integration type
 * Portico does not support. Every call fails, so the gateway answers 500 {@code {"message":"Internal Server
 * Error"}}, as AWS does for a missing function. Keeps an unsupported definition for the exporter.
 */
final class UnavailableIntegration implements Integration {
  private final String reason;
  private final @Nullable ObjectNode definition;

  UnavailableIntegration(String reason, @Nullable ObjectNode definition) {
    this.reason = reason;
    this.definition = definition;
  }

  /** The {@code x-amazon-apigateway-integration} object as written, for an unsupported type. */
  Optional<ObjectNode> definition() {
    return Optional.ofNullable(definition).map(ObjectNode::deepCopy);
  }

  @Override
  public CompletionStage<ProxyResponse> invoke(IntegrationRequest request) {
    return CompletableFuture.failedFuture(IntegrationException.failed(reason, null));
  }

  @Override
  public String toString() {
    return "unavailable integration (" + reason + ")";
  }
}
