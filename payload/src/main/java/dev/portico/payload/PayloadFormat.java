package dev.portico.payload;

import java.util.Objects;
import java.util.Optional;

/**
 * The payload format version of a Lambda proxy integration: the shape of the event the function receives and of
 * the response it returns.
 *
 * <p>HTTP APIs support {@code 1.0} (the REST-compatible shape) and {@code 2.0}; integrations that are not Lambda
 * functions support only {@code 1.0} (facts §2).
 *
 * <pre>{@code
 * PayloadFormat format = PayloadFormat.parse("2.0");   // V2_0
 * format.version();                                    // "2.0"
 * }</pre>
 */
public enum PayloadFormat {
  /** Payload format {@code 1.0}: {@code headers} + {@code multiValueHeaders}, explicit {@code null}s. */
  V1_0("1.0"),
  /** Payload format {@code 2.0}: comma-joined values, {@code cookies}, absent fields omitted. */
  V2_0("2.0");

  private final String version;

  PayloadFormat(String version) {
    this.version = version;
  }

  /**
   * Returns the version as AWS writes it in {@code payloadFormatVersion} and in the event's {@code version}.
   *
   * @return {@code "1.0"} or {@code "2.0"}
   */
  public String version() {
    return version;
  }

  /**
   * Parses a {@code payloadFormatVersion} value.
   *
   * @param version {@code "1.0"} or {@code "2.0"}
   * @return the format
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static PayloadFormat parse(String version) {
    return tryParse(version).orElseThrow(() -> new IllegalArgumentException(
        "payloadFormatVersion '" + version + "' is not supported: use '1.0' or '2.0'"));
  }

  /**
   * Parses a {@code payloadFormatVersion} value.
   *
   * @param version the text to parse
   * @return the format, or empty when the text is neither {@code "1.0"} nor {@code "2.0"}
   */
  public static Optional<PayloadFormat> tryParse(String version) {
    Objects.requireNonNull(version, "version");
    for (PayloadFormat format : values()) {
      if (format.version.equals(version)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
