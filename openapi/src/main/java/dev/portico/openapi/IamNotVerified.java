package dev.portico.openapi;

import dev.portico.integration.Integration;
import dev.portico.integration.IntegrationRequest;
import dev.portico.payload.ProxyResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A route that requires {@code AWS_IAM} (SigV4): until Portico verifies signatures, every request is refused as AWS
 * refuses an unsigned one — 403 {@code {"message":"Missing Authentication Token"}} — and the integration behind it
 * is never called. Closed, never open: a route AWS protects is never served unprotected.
 */
final class IamNotVerified implements Integration {
  /** UNSURE (facts-2 §4.5): REST APIs say MissingAuthenticationTokenException; one report says HTTP APIs differ. */
  static final String ERROR_TYPE = "MissingAuthenticationTokenException";
  static final String MESSAGE = "{\"message\":\"Missing Authentication Token\"}";

  private final Integration protectedIntegration;

  IamNotVerified(Integration protectedIntegration) {
    this.protectedIntegration = protectedIntegration;
  }

  @Override
  public CompletionStage<ProxyResponse> invoke(IntegrationRequest request) {
    return CompletableFuture.completedFuture(ProxyResponse.builder().statusCode(403)
        .header("content-type", "application/json").header("x-amzn-ErrorType", ERROR_TYPE).body(MESSAGE).build());
  }

  @Override
  public String toString() {
    return "AWS_IAM, refused until SigV4 is verified (" + protectedIntegration + ")";
  }
}
