package dev.portico.server.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * {@code portico serve --local-issuer}: an OIDC issuer on 127.0.0.1 for local development, so JWT routes are
 * callable with curl. It publishes discovery and a JWKS as Cognito or Auth0 do, and mints tokens on {@code POST
 * /token} for {@code portico token}. The key lives in memory only and the server answers the loopback interface
 * only: its tokens are worthless anywhere else, and change at every start.
 */
final class LocalIssuer implements AutoCloseable {
  /** Where {@code portico token} looks unless told otherwise. */
  static final int DEFAULT_PORT = 9400;

  private final Server server;
  private final String issuer;
  private final RsaJsonWebKey key;
  private volatile List<String> audiences = List.of();
  private final Clock clock;

  /**
   * Starts the issuer.
   *
   * @param port the port on 127.0.0.1 (0 for a free one)
   * @param clock for the tokens' times
   */
  LocalIssuer(int port, Clock clock) throws ApiLoader.LoadException {
    this.clock = clock;
    try {
      key = RsaJwkGenerator.generateJwk(2048);
    } catch (JoseException e) {
      throw new ApiLoader.LoadException("--local-issuer: cannot make a key: " + e.getMessage());
    }
    key.setKeyId(UUID.randomUUID().toString());
    key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
    key.setUse("sig");
    QueuedThreadPool threads = new QueuedThreadPool(4, 1);
    threads.setName("portico-local-issuer");
    threads.setDaemon(true);
    server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Endpoints());
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new ApiLoader.LoadException("--local-issuer: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
          + "); pick another port with --local-issuer-port");
    }
    issuer = "http://127.0.0.1:" + connector.getLocalPort();
  }

  /** The audiences of the JWT authorizers pointed at it, known once the API is loaded; the first is the default. */
  void audiences(List<String> audiences) {
    this.audiences = List.copyOf(audiences);
  }

  /** @return the issuer URL: the {@code iss} of its tokens and the base of its discovery document */
  String issuer() {
    return issuer;
  }

  /** A signed token: {@code sub}, {@code aud} (the given ones, else the first authorizer audience), scopes, claims. */
  String token(String subject, List<String> audience, List<String> scopes, List<String[]> claims, long seconds)
      throws JoseException {
    JwtClaims jwt = new JwtClaims();
    Instant now = clock.instant();
    jwt.setIssuer(issuer);
    jwt.setSubject(subject);
    List<String> aud = audience.isEmpty() ? audiences.stream().limit(1).toList() : audience;
    if (aud.size() == 1) {
      jwt.setAudience(aud.get(0));
    } else if (!aud.isEmpty()) {
      jwt.setAudience(aud);
    }
    if (!scopes.isEmpty()) {
      jwt.setStringClaim("scope", String.join(" ", scopes));
    }
    for (String[] claim : claims) {
      jwt.setStringClaim(claim[0], claim[1]);
    }
    jwt.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
    jwt.setNotBefore(NumericDate.fromMilliseconds(now.toEpochMilli()));
    jwt.setExpirationTime(NumericDate.fromMilliseconds(now.plusSeconds(seconds).toEpochMilli()));
    jwt.setJwtId(UUID.randomUUID().toString());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(jwt.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping a dev server: nothing to do about it
    }
  }

  /** Discovery, JWKS and the token endpoint; everything else is 404. */
  private final class Endpoints extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      String body;
      String type = "application/json";
      if (path.equals("/.well-known/openid-configuration") && request.getMethod().equals("GET")) {
        body = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks.json\",\"token_endpoint\":\""
            + issuer + "/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
      } else if (path.equals("/jwks.json") && request.getMethod().equals("GET")) {
        body = "{\"keys\":[" + key.toJson() + "]}";
      } else if (path.equals("/token") && request.getMethod().equals("POST")) {
        Fields query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        List<String[]> claims = new ArrayList<>();
        for (String claim : query.getValuesOrEmpty("claim")) {
          int equals = claim.indexOf('=');
          if (equals <= 0) {
            response.setStatus(400);
            Content.Sink.write(response, true, "claim takes NAME=VALUE, got '" + claim + "'\n", callback);
            return true;
          }
          claims.add(new String[] {claim.substring(0, equals), claim.substring(equals + 1)});
        }
        String expires = query.getValue("expires_in");
        body = token(query.getValue("sub") == null ? "local-user" : query.getValue("sub"),
            query.getValuesOrEmpty("aud"), query.getValuesOrEmpty("scope"), claims,
            expires == null ? 3600 : Long.parseLong(expires)) + "\n";
        type = "text/plain";
      } else {
        response.setStatus(404);
        body = "{\"error\":\"not found\"}";
      }
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      Content.Sink.write(response, true, body, callback);
      return true;
    }
  }
}
