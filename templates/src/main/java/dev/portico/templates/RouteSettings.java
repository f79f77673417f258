package dev.portico.templates;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A stage's settings for its routes, as the template writes them: {@code DefaultRouteSettings} and {@code
 * RouteSettings} of an {@code AWS::Serverless::HttpApi} or an {@code AWS::ApiGatewayV2::Stage}, and a SAM event's
 * {@code RouteSettings}. Read and kept so the throttling issue can enforce them; Portico does not throttle yet.
 * Absent means "not set" (AWS's own limits apply), which differs from an explicit {@code 0}.
 *
 * <pre>{@code
 * TemplateApi api = template.api("OrdersApi").orElseThrow();
 * RouteSettings orders = api.routeSettings().get("POST /orders");   // burst=20 rate=10.0 detailedMetrics=-
 * int burst = orders.throttlingBurstLimit().orElse(5000);           // 20
 * }</pre>
 *
 * @param throttlingBurstLimit {@code ThrottlingBurstLimit}: the bucket's size, in requests
 * @param throttlingRateLimit {@code ThrottlingRateLimit}: requests per second
 * @param detailedMetricsEnabled {@code DetailedMetricsEnabled}: per-route CloudWatch metrics
 */
public record RouteSettings(OptionalInt throttlingBurstLimit, OptionalDouble throttlingRateLimit,
    Optional<Boolean> detailedMetricsEnabled) {

  /**
   * Checks the parts are present (each may be empty).
   *
   * @param throttlingBurstLimit the burst limit
   * @param throttlingRateLimit the rate limit
   * @param detailedMetricsEnabled whether detailed metrics are on
   */
  public RouteSettings {
    Objects.requireNonNull(throttlingBurstLimit, "throttlingBurstLimit");
    Objects.requireNonNull(throttlingRateLimit, "throttlingRateLimit");
    Objects.requireNonNull(detailedMetricsEnabled, "detailedMetricsEnabled");
  }

  /**
   * These settings with what {@code other} sets in their place, as SAM merges an event's {@code RouteSettings}
   * into its API's.
   *
   * @param other the settings that win
   * @return the merged settings
   */
  public RouteSettings overriddenBy(RouteSettings other) {
    return new RouteSettings(
        other.throttlingBurstLimit.isPresent() ? other.throttlingBurstLimit : throttlingBurstLimit,
        other.throttlingRateLimit.isPresent() ? other.throttlingRateLimit : throttlingRateLimit,
        other.detailedMetricsEnabled.isPresent() ? other.detailedMetricsEnabled : detailedMetricsEnabled);
  }

  @Override
  public String toString() {
    return "burst=" + (throttlingBurstLimit.isPresent() ? throttlingBurstLimit.getAsInt() : "-")
        + " rate=" + (throttlingRateLimit.isPresent() ? throttlingRateLimit.getAsDouble() : "-")
        + " detailedMetrics=" + detailedMetricsEnabled.map(String::valueOf).orElse("-");
  }
}
