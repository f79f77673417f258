package dev.portico.auth.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;

/**
 * JWS signature verification straight on the JCA, one {@link Signature} per thread and algorithm (they are not
 * thread-safe, and creating one costs more than a small verification).
 *
 * <p>Before the JCA sees a signature its shape is checked: an RSA signature is exactly as long as the modulus, an
 * ECDSA signature is exactly r‖s with both in [1, n−1]. The last rule rejects the "psychic signature" (r = s = 0,
 * CVE-2022-21449) even on a JDK that would accept it.
 */
final class Signatures {

  private static final ThreadLocal<Signature[]> INSTANCES =
      ThreadLocal.withInitial(() -> new Signature[JwtAlgorithm.values().length]);

  private Signatures() {}

  /** Verifies; any malformed signature or JCA failure is simply "does not verify". */
  static boolean verify(JwtAlgorithm algorithm, VerificationKey key, byte[] signingInput, byte[] signature) {
    try {
      switch (algorithm.family()) {
        case RSA:
        case RSA_PSS:
          int modulusBytes = (((RSAPublicKey) key.publicKey).getModulus().bitLength() + 7) / 8;
          if (signature.length != modulusBytes) {
            return false;
          }
          break;
        case EC:
          if (!isEcdsaShape((ECPublicKey) key.publicKey, algorithm.size(), signature)) {
            return false;
          }
          break;
        default:
          throw new AssertionError(algorithm);
      }
      Signature verifier = instance(algorithm);
      verifier.initVerify(key.publicKey);
      if (algorithm.family() == JwtAlgorithm.Family.RSA_PSS) {
        String hash = "SHA-" + algorithm.size() * 8;
        verifier.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), algorithm.size(), 1));
      }
      verifier.update(signingInput);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  static boolean isEcdsaShape(ECPublicKey key, int size, byte[] signature) {
    if (signature.length != 2 * size) {
      return false;
    }
    BigInteger n = key.getParams().getOrder();
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, size));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, size, 2 * size));
    return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
  }

  private static Signature instance(JwtAlgorithm algorithm) throws GeneralSecurityException {
    Signature[] cache = INSTANCES.get();
    Signature s = cache[algorithm.ordinal()];
    if (s == null) {
      s = Signature.getInstance(algorithm.jcaName());
      cache[algorithm.ordinal()] = s;
    }
    return s;
  }
}
