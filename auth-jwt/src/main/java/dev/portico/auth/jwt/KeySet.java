package dev.portico.auth.jwt;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECField;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jspecify.annotations.Nullable;

/**
 * The keys of one JWKS document, filtered for signature verification.
 *
 * <p>jose4j turns each JWK into a JCA key, but it accepts key sets that mix types and keys meant for encryption, so
 * the filtering is ours: only {@code kty} RSA or EC, {@code use} absent or {@code sig}, {@code key_ops} absent or
 * containing {@code verify}, a declared {@code alg} consistent with the key, no private-key members, RSA moduli of
 * at least 2048 bits with an odd exponent above 1 and without the ROCA fingerprint, EC points on their curve, and
 * each {@code kid} at most once. A key that fails stays in the set as a refusal, so a token naming it is denied
 * with the precise reason ({@link DenialReason#UNUSABLE_KEY}) instead of "unknown kid". One bad key never spoils
 * the others.
 */
final class KeySet {

  static final KeySet EMPTY = new KeySet(Map.of());

  /** kid → {@link VerificationKey} or a {@code String} saying why that key is unusable. */
  private final Map<String, Object> byKid;

  private KeySet(Map<String, Object> byKid) {
    this.byKid = byKid;
  }

  /**
   * Parses a JWKS document. Keys equal to one in {@code previous} are taken from it, so identity survives refreshes.
   *
   * @throws Json.JsonException when the document is not JSON
   * @throws IllegalArgumentException when it is JSON but not a JWKS ({@code keys} missing or not an array)
   */
  static KeySet parse(byte[] json, KeySet previous) throws Json.JsonException {
    Map<String, Object> doc = Json.parseObject(json);
    Object keys = doc.get("keys");
    if (!(keys instanceof List)) {
      throw new IllegalArgumentException("JWKS has no 'keys' array");
    }
    // kid -> the signing candidates with it, and the first reason a non-signing key with it was refused.
    Map<String, List<Map<String, Object>>> candidates = new LinkedHashMap<>();
    Map<String, String> refusals = new HashMap<>();
    for (Object item : (List<?>) keys) {
      if (!(item instanceof Map)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> jwk = (Map<String, Object>) item;
      Object kidValue = jwk.get("kid");
      if (!(kidValue instanceof String)) {
        continue; // AWS matches tokens to keys by kid; a key without one can never be chosen.
      }
      String kid = (String) kidValue;
      Object use = jwk.get("use");
      Object keyOps = jwk.get("key_ops");
      List<Map<String, Object>> list = candidates.computeIfAbsent(kid, k -> new ArrayList<>());
      if (use != null && !"sig".equals(use)) {
        refusals.putIfAbsent(kid, "key '" + kid + "' has use " + use + ", not sig");
      } else if (keyOps != null && !(keyOps instanceof List && ((List<?>) keyOps).contains("verify"))) {
        refusals.putIfAbsent(kid, "key '" + kid + "' has key_ops " + keyOps + " without verify");
      } else {
        list.add(jwk);
      }
    }
    Map<String, Object> byKid = new LinkedHashMap<>();
    candidates.forEach((kid, list) -> {
      if (list.size() > 1) {
        byKid.put(kid, "kid '" + kid + "' appears on " + list.size() + " signing keys");
      } else if (list.size() == 1) {
        byKid.put(kid, toKey(kid, list.get(0), previous));
      } else {
        byKid.put(kid, refusals.get(kid));
      }
    });
    return new KeySet(Map.copyOf(byKid));
  }

  /** The key for {@code kid}, or a rejection saying why there is none. */
  VerificationKey key(String kid) throws Rejection {
    Object entry = byKid.get(kid);
    if (entry instanceof VerificationKey) {
      return (VerificationKey) entry;
    }
    if (entry == null) {
      throw new Rejection(DenialReason.UNKNOWN_KID, "no JWKS key has kid " + Rejection.quote(kid));
    }
    throw new Rejection(DenialReason.UNUSABLE_KEY, (String) entry);
  }

  /** The key for {@code kid} when usable, else null. */
  @Nullable VerificationKey keyOrNull(String kid) {
    Object entry = byKid.get(kid);
    return entry instanceof VerificationKey ? (VerificationKey) entry : null;
  }

  boolean contains(VerificationKey key) {
    return key.equals(byKid.get(key.kid));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeySet && ((KeySet) o).byKid.equals(byKid);
  }

  @Override
  public int hashCode() {
    return byKid.hashCode();
  }

  @Override
  public String toString() {
    return "KeySet" + byKid.keySet();
  }

  private static Object toKey(String kid, Map<String, Object> jwk, KeySet previous) {
    Object kty = jwk.get("kty");
    if (!"RSA".equals(kty) && !"EC".equals(kty)) {
      return "key '" + kid + "' has kty " + kty + "; only RSA and EC keys verify signatures";
    }
    for (String privateMember : new String[] {"d", "p", "q", "dp", "dq", "qi", "oth"}) {
      if (jwk.containsKey(privateMember)) {
        return "key '" + kid + "' publishes private key material ('" + privateMember + "')";
      }
    }
    JwtAlgorithm declared = null;
    Object alg = jwk.get("alg");
    if (alg != null) {
      declared = alg instanceof String ? JwtAlgorithm.parse((String) alg).orElse(null) : null;
      if (declared == null) {
        return "key '" + kid + "' declares alg " + alg + ", not a supported signature algorithm";
      }
      if (!declared.keyType().equals(kty)) {
        return "key '" + kid + "' declares alg " + alg + " for a " + kty + " key";
      }
    }
    Map<String, Object> params = new HashMap<>();
    jwk.forEach((name, value) -> {
      if (value != null) {
        params.put(name, value);
      }
    });
    PublicKey publicKey;
    try {
      JsonWebKey parsed = PublicJsonWebKey.Factory.newPublicJwk(params);
      publicKey = ((PublicJsonWebKey) parsed).getPublicKey();
    } catch (JoseException | RuntimeException e) {
      return "key '" + kid + "' cannot be read: " + e.getMessage();
    }
    int curveBytes = 0;
    if (publicKey instanceof RSAPublicKey) {
      String weak = rsaWeakness((RSAPublicKey) publicKey);
      if (weak != null) {
        return "key '" + kid + "' " + weak;
      }
    } else if (publicKey instanceof ECPublicKey) {
      ECPublicKey ec = (ECPublicKey) publicKey;
      if (!isOnCurve(ec.getW(), ec.getParams().getCurve())) {
        return "key '" + kid + "' is not a point on its curve";
      }
      curveBytes = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
      if (declared != null && declared.size() != curveBytes) {
        return "key '" + kid + "' declares alg " + declared + " on a curve of " + curveBytes * 8 + " bits";
      }
    } else {
      return "key '" + kid + "' is neither RSA nor EC";
    }
    VerificationKey key = new VerificationKey(kid, publicKey, declared, curveBytes);
    VerificationKey old = previous.keyOrNull(kid);
    return old != null && key.equals(old) ? old : key;
  }

  /** Null when the RSA key is acceptable, otherwise what is wrong with it. */
  static @Nullable String rsaWeakness(RSAPublicKey key) {
    BigInteger n = key.getModulus();
    BigInteger e = key.getPublicExponent();
    if (n.bitLength() < 2048) {
      return "has a " + n.bitLength() + "-bit modulus; at least 2048 bits are required";
    }
    if (!e.testBit(0) || e.compareTo(BigInteger.ONE) <= 0 || e.compareTo(n) >= 0) {
      return "has public exponent " + e + "; it must be odd, above 1 and below the modulus";
    }
    if (Roca.hasFingerprint(n)) {
      return "has the ROCA fingerprint (CVE-2017-15361): its private key can be computed";
    }
    return null;
  }

  /** Whether {@code p} satisfies y² = x³ + ax + b over the curve's prime field. */
  static boolean isOnCurve(ECPoint p, EllipticCurve curve) {
    ECField field = curve.getField();
    if (!(field instanceof ECFieldFp) || p.equals(ECPoint.POINT_INFINITY)) {
      return false;
    }
    BigInteger prime = ((ECFieldFp) field).getP();
    BigInteger x = p.getAffineX();
    BigInteger y = p.getAffineY();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(prime) >= 0 || y.compareTo(prime) >= 0) {
      return false;
    }
    BigInteger left = y.multiply(y).mod(prime);
    BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(prime);
    return left.equals(right);
  }
}
