package dev.portico.gateway;

import java.util.Objects;

/** Name rules of API Gateway resources (facts §4, §6). */
final class Names {
  private Names() {}

  static String checkAuthorizerName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > 128 || name.isBlank()) {
      throw new GatewayConfigException("Authorizer.name", name, "must be 1 to 128 characters",
          "authorizer name '" + name + "' must be 1 to 128 characters");
    }
    return name;
  }

  /** Stage names: letters, digits, '-' and '_', at most 128 characters, or {@code $default} (facts §6). */
  static boolean isStageName(String name) {
    return name.equals("$default") || isWord(name, 128, true);
  }

  /** Stage variable values: {@code [A-Za-z0-9-._~:/?#&=,]+} (facts §6), at most 512 characters. */
  static boolean isStageVariableValue(String value) {
    if (value.isEmpty() || value.length() > 512) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(isAlnum(c) || "-._~:/?#&=,".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWord(String name, int max, boolean dash) {
    if (name.isEmpty() || name.length() > max) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAlnum(c) || c == '_' || (dash && c == '-'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
