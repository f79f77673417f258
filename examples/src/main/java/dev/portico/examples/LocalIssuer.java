package dev.portico.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A tiny OpenID Connect issuer on 127.0.0.1, so that the pets API's JWT routes work offline: an RSA key made at
 * start, {@code /.well-known/openid-configuration} and {@code /jwks.json} over HTTP, and a token minter.
 *
 * <pre>{@code
 * try (LocalIssuer issuer = LocalIssuer.start(0)) {
 *   String token = issuer.token("alice", "pets-app", List.of("pets/read"), Duration.ofHours(1));
 *   // portico serve ... --jwt-issuer petsJwt=issuer.url()
 * }
 * }</pre>
 *
 * <p>For examples and local development only: the key lives in memory, nothing is persisted. Tests get a fuller
 * issuer (rotation, deliberately broken tokens) from {@code portico-testing}.
 */
public final class LocalIssuer implements AutoCloseable {
  private final HttpServer server;
  private final RsaJsonWebKey key;
  private final String url;
  private final Clock clock;

  private LocalIssuer(HttpServer server, RsaJsonWebKey key, Clock clock) {
    this.server = server;
    this.key = key;
    this.clock = clock;
    this.url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Starts an issuer.
   *
   * @param port the port on 127.0.0.1, 0 for any free one
   * @return the running issuer
   * @throws IOException when the port cannot be bound
   */
  public static LocalIssuer start(int port) throws IOException {
    RsaJsonWebKey key;
    try {
      key = RsaJwkGenerator.generateJwk(2048);
    } catch (JoseException e) {
      throw new IllegalStateException("cannot make an RSA key: " + e, e);
    }
    key.setKeyId("local-" + UUID.randomUUID().toString().substring(0, 8));
    key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    key.setUse("sig");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    LocalIssuer issuer = new LocalIssuer(server, key, Clock.systemUTC());
    String discovery = "{\"issuer\":\"" + issuer.url + "\",\"jwks_uri\":\"" + issuer.url + "/jwks.json\","
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"response_types_supported\":[\"token\"],"
        + "\"subject_types_supported\":[\"public\"]}";
    String jwks = "{\"keys\":[" + key.toJson() + "]}";
    server.createContext("/.well-known/openid-configuration", exchange -> send(exchange, discovery));
    server.createContext("/jwks.json", exchange -> send(exchange, jwks));
    server.start();
    return issuer;
  }

  private static void send(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.getResponseHeaders().set("cache-control", "max-age=300");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** @return the issuer URL, {@code http://127.0.0.1:PORT}: the {@code iss} of its tokens */
  public String url() {
    return url;
  }

  /**
   * Mints a signed access token (RS256) as Cognito and most OIDC providers shape them: {@code iss}, {@code sub},
   * {@code aud}, {@code scope} (space separated), {@code iat}, {@code exp}, {@code jti}.
   *
   * @param subject the {@code sub} claim
   * @param audience the {@code aud} claim
   * @param scopes the scopes
   * @param lifetime how long the token is valid
   * @return the compact JWS
   */
  public String token(String subject, String audience, List<String> scopes, Duration lifetime) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(url);
    claims.setSubject(subject);
    claims.setAudience(audience);
    claims.setClaim("scope", String.join(" ", scopes));
    long now = clock.instant().getEpochSecond();
    claims.setIssuedAt(NumericDate.fromSeconds(now));
    claims.setExpirationTime(NumericDate.fromSeconds(now + lifetime.toSeconds()));
    claims.setJwtId(UUID.randomUUID().toString());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign: " + e, e);
    }
  }

  /** Stops the issuer. */
  @Override
  public void close() {
    server.stop(0);
  }
}
