package dev.portico.gateway.internal;

import dev.portico.payload.LogText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An access log format compiled once: literal text and {@code $context.*} variables (facts §6). Unknown variables
 * are refused when compiled; a variable without a value renders as {@code -}, as AWS writes it.
 *
 * <p>Values are escaped by {@link LogText} (JSON string content): a request cannot split a line, forge another
 * one or send terminal escapes through a header, a token's {@code kid} or a path (issue 18), and a JSON format
 * such as {@code {"id":"$context.requestId","ua":"$context.identity.userAgent"}} stays valid JSON whatever
 * arrives.
 */
public final class AccessLogFormat {
  /** AWS: an access log format is at most 3 KB. */
  public static final int MAX_BYTES = 3 * 1024;

  /** The variables Portico renders (facts §6), without the prefixed families below. */
  public static final Set<String> VARIABLES =
      Set.of(
          "requestId", "extendedRequestId", "requestTime", "requestTimeEpoch", "httpMethod", "routeKey", "path",
          "protocol", "status", "responseLength", "responseLatency", "integrationLatency", "integrationStatus",
          "integrationErrorMessage", "integration.error", "integration.status", "integration.latency",
          "error.message", "error.messageString", "error.responseType", "identity.sourceIp", "identity.userAgent",
          "authorizer.error", "authorizer.principalId", "domainName", "domainPrefix", "stage", "apiId", "accountId",
          "customDomain.basePathMatched", "dataProcessed", "integration.integrationStatus",
          // AWS's own, with no value in Portico (rendered '-'): no AWS endpoint answers, and IAM identities and
          // client certificates come with later issues (facts-2 §6.4 lists them for HTTP APIs)
          "awsEndpointRequestId", "awsEndpointRequestId2", "integration.requestId", "identity.accountId",
          "identity.caller", "identity.cognitoAuthenticationProvider", "identity.cognitoAuthenticationType",
          "identity.cognitoIdentityId", "identity.cognitoIdentityPoolId", "identity.principalOrgId", "identity.user",
          "identity.userArn", "identity.clientCert.clientCertPem", "identity.clientCert.subjectDN",
          "identity.clientCert.issuerDN", "identity.clientCert.serialNumber",
          "identity.clientCert.validity.notBefore", "identity.clientCert.validity.notAfter");
  /** AWS: "the quoted value of $context.error.message", for JSON formats that write it without quotes. */
  private static final String QUOTED = "error.messageString";

  private static final String PREFIX = "$context.";
  private final List<String> literals;
  private final List<String> variables;

  private AccessLogFormat(List<String> literals, List<String> variables) {
    this.literals = literals;
    this.variables = variables;
  }

  /**
   * Compiles a format.
   *
   * @param format the format
   * @return the compiled format
   * @throws IllegalArgumentException when it is over 3 KB, lacks {@code $context.requestId}, or names an unknown
   *     variable
   */
  public static AccessLogFormat compile(String format) {
    if (format.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("must be at most 3 KB (AWS quota), got "
          + format.getBytes(StandardCharsets.UTF_8).length + " bytes");
    }
    List<String> literals = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < format.length()) {
      if (format.startsWith(PREFIX, i)) {
        int end = i + PREFIX.length();
        while (end < format.length() && isNameChar(format.charAt(end))) {
          end++;
        }
        while (end > i + PREFIX.length() && format.charAt(end - 1) == '.') {
          end--;
        }
        String name = format.substring(i + PREFIX.length(), end);
        if (!isKnown(name)) {
          throw new IllegalArgumentException("unknown variable $context." + name);
        }
        literals.add(literal.toString());
        literal.setLength(0);
        variables.add(name);
        i = end;
      } else {
        literal.append(format.charAt(i++));
      }
    }
    literals.add(literal.toString());
    if (!variables.contains("requestId")) {
      throw new IllegalArgumentException("must include $context.requestId (AWS rule)");
    }
    return new AccessLogFormat(List.copyOf(literals), List.copyOf(variables));
  }

  /**
   * Whether a variable name is one Portico renders.
   *
   * @param name the name after {@code $context.}
   * @return true if known
   */
  public static boolean isKnown(String name) {
    return VARIABLES.contains(name)
        || (name.startsWith("authorizer.claims.") && name.length() > "authorizer.claims.".length())
        || (name.startsWith("authorizer.") && name.length() > "authorizer.".length());
  }

  /**
   * Renders one line.
   *
   * @param values the value of each variable, or null when it has none
   * @return the line
   */
  public String render(Function<String, String> values) {
    StringBuilder out = new StringBuilder(256);
    for (int i = 0; i < variables.size(); i++) {
      out.append(literals.get(i));
      String name = variables.get(i);
      String value = values.apply(name.equals(QUOTED) ? "error.message" : name);
      boolean quoted = name.equals(QUOTED);
      if (quoted) {
        out.append('"');
      }
      if (value == null || value.isEmpty()) {
        out.append('-');
      } else {
        LogText.append(value, out);
      }
      if (quoted) {
        out.append('"');
      }
    }
    return out.append(literals.get(variables.size())).toString();
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  }
}
