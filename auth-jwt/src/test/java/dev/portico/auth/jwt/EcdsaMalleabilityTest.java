package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 14 (decision): with ES256 enabled, both {@code (r, s)} and {@code (r, n − s)} verify. JWS (RFC
 * 7518 §3.4) does not require low-s, and the JDK's own signer produces a high s about half the time, so refusing
 * it would refuse genuine tokens. The second spelling gains an attacker nothing: it carries the same claims and
 * the same expiry, signed by the issuer. ES256 is off by default anyway (AWS accepts only RSA).
 */
class EcdsaMalleabilityTest {
  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final KeyPair EC = IssuerFixture.ec("secp256r1");
  static IssuerFixture issuer;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.withKeyA();
    issuer.addKey("ec", EC, "ES256");
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  @Test
  void bothSValuesOfOneSignatureVerify() {
    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW))
        .allowedAlgorithms(JwtAlgorithm.RS256, JwtAlgorithm.ES256).build());
    String token = issuer.token().validAt(NOW).alg("ES256").kid("ec").sign();
    int dot = token.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    BigInteger n = ((ECPublicKey) EC.getPublic()).getParams().getOrder();
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    byte[] flipped = signature.clone();
    System.arraycopy(IssuerFixture.fixed(n.subtract(s), 32), 0, flipped, 32, 32);
    String other = token.substring(0, dot + 1) + IssuerFixture.b64(flipped);

    assertThat(other).isNotEqualTo(token);
    assertThat(authorizer.authorize(token, Set.of()).isAllowed()).isTrue();
    assertThat(authorizer.authorize(other, Set.of()).isAllowed()).isTrue();
    // What differs is only the spelling: the same claims come out.
    assertThat(((AuthorizationResult.Allowed) authorizer.authorize(other, Set.of())).claims())
        .isEqualTo(((AuthorizationResult.Allowed) authorizer.authorize(token, Set.of())).claims());
  }
}
