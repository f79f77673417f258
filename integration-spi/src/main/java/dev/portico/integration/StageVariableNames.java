package dev.portico.integration;

/**
 * The one rule for stage variable names (facts §6): 1 to 64 letters, digits and underscores — for stages,
 * integration URIs ({@code ${stageVariables.NAME}}) and expressions ({@code $stageVariables.NAME}) alike.
 *
 * <pre>{@code
 * StageVariableNames.isValid("backend_host");   // true
 * StageVariableNames.isValid("backend-host");   // false
 * }</pre>
 */
public final class StageVariableNames {
  private StageVariableNames() {}

  /**
   * Whether a text is a stage variable name.
   *
   * @param name the text
   * @return true for 1 to 64 letters, digits or '_'
   */
  public static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > 64) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
