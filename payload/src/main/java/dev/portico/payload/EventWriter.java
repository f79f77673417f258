package dev.portico.payload;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes events with a streaming generator: field names are pre-encoded, values go straight from the request into
 * the generator's recycled buffer, and nothing is built in between (no tree, no maps, no POJOs).
 *
 * <p>Field order follows the examples AWS publishes (facts §2), so an event reads like the one AWS sends.
 */
final class EventWriter {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final SerializedString V1 = name("1.0");
  private static final SerializedString V2 = name("2.0");
  private static final SerializedString VERSION = name("version");
  private static final SerializedString ROUTE_KEY = name("routeKey");
  private static final SerializedString RAW_PATH = name("rawPath");
  private static final SerializedString RAW_QUERY_STRING = name("rawQueryString");
  private static final SerializedString COOKIES = name("cookies");
  private static final SerializedString HEADERS = name("headers");
  private static final SerializedString MULTI_VALUE_HEADERS = name("multiValueHeaders");
  private static final SerializedString QUERY_STRING_PARAMETERS = name("queryStringParameters");
  private static final SerializedString MULTI_VALUE_QUERY_STRING_PARAMETERS =
      name("multiValueQueryStringParameters");
  private static final SerializedString REQUEST_CONTEXT = name("requestContext");
  private static final SerializedString ACCOUNT_ID = name("accountId");
  private static final SerializedString API_ID = name("apiId");
  private static final SerializedString AUTHENTICATION = name("authentication");
  private static final SerializedString CLIENT_CERT = name("clientCert");
  private static final SerializedString CLIENT_CERT_PEM = name("clientCertPem");
  private static final SerializedString SUBJECT_DN = name("subjectDN");
  private static final SerializedString ISSUER_DN = name("issuerDN");
  private static final SerializedString SERIAL_NUMBER = name("serialNumber");
  private static final SerializedString VALIDITY = name("validity");
  private static final SerializedString NOT_BEFORE = name("notBefore");
  private static final SerializedString NOT_AFTER = name("notAfter");
  private static final SerializedString AUTHORIZER = name("authorizer");
  private static final SerializedString JWT = name("jwt");
  private static final SerializedString CLAIMS = name("claims");
  private static final SerializedString SCOPES = name("scopes");
  private static final SerializedString LAMBDA = name("lambda");
  private static final SerializedString IAM = name("iam");
  private static final SerializedString ACCESS_KEY = name("accessKey");
  private static final SerializedString CALLER_ID = name("callerId");
  private static final SerializedString COGNITO_IDENTITY = name("cognitoIdentity");
  private static final SerializedString AMR = name("amr");
  private static final SerializedString IDENTITY_ID = name("identityId");
  private static final SerializedString IDENTITY_POOL_ID = name("identityPoolId");
  private static final SerializedString PRINCIPAL_ORG_ID = name("principalOrgId");
  private static final SerializedString USER_ARN = name("userArn");
  private static final SerializedString USER_ID = name("userId");
  private static final SerializedString DOMAIN_NAME = name("domainName");
  private static final SerializedString DOMAIN_PREFIX = name("domainPrefix");
  private static final SerializedString HTTP = name("http");
  private static final SerializedString METHOD = name("method");
  private static final SerializedString PATH = name("path");
  private static final SerializedString PROTOCOL = name("protocol");
  private static final SerializedString SOURCE_IP = name("sourceIp");
  private static final SerializedString USER_AGENT = name("userAgent");
  private static final SerializedString REQUEST_ID = name("requestId");
  private static final SerializedString STAGE = name("stage");
  private static final SerializedString TIME = name("time");
  private static final SerializedString TIME_EPOCH = name("timeEpoch");
  private static final SerializedString BODY = name("body");
  private static final SerializedString PATH_PARAMETERS = name("pathParameters");
  private static final SerializedString IS_BASE64_ENCODED = name("isBase64Encoded");
  private static final SerializedString STAGE_VARIABLES = name("stageVariables");
  private static final SerializedString RESOURCE = name("resource");
  private static final SerializedString HTTP_METHOD = name("httpMethod");
  private static final SerializedString EXTENDED_REQUEST_ID = name("extendedRequestId");
  private static final SerializedString IDENTITY = name("identity");
  private static final SerializedString CALLER = name("caller");
  private static final SerializedString COGNITO_AUTHENTICATION_PROVIDER = name("cognitoAuthenticationProvider");
  private static final SerializedString COGNITO_AUTHENTICATION_TYPE = name("cognitoAuthenticationType");
  private static final SerializedString COGNITO_IDENTITY_ID = name("cognitoIdentityId");
  private static final SerializedString COGNITO_IDENTITY_POOL_ID = name("cognitoIdentityPoolId");
  private static final SerializedString USER = name("user");
  private static final SerializedString REQUEST_TIME = name("requestTime");
  private static final SerializedString REQUEST_TIME_EPOCH = name("requestTimeEpoch");
  private static final SerializedString RESOURCE_ID = name("resourceId");
  private static final SerializedString RESOURCE_PATH = name("resourcePath");

  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private EventWriter() {}

  private static SerializedString name(String text) {
    SerializedString name = new SerializedString(text);
    name.asQuotedUTF8(); // encode once, now, not on the first request
    return name;
  }

  static void write(ProxyRequest request, PayloadFormat format, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      if (format == PayloadFormat.V2_0) {
        writeV2(g, request);
      } else {
        writeV1(g, request);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------- 2.0

  private static void writeV2(JsonGenerator g, ProxyRequest r) throws IOException {
    g.writeStartObject();
    g.writeFieldName(VERSION);
    g.writeString(V2);
    g.writeFieldName(ROUTE_KEY);
    writeText(g, r.routeKey());
    g.writeFieldName(RAW_PATH);
    writeText(g, r.path());
    g.writeFieldName(RAW_QUERY_STRING);
    writeText(g, r.rawQueryString());

    List<String> cookieHeaders = r.headers().get("cookie");
    if (cookieHeaders != null) {
      List<String> cookies = Cookies.split(cookieHeaders);
      if (!cookies.isEmpty()) {
        g.writeFieldName(COOKIES);
        g.writeStartArray();
        for (String cookie : cookies) {
          writeText(g, cookie);
        }
        g.writeEndArray();
      }
    }

    g.writeFieldName(HEADERS);
    g.writeStartObject();
    StringBuilder joined = null;
    for (Map.Entry<String, List<String>> header : r.headers().entrySet()) {
      String headerName = header.getKey();
      if (headerName.equals("cookie")) {
        continue; // the cookies array carries them (facts §2)
      }
      writeName(g, headerName);
      joined = writeJoined(g, header.getValue(), joined);
    }
    g.writeEndObject();

    if (!r.rawQueryString().isEmpty()) {
      Map<String, List<String>> query = QueryString.parse(r.rawQueryString());
      if (!query.isEmpty()) {
        g.writeFieldName(QUERY_STRING_PARAMETERS);
        g.writeStartObject();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
          writeName(g, parameter.getKey());
          joined = writeJoined(g, parameter.getValue(), joined);
        }
        g.writeEndObject();
      }
    }

    g.writeFieldName(REQUEST_CONTEXT);
    g.writeStartObject();
    g.writeFieldName(ACCOUNT_ID);
    writeText(g, r.accountId());
    g.writeFieldName(API_ID);
    writeText(g, r.apiId());
    if (r.clientCertificate().isPresent()) {
      g.writeFieldName(AUTHENTICATION);
      g.writeStartObject();
      g.writeFieldName(CLIENT_CERT);
      writeClientCertificate(g, r.clientCertificate().get());
      g.writeEndObject();
    }
    writeAuthorizerV2(g, r.authorizer());
    g.writeFieldName(DOMAIN_NAME);
    writeText(g, r.domainName());
    g.writeFieldName(DOMAIN_PREFIX);
    writeText(g, r.domainPrefix());
    g.writeFieldName(HTTP);
    g.writeStartObject();
    g.writeFieldName(METHOD);
    writeText(g, r.method());
    g.writeFieldName(PATH);
    writeText(g, r.path());
    g.writeFieldName(PROTOCOL);
    writeText(g, r.protocol());
    g.writeFieldName(SOURCE_IP);
    writeText(g, r.sourceIp());
    g.writeFieldName(USER_AGENT);
    writeText(g, r.userAgent());
    g.writeEndObject();
    g.writeFieldName(REQUEST_ID);
    writeText(g, r.requestId());
    g.writeFieldName(ROUTE_KEY);
    writeText(g, r.routeKey());
    g.writeFieldName(STAGE);
    writeText(g, r.stage());
    long epochMillis = r.time().toEpochMilli();
    g.writeFieldName(TIME);
    writeTime(g, epochMillis);
    g.writeFieldName(TIME_EPOCH);
    g.writeNumber(epochMillis);
    g.writeEndObject();

    boolean base64 = false;
    if (r.bodyLength() > 0) {
      g.writeFieldName(BODY);
      base64 = writeBody(g, r);
    }
    if (!r.pathParameters().isEmpty()) {
      g.writeFieldName(PATH_PARAMETERS);
      writeStringMap(g, r.pathParameters());
    }
    g.writeFieldName(IS_BASE64_ENCODED);
    g.writeBoolean(base64);
    if (!r.stageVariables().isEmpty()) {
      g.writeFieldName(STAGE_VARIABLES);
      writeStringMap(g, r.stageVariables());
    }
    g.writeEndObject();
  }

  /** Writes one value, or the values joined with commas (2.0 has no multi-value maps, facts §2). */
  private static StringBuilder writeJoined(JsonGenerator g, List<String> values, StringBuilder scratch)
      throws IOException {
    if (values.size() == 1) {
      writeText(g, values.get(0));
      return scratch;
    }
    StringBuilder joined = scratch == null ? new StringBuilder(64) : scratch;
    joined.setLength(0);
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        joined.append(',');
      }
      joined.append(values.get(i));
    }
    writeText(g, joined.toString());
    return joined;
  }

  private static void writeAuthorizerV2(JsonGenerator g, AuthorizerContext authorizer) throws IOException {
    if (authorizer instanceof AuthorizerContext.Jwt jwt) {
      g.writeFieldName(AUTHORIZER);
      g.writeStartObject();
      g.writeFieldName(JWT);
      writeJwt(g, jwt);
      g.writeEndObject();
    } else if (authorizer instanceof AuthorizerContext.Lambda lambda) {
      g.writeFieldName(AUTHORIZER);
      g.writeStartObject();
      g.writeFieldName(LAMBDA);
      writeJson(g, lambda.context());
      g.writeEndObject();
    } else if (authorizer instanceof AuthorizerContext.Iam iam) {
      g.writeFieldName(AUTHORIZER);
      g.writeStartObject();
      g.writeFieldName(IAM);
      g.writeStartObject();
      writeOptional(g, ACCESS_KEY, iam.accessKey().orElse(null));
      writeOptional(g, ACCOUNT_ID, iam.accountId().orElse(null));
      writeOptional(g, CALLER_ID, iam.callerId().orElse(null));
      g.writeFieldName(COGNITO_IDENTITY);
      if (iam.cognitoIdentityId().isPresent()) {
        g.writeStartObject();
        g.writeFieldName(AMR);
        g.writeStartArray();
        for (String amr : iam.cognitoAmr()) {
          writeText(g, amr);
        }
        g.writeEndArray();
        writeOptional(g, IDENTITY_ID, iam.cognitoIdentityId().orElse(null));
        writeOptional(g, IDENTITY_POOL_ID, iam.cognitoIdentityPoolId().orElse(null));
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      writeOptional(g, PRINCIPAL_ORG_ID, iam.principalOrgId().orElse(null));
      writeOptional(g, USER_ARN, iam.userArn().orElse(null));
      writeOptional(g, USER_ID, iam.userId().orElse(null));
      g.writeEndObject();
      g.writeEndObject();
    }
    // AuthorizerContext.none(): 2.0 omits the authorizer (facts §2: absent fields are omitted).
  }

  /** {@code {"claims": {...}, "scopes": [...] | null}}, claims flattened to strings (facts §2). */
  private static void writeJwt(JsonGenerator g, AuthorizerContext.Jwt jwt) throws IOException {
    g.writeStartObject();
    g.writeFieldName(CLAIMS);
    g.writeStartObject();
    for (Map.Entry<String, Object> claim : jwt.claims().entrySet()) {
      writeName(g, claim.getKey());
      writeText(g, claimText(claim.getValue()));
    }
    g.writeEndObject();
    g.writeFieldName(SCOPES);
    List<String> scopes = jwt.scopes().orElse(null);
    if (scopes == null) {
      g.writeNull();
    } else {
      g.writeStartArray();
      for (String scope : scopes) {
        writeText(g, scope);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeClientCertificate(JsonGenerator g, ClientCertificate cert) throws IOException {
    g.writeStartObject();
    g.writeFieldName(CLIENT_CERT_PEM);
    writeText(g, cert.clientCertPem());
    g.writeFieldName(SUBJECT_DN);
    writeText(g, cert.subjectDN());
    g.writeFieldName(ISSUER_DN);
    writeText(g, cert.issuerDN());
    g.writeFieldName(SERIAL_NUMBER);
    writeText(g, cert.serialNumber());
    g.writeFieldName(VALIDITY);
    g.writeStartObject();
    g.writeFieldName(NOT_BEFORE);
    writeText(g, cert.notBefore());
    g.writeFieldName(NOT_AFTER);
    writeText(g, cert.notAfter());
    g.writeEndObject();
    g.writeEndObject();
  }

  // ---------------------------------------------------------------------------------------------------- 1.0

  private static void writeV1(JsonGenerator g, ProxyRequest r) throws IOException {
    g.writeStartObject();
    g.writeFieldName(VERSION);
    g.writeString(V1);
    g.writeFieldName(RESOURCE);
    writeText(g, r.resourcePath());
    g.writeFieldName(PATH);
    writeText(g, r.path());
    g.writeFieldName(HTTP_METHOD);
    writeText(g, r.method());
    writeMultiValued(g, HEADERS, MULTI_VALUE_HEADERS, r.headers());
    writeMultiValued(g, QUERY_STRING_PARAMETERS, MULTI_VALUE_QUERY_STRING_PARAMETERS,
        r.rawQueryString().isEmpty() ? Map.of() : QueryString.parse(r.rawQueryString()));

    g.writeFieldName(REQUEST_CONTEXT);
    g.writeStartObject();
    g.writeFieldName(ACCOUNT_ID);
    writeText(g, r.accountId());
    g.writeFieldName(API_ID);
    writeText(g, r.apiId());
    writeAuthorizerV1(g, r.authorizer());
    g.writeFieldName(DOMAIN_NAME);
    writeText(g, r.domainName());
    g.writeFieldName(DOMAIN_PREFIX);
    writeText(g, r.domainPrefix());
    // HTTP APIs document $context.extendedRequestId as equivalent to $context.requestId.
    g.writeFieldName(EXTENDED_REQUEST_ID);
    writeText(g, r.requestId());
    g.writeFieldName(HTTP_METHOD);
    writeText(g, r.method());
    writeIdentityV1(g, r);
    g.writeFieldName(PATH);
    writeText(g, r.path());
    g.writeFieldName(PROTOCOL);
    writeText(g, r.protocol());
    g.writeFieldName(REQUEST_ID);
    writeText(g, r.requestId());
    long epochMillis = r.time().toEpochMilli();
    g.writeFieldName(REQUEST_TIME);
    writeTime(g, epochMillis);
    g.writeFieldName(REQUEST_TIME_EPOCH);
    g.writeNumber(epochMillis);
    g.writeFieldName(RESOURCE_ID);
    g.writeNull();
    g.writeFieldName(RESOURCE_PATH);
    writeText(g, r.resourcePath());
    g.writeFieldName(STAGE);
    writeText(g, r.stage());
    g.writeEndObject();

    g.writeFieldName(PATH_PARAMETERS);
    writeStringMapOrNull(g, r.pathParameters());
    g.writeFieldName(STAGE_VARIABLES);
    writeStringMapOrNull(g, r.stageVariables());
    g.writeFieldName(BODY);
    boolean base64 = false;
    if (r.bodyLength() > 0) {
      base64 = writeBody(g, r);
    } else {
      g.writeNull();
    }
    g.writeFieldName(IS_BASE64_ENCODED);
    g.writeBoolean(base64);
    g.writeEndObject();
  }

  /**
   * Writes a single-value map holding the last value of each name (decision D14) and a multi-value map holding
   * all of them, or {@code null} for both when there are none (facts §2 1.0 example).
   */
  private static void writeMultiValued(JsonGenerator g, SerializableString single, SerializableString multi,
      Map<String, List<String>> values) throws IOException {
    g.writeFieldName(single);
    if (values.isEmpty()) {
      g.writeNull();
      g.writeFieldName(multi);
      g.writeNull();
      return;
    }
    g.writeStartObject();
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      writeName(g, entry.getKey());
      List<String> list = entry.getValue();
      writeText(g, list.get(list.size() - 1));
    }
    g.writeEndObject();
    g.writeFieldName(multi);
    g.writeStartObject();
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      writeName(g, entry.getKey());
      g.writeStartArray();
      for (String value : entry.getValue()) {
        writeText(g, value);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * 1.0 {@code requestContext.authorizer}: {@code {"claims": ..., "scopes": ...}} for JWT and for no authorizer
   * (facts §2 1.0 example: both {@code null}); a Lambda authorizer's context entries at the top level, as REST
   * APIs deliver them (Portico choice P3, docs/payload.md).
   */
  private static void writeAuthorizerV1(JsonGenerator g, AuthorizerContext authorizer) throws IOException {
    g.writeFieldName(AUTHORIZER);
    if (authorizer instanceof AuthorizerContext.Jwt jwt) {
      writeJwt(g, jwt);
    } else if (authorizer instanceof AuthorizerContext.Lambda lambda) {
      writeJson(g, lambda.context());
    } else {
      g.writeStartObject();
      g.writeFieldName(CLAIMS);
      g.writeNull();
      g.writeFieldName(SCOPES);
      g.writeNull();
      g.writeEndObject();
    }
  }

  private static void writeIdentityV1(JsonGenerator g, ProxyRequest r) throws IOException {
    AuthorizerContext.Iam iam = r.authorizer() instanceof AuthorizerContext.Iam i ? i : null;
    g.writeFieldName(IDENTITY);
    g.writeStartObject();
    writeOptional(g, ACCESS_KEY, iam == null ? null : iam.accessKey().orElse(null));
    writeOptional(g, ACCOUNT_ID, iam == null ? null : iam.accountId().orElse(null));
    writeOptional(g, CALLER, iam == null ? null : iam.callerId().orElse(null));
    writeOptional(g, COGNITO_AUTHENTICATION_PROVIDER, null);
    writeOptional(g, COGNITO_AUTHENTICATION_TYPE, null);
    writeOptional(g, COGNITO_IDENTITY_ID, iam == null ? null : iam.cognitoIdentityId().orElse(null));
    writeOptional(g, COGNITO_IDENTITY_POOL_ID, iam == null ? null : iam.cognitoIdentityPoolId().orElse(null));
    writeOptional(g, PRINCIPAL_ORG_ID, iam == null ? null : iam.principalOrgId().orElse(null));
    g.writeFieldName(SOURCE_IP);
    writeText(g, r.sourceIp());
    writeOptional(g, USER, iam == null ? null : iam.userId().orElse(null));
    g.writeFieldName(USER_AGENT);
    writeText(g, r.userAgent());
    writeOptional(g, USER_ARN, iam == null ? null : iam.userArn().orElse(null));
    g.writeFieldName(CLIENT_CERT);
    if (r.clientCertificate().isPresent()) {
      writeClientCertificate(g, r.clientCertificate().get());
    } else {
      g.writeNull();
    }
    g.writeEndObject();
  }

  // ---------------------------------------------------------------------------------------------------- shared

  /**
   * Writes the body as text when the content type is textual (facts §2, decision D9), else as base64.
   *
   * @return the event's {@code isBase64Encoded}
   */
  private static boolean writeBody(JsonGenerator g, ProxyRequest r) throws IOException {
    byte[] body = r.bodyBytes();
    List<String> contentTypes = r.headers().get("content-type");
    if (contentTypes != null && MediaTypes.isText(contentTypes.get(0))) {
      if (Utf8.isWellFormed(body, 0, body.length)) {
        g.writeUTF8String(body, 0, body.length);
      } else {
        // Text that is not UTF-8: each malformed sequence becomes U+FFFD (Portico choice P5, docs/payload.md).
        writeText(g, new String(body, StandardCharsets.UTF_8));
      }
      return false;
    }
    g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, body, 0, body.length);
    return true;
  }

  /** {@code dd/MMM/yyyy:HH:mm:ss +0000}, English month, UTC (facts §2). */
  private static void writeTime(JsonGenerator g, long epochMillis) throws IOException {
    writeText(g, formatTime(epochMillis));
  }

  static String formatTime(long epochMillis) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
    char[] c = new char[26];
    two(c, 0, t.getDayOfMonth());
    c[2] = '/';
    MONTHS[t.getMonthValue() - 1].getChars(0, 3, c, 3);
    c[6] = '/';
    int year = t.getYear(); // 0..9999: ProxyRequest.Builder.time checks it
    two(c, 7, year / 100);
    two(c, 9, year % 100);
    c[11] = ':';
    two(c, 12, t.getHour());
    c[14] = ':';
    two(c, 15, t.getMinute());
    c[17] = ':';
    two(c, 18, t.getSecond());
    " +0000".getChars(0, 6, c, 20);
    return new String(c);
  }

  private static void two(char[] c, int at, int value) {
    c[at] = (char) ('0' + value / 10);
    c[at + 1] = (char) ('0' + value % 10);
  }

  /**
   * Writes a string value. A lone surrogate (possible in strings that came from JSON escapes, such as claims) is
   * not text and cannot be written as UTF-8; it becomes U+FFFD, as a UTF-8 decoder would make of it.
   */
  private static void writeText(JsonGenerator g, String text) throws IOException {
    g.writeString(hasLoneSurrogate(text) ? wellFormed(text) : text);
  }

  private static void writeName(JsonGenerator g, String name) throws IOException {
    g.writeFieldName(hasLoneSurrogate(name) ? wellFormed(name) : name);
  }

  static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      }
    }
    return false;
  }

  private static String wellFormed(String text) {
    StringBuilder fixed = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        fixed.append(c).append(text.charAt(++i));
      } else {
        fixed.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return fixed.toString();
  }

  private static void writeOptional(JsonGenerator g, SerializableString field, String value) throws IOException {
    g.writeFieldName(field);
    if (value == null) {
      g.writeNull();
    } else {
      writeText(g, value);
    }
  }

  private static void writeStringMap(JsonGenerator g, Map<String, String> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      writeName(g, entry.getKey());
      writeText(g, entry.getValue());
    }
    g.writeEndObject();
  }

  private static void writeStringMapOrNull(JsonGenerator g, Map<String, String> map) throws IOException {
    if (map.isEmpty()) {
      g.writeNull();
    } else {
      writeStringMap(g, map);
    }
  }

  /** Writes a JSON value as checked by {@link JsonValues}. */
  private static void writeJson(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      writeText(g, s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof Double || value instanceof Float) {
      g.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Number n) {
      g.writeNumber(n.longValue());
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        writeJson(g, element);
      }
      g.writeEndArray();
    } else {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        writeName(g, (String) entry.getKey());
        writeJson(g, entry.getValue());
      }
      g.writeEndObject();
    }
  }

  /**
   * A claim as the event carries it: strings as they are, numbers as their decimal text, booleans as
   * {@code true}/{@code false}, arrays as {@code [a b c]} (facts §2, observed). Objects and nulls have no
   * observation; Portico writes them the way the observed array format suggests (Go's {@code fmt}):
   * {@code map[k1:v1 k2:v2]} with sorted keys, and {@code <nil>} (Portico choice P2, docs/payload.md).
   */
  static String claimText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    StringBuilder text = new StringBuilder();
    appendClaim(text, value);
    return text.toString();
  }

  private static void appendClaim(StringBuilder text, Object value) {
    if (value == null) {
      text.append("<nil>");
    } else if (value instanceof String s) {
      text.append(s);
    } else if (value instanceof BigDecimal d) {
      text.append(plain(d));
    } else if (value instanceof Double || value instanceof Float) {
      text.append(plain(new BigDecimal(value.toString())));
    } else if (value instanceof Number || value instanceof Boolean) {
      text.append(value);
    } else if (value instanceof List<?> list) {
      text.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          text.append(' ');
        }
        appendClaim(text, list.get(i));
      }
      text.append(']');
    } else {
      text.append("map[");
      boolean first = true;
      for (Map.Entry<?, ?> entry : new TreeMap<>((Map<?, ?>) value).entrySet()) {
        if (!first) {
          text.append(' ');
        }
        first = false;
        text.append(entry.getKey()).append(':');
        appendClaim(text, entry.getValue());
      }
      text.append(']');
    }
  }

  private static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }
}
