package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.internal.RequestIds;
import dev.portico.payload.ProxyRequest;
import dev.portico.routing.Router;
import java.util.List;
import java.util.Map;

/** Builds a routed request's event: what the integration (and a Lambda authorizer) receives (facts §2, D15). */
final class Events {
  private Events() {}

  static ProxyRequest of(Call call, HttpApi api) {
    GatewayRequest request = call.request;
    ProxyRequest.Builder out =
        ProxyRequest.builder()
            .method(request.method())
            .path(Router.decodePath(request.rawPath()))
            .rawQueryString(request.rawQueryString())
            .body(request.body())
            .sourceIp(request.sourceIp())
            .protocol(request.protocol())
            .requestId(call.requestId)
            .time(call.time)
            .stage(call.staged().stage().name())
            .routeKey(call.routed().target().route().routeKey().toString())
            .pathParameters(call.pathParameters())
            .stageVariables(call.stageVariables())
            .domainName(api.domainName())
            .apiId(api.apiId())
            .accountId(api.accountId())
            .authorizer(call.authorizer);
    request.clientCertificate().ifPresent(out::clientCertificate);
    // D15: the gateway's own forwarding headers describe the client's connection to Portico.
    boolean trace = false;
    for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      switch (name) {
        case "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto" -> { }
        default -> {
          trace |= name.equals("x-amzn-trace-id");
          for (String value : header.getValue()) {
            out.header(name, value);
          }
        }
      }
    }
    List<String> forwarded = request.headers().get("x-forwarded-for");
    out.header("x-forwarded-for", forwarded == null ? request.sourceIp()
        : String.join(", ", forwarded) + ", " + request.sourceIp());
    out.header("x-forwarded-port", Integer.toString(request.port()));
    out.header("x-forwarded-proto", request.scheme());
    if (!trace) {
      out.header("x-amzn-trace-id", RequestIds.traceId(call.time));
    }
    return out.build();
  }
}
