package dev.portico.auth.jwt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID provider on 127.0.0.1 built on the JDK HttpServer, for tests that need to control it: its keys,
 * its answers and its failures. Tokens are assembled by hand (JSON text, base64url, JCA signature) so tests can
 * build any header or claim set, valid or hostile. Needs {@code -Dsun.net.httpserver.nodelay=true}.
 */
final class IssuerFixture implements AutoCloseable {

  static final KeyPair RSA_A = rsa(2048);
  static final KeyPair RSA_B = rsa(2048);

  final HttpServer server;
  final String issuer;
  final AtomicInteger discoveryHits = new AtomicInteger();
  final AtomicInteger jwksHits = new AtomicInteger();
  private final Map<String, String> jwks = new LinkedHashMap<>(); // kid -> JWK JSON
  private final Map<String, PrivateKey> signingKeys = new LinkedHashMap<>();

  volatile int status = 200;
  volatile long delayMillis;
  volatile String discoveryIssuer;
  volatile String jwksUriOverride;
  volatile byte[] jwksBody;
  volatile byte[] discoveryBody;
  volatile String cacheControl;
  volatile boolean down;
  volatile boolean chunked;
  volatile java.util.concurrent.CountDownLatch gate;

  private IssuerFixture() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-issuer");
      t.setDaemon(true);
      return t;
    }));
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    server.createContext("/issuer/.well-known/openid-configuration", this::discovery);
    server.createContext("/issuer/jwks", this::jwks);
    server.start();
  }

  static IssuerFixture start() {
    try {
      return new IssuerFixture();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A IssuerFixture with one RSA key, {@code kid} "a". */
  static IssuerFixture withKeyA() {
    IssuerFixture issuer = start();
    issuer.addKey("a", RSA_A, "RS256");
    return issuer;
  }

  JwtAuthorizerConfig.Builder config(Clock clock) {
    return JwtAuthorizerConfig.builder().issuer(issuer).audiences("pets-api").clock(clock);
  }

  synchronized void addKey(String kid, KeyPair pair, String alg) {
    addJwk(kid, jwkJson(kid, pair, alg, "sig"));
    signingKeys.put(kid, pair.getPrivate());
  }

  synchronized void addJwk(String kid, String json) {
    jwks.put(kid, json);
  }

  synchronized void removeKey(String kid) {
    jwks.remove(kid);
  }

  synchronized void signWith(String kid, PrivateKey key) {
    signingKeys.put(kid, key);
  }

  synchronized String jwksJson() {
    return "{\"keys\":[" + String.join(",", jwks.values()) + "]}";
  }

  static String jwkJson(String kid, KeyPair pair, String alg, String use) {
    StringBuilder sb = new StringBuilder("{\"kid\":\"" + kid + "\"");
    if (use != null) {
      sb.append(",\"use\":\"").append(use).append('"');
    }
    if (alg != null) {
      sb.append(",\"alg\":\"").append(alg).append('"');
    }
    if (pair.getPublic() instanceof RSAPublicKey) {
      RSAPublicKey k = (RSAPublicKey) pair.getPublic();
      sb.append(",\"kty\":\"RSA\",\"n\":\"").append(b64(unsigned(k.getModulus()))).append("\",\"e\":\"")
          .append(b64(unsigned(k.getPublicExponent()))).append('"');
    } else {
      ECPublicKey k = (ECPublicKey) pair.getPublic();
      int size = (k.getParams().getCurve().getField().getFieldSize() + 7) / 8;
      sb.append(",\"kty\":\"EC\",\"crv\":\"P-").append(size == 66 ? 521 : size * 8).append("\",\"x\":\"")
          .append(b64(fixed(k.getW().getAffineX(), size))).append("\",\"y\":\"")
          .append(b64(fixed(k.getW().getAffineY(), size))).append('"');
    }
    return sb.append('}').toString();
  }

  private void discovery(HttpExchange exchange) throws IOException {
    discoveryHits.incrementAndGet();
    String jwksUri = jwksUriOverride != null ? jwksUriOverride : issuer + "/jwks";
    String iss = discoveryIssuer != null ? discoveryIssuer : issuer;
    byte[] body = discoveryBody != null ? discoveryBody
        : ("{\"issuer\":\"" + iss + "\",\"jwks_uri\":\"" + jwksUri + "\",\"id_token_signing_alg_values_supported\":"
            + "[\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
    respond(exchange, body);
  }

  private void jwks(HttpExchange exchange) throws IOException {
    jwksHits.incrementAndGet();
    byte[] body = jwksBody != null ? jwksBody : jwksJson().getBytes(StandardCharsets.UTF_8);
    if (cacheControl != null) {
      exchange.getResponseHeaders().add("cache-control", cacheControl);
    }
    respond(exchange, body);
  }

  private void respond(HttpExchange exchange, byte[] body) throws IOException {
    try (exchange) {
      if (down) {
        return; // closed without an answer
      }
      java.util.concurrent.CountDownLatch g = gate;
      if (g != null) {
        try {
          g.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      long delay = delayMillis;
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      } catch (IOException clientGone) {
        // the authorizer gave up (size cap or timeout): expected in fault tests
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- tokens ----

  Token token() {
    return new Token(this);
  }

  /** A token under construction: header and claim values are raw JSON text. */
  static final class Token {
    private final IssuerFixture issuer;
    private final Map<String, String> header = new LinkedHashMap<>();
    private final Map<String, String> claims = new LinkedHashMap<>();
    private PrivateKey key;
    private String alg = "RS256";

    Token(IssuerFixture issuer) {
      this.issuer = issuer;
      header.put("alg", "\"RS256\"");
      header.put("kid", "\"a\"");
      if (issuer != null) {
        claims.put("iss", json(issuer.issuer));
      }
      claims.put("aud", "\"pets-api\"");
      claims.put("sub", "\"user-1\"");
    }

    /** Standard times around {@code now}: iat now, exp now + 300 s. */
    Token validAt(Instant now) {
      return claim("iat", now.getEpochSecond()).claim("exp", now.getEpochSecond() + 300);
    }

    Token alg(String alg) {
      this.alg = alg;
      header.put("alg", json(alg));
      return this;
    }

    Token kid(String kid) {
      header.put("kid", json(kid));
      return this;
    }

    Token headerJson(String name, String rawJson) {
      if (rawJson == null) {
        header.remove(name);
      } else {
        header.put(name, rawJson);
      }
      return this;
    }

    Token claim(String name, Object value) {
      if (value == null) {
        claims.remove(name);
      } else {
        claims.put(name, value instanceof String ? json((String) value) : String.valueOf(value));
      }
      return this;
    }

    Token claimJson(String name, String rawJson) {
      claims.put(name, rawJson);
      return this;
    }

    Token signedWith(PrivateKey key) {
      this.key = key;
      return this;
    }

    String headerText() {
      return object(header);
    }

    String claimsText() {
      return object(claims);
    }

    String sign() {
      return signRaw(headerText(), claimsText());
    }

    String signRaw(String headerText, String claimsText) {
      String input = b64(headerText.getBytes(StandardCharsets.UTF_8)) + "."
          + b64(claimsText.getBytes(StandardCharsets.UTF_8));
      PrivateKey k = key;
      if (k == null) {
        String kid = header.get("kid");
        synchronized (issuer) {
          k = issuer.signingKeys.get(kid == null ? "a" : kid.substring(1, kid.length() - 1));
        }
      }
      return input + "." + b64(signature(alg, k, input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String object(Map<String, String> members) {
      List<String> parts = new ArrayList<>();
      members.forEach((n, v) -> parts.add(json(n) + ":" + v));
      return "{" + String.join(",", parts) + "}";
    }
  }

  static byte[] signature(String alg, PrivateKey key, byte[] input) {
    try {
      Signature s;
      switch (alg.substring(0, 2)) {
        case "PS":
          s = Signature.getInstance("RSASSA-PSS");
          String hash = "SHA-" + alg.substring(2);
          int len = Integer.parseInt(alg.substring(2)) / 8;
          s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), len, 1));
          break;
        case "ES":
          s = Signature.getInstance("SHA" + (alg.equals("ES512") ? "512" : alg.substring(2)) + "withECDSAinP1363Format");
          break;
        default:
          s = Signature.getInstance("SHA" + alg.substring(2) + "withRSA");
      }
      s.initSign(key);
      s.update(input);
      return s.sign();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] unsigned(BigInteger i) {
    byte[] b = i.toByteArray();
    return b[0] == 0 && b.length > 1 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }

  static byte[] fixed(BigInteger i, int size) {
    byte[] u = unsigned(i);
    byte[] out = new byte[size];
    System.arraycopy(u, 0, out, size - u.length, u.length);
    return out;
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(bits);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
