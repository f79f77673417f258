package dev.portico.testing.internal;

import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/** RSA signing keys for the test issuer. */
public final class Keys {
  private Keys() {}

  /**
   * A fresh RSA key pair as a JWK with a random {@code kid}, {@code alg: RS256}, {@code use: sig}.
   *
   * @param bits the modulus size
   * @return the key
   */
  public static RsaJsonWebKey rsa(int bits) {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(bits);
      key.setKeyId("test-" + UUID.randomUUID().toString().substring(0, 13));
      key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      key.setUse("sig");
      return key;
    } catch (JoseException e) {
      throw new IllegalStateException("cannot generate an RSA key: " + e, e);
    }
  }
}
