package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.GatewayRequest;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.internal.RequestIds;
import dev.portico.payload.AuthorizerContext;
import dev.portico.payload.TextFormats;
import dev.portico.payload.ProxyRequest;
import dev.portico.routing.RouteMatch;
import dev.portico.routing.Router;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request on its way through the pipeline: what arrived, and what the steps learned, recorded by {@link
 * Pipeline} alone, each once, in step order. It answers the {@code $context.*} variables for access logs and
 * expressions (facts §6), and builds the event ({@link ProxyRequest}) once, when a step first needs it.
 */
public final class Call {
  final GatewayRequest request;
  final String requestId;
  final Instant time;
  final long startNanos;
  private final HttpApi api;

  // Learned, in step order; set only by the pipeline.
  @Nullable StageRuntime stage;
  @Nullable String routedPath;
  @Nullable RouteMatch<RouteTarget> match;
  private @Nullable ProxyRequest event;
  AuthorizerContext authorizer = AuthorizerContext.none();
  @Nullable String authorizerError;
  long integrationLatencyMillis = -1;
  int integrationStatus = -1;
  @Nullable String integrationError;
  @Nullable Failure failure;
  int status;
  int responseLength;

  Call(HttpApi api, GatewayRequest request, Instant time, long startNanos) {
    this.api = api;
    this.request = request;
    this.requestId = RequestIds.next();
    this.time = time;
    this.startNanos = startNanos;
  }

  @Nullable String stageName() {
    return stage == null ? null : stage.stage().name();
  }

  @Nullable String routeKey() {
    return match == null ? null : match.target().route().routeKey().toString();
  }

  /**
   * The event as the integration sees it before authorization: built on first use, once per request (the routed
   * request's path parameters, stage variables, forwarding headers).
   */
  ProxyRequest event() {
    if (event == null) {
      event = Events.of(this, api);
    }
    return event;
  }

  /**
   * The authorizer allowed the request: the event gains its context — built with it when no step needed the event
   * before (a JWT authorizer reads only headers), else a cheap copy sharing everything else (a Lambda authorizer's
   * event was built first).
   */
  void allowed(AuthorizerContext context) {
    authorizer = context;
    if (event != null) {
      event = event.withAuthorizer(context);
    }
  }

  /**
   * The value of {@code $context.<name>}, or null when the request has none.
   *
   * @param name the variable name without {@code $context.}
   * @return the value
   */
  @Nullable String variable(String name) {
    switch (name) {
      case "requestId", "extendedRequestId":
        return requestId;
      case "requestTime":
        return TextFormats.requestTime(time);
      case "requestTimeEpoch":
        return Long.toString(time.toEpochMilli());
      case "httpMethod":
        return request.method();
      case "routeKey":
        return routeKey();
      case "path":
        return event != null ? event.path() : Router.decodePath(request.rawPath());
      case "protocol":
        return request.protocol();
      case "status":
        return status == 0 ? null : Integer.toString(status);
      case "responseLength":
        return status == 0 ? null : Integer.toString(responseLength);
      case "responseLatency":
        return status == 0 ? null : Long.toString((System.nanoTime() - startNanos) / 1_000_000);
      case "integrationLatency", "integration.latency":
        return integrationLatencyMillis < 0 ? null : Long.toString(integrationLatencyMillis);
      case "integrationStatus", "integration.status", "integration.integrationStatus":
        return integrationStatus < 0 ? null : Integer.toString(integrationStatus);
      case "integrationErrorMessage", "integration.error":
        return integrationError;
      case "error.message":
        return failure == null ? null : failure.message();
      case "error.responseType":
        return failure == null ? null : failure.responseType();
      case "identity.sourceIp":
        return request.sourceIp();
      case "identity.userAgent":
        return request.header("user-agent").orElse(null);
      case "authorizer.error":
        return authorizerError;
      case "domainName":
        return api.domainName();
      case "domainPrefix":
        int dot = api.domainName().indexOf('.');
        return dot < 0 ? api.domainName() : api.domainName().substring(0, dot);
      case "stage":
        return stageName();
      case "apiId":
        return api.apiId();
      case "accountId":
        return api.accountId();
      case "customDomain.basePathMatched":
        return null; // custom domains and API mappings come with a later issue
      case "dataProcessed":
        // AWS: "the amount of data processed in bytes": what came in and what went out
        return status == 0 ? null : Integer.toString(request.body().length + responseLength);
      default:
        return authorizerVariable(name);
    }
  }

  private @Nullable String authorizerVariable(String name) {
    if (name.startsWith("authorizer.claims.") && authorizer instanceof AuthorizerContext.Jwt jwt) {
      Object claim = jwt.claims().get(name.substring("authorizer.claims.".length()));
      return claim == null ? null : TextFormats.claim(claim);
    }
    if (name.startsWith("authorizer.") && authorizer instanceof AuthorizerContext.Lambda lambda) {
      Object value = lambda.context().get(name.substring("authorizer.".length()));
      return value == null ? null : TextFormats.claim(value);
    }
    return null;
  }

  /**
   * Header values of the event, joined with commas; null when absent (facts-2 §2.3, D17). The event rewrites only
   * the forwarding and trace headers; every other header is the request's, so reading it builds no event.
   *
   * @param name the header name, lowercase
   */
  @Nullable String header(String name) {
    List<String> values = switch (name) {
      case "x-forwarded-for", "x-forwarded-port", "x-forwarded-proto", "x-amzn-trace-id" ->
          event().headers().get(name);
      default -> request.headers().get(name);
    };
    return values == null ? null : joined(values);
  }

  private static String joined(List<String> values) {
    return values.size() == 1 ? values.get(0) : String.join(",", values);
  }

  /** Query values, decoded, joined with commas; null when absent. */
  @Nullable String queryParameter(String name) {
    List<String> values = event().queryParameters().get(name);
    return values == null ? null : joined(values);
  }

  /** @return the route the router found; only after step 4 */
  RouteMatch<RouteTarget> routed() {
    return Objects.requireNonNull(match, "the call is not routed yet");
  }

  /** @return the stage; only after step 2 */
  StageRuntime staged() {
    return Objects.requireNonNull(stage, "the call has no stage yet");
  }

  /** @return the stage's variables */
  Map<String, String> stageVariables() {
    return staged().stage().variables();
  }

  /** @return the route's path parameters, decoded */
  Map<String, String> pathParameters() {
    return match == null ? Map.of() : match.pathParameters();
  }

  /** @return the decoded path without the stage prefix */
  String routedPathDecoded() {
    return Router.decodePath(Objects.requireNonNull(routedPath, "the call has no stage yet"));
  }
}
