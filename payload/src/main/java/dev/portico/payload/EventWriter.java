package dev.portico.payload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes events with {@link JsonOut}: member names are pre-encoded, values go straight from the request into one
 * byte array, and nothing is built in between (no tree, no maps, no POJOs).
 *
 * <p>Field order follows the examples AWS publishes (facts §2), so an event reads like the one AWS sends.
 */
final class EventWriter {
  private static final byte[] VERSION = name("version");
  private static final byte[] ROUTE_KEY = name("routeKey");
  private static final byte[] RAW_PATH = name("rawPath");
  private static final byte[] RAW_QUERY_STRING = name("rawQueryString");
  private static final byte[] COOKIES = name("cookies");
  private static final byte[] HEADERS = name("headers");
  private static final byte[] MULTI_VALUE_HEADERS = name("multiValueHeaders");
  private static final byte[] QUERY_STRING_PARAMETERS = name("queryStringParameters");
  private static final byte[] MULTI_VALUE_QUERY_STRING_PARAMETERS =
      name("multiValueQueryStringParameters");
  private static final byte[] REQUEST_CONTEXT = name("requestContext");
  private static final byte[] ACCOUNT_ID = name("accountId");
  private static final byte[] API_ID = name("apiId");
  private static final byte[] AUTHENTICATION = name("authentication");
  private static final byte[] CLIENT_CERT = name("clientCert");
  private static final byte[] CLIENT_CERT_PEM = name("clientCertPem");
  private static final byte[] SUBJECT_DN = name("subjectDN");
  private static final byte[] ISSUER_DN = name("issuerDN");
  private static final byte[] SERIAL_NUMBER = name("serialNumber");
  private static final byte[] VALIDITY = name("validity");
  private static final byte[] NOT_BEFORE = name("notBefore");
  private static final byte[] NOT_AFTER = name("notAfter");
  private static final byte[] AUTHORIZER = name("authorizer");
  private static final byte[] JWT = name("jwt");
  private static final byte[] CLAIMS = name("claims");
  private static final byte[] SCOPES = name("scopes");
  private static final byte[] LAMBDA = name("lambda");
  private static final byte[] IAM = name("iam");
  private static final byte[] ACCESS_KEY = name("accessKey");
  private static final byte[] CALLER_ID = name("callerId");
  private static final byte[] COGNITO_IDENTITY = name("cognitoIdentity");
  private static final byte[] AMR = name("amr");
  private static final byte[] IDENTITY_ID = name("identityId");
  private static final byte[] IDENTITY_POOL_ID = name("identityPoolId");
  private static final byte[] PRINCIPAL_ORG_ID = name("principalOrgId");
  private static final byte[] USER_ARN = name("userArn");
  private static final byte[] USER_ID = name("userId");
  private static final byte[] DOMAIN_NAME = name("domainName");
  private static final byte[] DOMAIN_PREFIX = name("domainPrefix");
  private static final byte[] HTTP = name("http");
  private static final byte[] METHOD = name("method");
  private static final byte[] PATH = name("path");
  private static final byte[] PROTOCOL = name("protocol");
  private static final byte[] SOURCE_IP = name("sourceIp");
  private static final byte[] USER_AGENT = name("userAgent");
  private static final byte[] REQUEST_ID = name("requestId");
  private static final byte[] STAGE = name("stage");
  private static final byte[] TIME = name("time");
  private static final byte[] TIME_EPOCH = name("timeEpoch");
  private static final byte[] BODY = name("body");
  private static final byte[] PATH_PARAMETERS = name("pathParameters");
  private static final byte[] IS_BASE64_ENCODED = name("isBase64Encoded");
  private static final byte[] STAGE_VARIABLES = name("stageVariables");
  private static final byte[] RESOURCE = name("resource");
  private static final byte[] HTTP_METHOD = name("httpMethod");
  private static final byte[] EXTENDED_REQUEST_ID = name("extendedRequestId");
  private static final byte[] IDENTITY = name("identity");
  private static final byte[] CALLER = name("caller");
  private static final byte[] COGNITO_AUTHENTICATION_PROVIDER = name("cognitoAuthenticationProvider");
  private static final byte[] COGNITO_AUTHENTICATION_TYPE = name("cognitoAuthenticationType");
  private static final byte[] COGNITO_IDENTITY_ID = name("cognitoIdentityId");
  private static final byte[] COGNITO_IDENTITY_POOL_ID = name("cognitoIdentityPoolId");
  private static final byte[] USER = name("user");
  private static final byte[] REQUEST_TIME = name("requestTime");
  private static final byte[] REQUEST_TIME_EPOCH = name("requestTimeEpoch");
  private static final byte[] RESOURCE_ID = name("resourceId");
  private static final byte[] RESOURCE_PATH = name("resourcePath");

  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private EventWriter() {}

  private static byte[] name(String text) {
    return JsonOut.name(text);
  }

  /** Writes the event; the caller takes the bytes and releases the writer. */
  static JsonOut write(ProxyRequest request, PayloadFormat format) {
    JsonOut out = new JsonOut();
    if (format == PayloadFormat.V2_0) {
      writeV2(out, request);
    } else {
      writeV1(out, request);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- 2.0

  private static void writeV2(JsonOut g, ProxyRequest r) {
    g.writeStartObject();
    g.writeStringField(VERSION, "2.0");
    g.writeStringField(ROUTE_KEY, r.routeKey());
    g.writeStringField(RAW_PATH, r.path());
    g.writeStringField(RAW_QUERY_STRING, r.rawQueryString());

    List<String> cookieHeaders = r.headers().get("cookie");
    if (cookieHeaders != null) {
      List<String> cookies = Cookies.split(cookieHeaders);
      if (!cookies.isEmpty()) {
        g.writeFieldName(COOKIES);
        g.writeStartArray();
        for (String cookie : cookies) {
          g.writeString(cookie);
        }
        g.writeEndArray();
      }
    }

    g.writeFieldName(HEADERS);
    g.writeStartObject();
    @Nullable StringBuilder joined = null;
    for (Map.Entry<String, List<String>> header : r.headers().entrySet()) {
      String headerName = header.getKey();
      if (headerName.equals("cookie")) {
        continue; // the cookies array carries them (facts §2)
      }
      g.writeFieldName(headerName);
      joined = writeJoined(g, header.getValue(), joined);
    }
    g.writeEndObject();

    if (!r.rawQueryString().isEmpty()) {
      Map<String, List<String>> query = QueryString.parse(r.rawQueryString());
      if (!query.isEmpty()) {
        g.writeFieldName(QUERY_STRING_PARAMETERS);
        g.writeStartObject();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
          g.writeFieldName(parameter.getKey());
          joined = writeJoined(g, parameter.getValue(), joined);
        }
        g.writeEndObject();
      }
    }

    g.writeFieldName(REQUEST_CONTEXT);
    g.writeStartObject();
    g.writeStringField(ACCOUNT_ID, r.accountId());
    g.writeStringField(API_ID, r.apiId());
    if (r.clientCertificate().isPresent()) {
      g.writeFieldName(AUTHENTICATION);
      g.writeStartObject();
      g.writeFieldName(CLIENT_CERT);
      writeClientCertificate(g, r.clientCertificate().get());
      g.writeEndObject();
    }
    writeAuthorizerV2(g, r.authorizer());
    g.writeStringField(DOMAIN_NAME, r.domainName());
    g.writeStringField(DOMAIN_PREFIX, r.domainPrefix());
    g.writeFieldName(HTTP);
    g.writeStartObject();
    g.writeStringField(METHOD, r.method());
    g.writeStringField(PATH, r.path());
    g.writeStringField(PROTOCOL, r.protocol());
    g.writeStringField(SOURCE_IP, r.sourceIp());
    g.writeStringField(USER_AGENT, r.userAgent());
    g.writeEndObject();
    g.writeStringField(REQUEST_ID, r.requestId());
    g.writeStringField(ROUTE_KEY, r.routeKey());
    g.writeStringField(STAGE, r.stage());
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
  private static @Nullable StringBuilder writeJoined(JsonOut g, List<String> values,
      @Nullable StringBuilder scratch)
      {
    if (values.size() == 1) {
      g.writeString(values.get(0));
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
    g.writeString(joined.toString());
    return joined;
  }

  private static void writeAuthorizerV2(JsonOut g, AuthorizerContext authorizer) {
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
          g.writeString(amr);
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
  private static void writeJwt(JsonOut g, AuthorizerContext.Jwt jwt) {
    g.writeStartObject();
    g.writeFieldName(CLAIMS);
    g.writeStartObject();
    for (Map.Entry<String, Object> claim : jwt.claims().entrySet()) {
      g.writeFieldName(claim.getKey());
      g.writeString(claimText(claim.getValue()));
    }
    g.writeEndObject();
    g.writeFieldName(SCOPES);
    List<String> scopes = jwt.scopes().orElse(null);
    if (scopes == null) {
      g.writeNull();
    } else {
      g.writeStartArray();
      for (String scope : scopes) {
        g.writeString(scope);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeClientCertificate(JsonOut g, ClientCertificate cert) {
    g.writeStartObject();
    g.writeStringField(CLIENT_CERT_PEM, cert.clientCertPem());
    g.writeStringField(SUBJECT_DN, cert.subjectDN());
    g.writeStringField(ISSUER_DN, cert.issuerDN());
    g.writeStringField(SERIAL_NUMBER, cert.serialNumber());
    g.writeFieldName(VALIDITY);
    g.writeStartObject();
    g.writeStringField(NOT_BEFORE, cert.notBefore());
    g.writeStringField(NOT_AFTER, cert.notAfter());
    g.writeEndObject();
    g.writeEndObject();
  }

  // ---------------------------------------------------------------------------------------------------- 1.0

  private static void writeV1(JsonOut g, ProxyRequest r) {
    g.writeStartObject();
    g.writeStringField(VERSION, "1.0");
    g.writeStringField(RESOURCE, r.resourcePath());
    g.writeStringField(PATH, r.path());
    g.writeStringField(HTTP_METHOD, r.method());
    writeMultiValued(g, HEADERS, MULTI_VALUE_HEADERS, r.headers());
    writeMultiValued(g, QUERY_STRING_PARAMETERS, MULTI_VALUE_QUERY_STRING_PARAMETERS,
        r.rawQueryString().isEmpty() ? Map.of() : QueryString.parse(r.rawQueryString()));

    g.writeFieldName(REQUEST_CONTEXT);
    g.writeStartObject();
    g.writeStringField(ACCOUNT_ID, r.accountId());
    g.writeStringField(API_ID, r.apiId());
    writeAuthorizerV1(g, r.authorizer());
    g.writeStringField(DOMAIN_NAME, r.domainName());
    g.writeStringField(DOMAIN_PREFIX, r.domainPrefix());
    // HTTP APIs document $context.extendedRequestId as equivalent to $context.requestId.
    g.writeStringField(EXTENDED_REQUEST_ID, r.requestId());
    g.writeStringField(HTTP_METHOD, r.method());
    writeIdentityV1(g, r);
    g.writeStringField(PATH, r.path());
    g.writeStringField(PROTOCOL, r.protocol());
    g.writeStringField(REQUEST_ID, r.requestId());
    long epochMillis = r.time().toEpochMilli();
    g.writeFieldName(REQUEST_TIME);
    writeTime(g, epochMillis);
    g.writeFieldName(REQUEST_TIME_EPOCH);
    g.writeNumber(epochMillis);
    g.writeFieldName(RESOURCE_ID);
    g.writeNull();
    g.writeStringField(RESOURCE_PATH, r.resourcePath());
    g.writeStringField(STAGE, r.stage());
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
  private static void writeMultiValued(JsonOut g, byte[] single, byte[] multi,
      Map<String, List<String>> values) {
    g.writeFieldName(single);
    if (values.isEmpty()) {
      g.writeNull();
      g.writeFieldName(multi);
      g.writeNull();
      return;
    }
    g.writeStartObject();
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      g.writeFieldName(entry.getKey());
      List<String> list = entry.getValue();
      g.writeString(list.get(list.size() - 1));
    }
    g.writeEndObject();
    g.writeFieldName(multi);
    g.writeStartObject();
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      g.writeFieldName(entry.getKey());
      g.writeStartArray();
      for (String value : entry.getValue()) {
        g.writeString(value);
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
  private static void writeAuthorizerV1(JsonOut g, AuthorizerContext authorizer) {
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

  private static void writeIdentityV1(JsonOut g, ProxyRequest r) {
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
    g.writeStringField(SOURCE_IP, r.sourceIp());
    writeOptional(g, USER, iam == null ? null : iam.userId().orElse(null));
    g.writeStringField(USER_AGENT, r.userAgent());
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
  private static boolean writeBody(JsonOut g, ProxyRequest r) {
    byte[] body = r.bodyBytes();
    List<String> contentTypes = r.headers().get("content-type");
    if (contentTypes != null && MediaTypes.isText(contentTypes.get(0))) {
      if (Utf8.isWellFormed(body, 0, body.length)) {
        g.writeUtf8String(body, 0, body.length);
      } else {
        // Text that is not UTF-8: each malformed sequence becomes U+FFFD (Portico choice P5, docs/payload.md).
        g.writeString(new String(body, StandardCharsets.UTF_8));
      }
      return false;
    }
    g.writeBase64(body, 0, body.length);
    return true;
  }

  /** {@code dd/MMM/yyyy:HH:mm:ss +0000}, English month, UTC (facts §2). */
  private static void writeTime(JsonOut g, long epochMillis) {
    char[] c = new char[26];
    formatTime(epochMillis, c);
    g.writeAsciiString(c, 26);
  }

  static String formatTime(long epochMillis) {
    char[] c = new char[26];
    formatTime(epochMillis, c);
    return new String(c);
  }

  /** Civil date from days since the epoch (H. Hinnant's algorithm); years 0000-9999 (the builder checks). */
  private static void formatTime(long epochMillis, char[] c) {
    long seconds = Math.floorDiv(epochMillis, 1000L);
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) (seconds - days * 86_400L);
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    two(c, 0, day);
    c[2] = '/';
    MONTHS[month - 1].getChars(0, 3, c, 3);
    c[6] = '/';
    two(c, 7, year / 100);
    two(c, 9, year % 100);
    c[11] = ':';
    two(c, 12, secondOfDay / 3600);
    c[14] = ':';
    two(c, 15, secondOfDay / 60 % 60);
    c[17] = ':';
    two(c, 18, secondOfDay % 60);
    " +0000".getChars(0, 6, c, 20);
  }

  private static void two(char[] c, int at, int value) {
    c[at] = (char) ('0' + value / 10);
    c[at + 1] = (char) ('0' + value % 10);
  }

  private static void writeOptional(JsonOut g, byte[] field, @Nullable String value) {
    g.writeFieldName(field);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void writeStringMap(JsonOut g, Map<String, String> map) {
    g.writeStartObject();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      g.writeFieldName(entry.getKey());
      g.writeString(entry.getValue());
    }
    g.writeEndObject();
  }

  private static void writeStringMapOrNull(JsonOut g, Map<String, String> map) {
    if (map.isEmpty()) {
      g.writeNull();
    } else {
      writeStringMap(g, map);
    }
  }

  /** Writes a JSON value as checked by {@link JsonValues}. */
  private static void writeJson(JsonOut g, Object value) {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
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
        g.writeFieldName((String) entry.getKey());
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
