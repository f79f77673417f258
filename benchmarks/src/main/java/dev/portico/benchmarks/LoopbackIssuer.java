package dev.portico.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * An OpenID issuer on 127.0.0.1 for benchmarks: one RSA-2048 key ({@code kid} k1), discovery and JWKS over the JDK
 * HttpServer, RS256 tokens signed with the JCA.
 */
final class LoopbackIssuer implements AutoCloseable {
  private final KeyPair pair;
  private final HttpServer server;
  private final String issuer;

  LoopbackIssuer() throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    pair = generator.generateKeyPair();
    RSAPublicKey publicKey = publicKey();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/pool";
    serve("/pool/.well-known/openid-configuration",
        "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
    serve("/pool/jwks", "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + b64(unsigned(publicKey.getModulus())) + "\",\"e\":\"" + b64(unsigned(publicKey.getPublicExponent()))
        + "\"}]}");
    server.start();
  }

  String issuer() {
    return issuer;
  }

  RSAPublicKey publicKey() {
    return (RSAPublicKey) pair.getPublic();
  }

  /** A Cognito-like access token for audience {@code pets-api}, valid for a day, about 800 characters. */
  String cognitoLikeToken() throws GeneralSecurityException {
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
    return input + "." + b64(signer.sign());
  }

  private void serve(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext(path, exchange -> {
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] unsigned(BigInteger i) {
    byte[] b = i.toByteArray();
    return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }
}
