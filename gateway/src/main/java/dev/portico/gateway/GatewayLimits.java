package dev.portico.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * The quotas a gateway enforces, with AWS's values as defaults (facts §6, decision D11).
 *
 * <pre>{@code
 * GatewayLimits limits = GatewayLimits.builder()
 *     .maxBodyBytes(1 << 20)                          // 413 above 1 MiB
 *     .integrationTimeout(Duration.ofSeconds(5))      // 503 after 5 s
 *     .build();
 * }</pre>
 *
 * @param maxBodyBytes the largest request body, in bytes; above it the answer is 413. Default 10,485,760 (10 MB;
 *     a body of exactly that size is accepted, D11)
 * @param maxRequestHeaderBytes the largest request line plus headers, in bytes, counted as HTTP/1.1 sends them
 *     ({@code METHOD SP target SP protocol CRLF} and {@code name: value CRLF} per header); above it the answer is
 *     431. Default 10,240
 * @param integrationTimeout how long the gateway waits for an integration, 50 ms to 30 s; after it the answer is
 *     503. Default 30 s. Routes may set their own
 * @param maxRoutes the largest number of routes per API. Default 300 (AWS's adjustable quota)
 * @param maxResponseHeaderBytes the largest status line plus headers of an answer, counted the same way; an
 *     integration answering more fails (500) instead of reaching the client half-written. Default 65,536 (decision
 *     D16: AWS documents no response header quota; this is far above what clients commonly accept, so a response
 *     that works on AWS works here). Hosts must let their container write at least this much ({@code
 *     PorticoServer} does)
 */
public record GatewayLimits(
    int maxBodyBytes, int maxRequestHeaderBytes, Duration integrationTimeout, int maxRoutes,
    int maxResponseHeaderBytes) {

  /** AWS's payload quota, 10 MB read as 10,485,760 bytes (D11). */
  public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
  /** AWS's quota for the request line and headers. */
  public static final int DEFAULT_MAX_REQUEST_HEADER_BYTES = 10_240;
  /** The shortest integration timeout AWS accepts. */
  public static final Duration MIN_INTEGRATION_TIMEOUT = Duration.ofMillis(50);
  /** The longest integration timeout AWS accepts, and the default. */
  public static final Duration MAX_INTEGRATION_TIMEOUT = Duration.ofSeconds(30);
  /** AWS's default quota of routes per API. */
  public static final int DEFAULT_MAX_ROUTES = 300;
  /** The default bound on an answer's status line and headers (decision D16). */
  public static final int DEFAULT_MAX_RESPONSE_HEADER_BYTES = 64 * 1024;

  private static final GatewayLimits DEFAULTS =
      new GatewayLimits(
          DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REQUEST_HEADER_BYTES, MAX_INTEGRATION_TIMEOUT, DEFAULT_MAX_ROUTES,
          DEFAULT_MAX_RESPONSE_HEADER_BYTES);

  /**
   * Validates the limits.
   *
   * @param maxBodyBytes the body limit
   * @param maxRequestHeaderBytes the header limit
   * @param integrationTimeout the integration timeout
   * @param maxRoutes the route limit
   * @param maxResponseHeaderBytes the response header limit
   * @throws GatewayConfigException naming the limit that is out of range
   */
  public GatewayLimits {
    if (maxBodyBytes < 0) {
      throw new GatewayConfigException("GatewayLimits.maxBodyBytes", maxBodyBytes, "must not be negative",
          "maxBodyBytes must not be negative, got " + maxBodyBytes);
    }
    if (maxRequestHeaderBytes < 16) {
      throw new GatewayConfigException("GatewayLimits.maxRequestHeaderBytes", maxRequestHeaderBytes,
          "must be at least 16", "maxRequestHeaderBytes must be at least 16, got " + maxRequestHeaderBytes);
    }
    checkTimeout("GatewayLimits.integrationTimeout", "integrationTimeout", integrationTimeout);
    if (maxRoutes < 1) {
      throw new GatewayConfigException("GatewayLimits.maxRoutes", maxRoutes, "must be at least 1",
          "maxRoutes must be at least 1, got " + maxRoutes);
    }
    if (maxResponseHeaderBytes < 1024) {
      throw new GatewayConfigException("GatewayLimits.maxResponseHeaderBytes", maxResponseHeaderBytes,
          "must be at least 1024", "maxResponseHeaderBytes must be at least 1024, got " + maxResponseHeaderBytes);
    }
  }

  /**
   * AWS's quotas.
   *
   * @return the defaults
   */
  public static GatewayLimits defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /**
   * A builder starting from these limits.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** AWS's integration timeout range; {@code field} names it as data, {@code label} in the message. */
  static Duration checkTimeout(String field, String label, Duration timeout) {
    Objects.requireNonNull(timeout, label);
    if (timeout.compareTo(MIN_INTEGRATION_TIMEOUT) < 0 || timeout.compareTo(MAX_INTEGRATION_TIMEOUT) > 0) {
      throw new GatewayConfigException(field, timeout.toMillis() + " ms",
          "must be between 50 ms and 30,000 ms (AWS's integration timeout range)",
          label + " must be between 50 ms and 30,000 ms (AWS's integration timeout range), got "
              + timeout.toMillis() + " ms");
    }
    return timeout;
  }

  /** Builds {@link GatewayLimits}. */
  public static final class Builder {
    private int maxBodyBytes;
    private int maxRequestHeaderBytes;
    private Duration integrationTimeout;
    private int maxRoutes;
    private int maxResponseHeaderBytes;

    private Builder(GatewayLimits from) {
      this.maxBodyBytes = from.maxBodyBytes;
      this.maxRequestHeaderBytes = from.maxRequestHeaderBytes;
      this.integrationTimeout = from.integrationTimeout;
      this.maxRoutes = from.maxRoutes;
      this.maxResponseHeaderBytes = from.maxResponseHeaderBytes;
    }

    /**
     * Sets the body limit.
     *
     * @param maxBodyBytes bytes, 0 or more
     * @return this builder
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets the request line and headers limit.
     *
     * @param maxRequestHeaderBytes bytes, at least 16
     * @return this builder
     */
    public Builder maxRequestHeaderBytes(int maxRequestHeaderBytes) {
      this.maxRequestHeaderBytes = maxRequestHeaderBytes;
      return this;
    }

    /**
     * Sets the default integration timeout.
     *
     * @param integrationTimeout 50 ms to 30 s
     * @return this builder
     */
    public Builder integrationTimeout(Duration integrationTimeout) {
      this.integrationTimeout = integrationTimeout;
      return this;
    }

    /**
     * Sets the route limit.
     *
     * @param maxRoutes 1 or more
     * @return this builder
     */
    public Builder maxRoutes(int maxRoutes) {
      this.maxRoutes = maxRoutes;
      return this;
    }

    /**
     * Sets the response line and headers limit.
     *
     * @param maxResponseHeaderBytes bytes, at least 1024
     * @return this builder
     */
    public Builder maxResponseHeaderBytes(int maxResponseHeaderBytes) {
      this.maxResponseHeaderBytes = maxResponseHeaderBytes;
      return this;
    }

    /**
     * Builds the limits.
     *
     * @return the limits
     * @throws GatewayConfigException naming the limit that is out of range
     */
    public GatewayLimits build() {
      return new GatewayLimits(maxBodyBytes, maxRequestHeaderBytes, integrationTimeout, maxRoutes,
          maxResponseHeaderBytes);
    }
  }
}
