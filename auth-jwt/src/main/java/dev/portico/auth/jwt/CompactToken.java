package dev.portico.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A JWS in compact serialization, split and decoded but not yet verified (RFC 7515 §7.1).
 *
 * <p>Stricter than jose4j's own parsing: each segment must be canonical unpadded base64url
 * ({@code [A-Za-z0-9_-]}, no {@code =}, no spaces, zero unused bits), so one signature cannot be presented under
 * many spellings (which would also defeat the verified-token cache) and the Wycheproof base64 cases fail.
 */
final class CompactToken {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final boolean[] ALPHABET = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      ALPHABET[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      ALPHABET[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      ALPHABET[c] = true;
    }
    ALPHABET['-'] = true;
    ALPHABET['_'] = true;
  }

  final String token;
  final String alg;
  final String kid;
  /** End of the signing input ({@code header.payload}) in {@link #token}. */
  final int signingInputEnd;
  final byte[] payload;
  final byte[] signature;

  private CompactToken(String token, String alg, String kid, int signingInputEnd, byte[] payload,
      byte[] signature) {
    this.token = token;
    this.alg = alg;
    this.kid = kid;
    this.signingInputEnd = signingInputEnd;
    this.payload = payload;
    this.signature = signature;
  }

  /** The ASCII bytes of {@code header.payload}, what the signature covers. */
  byte[] signingInput() {
    return token.substring(0, signingInputEnd).getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Splits and decodes a token, and applies the header rules that need no key: algorithm allowed, no embedded
   * keys, no {@code crit}, not encrypted, not nested.
   */
  static CompactToken parse(String token, int maxLength, java.util.Set<JwtAlgorithm> allowed) throws Rejection {
    if (token.length() > maxLength) {
      throw new Rejection(DenialReason.TOKEN_TOO_LARGE,
          "token has " + token.length() + " characters, more than maxTokenLength " + maxLength);
    }
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
      throw new Rejection(DenialReason.MALFORMED_TOKEN, "token does not have three segments");
    }
    int dots = 2;
    for (int i = token.indexOf('.', second + 1); i >= 0; i = token.indexOf('.', i + 1)) {
      dots++;
    }
    if (dots == 4) {
      throw new Rejection(DenialReason.ENCRYPTED_TOKEN, "token has five segments: an encrypted JWT (JWE)");
    }
    if (dots != 2) {
      throw new Rejection(DenialReason.MALFORMED_TOKEN, "token has " + (dots + 1) + " segments, not three");
    }
    byte[] headerBytes = decode(token, 0, first, "header", false);
    Map<String, Object> header;
    try {
      header = Json.parseObject(headerBytes);
    } catch (Json.JsonException e) {
      throw new Rejection(DenialReason.MALFORMED_HEADER, "header is not a JSON object: " + e.getMessage());
    }
    Object algValue = header.get("alg");
    if (!(algValue instanceof String)) {
      throw new Rejection(DenialReason.MALFORMED_HEADER, "header has no string alg");
    }
    String alg = (String) algValue;
    if (header.containsKey("enc")) {
      throw new Rejection(DenialReason.ENCRYPTED_TOKEN, "header has enc: an encrypted JWT (JWE)");
    }
    if (alg.equalsIgnoreCase("none")) {
      throw new Rejection(DenialReason.ALGORITHM_NONE, "alg is " + Rejection.quote(alg));
    }
    JwtAlgorithm algorithm = JwtAlgorithm.parse(alg).orElse(null);
    if (algorithm == null || !allowed.contains(algorithm)) {
      throw new Rejection(DenialReason.ALGORITHM_NOT_ALLOWED, "alg " + Rejection.quote(alg) + " is not one of "
          + allowed);
    }
    for (String name : new String[] {"jwk", "jku", "x5u", "x5c"}) {
      if (header.containsKey(name)) {
        throw new Rejection(DenialReason.EMBEDDED_KEY, "header carries '" + name
            + "'; keys come from the issuer's JWKS only");
      }
    }
    if (header.containsKey("crit")) {
      throw new Rejection(DenialReason.CRITICAL_HEADER, "header has crit " + Rejection.quote(header.get("crit"))
          + "; no extension is supported");
    }
    Object cty = header.get("cty");
    if (cty instanceof String && ((String) cty).equalsIgnoreCase("JWT")) {
      throw new Rejection(DenialReason.NESTED_TOKEN, "header has cty JWT: a nested token");
    }
    Object kidValue = header.get("kid");
    if (kidValue == null) {
      throw new Rejection(DenialReason.MISSING_KID, "header has no kid");
    }
    if (!(kidValue instanceof String)) {
      throw new Rejection(DenialReason.MALFORMED_HEADER, "header kid is not a string");
    }
    byte[] payload = decode(token, first + 1, second, "payload", true);
    byte[] signature = decode(token, second + 1, token.length(), "signature", false);
    return new CompactToken(token, alg, (String) kidValue, second, payload, signature);
  }

  JwtAlgorithm algorithm() {
    return JwtAlgorithm.valueOf(alg);
  }

  /** Decodes one segment of canonical unpadded base64url; {@code allowEmpty} only for the payload. */
  static byte[] decode(String s, int from, int to, String segment, boolean allowEmpty) throws Rejection {
    int len = to - from;
    if (len == 0) {
      if (allowEmpty) {
        return new byte[0];
      }
      throw new Rejection(DenialReason.MALFORMED_TOKEN, segment + " segment is empty");
    }
    if (len % 4 == 1) {
      throw new Rejection(DenialReason.MALFORMED_TOKEN, segment + " segment has an impossible base64url length");
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 128 || !ALPHABET[c]) {
        throw new Rejection(DenialReason.MALFORMED_TOKEN, segment + " segment has a character outside base64url at "
            + i);
      }
    }
    // Canonical form: the bits after the last full byte must be zero.
    int last = value(s.charAt(to - 1));
    if ((len % 4 == 2 && (last & 0x0F) != 0) || (len % 4 == 3 && (last & 0x03) != 0)) {
      throw new Rejection(DenialReason.MALFORMED_TOKEN, segment + " segment is not canonical base64url");
    }
    byte[] latin1 = s.substring(from, to).getBytes(StandardCharsets.ISO_8859_1);
    return BASE64URL.decode(latin1);
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '-' ? 62 : 63;
  }
}
