package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Project Wycheproof's JOSE and signature vectors (Apache-2.0, see {@code wycheproof/SOURCES.md}).
 *
 * <p>The JWS and JWK files run through {@link JwtAuthorizer#authorize}: the group's key set is served by a loopback
 * issuer, and a vector "verifies" when the authorizer gets past every token, key and signature check (the vectors'
 * payloads are not JWT claims, so a verified vector ends at {@link DenialReason#MALFORMED_CLAIMS} or later). The
 * RSA-2048 and P-256 files run through the signature layer.
 */
class WycheproofTest {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Set<JwtAlgorithm> ALL = Set.of(JwtAlgorithm.values());

  /**
   * Vectors where Portico's answer differs from Wycheproof's, each with the reason Portico gives. Three kinds, all
   * of them Portico being stricter on purpose:
   * <ul>
   *   <li>HMAC tokens Wycheproof calls valid: Portico refuses every {@code HS*} token (AWS verifies only asymmetric
   *       signatures; a gateway never holds shared secrets);</li>
   *   <li>RFC 7520 figure 20 (PS384) with a key that declares {@code alg: PS256}: a key is used only for the
   *       algorithm it declares (RFC 7517 §4.4), or confusion between algorithms becomes possible;</li>
   *   <li>RFC 7520 figure 27 with a key that declares {@code alg: ES521}, which is no algorithm (the RFC's typo for
   *       ES512): a key declaring an unknown algorithm is refused, never guessed at.</li>
   * </ul>
   */
  static final Map<String, Map<Integer, DenialReason>> KNOWN_DEVIATIONS = Map.of(
      "json_web_signature_test.json", Map.ofEntries(
          Map.entry(1, DenialReason.ALGORITHM_NOT_ALLOWED),
          Map.entry(346, DenialReason.KEY_ALGORITHM_MISMATCH),
          Map.entry(347, DenialReason.UNUSABLE_KEY),
          Map.entry(348, DenialReason.ALGORITHM_NOT_ALLOWED),
          Map.entry(350, DenialReason.KEY_ALGORITHM_MISMATCH),
          Map.entry(351, DenialReason.UNUSABLE_KEY),
          Map.entry(352, DenialReason.ALGORITHM_NOT_ALLOWED),
          Map.entry(357, DenialReason.ALGORITHM_NOT_ALLOWED),
          Map.entry(358, DenialReason.ALGORITHM_NOT_ALLOWED),
          Map.entry(359, DenialReason.ALGORITHM_NOT_ALLOWED),
          // an HS256 vector whose header Wycheproof corrupts with '?' yet calls valid: refused before alg is read
          Map.entry(372, DenialReason.MALFORMED_TOKEN),
          Map.entry(373, DenialReason.ALGORITHM_NOT_ALLOWED),
          Map.entry(376, DenialReason.ALGORITHM_NOT_ALLOWED),
          Map.entry(377, DenialReason.ALGORITHM_NOT_ALLOWED)),
      "json_web_key_test.json", Map.of(
          2, DenialReason.ALGORITHM_NOT_ALLOWED,
          13, DenialReason.ALGORITHM_NOT_ALLOWED,
          14, DenialReason.ALGORITHM_NOT_ALLOWED,
          15, DenialReason.ALGORITHM_NOT_ALLOWED));

  static IssuerFixture issuer;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.start();
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  @Test
  void jsonWebSignatureVectors() throws IOException {
    runJoseFile("json_web_signature_test.json");
  }

  @Test
  void jsonWebKeyVectors() throws IOException {
    runJoseFile("json_web_key_test.json");
  }

  private void runJoseFile(String file) throws IOException {
    JsonNode root = read(file);
    Map<Integer, String> mismatches = new TreeMap<>();
    Map<Integer, DenialReason> reasons = new TreeMap<>();
    int vectors = 0;
    for (JsonNode group : root.get("testGroups")) {
      JsonNode keys = group.has("public") ? group.get("public") : group.get("private");
      String jwks = keys.has("keys") ? keys.toString() : "{\"keys\":[" + keys + "]}";
      issuer.jwksBody = jwks.getBytes(StandardCharsets.UTF_8);
      JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder().issuer(issuer.issuer)
          .audiences("wycheproof").allowedAlgorithms(JwtAlgorithm.values()).tokenCacheSize(0)
          .clock(new MutableClock(Instant.ofEpochSecond(1_700_000_000L))).build());
      for (JsonNode test : group.get("tests")) {
        vectors++;
        int id = test.get("tcId").asInt();
        boolean expected = test.get("result").asText().equals("valid");
        AuthorizationResult result = authorizer.authorize(test.get("jws").asText(), Set.of());
        boolean verified = result.isAllowed()
            || ((AuthorizationResult.Denied) result).reason().compareTo(DenialReason.MALFORMED_CLAIMS) >= 0;
        if (verified != expected) {
          reasons.put(id, result.isAllowed() ? null : ((AuthorizationResult.Denied) result).reason());
          mismatches.put(id, test.get("comment").asText() + " → " + (result.isAllowed() ? "allowed"
              : ((AuthorizationResult.Denied) result).reason() + ": " + ((AuthorizationResult.Denied) result)
                  .detail()));
        }
      }
    }
    assertThat(vectors).isEqualTo(root.get("numberOfTests").asInt());
    assertThat(reasons).as("vectors that differ from Wycheproof: %s", mismatches)
        .isEqualTo(new TreeMap<>(KNOWN_DEVIATIONS.get(file)));
  }

  @Test
  void rsaPkcs1Sha256Vectors() throws IOException {
    JsonNode root = read("rsa_signature_2048_sha256_test.json");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (JsonNode group : root.get("testGroups")) {
      VerificationKey key = key(group.get("keyJwk"));
      for (JsonNode test : group.get("tests")) {
        String result = test.get("result").asText();
        if (result.equals("acceptable")) {
          continue; // Wycheproof allows either answer
        }
        checked++;
        boolean verified = Signatures.verify(JwtAlgorithm.RS256, key, hex(test.get("msg")), hex(test.get("sig")));
        if (verified != result.equals("valid")) {
          failures.add(test.get("tcId") + " " + test.get("comment").asText());
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
    assertThat(failures).isEmpty();
  }

  @Test
  void ecdsaP256P1363Vectors() throws IOException {
    JsonNode root = read("ecdsa_secp256r1_sha256_p1363_test.json");
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (JsonNode group : root.get("testGroups")) {
      VerificationKey key = key(group.has("publicKeyJwk") ? group.get("publicKeyJwk") : jwk(group.get("publicKey")));
      for (JsonNode test : group.get("tests")) {
        checked++;
        boolean verified = key != null
            && Signatures.verify(JwtAlgorithm.ES256, key, hex(test.get("msg")), hex(test.get("sig")));
        if (verified != test.get("result").asText().equals("valid")) {
          failures.add(test.get("tcId") + " " + test.get("comment").asText());
        }
      }
    }
    assertThat(checked).isEqualTo(root.get("numberOfTests").asInt());
    // JDK 17's SunEC refuses two valid signatures whose arithmetic needs the x-coordinate reduced mod n. A false
    // refusal (never an acceptance) in the JDK itself; ES256 is opt-in, and newer JDKs may pass them.
    assertThat(failures).isSubsetOf("115 k*G has a large x-coordinate",
        "257 r = 3, x = n + 3 is the smallest possible x with a reduction");
  }

  /** A JWK for a Wycheproof EC key given only as coordinates (groups whose keys JWK cannot express well). */
  private static JsonNode jwk(JsonNode publicKey) {
    ObjectNode jwk = MAPPER.createObjectNode().put("kty", "EC").put("crv", "P-256");
    jwk.put("x", coordinate(publicKey.get("wx").asText()));
    jwk.put("y", coordinate(publicKey.get("wy").asText()));
    return jwk;
  }

  private static String coordinate(String hex) {
    byte[] b = new java.math.BigInteger(hex, 16).toByteArray();
    byte[] out = b.length >= 32 ? java.util.Arrays.copyOfRange(b, b.length - 32, b.length) : new byte[32];
    if (b.length < 32) {
      System.arraycopy(b, 0, out, 32 - b.length, b.length);
    }
    return IssuerFixture.b64(out);
  }

  /** The key as the production JWKS path reads it; null when that path refuses it. */
  private static VerificationKey key(JsonNode jwk) {
    ObjectNode copy = jwk.deepCopy();
    copy.put("kid", "w");
    try {
      return KeySet.parse(("{\"keys\":[" + copy + "]}").getBytes(StandardCharsets.UTF_8), KeySet.EMPTY)
          .keyOrNull("w");
    } catch (Json.JsonException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] hex(JsonNode node) {
    return HexFormat.of().parseHex(node.asText());
  }

  private static JsonNode read(String file) throws IOException {
    try (InputStream in = WycheproofTest.class.getResourceAsStream("/wycheproof/" + file)) {
      return MAPPER.readTree(in);
    }
  }
}
