package dev.portico.auth.jwt;

/**
 * Bounds on what a {@link JwtAuthorizer} reads from clients and identity providers. Everything beyond a bound is
 * rejected, never truncated; the defaults are AWS's quotas where AWS has one.
 *
 * <pre>{@code
 * JwtLimits limits = JwtLimits.DEFAULTS.withMaxJwksBytes(300_000);   // a provider with very many keys
 * }</pre>
 *
 * @param maxTokenLength the longest token accepted, in characters, without a {@code Bearer } prefix (default 16,384;
 *     a longer token is denied with {@link DenialReason#TOKEN_TOO_LARGE} before any decoding)
 * @param maxJwksBytes the largest JWKS document read (default 150,000 bytes, the AWS quota); the read stops there
 * @param maxDiscoveryBytes the largest OpenID discovery document read (default 150,000 bytes)
 */
public record JwtLimits(int maxTokenLength, int maxJwksBytes, int maxDiscoveryBytes) {

  /** The defaults: 16,384 characters per token, 150,000 bytes per JWKS and per discovery document. */
  public static final JwtLimits DEFAULTS = new JwtLimits(16_384, 150_000, 150_000);

  /**
   * Checks each bound.
   *
   * @param maxTokenLength the longest token accepted, in characters
   * @param maxJwksBytes the largest JWKS document read, in bytes
   * @param maxDiscoveryBytes the largest discovery document read, in bytes
   * @throws JwtConfigException naming the bound when one is out of range
   */
  public JwtLimits {
    check("maxTokenLength", maxTokenLength, 64, 1 << 20);
    check("maxJwksBytes", maxJwksBytes, 64, 10 << 20);
    check("maxDiscoveryBytes", maxDiscoveryBytes, 64, 10 << 20);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new JwtConfigException(name, String.valueOf(value),
          name + " " + value + " must be between " + min + " and " + max);
    }
  }

  /**
   * @param value the longest token accepted, in characters
   * @return a copy with that bound
   */
  public JwtLimits withMaxTokenLength(int value) {
    return new JwtLimits(value, maxJwksBytes, maxDiscoveryBytes);
  }

  /**
   * @param value the largest JWKS document read, in bytes
   * @return a copy with that bound
   */
  public JwtLimits withMaxJwksBytes(int value) {
    return new JwtLimits(maxTokenLength, value, maxDiscoveryBytes);
  }

  /**
   * @param value the largest discovery document read, in bytes
   * @return a copy with that bound
   */
  public JwtLimits withMaxDiscoveryBytes(int value) {
    return new JwtLimits(maxTokenLength, maxJwksBytes, value);
  }
}
