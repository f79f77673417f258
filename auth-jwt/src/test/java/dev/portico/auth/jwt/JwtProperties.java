package dev.portico.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Hostile input never escapes {@code authorize} as an exception and never gets in. */
class JwtProperties {

  static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  static IssuerFixture issuer;
  static JwtAuthorizer authorizer;
  static String valid;

  @BeforeAll
  static void start() {
    issuer = IssuerFixture.withKeyA();
    authorizer = JwtAuthorizer.create(issuer.config(new MutableClock(NOW)).tokenCacheSize(0).build());
    valid = issuer.token().validAt(NOW).sign();
    assertThat(authorizer.authorize(valid, Set.of()).isAllowed()).isTrue();
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  static final Gen<String> TOKENISH = Generate.pick(List.of("eyJ", ".", "..", "Bearer ", "AAAA", "e30", "=", " ",
      "_", "-", "+", "/", "\u00e9", "\u0000", "eyJhbGciOiJSUzI1NiIsImtpZCI6ImEifQ", "eyJhbGciOiJub25lIn0"))
      .mix(strings().allPossible().ofLengthBetween(1, 4));

  @Test
  void randomIdentityValuesAreDeniedWithoutThrowing() {
    qt().withExamples(3_000).forAll(lists().of(TOKENISH).ofSizeBetween(0, 40))
        .checkAssert(parts -> {
          AuthorizationResult result = authorizer.authorize(String.join("", parts), Set.of());
          assertThat(result.isAllowed()).isFalse();
        });
  }

  @Test
  void everySingleCharacterChangeToAValidTokenIsDenied() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
    qt().withExamples(3_000).forAll(integers().between(0, valid.length() - 1),
            integers().between(0, alphabet.length() - 1))
        .assuming((at, c) -> valid.charAt(at) != alphabet.charAt(c))
        .checkAssert((at, c) -> {
          String mutated = valid.substring(0, at) + alphabet.charAt(c) + valid.substring(at + 1);
          assertThat(authorizer.authorize(mutated, Set.of()).isAllowed()).as(mutated).isFalse();
        });
  }

  static final Gen<String> JSONISH = lists().of(Generate.pick(List.of("{", "}", "[", "]", ",", ":", "\"alg\"",
      "\"RS256\"", "\"kid\"", "\"a\"", "\"iss\"", "\"aud\"", "\"exp\"", "1", "-0", "1e999", "1.5", "true", "null",
      "\"\\u0000\"", "\"\\ud800\"", " ", "\"x\"", "\"pets-api\"", "\"" + "http" + "\""))).ofSizeBetween(0, 30)
      .map(l -> String.join("", l));

  @Test
  void randomSignedHeadersAndClaimsNeverThrow() {
    qt().withExamples(2_000).forAll(JSONISH, JSONISH).checkAssert((header, claims) -> {
      String token = issuer.token().signRaw(header, claims);
      AuthorizationResult result = authorizer.authorize(token, Set.of());
      assertThat(result.isAllowed()).as(header + " / " + claims).isFalse();
    });
  }

  @Test
  void jsonParserAgreesWithJackson() {
    qt().withExamples(5_000).forAll(JSONISH.map(s -> "{" + s)).checkAssert(text -> {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      Map<String, Object> ours;
      try {
        ours = Json.parseObject(bytes);
      } catch (Json.JsonException e) {
        return; // stricter than Jackson is allowed (duplicates, depth); the converse is checked below
      }
      try {
        assertThat(canon(ours)).isEqualTo(canon(MAPPER.readValue(bytes, Object.class)));
      } catch (java.io.IOException e) {
        throw new AssertionError("we accepted what Jackson rejects: " + text, e);
      }
    });
  }

  static final Gen<String> VALUES = Generate.pick(List.of("1", "-7", "0", "1.25", "2e3", "123456789012345678901",
      "true", "false", "null", "\"\"", "\"a b\"", "\"\\u00e9\\n\\\"\"", "\"\u00e9\u4e2d\"", "[]", "{}", "[1,\"x\",[null]]",
      "{\"n\":{\"m\":[true]}}"));

  @Test
  void wellFormedObjectsParseExactlyAsJacksonReadsThem() {
    qt().withExamples(3_000).forAll(lists().of(VALUES).ofSizeBetween(0, 8), Generate.pick(List.of("", " ", "\n\t")))
        .checkAssert((values, ws) -> {
          StringBuilder sb = new StringBuilder("{");
          for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ws).append("\"k").append(i).append('"').append(ws).append(':')
                .append(ws).append(values.get(i));
          }
          String text = sb.append(ws).append('}').toString();
          byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
          try {
            assertThat(canon(Json.parseObject(bytes))).isEqualTo(canon(MAPPER.readValue(bytes, Object.class)));
          } catch (Json.JsonException | java.io.IOException e) {
            throw new AssertionError(text, e);
          }
        });
  }

  /** Numbers as their exact decimal value, so 2e3, 2000 and 2000.0 compare equal. */
  private static Object canon(Object value) {
    if (value instanceof Map) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put((String) k, canon(v)));
      return out;
    }
    if (value instanceof List) {
      return ((List<?>) value).stream().map(JwtProperties::canon).collect(java.util.stream.Collectors.toList());
    }
    if (value instanceof Number) {
      return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toString();
    }
    return value;
  }

  @Test
  void base64urlSegmentsDecodeOnlyInCanonicalForm() {
    qt().withExamples(5_000).forAll(strings().betweenCodePoints('+', 'z').ofLengthBetween(1, 12)).checkAssert(s -> {
      byte[] decoded;
      try {
        decoded = CompactToken.decode(s, 0, s.length(), "payload", true);
      } catch (Rejection r) {
        return;
      }
      assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(decoded)).isEqualTo(s);
    });
  }
}
