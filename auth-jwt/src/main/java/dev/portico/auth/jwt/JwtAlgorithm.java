package dev.portico.auth.jwt;

import java.util.Optional;

/**
 * The JWS signature algorithms a {@link JwtAuthorizer} can verify (RFC 7518 §3).
 *
 * <p>AWS's JWT authorizer supports only the RSA PKCS #1 v1.5 family, so {@link #RS256}, {@link #RS384} and
 * {@link #RS512} are the default; the others must be enabled with
 * {@link JwtAuthorizerConfig.Builder#allowedAlgorithms}. Symmetric ({@code HS*}) algorithms do not exist here at
 * all: a gateway never holds a shared secret, and a token that names one is rejected, which also rules out the
 * RSA-key-as-HMAC-secret confusion attack.
 *
 * <pre>{@code
 * JwtAlgorithm.parse("PS256");               // Optional[PS256]
 * JwtAlgorithm.parse("HS256");               // Optional.empty
 * }</pre>
 */
public enum JwtAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256 (AWS default). */
  RS256("SHA256withRSA", Family.RSA, 0),
  /** RSASSA-PKCS1-v1_5 with SHA-384 (AWS default). */
  RS384("SHA384withRSA", Family.RSA, 0),
  /** RSASSA-PKCS1-v1_5 with SHA-512 (AWS default). */
  RS512("SHA512withRSA", Family.RSA, 0),
  /** RSASSA-PSS with SHA-256 and MGF1 with SHA-256 (opt-in; not supported by AWS). */
  PS256("RSASSA-PSS", Family.RSA_PSS, 32),
  /** RSASSA-PSS with SHA-384 and MGF1 with SHA-384 (opt-in; not supported by AWS). */
  PS384("RSASSA-PSS", Family.RSA_PSS, 48),
  /** RSASSA-PSS with SHA-512 and MGF1 with SHA-512 (opt-in; not supported by AWS). */
  PS512("RSASSA-PSS", Family.RSA_PSS, 64),
  /** ECDSA on P-256 with SHA-256 (opt-in; not supported by AWS). */
  ES256("SHA256withECDSAinP1363Format", Family.EC, 32),
  /** ECDSA on P-384 with SHA-384 (opt-in; not supported by AWS). */
  ES384("SHA384withECDSAinP1363Format", Family.EC, 48),
  /** ECDSA on P-521 with SHA-512 (opt-in; not supported by AWS). */
  ES512("SHA512withECDSAinP1363Format", Family.EC, 66);

  enum Family { RSA, RSA_PSS, EC }

  private final String jcaName;
  private final Family family;
  private final int size;

  JwtAlgorithm(String jcaName, Family family, int size) {
    this.jcaName = jcaName;
    this.family = family;
    this.size = size;
  }

  /**
   * The algorithm a JOSE header's {@code alg} names, case-sensitive as RFC 7515 requires.
   *
   * @param alg the header value
   * @return the algorithm, or empty for {@code none}, {@code HS*} and anything unknown
   */
  public static Optional<JwtAlgorithm> parse(String alg) {
    if (alg != null && alg.length() == 5) {
      for (JwtAlgorithm a : values()) {
        if (a.name().equals(alg)) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  String jcaName() {
    return jcaName;
  }

  Family family() {
    return family;
  }

  /** For PSS the hash (and salt) length in bytes; for ECDSA the length of r and of s in bytes. */
  int size() {
    return size;
  }

  /** The JWK key type ({@code kty}) this algorithm verifies with. */
  String keyType() {
    return family == Family.EC ? "EC" : "RSA";
  }
}
