package dev.portico.payload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Size limits for request bodies and function responses, enforced while reading so that hostile input never costs
 * more memory than the limit.
 *
 * <p>Both default to API Gateway's payload quota of 10 MB, read as 10,485,760 bytes; a payload of exactly that
 * size is accepted (decision D11).
 *
 * <pre>{@code
 * PayloadLimits limits = PayloadLimits.builder().maxRequestBodyBytes(1 << 20).build();
 * byte[] body = limits.readRequestBody(in);   // a servlet request's input stream, say; throws past 1 MiB
 * ProxyResponse response = ProxyResponses.decode(functionOutput, PayloadFormat.V2_0, limits);
 * }</pre>
 *
 * @param maxRequestBodyBytes the largest request body accepted, in bytes
 * @param maxResponseBytes the largest function response (the JSON document) accepted, in bytes
 */
public record PayloadLimits(int maxRequestBodyBytes, int maxResponseBytes) {

  /** API Gateway's payload quota: 10 MB = 10,485,760 bytes (facts §3, decision D11). */
  public static final int TEN_MEGABYTES = 10 * 1024 * 1024;

  /** The largest value a limit may take: the largest byte array a JVM reliably allocates. */
  public static final int MAX_LIMIT = Integer.MAX_VALUE - 8;

  private static final PayloadLimits DEFAULTS = new PayloadLimits(TEN_MEGABYTES, TEN_MEGABYTES);

  /**
   * Validates the limits.
   *
   * @param maxRequestBodyBytes the largest request body accepted, in bytes
   * @param maxResponseBytes the largest function response accepted, in bytes
   * @throws IllegalArgumentException naming the setting when a limit is not between 0 and {@link #MAX_LIMIT}
   */
  public PayloadLimits {
    check("maxRequestBodyBytes", maxRequestBodyBytes);
    check("maxResponseBytes", maxResponseBytes);
  }

  /**
   * Returns the defaults: 10 MB for request bodies and for responses.
   *
   * @return the default limits
   */
  public static PayloadLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder that starts from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /**
   * Returns a builder that starts from these limits.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Reads a request body, failing as soon as it grows past {@link #maxRequestBodyBytes()}.
   * The stream is read to its end but not closed.
   *
   * @param in the body
   * @return the body's bytes
   * @throws PayloadTooLargeException when the body is larger than the limit
   * @throws IOException when reading fails
   */
  public byte[] readRequestBody(InputStream in) throws IOException {
    return readBounded(in, maxRequestBodyBytes, "request body", "maxRequestBodyBytes");
  }

  /**
   * Reads a function's response, failing as soon as it grows past {@link #maxResponseBytes()}.
   * The stream is read to its end but not closed.
   *
   * @param in the response
   * @return the response's bytes
   * @throws PayloadTooLargeException when the response is larger than the limit
   * @throws IOException when reading fails
   */
  public byte[] readResponse(InputStream in) throws IOException {
    return readBounded(in, maxResponseBytes, "function response", "maxResponseBytes");
  }

  void checkResponseSize(int length) {
    if (length > maxResponseBytes) {
      throw new PayloadTooLargeException("function response", "maxResponseBytes", maxResponseBytes);
    }
  }

  private static byte[] readBounded(InputStream in, int limit, String what, String setting) throws IOException {
    Objects.requireNonNull(in, "in");
    byte[] buffer = new byte[Math.min(8192, limit + 1)];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length > limit) {
          throw new PayloadTooLargeException(what, setting, limit);
        }
        // Grow, but never beyond limit + 1: one byte past the limit is enough to know it was exceeded.
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit + 1, Math.max(16L, 2L * length)));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
    }
    if (length > limit) {
      throw new PayloadTooLargeException(what, setting, limit);
    }
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  private static void check(String setting, int value) {
    if (value < 0 || value > MAX_LIMIT) {
      throw new IllegalArgumentException(
          setting + " " + value + " must be between 0 and " + MAX_LIMIT + " bytes");
    }
  }

  /**
   * Builds {@link PayloadLimits}; each setter validates its value.
   *
   * <pre>{@code
   * PayloadLimits.builder().maxResponseBytes(6 * 1024 * 1024).build();
   * }</pre>
   */
  public static final class Builder {
    private int maxRequestBodyBytes;
    private int maxResponseBytes;

    private Builder(PayloadLimits start) {
      this.maxRequestBodyBytes = start.maxRequestBodyBytes;
      this.maxResponseBytes = start.maxResponseBytes;
    }

    /**
     * Sets the largest request body accepted.
     *
     * @param bytes 0 to {@link #MAX_LIMIT}
     * @return this builder
     */
    public Builder maxRequestBodyBytes(int bytes) {
      check("maxRequestBodyBytes", bytes);
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    /**
     * Sets the largest function response accepted.
     *
     * @param bytes 0 to {@link #MAX_LIMIT}
     * @return this builder
     */
    public Builder maxResponseBytes(int bytes) {
      check("maxResponseBytes", bytes);
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Builds the limits.
     *
     * @return the limits
     */
    public PayloadLimits build() {
      return new PayloadLimits(maxRequestBodyBytes, maxResponseBytes);
    }
  }
}
