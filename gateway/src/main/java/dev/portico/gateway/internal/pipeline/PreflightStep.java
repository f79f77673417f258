package dev.portico.gateway.internal.pipeline;

import dev.portico.cors.CorsHeaders;
import dev.portico.cors.CorsPolicy;
import dev.portico.gateway.GatewayRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Step 3, CORS preflight: with CORS configured, {@code OPTIONS} with {@code Origin} and {@code
 * Access-Control-Request-Method} is answered 204 by the gateway itself, before routing and authorization, with an
 * OPTIONS route or without (facts §5, D6). Otherwise the request goes on unchanged.
 */
final class PreflightStep {
  private static final byte[] EMPTY = new byte[0];
  private final @Nullable CorsPolicy cors;

  PreflightStep(Optional<CorsPolicy> cors) {
    this.cors = cors.orElse(null);
  }

  Outcome<Outcome.Passed> apply(GatewayRequest request) {
    if (cors == null) {
      return Outcome.PASSED;
    }
    String origin = request.header("origin").orElse(null);
    String requestMethod = request.header("access-control-request-method").orElse(null);
    if (!cors.isPreflight(request.method(), origin, requestMethod)) {
      return Outcome.PASSED;
    }
    CorsHeaders headers =
        cors.preflight(origin, requestMethod, request.header("access-control-request-headers").orElse(null));
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((name, value) -> out.put(name, List.of(value)));
    return new Outcome.Answer<>(204, out, EMPTY);
  }
}
