package dev.portico.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying one RS256 access token (RSA-2048, Cognito-like claims, about 800 characters) with the checks AWS makes:
 * signature, issuer, audience, expiry. Side by side in one run:
 * <ul>
 *   <li>{@code raw-jca}: only {@code SHA256withRSA} verification of the signing input — the physical floor;</li>
 *   <li>{@code jose4j}: {@code JwtConsumer} built the textbook way with the public key;</li>
 *   <li>{@code nimbus}: {@code DefaultJWTProcessor} with an in-memory JWK set and a claims verifier;</li>
 *   <li>{@code portico-cold}: {@link JwtAuthorizer} with the verified-token cache off (keys fetched once over
 *       loopback HTTP in setup);</li>
 *   <li>{@code portico-cached}: {@link JwtAuthorizer} answering from its verified-token cache.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JwtBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtBenchmark {

  @Param({"raw-jca", "jose4j", "nimbus", "portico-cold", "portico-cached"})
  public String implementation;

  private String token;
  private byte[] signingInput;
  private byte[] signature;
  private RSAPublicKey publicKey;
  private Signature jca;
  private JwtConsumer jose4j;
  private DefaultJWTProcessor<SecurityContext> nimbus;
  private JwtAuthorizer portico;
  private LoopbackIssuer issuerServer;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    issuerServer = new LoopbackIssuer();
    String issuer = issuerServer.issuer();
    publicKey = issuerServer.publicKey();
    token = issuerServer.cognitoLikeToken();
    int lastDot = token.lastIndexOf('.');
    signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
    signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));

    jca = Signature.getInstance("SHA256withRSA");
    jose4j = new JwtConsumerBuilder().setRequireExpirationTime().setExpectedIssuer(issuer)
        .setExpectedAudience("pets-api").setVerificationKey(publicKey).build();
    nimbus = new DefaultJWTProcessor<>();
    nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
        new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(publicKey).keyID("k1").build()))));
    nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("pets-api",
        new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")));
    portico = JwtAuthorizer.create(JwtAuthorizerConfig.builder().issuer(issuer).audiences("pets-api")
        .tokenCacheSize(implementation.equals("portico-cold") ? 0 : 10_000).build());

    if (!verify()) {
      throw new IllegalStateException(implementation + " does not accept the benchmark token");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    issuerServer.close();
  }

  @Benchmark
  public boolean verify() throws Exception {
    switch (implementation) {
      case "raw-jca":
        jca.initVerify(publicKey);
        jca.update(signingInput);
        return jca.verify(signature);
      case "jose4j":
        return jose4j.processToClaims(token) != null;
      case "nimbus":
        return nimbus.process(token, null) != null;
      default:
        return portico.authorize(token, Set.of()) instanceof AuthorizationResult.Allowed;
    }
  }
}
