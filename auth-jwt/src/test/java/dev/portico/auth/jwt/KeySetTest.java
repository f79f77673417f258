package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JWKS filtering: each refused key says why, and one bad key never spoils the others. */
class KeySetTest {

  static KeySet parse(String... jwks) throws Json.JsonException {
    return KeySet.parse(("{\"keys\":[" + String.join(",", jwks) + "]}").getBytes(StandardCharsets.UTF_8),
        KeySet.EMPTY);
  }

  static String rsa(String kid, String extra) {
    String jwk = IssuerFixture.jwkJson(kid, IssuerFixture.RSA_A, "RS256", "sig");
    return extra.isEmpty() ? jwk : jwk.substring(0, jwk.length() - 1) + "," + extra + "}";
  }

  static String refusal(KeySet keys, String kid) {
    try {
      keys.key(kid);
      throw new AssertionError("key " + kid + " was accepted");
    } catch (Rejection r) {
      return r.reason() + ": " + r.getMessage();
    }
  }

  @Test
  void refusalsAreNamedAndIsolated() throws Exception {
    KeySet keys = parse(rsa("good", ""), rsa("enc", "\"use\":\"enc\"").replace("\"use\":\"sig\",", ""),
        rsa("ops", "\"key_ops\":[\"encrypt\"]"), "{\"kid\":\"oct\",\"kty\":\"oct\",\"k\":\"AAAA\"}",
        rsa("dup", ""), rsa("dup", ""), IssuerFixture.jwkJson("badalg", IssuerFixture.RSA_A, "ES256", "sig"),
        "{\"kid\":\"junk\",\"kty\":\"RSA\",\"n\":\"%%%\",\"e\":\"AQAB\"}", "{\"kty\":\"RSA\"}", "42");
    assertThat(keys.keyOrNull("good")).isNotNull();
    assertThat(refusal(keys, "enc")).contains("UNUSABLE_KEY").contains("use enc");
    assertThat(refusal(keys, "ops")).contains("key_ops");
    assertThat(refusal(keys, "oct")).contains("kty oct");
    assertThat(refusal(keys, "dup")).contains("appears on 2 signing keys");
    assertThat(refusal(keys, "badalg")).contains("declares alg ES256 for a RSA key");
    assertThat(refusal(keys, "junk")).contains("cannot be read");
    assertThat(refusal(keys, "nobody")).startsWith("UNKNOWN_KID");
  }

  @Test
  void encryptionKeySharingAKidWithASigningKeyDoesNotMakeItAmbiguous() throws Exception {
    KeySet keys = parse(rsa("k", "").replace("\"use\":\"sig\"", "\"use\":\"enc\""), rsa("k", ""));
    assertThat(keys.keyOrNull("k")).isNotNull();
  }

  @Test
  void rsaWeaknesses() {
    BigInteger n2048 = ((java.security.interfaces.RSAPublicKey) IssuerFixture.RSA_A.getPublic()).getModulus();
    assertThat(KeySet.rsaWeakness(rsaKey(n2048, BigInteger.valueOf(65537)))).isNull();
    assertThat(KeySet.rsaWeakness(rsaKey(n2048, BigInteger.ONE))).contains("public exponent 1");
    assertThat(KeySet.rsaWeakness(rsaKey(n2048, BigInteger.valueOf(65536)))).contains("must be odd");
    assertThat(KeySet.rsaWeakness(rsaKey(n2048.shiftRight(1100), BigInteger.valueOf(65537))))
        .contains("at least 2048 bits");
  }

  @Test
  void rocaFingerprint() {
    // A modulus built the flawed way: a product of two primes of the form k*M + 65537^a mod M has the fingerprint.
    BigInteger m = BigInteger.ONE;
    for (int p : new int[] {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
        89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167}) {
      m = m.multiply(BigInteger.valueOf(p));
    }
    BigInteger g = BigInteger.valueOf(65537);
    BigInteger p = BigInteger.valueOf(12345).multiply(m).add(g.modPow(BigInteger.valueOf(77), m));
    BigInteger q = BigInteger.valueOf(67890).multiply(m).add(g.modPow(BigInteger.valueOf(1234), m));
    assertThat(Roca.hasFingerprint(p.multiply(q))).isTrue();
    BigInteger random = ((java.security.interfaces.RSAPublicKey) IssuerFixture.RSA_A.getPublic()).getModulus();
    assertThat(Roca.hasFingerprint(random)).isFalse();
  }

  @Test
  void ecPointMustLieOnItsCurve() throws Exception {
    java.security.interfaces.ECPublicKey ec = (java.security.interfaces.ECPublicKey) IssuerFixture.ec("secp256r1")
        .getPublic();
    assertThat(KeySet.isOnCurve(ec.getW(), ec.getParams().getCurve())).isTrue();
    java.security.spec.ECPoint moved = new java.security.spec.ECPoint(ec.getW().getAffineX(),
        ec.getW().getAffineY().add(BigInteger.ONE));
    assertThat(KeySet.isOnCurve(moved, ec.getParams().getCurve())).isFalse();
  }

  @Test
  void notAJwks() {
    assertThatThrownBy(() -> KeySet.parse("{\"keys\":{}}".getBytes(StandardCharsets.UTF_8), KeySet.EMPTY))
        .hasMessageContaining("no 'keys' array");
    assertThatThrownBy(() -> KeySet.parse("[]".getBytes(StandardCharsets.UTF_8), KeySet.EMPTY))
        .isInstanceOf(Json.JsonException.class);
  }

  @Test
  void unchangedKeysKeepTheirIdentityAcrossRefreshes() throws Exception {
    KeySet first = parse(rsa("a", ""));
    KeySet second = KeySet.parse(("{\"keys\":[" + rsa("a", "") + "]}").getBytes(StandardCharsets.UTF_8), first);
    assertThat(second.keyOrNull("a")).isSameAs(first.keyOrNull("a"));
    assertThat(second).isEqualTo(first);
  }

  static java.security.interfaces.RSAPublicKey rsaKey(BigInteger n, BigInteger e) {
    return new java.security.interfaces.RSAPublicKey() {
      private static final long serialVersionUID = 1L;

      @Override
      public BigInteger getPublicExponent() {
        return e;
      }

      @Override
      public BigInteger getModulus() {
        return n;
      }

      @Override
      public String getAlgorithm() {
        return "RSA";
      }

      @Override
      public String getFormat() {
        return null;
      }

      @Override
      public byte[] getEncoded() {
        return null;
      }
    };
  }
}
