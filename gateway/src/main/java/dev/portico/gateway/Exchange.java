package dev.portico.gateway;

import dev.portico.payload.AuthorizerContext;
import dev.portico.payload.ProxyRequest;
import dev.portico.routing.Router;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The state of one request as it moves through the pipeline, and the values of its {@code $context.*} variables
 * for access logs and identity sources (facts §6).
 */
final class Exchange {
  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  final GatewayRequest request;
  final String requestId;
  final Instant time;
  final long startNanos;
  final String domainName;
  final String apiId;
  final String accountId;
  Gateway.StageRuntime stage;
  String routedPath;
  String routeKey;
  ProxyRequest proxyRequest;
  AuthorizerContext authorizer = AuthorizerContext.none();
  String authorizerError;
  int status;
  int responseLength;
  long integrationLatencyMillis = -1;
  int integrationStatus = -1;
  String integrationError;
  Failure failure;

  Exchange(GatewayRequest request, String requestId, Instant time, long startNanos, String domainName,
      String apiId, String accountId) {
    this.request = request;
    this.requestId = requestId;
    this.time = time;
    this.startNanos = startNanos;
    this.domainName = domainName;
    this.apiId = apiId;
    this.accountId = accountId;
  }

  String stageName() {
    return stage == null ? null : stage.stage().name();
  }

  /**
   * The value of {@code $context.<name>}, or null when the request has none.
   *
   * @param name the variable name without {@code $context.}
   * @return the value
   */
  String variable(String name) {
    switch (name) {
      case "requestId", "extendedRequestId":
        return requestId;
      case "requestTime":
        return CLF.format(time);
      case "requestTimeEpoch":
        return Long.toString(time.toEpochMilli());
      case "httpMethod":
        return request.method();
      case "routeKey":
        return routeKey;
      case "path":
        return proxyRequest != null ? proxyRequest.path() : Router.decodePath(request.rawPath());
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
      case "integrationStatus", "integration.status":
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
        return domainName;
      case "domainPrefix":
        int dot = domainName.indexOf('.');
        return dot < 0 ? domainName : domainName.substring(0, dot);
      case "stage":
        return stageName();
      case "apiId":
        return apiId;
      case "accountId":
        return accountId;
      case "customDomain.basePathMatched":
        return null; // custom domains and API mappings come with a later issue
      default:
        return authorizerVariable(name);
    }
  }

  private String authorizerVariable(String name) {
    if (name.startsWith("authorizer.claims.") && authorizer instanceof AuthorizerContext.Jwt jwt) {
      return text(jwt.claims().get(name.substring("authorizer.claims.".length())));
    }
    if (name.startsWith("authorizer.") && authorizer instanceof AuthorizerContext.Lambda lambda) {
      return text(lambda.context().get(name.substring("authorizer.".length())));
    }
    return null;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object item : list) {
        out.append(out.length() > 1 ? " " : "").append(item);
      }
      return out.append(']').toString();
    }
    return value.toString();
  }
}
