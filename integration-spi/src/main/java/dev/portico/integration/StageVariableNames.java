package dev.portico.integration;

/** Stage variable names: letters, digits and underscores (facts §6). */
final class StageVariableNames {
  private StageVariableNames() {}

  static boolean isValid(String name) {
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
