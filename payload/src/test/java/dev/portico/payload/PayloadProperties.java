package dev.portico.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property tests: encoded events agree with a reference model written here from facts §2, every byte string
 * given to the decoder either decodes or is reported malformed, and the small parsers agree with the JDK.
 */
class PayloadProperties {
  private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, List<String>>> MULTI = new TypeReference<>() {};
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  /** Text with the characters that stress JSON: quotes, backslashes, controls, non-ASCII, astral, lone surrogates. */
  static Gen<String> text() {
    Gen<String> pieces = lists().of(Generate.pick(List.of(
        "a", "Z", "0", " ", ",", ";", "=", "&", "+", "%", "%2", "%41", "%zz", "\"", "\\", "/", "\t", "\u0001",
        "\u007f", "\u00e9", "\u2028", "\u4e2d", "\ud83d\ude00", "\ud800", "\udfff", "")))
        .ofSizeBetween(0, 8).map(parts -> String.join("", parts));
    return pieces.mix(strings().allPossible().ofLengthBetween(0, 12));
  }

  /** Header values: text without CR, LF or NUL (the builder refuses those). */
  static Gen<String> headerValues() {
    return text().map(t -> t.replace('\r', ' ').replace('\n', ' ').replace('\0', ' '));
  }

  static Gen<String> headerNames() {
    return Generate.pick(List.of("X-A", "x-a", "Accept", "accept", "Cookie", "cookie", "User-Agent", "X-Long-Name",
        "x_1", "!#$%&'*+-.^_`|~"));
  }

  static Gen<List<Pair>> headerLists() {
    return lists().of(headerNames().zip(headerValues(), (n, v) -> new Pair(n, v))).ofSizeBetween(0, 6);
  }

  /** Query pairs, written percent-encoded so that the decoded values are known. */
  static Gen<List<Pair>> queryPairs() {
    Gen<String> names = Generate.pick(List.of("a", "b", "a b", "\u00e9", "x=y", "&", "+"));
    Gen<String> values = text().map(PayloadProperties::wellFormed);
    return lists().of(names.zip(values, (n, v) -> new Pair(n, v))).ofSizeBetween(0, 5);
  }

  static Gen<byte[]> bodies() {
    Gen<byte[]> binary = lists().of(integers().between(0, 255)).ofSizeBetween(0, 40).map(list -> {
      byte[] bytes = new byte[list.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (int) list.get(i);
      }
      return bytes;
    });
    return binary.mix(text().map(t -> t.getBytes(UTF_8)));
  }

  static Gen<String> contentTypes() {
    return Generate.pick(List.of("", "text/plain", "TEXT/CSV; charset=utf-8", "application/json",
        "application/hal+json", "image/svg+xml", "application/xml", "application/javascript", "image/png",
        "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"));
  }

  record Pair(String name, String value) {
    @Override
    public String toString() {
      return escape(name) + "=" + escape(value);
    }
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
        : String.format("\\u%04x", c)));
    return out.toString();
  }

  record Spec(String method, List<Pair> headers, List<Pair> query, String contentType, byte[] body,
      boolean v2) {}

  static Gen<Spec> specs() {
    return Generate.pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PURGE"))
        .zip(headerLists(), queryPairs(), contentTypes(), (m, h, q, c) -> new Object[] {m, h, q, c})
        .zip(bodies(), Generate.booleans(), (parts, body, v2) -> {
          @SuppressWarnings("unchecked")
          List<Pair> headers = (List<Pair>) parts[1];
          @SuppressWarnings("unchecked")
          List<Pair> query = (List<Pair>) parts[2];
          return new Spec((String) parts[0], headers, query, (String) parts[3], body, v2);
        });
  }

  @Test
  void encodedEventsAgreeWithTheReferenceModel() {
    qt().withExamples(3000).forAll(specs()).checkAssert(spec -> {
      ProxyRequest.Builder b = GoldenEventTest.factsV1Example().toBuilder().method(spec.method())
          .headers(Map.of()).body(spec.body());
      if (!spec.contentType().isEmpty()) {
        b.header("Content-Type", spec.contentType());
      }
      spec.headers().forEach(h -> b.header(h.name(), h.value()));
      StringBuilder raw = new StringBuilder();
      for (Pair pair : spec.query()) {
        raw.append(raw.length() == 0 ? "" : "&").append(percent(pair.name())).append('=').append(percent(pair.value()));
      }
      b.rawQueryString(raw.toString());
      ProxyRequest request = b.build();

      JsonNode event = Json.tree(ProxyEvents.encode(request, spec.v2() ? PayloadFormat.V2_0 : PayloadFormat.V1_0));

      Map<String, List<String>> headers = new LinkedHashMap<>();
      if (!spec.contentType().isEmpty()) {
        headers.computeIfAbsent("content-type", k -> new ArrayList<>()).add(spec.contentType());
      }
      spec.headers().forEach(h -> headers.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(wellFormed(h.value())));
      Map<String, List<String>> query = new LinkedHashMap<>();
      spec.query().forEach(q -> query.computeIfAbsent(q.name(), k -> new ArrayList<>()).add(q.value()));
      boolean text = !spec.contentType().isEmpty() && isTextReference(spec.contentType());

      assertThat(event.get("httpMethod") == null ? event.at("/requestContext/http/method").asText()
          : event.get("httpMethod").asText()).isEqualTo(spec.method());
      if (spec.v2()) {
        checkV2(event, headers, query, raw.toString());
      } else {
        checkV1(event, headers, query);
      }
      checkBody(event, spec.body(), text, spec.v2());
    });
  }

  private static void checkV2(JsonNode event, Map<String, List<String>> headers, Map<String, List<String>> query,
      String raw) {
    Map<String, String> expectedHeaders = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    headers.forEach((name, values) -> {
      if (name.equals("cookie")) {
        for (String value : values) {
          for (String part : value.split(";")) {
            String trimmed = part.replaceAll("\\A[ \t]+|[ \t]+\\z", "");
            if (!trimmed.isEmpty()) {
              cookies.add(trimmed);
            }
          }
        }
      } else {
        expectedHeaders.put(name, String.join(",", values));
      }
    });
    assertThat(Json.MAPPER.convertValue(event.get("headers"), STRINGS)).isEqualTo(expectedHeaders);
    if (cookies.isEmpty()) {
      assertThat(event.has("cookies")).isFalse();
    } else {
      assertThat(Json.MAPPER.convertValue(event.get("cookies"), LIST)).isEqualTo(cookies);
    }
    assertThat(event.get("rawQueryString").asText()).isEqualTo(raw);
    if (query.isEmpty()) {
      assertThat(event.has("queryStringParameters")).isFalse();
    } else {
      Map<String, String> joined = new LinkedHashMap<>();
      query.forEach((name, values) -> joined.put(name, String.join(",", values)));
      assertThat(Json.MAPPER.convertValue(event.get("queryStringParameters"), STRINGS)).isEqualTo(joined);
    }
  }

  private static void checkV1(JsonNode event, Map<String, List<String>> headers, Map<String, List<String>> query) {
    for (Map.Entry<String, Map<String, List<String>>> expected : List.of(
        Map.entry("headers", headers), Map.entry("queryStringParameters", query))) {
      String single = expected.getKey();
      String multi = single.equals("headers") ? "multiValueHeaders" : "multiValueQueryStringParameters";
      if (expected.getValue().isEmpty()) {
        assertThat(event.get(single).isNull()).isTrue();
        assertThat(event.get(multi).isNull()).isTrue();
        continue;
      }
      Map<String, String> last = new LinkedHashMap<>();
      expected.getValue().forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
      assertThat(Json.MAPPER.convertValue(event.get(single), STRINGS)).isEqualTo(last);
      assertThat(Json.MAPPER.convertValue(event.get(multi), MULTI)).isEqualTo(expected.getValue());
    }
  }

  private static void checkBody(JsonNode event, byte[] body, boolean text, boolean v2) {
    if (body.length == 0) {
      assertThat(v2 ? event.has("body") : event.get("body").isNull()).isEqualTo(!v2);
      assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
      return;
    }
    assertThat(event.get("isBase64Encoded").asBoolean()).isEqualTo(!text);
    String sent = event.get("body").asText();
    if (text) {
      assertThat(sent).isEqualTo(new String(body, UTF_8));
    } else {
      assertThat(Base64.getDecoder().decode(sent)).isEqualTo(body);
    }
  }

  /** facts §2 and D9, written independently of MediaTypes. */
  private static boolean isTextReference(String contentType) {
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
        || type.equals("application/javascript") || type.endsWith("+json") || type.endsWith("+xml");
  }

  private static String percent(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(UTF_8)) {
      out.append('%').append(String.format("%02X", b & 0xFF));
    }
    return out.toString();
  }

  private static String wellFormed(String text) {
    // A lone surrogate is its own code point here; the event carries U+FFFD for it.
    return text.codePoints().map(c -> c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  @Test
  void everyByteStringDecodesOrIsReportedMalformed() {
    Gen<byte[]> arbitrary = bodies();
    Gen<byte[]> jsonish = lists().of(Generate.pick(List.of("{", "}", "[", "]", ",", ":", "\"statusCode\"", "200",
        "99", "\"body\"", "\"aGk=\"", "\"headers\"", "\"cookies\"", "\"isBase64Encoded\"", "true", "null", "\"x\"",
        "\"multiValueHeaders\"", "1e400", "-0", "\"\\u0000\"", "\"\\ud800\"", " ", "\u00e9")))
        .ofSizeBetween(0, 20).map(parts -> String.join("", parts).getBytes(UTF_8));
    qt().withExamples(10000).forAll(arbitrary.mix(jsonish), Generate.booleans()).checkAssert((bytes, v2) -> {
      try {
        ProxyResponse response = ProxyResponses.decode(bytes, v2 ? PayloadFormat.V2_0 : PayloadFormat.V1_0);
        assertThat(response.statusCode()).isBetween(100, 599);
      } catch (MalformedResponseException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    });
  }

  @Test
  void queryParametersDecodeWhatWasEncoded() {
    qt().withExamples(3000).forAll(queryPairs()).checkAssert(pairs -> {
      StringBuilder raw = new StringBuilder();
      Map<String, List<String>> expected = new LinkedHashMap<>();
      for (Pair pair : pairs) {
        raw.append(raw.length() == 0 ? "" : "&").append(percent(pair.name())).append('=').append(percent(pair.value()));
        expected.computeIfAbsent(pair.name(), k -> new ArrayList<>()).add(pair.value());
      }
      assertThat(QueryString.parse(raw.toString())).isEqualTo(expected);
    });
  }

  @Test
  void anyRawQueryParsesWithoutThrowing() {
    qt().withExamples(5000).forAll(text()).checkAssert(raw -> {
      Map<String, List<String>> parsed = QueryString.parse(raw);
      parsed.forEach((name, values) -> assertThat(values).isNotEmpty());
    });
  }

  @Test
  void utf8CheckAgreesWithTheJdkDecoder() {
    qt().withExamples(10000).forAll(bodies()).checkAssert(bytes -> {
      boolean jdk;
      try {
        UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        jdk = true;
      } catch (CharacterCodingException e) {
        jdk = false;
      }
      assertThat(Utf8.isWellFormed(bytes, 0, bytes.length)).as("%s", java.util.Arrays.toString(bytes))
          .isEqualTo(jdk);
    });
  }

  @Test
  void timeAgreesWithTheJdkFormatter() {
    DateTimeFormatter aws = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);
    qt().withExamples(5000).forAll(longs().between(0L, 253402300799999L)).checkAssert(millis ->
        assertThat(EventWriter.formatTime(millis)).isEqualTo(aws.format(Instant.ofEpochMilli(millis))));
  }
}
