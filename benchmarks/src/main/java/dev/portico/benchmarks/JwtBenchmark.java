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
import com.sun.net.httpserver.HttpServer;
import dev.portico.auth.jwt.AuthorizationResult;
import dev.portico.auth.jwt.JwtAuthorizer;
import dev.portico.auth.jwt.JwtAuthorizerConfig;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
  private HttpServer issuerServer;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    publicKey = (RSAPublicKey) pair.getPublic();

    issuerServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String issuer = "http://127.0.0.1:" + issuerServer.getAddress().getPort() + "/pool";
    String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
        + "\"}]}";
    serve("/pool/.well-known/openid-configuration",
        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
    serve("/pool/jwks", jwks);
    issuerServer.start();

    long now = java.time.Clock.systemUTC().instant().getEpochSecond();
    String header = "{\"kid\":\"k1\",\"alg\":\"RS256\"}";
    String claims = "{\"sub\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",\"iss\":\"" + issuer + "\","
        + "\"client_id\":\"4cq0bkd7pqrl0pmh6k1pvl7hfd\",\"origin_jti\":\"1b0c4e3a-5d8f-4f4e-9d61-2c6f7b8a9e10\","
        + "\"event_id\":\"6a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8\",\"token_use\":\"access\","
        + "\"scope\":\"pets/read pets/write\",\"auth_time\":" + now + ",\"aud\":\"pets-api\",\"exp\":"
        + (now + 86_400) + ",\"iat\":" + now + ",\"jti\":\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\","
        + "\"username\":\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\"}";
    String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(pair.getPrivate());
    signer.update(input.getBytes(StandardCharsets.US_ASCII));
    signature = signer.sign();
    token = input + "." + b64(signature);
    signingInput = input.getBytes(StandardCharsets.US_ASCII);

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

  private void serve(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    issuerServer.createContext(path, exchange -> {
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    issuerServer.stop(0);
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

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] unsigned(BigInteger i) {
    byte[] b = i.toByteArray();
    return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }
}
