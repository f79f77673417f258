package dev.portico.auth.jwt;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One usable JWKS key: its {@code kid}, the JCA public key, and the algorithm it declares (or null).
 * Equality is by content, so a refresh that returns the same key keeps cached tokens valid.
 */
final class VerificationKey {
  final String kid;
  final PublicKey publicKey;
  /** The JWK's {@code alg}, or null when it declares none. */
  final @Nullable JwtAlgorithm declaredAlgorithm;
  /** For EC keys the curve's coordinate length in bytes (32, 48, 66); 0 for RSA. */
  final int curveBytes;
  private final byte[] encoded;

  VerificationKey(String kid, PublicKey publicKey, @Nullable JwtAlgorithm declaredAlgorithm, int curveBytes) {
    this.kid = kid;
    this.publicKey = publicKey;
    this.declaredAlgorithm = declaredAlgorithm;
    this.curveBytes = curveBytes;
    this.encoded = publicKey.getEncoded();
  }

  boolean isRsa() {
    return publicKey instanceof RSAPublicKey;
  }

  boolean isEc() {
    return publicKey instanceof ECPublicKey;
  }

  /** Null when this key may verify {@code algorithm}, otherwise why not. */
  @Nullable String mismatch(JwtAlgorithm algorithm) {
    if (declaredAlgorithm != null && declaredAlgorithm != algorithm) {
      return "key '" + kid + "' declares alg " + declaredAlgorithm + ", token uses " + algorithm;
    }
    switch (algorithm.family()) {
      case RSA:
      case RSA_PSS:
        return isRsa() ? null : "key '" + kid + "' is not an RSA key, token uses " + algorithm;
      case EC:
        if (!isEc()) {
          return "key '" + kid + "' is not an EC key, token uses " + algorithm;
        }
        return curveBytes == algorithm.size() ? null
            : "key '" + kid + "' is on a curve that does not match " + algorithm;
      default:
        throw new AssertionError(algorithm);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof VerificationKey
        && ((VerificationKey) o).kid.equals(kid)
        && ((VerificationKey) o).declaredAlgorithm == declaredAlgorithm
        && Arrays.equals(((VerificationKey) o).encoded, encoded);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kid, declaredAlgorithm, Arrays.hashCode(encoded));
  }

  @Override
  public String toString() {
    return "VerificationKey[" + kid + ", " + publicKey.getAlgorithm() + "]";
  }
}
