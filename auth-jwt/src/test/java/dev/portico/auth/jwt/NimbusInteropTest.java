package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokens and key sets written by a second library (Nimbus JOSE+JWT) are read and verified by Portico. */
class NimbusInteropTest {

  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final java.security.KeyPair EC = IssuerFixture.ec("secp256r1");

  static IssuerFixture issuer;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.start();
    RSAKey rsa = new RSAKey.Builder((RSAPublicKey) IssuerFixture.RSA_A.getPublic()).keyID("rsa")
        .keyUse(KeyUse.SIGNATURE).build();
    ECKey ec = new ECKey.Builder(Curve.P_256, (ECPublicKey) EC.getPublic()).keyID("ec").keyUse(KeyUse.SIGNATURE)
        .build();
    issuer.jwksBody = new JWKSet(List.of(rsa, ec)).toString().getBytes(StandardCharsets.UTF_8); // Nimbus writes it
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  static Stream<Arguments> algorithms() {
    return Stream.of(Arguments.of(JWSAlgorithm.RS256, "rsa"), Arguments.of(JWSAlgorithm.RS384, "rsa"),
        Arguments.of(JWSAlgorithm.RS512, "rsa"), Arguments.of(JWSAlgorithm.PS256, "rsa"),
        Arguments.of(JWSAlgorithm.PS384, "rsa"), Arguments.of(JWSAlgorithm.PS512, "rsa"),
        Arguments.of(JWSAlgorithm.ES256, "ec"));
  }

  @ParameterizedTest(name = "{0} signed by Nimbus verifies")
  @MethodSource("algorithms")
  void nimbusTokensVerify(JWSAlgorithm algorithm, String kid) throws Exception {
    JWSSigner signer = kid.equals("ec") ? new ECDSASigner((ECPrivateKey) EC.getPrivate())
        : new RSASSASigner(IssuerFixture.RSA_A.getPrivate());
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), new JWTClaimsSet.Builder()
        .issuer(issuer.issuer).audience(List.of("x", "pets-api")).subject("u1").claim("scope", "pets/read")
        .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60))).build());
    jwt.sign(signer);

    JwtAuthorizer authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW))
        .allowedAlgorithms(JwtAlgorithm.valueOf(algorithm.getName())).build());
    AuthorizationResult result = authorizer.authorize("Bearer " + jwt.serialize(), Set.of("pets/read"));

    assertThat(result.isAllowed()).as(String.valueOf(result)).isTrue();
    assertThat(((AuthorizationResult.Allowed) result).claims()).containsEntry("sub", "u1")
        .containsEntry("exp", NOW.getEpochSecond() + 60);
  }
}
