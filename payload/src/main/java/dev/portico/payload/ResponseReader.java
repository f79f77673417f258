package dev.portico.payload;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a function's answer in one pass of a streaming parser (facts §3).
 *
 * <p>A 2.0 answer without {@code statusCode} is not an error but a body (the inference rule), so type problems are
 * remembered rather than thrown while the pass runs; they matter only once {@code statusCode} turns out to be
 * present.
 */
final class ResponseReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final PayloadFormat format;
  private @Nullable String problem;
  private boolean hasStatus;
  private int statusCode;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
  private final List<String> cookies = new ArrayList<>();
  private @Nullable String body;
  private boolean base64;

  private ResponseReader(PayloadFormat format) {
    this.format = format;
  }

  static ProxyResponse read(byte[] json, PayloadFormat format) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return new ResponseReader(format).read(parser, json);
    } catch (JacksonException e) {
      throw new MalformedResponseException("the response is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedResponseException("the response cannot be read: " + e.getMessage(), e);
    }
  }

  private ProxyResponse read(JsonParser p, byte[] json) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new MalformedResponseException("the response is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      String text = first == JsonToken.VALUE_STRING ? p.getText() : null;
      p.skipChildren();
      requireEnd(p);
      if (format == PayloadFormat.V1_0) {
        throw new MalformedResponseException(
            "a payload format 1.0 response must be a JSON object, but is " + describe(first));
      }
      return inferred(json, text);
    }
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "statusCode" -> readStatus(p, value);
        case "headers" -> readHeaders(p, value);
        case "multiValueHeaders" -> {
          if (format == PayloadFormat.V1_0) {
            readMultiValueHeaders(p, value);
          } else {
            p.skipChildren();
          }
        }
        case "cookies" -> {
          if (format == PayloadFormat.V2_0) {
            readCookies(p, value);
          } else {
            p.skipChildren();
          }
        }
        case "body" -> readBody(p, value);
        case "isBase64Encoded" -> readBase64Flag(p, value);
        default -> p.skipChildren();
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new MalformedResponseException("the response is not valid JSON");
    }
    requireEnd(p);
    if (!hasStatus) {
      if (format == PayloadFormat.V1_0) {
        throw new MalformedResponseException("statusCode is required in a payload format 1.0 response");
      }
      return inferred(json, null);
    }
    if (problem != null) {
      throw new MalformedResponseException(problem);
    }
    return build();
  }

  /**
   * 2.0 inference (facts §3): valid JSON without {@code statusCode} is a 200 {@code application/json} response
   * whose body is that JSON; a JSON string's body is its text.
   */
  private static ProxyResponse inferred(byte[] json, @Nullable String text) {
    byte[] body;
    if (text != null) {
      body = text.getBytes(StandardCharsets.UTF_8);
    } else {
      int start = 0;
      int end = json.length;
      while (start < end && isJsonSpace(json[start])) {
        start++;
      }
      while (end > start && isJsonSpace(json[end - 1])) {
        end--;
      }
      body = Arrays.copyOfRange(json, start, end);
    }
    return ProxyResponse.builder().statusCode(200).header("content-type", "application/json")
        .bodyOwned(body).build();
  }

  private ProxyResponse build() {
    ProxyResponse.Builder response = ProxyResponse.builder().statusCode(statusCode);
    // 1.0: for the same name multiValueHeaders wins over headers (decision D10).
    Map<String, List<String>> merged = new LinkedHashMap<>(headers);
    multiValueHeaders.forEach(merged::put);
    try {
      merged.forEach((name, values) -> values.forEach(value -> response.header(name, value)));
      cookies.forEach(response::cookie);
    } catch (IllegalArgumentException e) {
      // A name that is not a token, or a control character (CR, LF, NUL, DEL, ...) in a value: refused, never
      // passed on (choice P6, issue 18).
      throw new MalformedResponseException(String.valueOf(e.getMessage()), e);
    }
    if (body != null) {
      if (base64) {
        try {
          response.bodyOwned(Base64.getDecoder().decode(withoutLineBreaks(body)));
        } catch (IllegalArgumentException e) {
          throw new MalformedResponseException(
              "body is not valid base64 although isBase64Encoded is true: " + e.getMessage(), e);
        }
      } else {
        response.bodyOwned(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    return response.build();
  }

  private void readStatus(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return; // as if absent
    }
    hasStatus = true;
    if (value != JsonToken.VALUE_NUMBER_INT) {
      fail("statusCode must be an integer, but is " + describe(value));
      p.skipChildren();
      return;
    }
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      fail(ProxyResponse.statusProblem(p.getText()));
      return;
    }
    int status = p.getIntValue();
    if (!ProxyResponse.isFinalStatus(status)) {
      fail(ProxyResponse.statusProblem(status));
      return;
    }
    statusCode = status;
  }

  private void readHeaders(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_OBJECT) {
      fail("headers must be an object, but is " + describe(value));
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName().toLowerCase(Locale.ROOT);
      JsonToken token = p.nextToken();
      String text = scalarText(p, token);
      if (text != null) {
        List<String> values = new ArrayList<>(1);
        values.add(text);
        headers.put(name, values); // a repeated key: the last one counts, as in any JSON object
      } else if (token != JsonToken.VALUE_NULL) {
        fail("header '" + name + "' must be a string, but is " + describe(token));
        p.skipChildren();
      }
    }
  }

  private void readMultiValueHeaders(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_OBJECT) {
      fail("multiValueHeaders must be an object, but is " + describe(value));
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName().toLowerCase(Locale.ROOT);
      JsonToken token = p.nextToken();
      if (token == JsonToken.VALUE_NULL) {
        continue;
      }
      if (token != JsonToken.START_ARRAY) {
        fail("multiValueHeaders '" + name + "' must be an array, but is " + describe(token));
        p.skipChildren();
        continue;
      }
      List<String> values = multiValueHeaders.computeIfAbsent(name, n -> new ArrayList<>(2));
      JsonToken element;
      while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
        String text = scalarText(p, element);
        if (text != null) {
          values.add(text);
        } else if (element != JsonToken.VALUE_NULL) {
          fail("multiValueHeaders '" + name + "' must hold strings, but holds " + describe(element));
          p.skipChildren();
        }
      }
    }
  }

  private void readCookies(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return;
    }
    if (value != JsonToken.START_ARRAY) {
      fail("cookies must be an array, but is " + describe(value));
      p.skipChildren();
      return;
    }
    JsonToken element;
    while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
      if (element == JsonToken.VALUE_STRING) {
        cookies.add(p.getText());
      } else if (element != JsonToken.VALUE_NULL) {
        fail("cookies must hold strings, but holds " + describe(element));
        p.skipChildren();
      }
    }
  }

  private void readBody(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      body = p.getText();
    } else if (value == JsonToken.VALUE_NULL) {
      body = null;
    } else {
      fail("body must be a string, but is " + describe(value));
      p.skipChildren();
    }
  }

  private void readBase64Flag(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
      base64 = value == JsonToken.VALUE_TRUE;
    } else if (value != JsonToken.VALUE_NULL) {
      fail("isBase64Encoded must be a boolean, but is " + describe(value));
      p.skipChildren();
    }
  }

  /** Strings as they are; numbers and booleans as their JSON text (facts §3: header values become strings). */
  private static @Nullable String scalarText(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
      default -> null;
    };
  }

  private void fail(String message) {
    if (problem == null) {
      problem = message;
    }
  }

  private static void requireEnd(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new MalformedResponseException("the response has content after its JSON value");
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private static boolean isJsonSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  /** Line breaks inside base64 are tolerated, as MIME-style encoders insert them; nothing else is. */
  private static String withoutLineBreaks(String text) {
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r", "").replace("\n", "");
  }
}
