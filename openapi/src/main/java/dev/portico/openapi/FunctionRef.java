package dev.portico.openapi;

import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda function an integration or authorizer URI names.
 *
 * @param name {@code NAME} or {@code NAME:QUALIFIER} as the URI names it, possibly holding
 *     {@code ${stageVariables.x}}; for CloudFormation references, the logical id
 * @param region the region of a full ARN
 * @param accountId the account of a full ARN
 * @param cloudFormation whether the URI was a CloudFormation reference ({@code ${Fn.Arn}})
 */
record FunctionRef(String name, Optional<String> region, Optional<String> accountId, boolean cloudFormation) {

  private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]{1,64})}");
  private static final Pattern CFN_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]{1,255})\\.Arn}");
  private static final Pattern GET_ATT = Pattern.compile("([A-Za-z0-9]{1,255})\\.Arn");
  private static final String API_PATH = ":lambda:path/2015-03-31/functions/";
  private static final String INVOCATIONS = "/invocations";
  /** Only used to reach {@link LambdaIntegration}'s name check; never called. */
  private static final LambdaFunction STUB = (event, context) -> {
    throw new UnsupportedOperationException();
  };

  /**
   * Reads a function reference: {@code arn:aws:apigateway:R:lambda:path/2015-03-31/functions/ARN/invocations}, a
   * Lambda function ARN {@code arn:aws:lambda:R:A:function:NAME[:QUALIFIER]}, a bare name, or a CloudFormation
   * reference ({@code ${PetsFunction.Arn}} inside a {@code Fn::Sub}, or {@code PetsFunction.Arn} from
   * {@code Fn::GetAtt}).
   *
   * @param uri the URI as written
   * @return the reference, or empty when the URI names no Lambda function
   */
  static Optional<FunctionRef> parse(String uri) {
    Matcher cfn = CFN_ARN.matcher(uri);
    if (cfn.find()) {
      return Optional.of(new FunctionRef(cfn.group(1), Optional.empty(), Optional.empty(), true));
    }
    if (GET_ATT.matcher(uri).matches()) {
      return Optional.of(new FunctionRef(uri.substring(0, uri.length() - 4), Optional.empty(), Optional.empty(), true));
    }
    String arn = uri;
    if (uri.startsWith("arn:") && uri.contains(API_PATH)) {
      int start = uri.indexOf(API_PATH) + API_PATH.length();
      if (!uri.endsWith(INVOCATIONS) || start > uri.length() - INVOCATIONS.length()) {
        return Optional.empty();
      }
      arn = uri.substring(start, uri.length() - INVOCATIONS.length());
    }
    if (arn.startsWith("arn:")) {
      String[] parts = arn.split(":", -1);
      if ((parts.length != 7 && parts.length != 8) || !parts[2].equals("lambda") || !parts[5].equals("function")) {
        return Optional.empty();
      }
      String name = parts.length == 8 ? parts[6] + ":" + parts[7] : parts[6];
      return valid(name)
          ? Optional.of(new FunctionRef(name, Optional.of(parts[3]), Optional.of(parts[4]), false))
          : Optional.empty();
    }
    return valid(arn) ? Optional.of(new FunctionRef(arn, Optional.empty(), Optional.empty(), false)) : Optional.empty();
  }

  /** Whether the name depends on stage variables and is resolved per request. */
  boolean isTemplate() {
    return name.contains("${");
  }

  /**
   * The name with stage variables replaced.
   *
   * @param stageVariables the request's stage variables
   * @return the name, or empty when a variable is not defined
   */
  Optional<String> resolve(Map<String, String> stageVariables) {
    Matcher m = STAGE_VARIABLE.matcher(name);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = stageVariables.get(m.group(1));
      if (value == null) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  /** The name without its qualifier: the function a bare-name binding covers. */
  static String unqualified(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  /** Lambda's name rule, with each {@code ${stageVariables.x}} standing for a valid part. */
  private static boolean valid(String name) {
    String plain = STAGE_VARIABLE.matcher(name).replaceAll("v");
    if (plain.contains("${")) {
      return false;
    }
    try {
      LambdaIntegration.builder(plain, STUB);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
