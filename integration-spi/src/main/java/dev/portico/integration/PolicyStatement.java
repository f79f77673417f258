package dev.portico.integration;

import java.util.List;
import java.util.Objects;

/**
 * One statement of an IAM policy a Lambda authorizer returned: an effect, the actions and the resources it covers.
 * Actions match case-insensitively, resources case-sensitively; both may use {@code *} (any run of characters)
 * and {@code ?} (one character), as IAM does.
 *
 * <pre>{@code
 * PolicyStatement allow = new PolicyStatement(true, List.of("execute-api:Invoke"),
 *     List.of("arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets/*"));
 * allow.covers("arn:aws:execute-api:us-east-1:123456789012:a1b2c3/$default/GET/pets/7");   // true
 * }</pre>
 *
 * @param allow true for {@code "Effect": "Allow"}, false for {@code "Deny"}
 * @param actions the actions, e.g. {@code execute-api:Invoke}
 * @param resources the resource ARNs or patterns
 */
public record PolicyStatement(boolean allow, List<String> actions, List<String> resources) {
  private static final String INVOKE = "execute-api:Invoke";

  /**
   * Validates the statement.
   *
   * @param allow the effect
   * @param actions the actions
   * @param resources the resources
   */
  public PolicyStatement {
    actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
    resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
  }

  /**
   * Whether the statement speaks about invoking a route ARN.
   *
   * @param routeArn the request's route ARN
   * @return true when an action matches {@code execute-api:Invoke} and a resource matches the ARN
   */
  public boolean covers(String routeArn) {
    boolean action = false;
    for (String pattern : actions) {
      if (Glob.matches(pattern, INVOKE, true)) {
        action = true;
        break;
      }
    }
    if (!action) {
      return false;
    }
    for (String pattern : resources) {
      if (Glob.matches(pattern, routeArn, false)) {
        return true;
      }
    }
    return false;
  }
}
