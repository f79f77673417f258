package dev.portico.gateway.internal.pipeline;

import dev.portico.cors.CorsPolicy;
import dev.portico.gateway.GatewayLimits;
import dev.portico.gateway.internal.HeaderSize;
import dev.portico.payload.HttpSyntax;
import dev.portico.payload.ProxyResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Step 9, respond: every answer leaves through here. An integration's answer loses its hop-by-hop headers (they
 * describe the function's or backend's connection: issue 18) and, with CORS, its own {@code access-control-*}
 * headers (facts §5); one over {@link GatewayLimits#maxResponseHeaderBytes()} fails (D16). Then every answer gets
 * the CORS headers for an allowed {@code Origin}, {@code apigw-requestid}, and the stage's access log line.
 */
final class RespondStep<R> {
  private static final System.Logger LOG = System.getLogger("dev.portico.gateway.Gateway");
  private final @Nullable CorsPolicy cors;
  private final GatewayLimits limits;
  private final Answers<R> answers;

  RespondStep(Optional<CorsPolicy> cors, GatewayLimits limits, Answers<R> answers) {
    this.cors = cors.orElse(null);
    this.limits = limits;
    this.answers = answers;
  }

  /**
   * The integration's headers as the client gets them: without hop-by-hop headers and, with CORS, without the
   * backend's {@code access-control-*}.
   */
  Map<String, List<String>> headers(ProxyResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Set<String> hopByHop = HttpSyntax.hopByHop(response.headers());
    response.headers().forEach((name, values) -> {
      if (!hopByHop.contains(name) && (cors == null || !cors.dropsBackendHeader(name))) {
        headers.put(name, values);
      }
    });
    return headers;
  }

  /** The refusal of an answer whose status line and headers are over the limit (D16); empty when they fit. */
  Optional<Outcome<?>> tooLarge(Map<String, List<String>> headers) {
    long size = HeaderSize.ofResponse(headers);
    if (size <= limits.maxResponseHeaderBytes()) {
      return Optional.empty();
    }
    return Optional.of(Outcome.refuse(Failure.INTEGRATION_FAILURE, Outcome.Why.integration("the integration"
        + " answered " + size + " bytes of status line and headers, more than GatewayLimits.maxResponseHeaderBytes "
        + limits.maxResponseHeaderBytes())));
  }

  /** AWS's error answer, finished: {@code {"message":"..."}}, and {@code www-authenticate} for a JWT authorizer's. */
  R failure(Call call, Failure failure) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/json"));
    if (failure.wwwAuthenticate() != null) {
      headers.put("www-authenticate", List.of(failure.wwwAuthenticate()));
    }
    return finish(call, failure.status(), headers, failure.body().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The last touches of every answer: CORS, the request id, the access log.
   *
   * @param headers the answer's own map, finished in place
   */
  R finish(Call call, int status, Map<String, List<String>> headers, byte[] body) {
    if (cors != null && status != 204) {
      String origin = call.request.header("origin").orElse(null);
      if (origin != null) {
        cors.actualHeaders(origin).forEach((name, value) -> headers.put(name, List.of(value)));
      }
    }
    headers.put("apigw-requestid", List.of(call.requestId));
    call.status = status;
    call.responseLength = body.length;
    if (call.stage != null && call.stage.accessLog().isPresent()) {
      try {
        call.stage.stage().accessLogSink().write(call.stage.stage().name(),
            call.stage.accessLog().get().render(call::variable));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "access log sink of stage " + call.stage.stage().name() + " failed", e);
      }
    }
    return answers.answer(status, headers, body);
  }
}
