package dev.portico.payload;

/**
 * Thrown when a request body or a function's response is larger than its {@link PayloadLimits} setting allows.
 * It is thrown while reading, before more than the limit (plus one byte) is held in memory. The message names
 * the limit and the setting to raise.
 *
 * <pre>{@code
 * PayloadLimits limits = PayloadLimits.builder().maxRequestBodyBytes(1024).build();
 * limits.readRequestBody(hugeStream);
 * // PayloadTooLargeException: request body is larger than 1024 bytes (PayloadLimits.maxRequestBodyBytes)
 * }</pre>
 */
public final class PayloadTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final long limit;

  PayloadTooLargeException(String what, String setting, long limit) {
    super(what + " is larger than " + limit + " bytes (PayloadLimits." + setting + ")");
    this.setting = setting;
    this.limit = limit;
  }

  /**
   * Returns the name of the {@link PayloadLimits} setting that was exceeded.
   *
   * @return {@code "maxRequestBodyBytes"} or {@code "maxResponseBytes"}
   */
  public String setting() {
    return setting;
  }

  /**
   * Returns the limit that was exceeded.
   *
   * @return the limit in bytes
   */
  public long limit() {
    return limit;
  }
}
