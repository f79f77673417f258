package dev.portico.integration;

import java.util.Objects;

/** Lambda function names. */
final class Functions {
  private Functions() {}

  /**
   * Checks a function name: 1 to 64 characters of letters, digits, {@code -} and {@code _} (AWS Lambda's rule for
   * a function name), optionally followed by {@code :} and an alias or version.
   */
  static String checkName(String functionName) {
    Objects.requireNonNull(functionName, "functionName");
    int colon = functionName.indexOf(':');
    String name = colon < 0 ? functionName : functionName.substring(0, colon);
    String qualifier = colon < 0 ? null : functionName.substring(colon + 1);
    if (name.isEmpty() || name.length() > 64 || !isNameText(name, false)) {
      throw new IntegrationConfigException("functionName", functionName,
          "function name '" + functionName + "' must be 1 to 64 letters, digits, '-' or '_'");
    }
    if (qualifier != null && (qualifier.isEmpty() || qualifier.length() > 128 || !isNameText(qualifier, true))) {
      throw new IntegrationConfigException("functionName", functionName,
          "function qualifier in '" + functionName + "' must be 1 to 128 letters, digits, '-', '_' or '$'");
    }
    return functionName;
  }

  private static boolean isNameText(String text, boolean dollar) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
              || (dollar && c == '$');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
