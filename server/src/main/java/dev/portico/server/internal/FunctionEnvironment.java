package dev.portico.server.internal;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The template functions' {@code Environment.Variables}, made visible to {@code System.getenv} — which is what AWS
 * handlers read. One JVM has one environment, so the variables are process-wide, not per function: a variable two
 * functions set to different values is reported and keeps the first function's value (functions in logical-id
 * order), and a template variable replaces one of the same name the process had, as Lambda gives a function only
 * its own. {@code --env-vars FILE} overrides values as {@code sam local} does. Setting the environment needs {@code java.base/java.util} open
 * to Portico, which {@code portico-server.jar}'s manifest does ({@code Add-Opens}); elsewhere it is reported and
 * the variables stay unset.
 */
final class FunctionEnvironment {
  private FunctionEnvironment() {}

  /** What was set, and what the user should hear. */
  record Applied(Map<String, String> set, List<String> notes) {}

  /**
   * Sets the variables of the functions (by name, in order) in the process environment.
   *
   * @param variables each function's variables, overrides applied
   * @return what was set, and the conflicts and failures to report
   */
  static Applied apply(Map<String, Map<String, String>> variables) {
    Map<String, String> chosen = new TreeMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    List<String> notes = new java.util.ArrayList<>();
    variables.forEach((function, vars) -> vars.forEach((name, value) -> {
      String earlier = chosen.putIfAbsent(name, value);
      if (earlier == null) {
        owner.put(name, function);
      } else if (!earlier.equals(value)) {
        notes.add("Environment variable " + name + " is '" + earlier + "' for " + owner.get(name) + " and '"
            + value + "' for " + function + "; one JVM has one environment, so every function sees '" + earlier
            + "'");
      }
    }));
    if (chosen.isEmpty()) {
      return new Applied(chosen, notes);
    }
    Map<String, String> writable = writableEnvironment();
    if (writable == null) {
      notes.add("Environment.Variables " + chosen.keySet() + " are not visible to System.getenv: run portico-server"
          + ".jar with java -jar (its manifest opens java.base/java.util), or add --add-opens"
          + " java.base/java.util=ALL-UNNAMED");
      return new Applied(Map.of(), notes);
    }
    writable.putAll(chosen);
    return new Applied(chosen, notes);
  }

  /** The map behind {@code System.getenv()}, or null when {@code java.util} is not open to Portico. */
  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, String> writableEnvironment() {
    try {
      Map<String, String> view = System.getenv();
      Field inner = view.getClass().getDeclaredField("m"); // Collections.UnmodifiableMap's map
      inner.setAccessible(true);
      return (Map<String, String>) inner.get(view);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
