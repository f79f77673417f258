package dev.portico.auth.jwt;

import static dev.portico.auth.jwt.IssuerFixture.b64;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per attack the authorizer must refuse: each asserts the denial, the precise internal reason, and that
 * the client learns nothing beyond AWS's generic 401.
 */
class JwtAttackTest {

  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final KeyPair EC = IssuerFixture.ec("secp256r1");
  static final KeyPair WEAK = IssuerFixture.rsa(1024);
  static final KeyPair ATTACKER = IssuerFixture.rsa(2048);

  static IssuerFixture issuer;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.withKeyA();
    issuer.addJwk("enc", IssuerFixture.jwkJson("enc", IssuerFixture.RSA_B, null, "enc"));
    issuer.signWith("enc", IssuerFixture.RSA_B.getPrivate());
    issuer.addJwk("weak", IssuerFixture.jwkJson("weak", WEAK, "RS256", "sig"));
    issuer.signWith("weak", WEAK.getPrivate());
    issuer.addKey("ec", EC, "ES256");
    issuer.addKey("rs256only", IssuerFixture.RSA_B, "RS256");
    String withPrivate = IssuerFixture.jwkJson("priv", IssuerFixture.RSA_B, "RS256", "sig");
    issuer.addJwk("priv", withPrivate.substring(0, withPrivate.length() - 1) + ",\"d\":\"AAAA\"}");
    issuer.signWith("priv", IssuerFixture.RSA_B.getPrivate());
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  static IssuerFixture.Token valid() {
    return issuer.token().validAt(NOW);
  }

  static Arguments attack(String name, Function<IssuerFixture.Token, String> token, DenialReason reason) {
    return Arguments.of(name, token, reason);
  }

  static String unsigned(IssuerFixture.Token t, String signature) {
    return b64(t.headerText().getBytes(StandardCharsets.UTF_8)) + "."
        + b64(t.claimsText().getBytes(StandardCharsets.UTF_8)) + "." + signature;
  }

  static Stream<Arguments> attacks() {
    return Stream.of(
        attack("alg none, empty signature", t -> unsigned(t.headerJson("alg", "\"none\""), ""),
            DenialReason.ALGORITHM_NONE),
        attack("alg None (case variant)", t -> unsigned(t.headerJson("alg", "\"None\""), ""),
            DenialReason.ALGORITHM_NONE),
        attack("alg none with a signature", t -> unsigned(t.headerJson("alg", "\"none\""), "AAAA"),
            DenialReason.ALGORITHM_NONE),
        attack("key confusion: HS256 keyed with the RSA public key", t -> hmacWithPublicKey(t),
            DenialReason.ALGORITHM_NOT_ALLOWED),
        attack("PS256 while only the RSA defaults are allowed", t -> t.alg("PS256").sign(),
            DenialReason.ALGORITHM_NOT_ALLOWED),
        attack("ES256 while only the RSA defaults are allowed", t -> t.alg("ES256").kid("ec").sign(),
            DenialReason.ALGORITHM_NOT_ALLOWED),
        attack("unknown alg", t -> unsigned(t.headerJson("alg", "\"RS257\""), "AAAA"),
            DenialReason.ALGORITHM_NOT_ALLOWED),
        attack("alg not a string", t -> unsigned(t.headerJson("alg", "[\"RS256\"]"), "AAAA"),
            DenialReason.MALFORMED_HEADER),
        attack("embedded jwk: the attacker's own key in the header",
            t -> t.headerJson("jwk", IssuerFixture.jwkJson("a", ATTACKER, "RS256", "sig")).signedWith(
                ATTACKER.getPrivate()).sign(), DenialReason.EMBEDDED_KEY),
        attack("jku pointing at the attacker's JWKS",
            t -> t.headerJson("jku", "\"https://evil.example/jwks\"").signedWith(ATTACKER.getPrivate()).sign(),
            DenialReason.EMBEDDED_KEY),
        attack("x5u pointing at the attacker's certificate",
            t -> t.headerJson("x5u", "\"https://evil.example/cert\"").signedWith(ATTACKER.getPrivate()).sign(),
            DenialReason.EMBEDDED_KEY),
        attack("x5c with the attacker's certificate chain",
            t -> t.headerJson("x5c", "[\"MIIB\"]").signedWith(ATTACKER.getPrivate()).sign(),
            DenialReason.EMBEDDED_KEY),
        attack("crit header naming an extension", t -> t.headerJson("crit", "[\"exp\"]").headerJson("exp", "1")
            .sign(), DenialReason.CRITICAL_HEADER),
        attack("JWE compact serialization (five segments)", t -> "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ"
            + ".AAAA.AAAA.AAAA.AAAA", DenialReason.ENCRYPTED_TOKEN),
        attack("enc header in a three-segment token", t -> t.headerJson("enc", "\"A256GCM\"").sign(),
            DenialReason.ENCRYPTED_TOKEN),
        attack("nested JWT (cty JWT)", t -> t.headerJson("cty", "\"JWT\"").sign(), DenialReason.NESTED_TOKEN),
        attack("token over 16 KB", t -> t.claim("pad", "x".repeat(16_384)).sign(), DenialReason.TOKEN_TOO_LARGE),
        attack("four segments", t -> t.sign() + ".AAAA", DenialReason.MALFORMED_TOKEN),
        attack("six segments", t -> t.sign() + ".AAAA.AAAA.AAAA", DenialReason.MALFORMED_TOKEN),
        attack("one segment", t -> "eyJhbGciOiJSUzI1NiJ9", DenialReason.MALFORMED_TOKEN),
        attack("base64 padding in the signature", t -> t.sign() + "=", DenialReason.MALFORMED_TOKEN),
        attack("space inside the payload", t -> {
          String s = t.sign();
          int dot = s.indexOf('.');
          return s.substring(0, dot + 1) + " " + s.substring(dot + 1);
        }, DenialReason.MALFORMED_TOKEN),
        attack("standard base64 characters (+ /) instead of base64url", t -> t.sign().replace('-', '+'),
            DenialReason.MALFORMED_TOKEN),
        attack("header is not JSON", t -> b64("not json".getBytes(StandardCharsets.UTF_8)) + ".e30.AAAA",
            DenialReason.MALFORMED_HEADER),
        attack("header is a JSON array", t -> b64("[1]".getBytes(StandardCharsets.UTF_8)) + ".e30.AAAA",
            DenialReason.MALFORMED_HEADER),
        attack("duplicate alg in the header", t -> t.signRaw("{\"alg\":\"RS256\",\"kid\":\"a\",\"alg\":\"none\"}",
            t.claimsText()), DenialReason.MALFORMED_HEADER),
        attack("signed claims that are not JSON", t -> t.signRaw(t.headerText(), "iss=me"),
            DenialReason.MALFORMED_CLAIMS),
        attack("signed claims with a duplicate iss", t -> t.signRaw(t.headerText(),
            t.claimsText().replace("{", "{\"iss\":\"https://evil.example\",")), DenialReason.MALFORMED_CLAIMS),
        attack("signed claims with invalid UTF-8", t -> signBytes(t, new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1',
            '}'}), DenialReason.MALFORMED_CLAIMS),
        attack("signed claims nested 40 deep", t -> t.signRaw(t.headerText(),
            t.claimsText().replace("}", ",\"deep\":" + "[".repeat(40) + "]".repeat(40) + "}")),
            DenialReason.MALFORMED_CLAIMS),
        attack("no kid", t -> t.headerJson("kid", null).sign(), DenialReason.MISSING_KID),
        attack("kid not a string", t -> t.headerJson("kid", "7").signedWith(IssuerFixture.RSA_A.getPrivate()).sign(),
            DenialReason.MALFORMED_HEADER),
        attack("kid unknown to the JWKS", t -> t.kid("nobody").signedWith(ATTACKER.getPrivate()).sign(),
            DenialReason.UNKNOWN_KID),
        attack("kid of a key with use enc", t -> t.kid("enc").sign(), DenialReason.UNUSABLE_KEY),
        attack("kid of a 1024-bit RSA key", t -> t.kid("weak").sign(), DenialReason.UNUSABLE_KEY),
        attack("kid of a key published with private members", t -> t.kid("priv").sign(), DenialReason.UNUSABLE_KEY),
        attack("RS384 on a key that declares RS256", t -> t.kid("rs256only").alg("RS384").sign(),
            DenialReason.KEY_ALGORITHM_MISMATCH),
        attack("signature by another key under a valid kid", t -> t.signedWith(ATTACKER.getPrivate()).sign(),
            DenialReason.INVALID_SIGNATURE),
        attack("signature of a different payload", t -> {
          String good = t.sign();
          String other = valid().claim("sub", "admin").sign();
          return other.substring(0, other.lastIndexOf('.')) + good.substring(good.lastIndexOf('.'));
        }, DenialReason.INVALID_SIGNATURE),
        attack("signature one byte short", t -> {
          String s = t.sign();
          byte[] sig = java.util.Base64.getUrlDecoder().decode(s.substring(s.lastIndexOf('.') + 1));
          return s.substring(0, s.lastIndexOf('.') + 1) + b64(java.util.Arrays.copyOf(sig, sig.length - 1));
        }, DenialReason.INVALID_SIGNATURE),
        attack("non-canonical base64url: unused bits set in the signature", t -> {
          String s = t.sign(); // 256 bytes → 342 characters, the last one carries 4 unused bits
          char last = s.charAt(s.length() - 1);
          return s.substring(0, s.length() - 1) + (last == 'A' ? 'B' : (char) (last + 1));
        }, DenialReason.MALFORMED_TOKEN),
        attack("empty signature", t -> {
          String s = t.sign();
          return s.substring(0, s.lastIndexOf('.') + 1);
        }, DenialReason.MALFORMED_TOKEN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refused(String name, Function<IssuerFixture.Token, String> attack, DenialReason reason) {
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).build());
    assertRefused(authorizer, attack.apply(valid()), reason);
  }

  static Stream<Arguments> ecAttacks() {
    return Stream.of(
        attack("ES256 psychic signature: r = s = 0 (CVE-2022-21449)", t -> withSignature(t.alg("ES256").kid("ec"),
            new byte[64]), DenialReason.INVALID_SIGNATURE),
        attack("ES256 with r = s = n (the group order)", t -> withSignature(t.alg("ES256").kid("ec"),
            rAndSEqualOrder()), DenialReason.INVALID_SIGNATURE),
        attack("ES256 signature in DER instead of r||s", t -> {
          String s = t.alg("ES256").kid("ec").sign();
          return s.substring(0, s.lastIndexOf('.') + 1) + b64(new byte[70]);
        }, DenialReason.INVALID_SIGNATURE),
        attack("RS256 token naming the EC key", t -> t.kid("ec").signedWith(IssuerFixture.RSA_A.getPrivate()).sign(),
            DenialReason.KEY_ALGORITHM_MISMATCH),
        attack("ES384 on a P-256 key", t -> withSignature(t.alg("ES384").kid("ec"), new byte[96]),
            DenialReason.KEY_ALGORITHM_MISMATCH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ecAttacks")
  void refusedWithEcEnabled(String name, Function<IssuerFixture.Token, String> attack, DenialReason reason) {
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW))
        .allowedAlgorithms(JwtAlgorithm.RS256, JwtAlgorithm.ES256, JwtAlgorithm.ES384).build());
    assertRefused(authorizer, attack.apply(valid()), reason);
    // and a genuine ES256 token from the same key is accepted, so the refusals above are about the attack
    assertThat(authorizer.authorize(valid().alg("ES256").kid("ec").sign(), Set.of()).isAllowed()).isTrue();
  }

  private static void assertRefused(JwtAuthorizer authorizer, String token, DenialReason reason) {
    AuthorizationResult result = authorizer.authorize("Bearer " + token, Set.of());
    assertThat(result).isInstanceOf(AuthorizationResult.Denied.class);
    AuthorizationResult.Denied denied = (AuthorizationResult.Denied) result;
    assertThat(denied.reason()).as(denied.detail()).isEqualTo(reason);
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(denied.wwwAuthenticate())
        .isEqualTo("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token is not valid\"");
    assertThat(authorizer.metrics().denied(reason)).isEqualTo(1);
  }

  static String withSignature(IssuerFixture.Token t, byte[] signature) {
    return unsigned(t, b64(signature));
  }

  static byte[] rAndSEqualOrder() {
    byte[] n = IssuerFixture.fixed(((java.security.interfaces.ECPublicKey) EC.getPublic()).getParams().getOrder(), 32);
    byte[] sig = new byte[64];
    System.arraycopy(n, 0, sig, 0, 32);
    System.arraycopy(n, 0, sig, 32, 32);
    return sig;
  }

  static String signBytes(IssuerFixture.Token t, byte[] claims) {
    String input = b64(t.headerText().getBytes(StandardCharsets.UTF_8)) + "." + b64(claims);
    return input + "." + b64(IssuerFixture.signature("RS256", IssuerFixture.RSA_A.getPrivate(),
        input.getBytes(StandardCharsets.US_ASCII)));
  }

  static String hmacWithPublicKey(IssuerFixture.Token t) {
    try {
      t.alg("HS256");
      String input = b64(t.headerText().getBytes(StandardCharsets.UTF_8)) + "."
          + b64(t.claimsText().getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] secret = ((RSAPublicKey) IssuerFixture.RSA_A.getPublic()).getEncoded();
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
