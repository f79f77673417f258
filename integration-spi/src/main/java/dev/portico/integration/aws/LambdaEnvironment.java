package dev.portico.integration.aws;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code System.getenv} is inside a function whose class loader was made with an environment ({@link
 * AwsLambdaHandlers#functionClassLoader(String, java.util.List, Map)}): that function's variables over the host's,
 * as each Lambda function has its own process with its own environment. The loader rewrites the function's calls
 * (and its libraries') to these methods, passing the calling class; code outside such a loader gets the host's
 * environment. Not meant to be called by hand, but harmless:
 *
 * <pre>{@code
 * String table = LambdaEnvironment.getenv("TABLE", PetsHandler.class);   // the function's TABLE, else the host's
 * }</pre>
 */
public final class LambdaEnvironment {
  private LambdaEnvironment() {}

  /**
   * {@code System.getenv(name)} as the calling function sees it.
   *
   * @param name the variable
   * @param caller the class whose code called {@code System.getenv}
   * @return the function's value, else the host's, else null
   */
  public static @Nullable String getenv(String name, Class<?> caller) {
    Objects.requireNonNull(name, "name"); // as System.getenv(null) throws
    Map<String, String> own = own(caller);
    String value = own == null ? null : own.get(name);
    return value != null ? value : System.getenv(name);
  }

  /**
   * {@code System.getenv()} as the calling function sees it.
   *
   * @param caller the class whose code called {@code System.getenv}
   * @return the host's variables with the function's over them, unmodifiable
   */
  public static Map<String, String> getenv(Class<?> caller) {
    Map<String, String> own = own(caller);
    if (own == null || own.isEmpty()) {
      return System.getenv();
    }
    Map<String, String> all = new HashMap<>(System.getenv());
    all.putAll(own);
    return Collections.unmodifiableMap(all);
  }

  private static @Nullable Map<String, String> own(Class<?> caller) {
    return caller.getClassLoader() instanceof FunctionClassLoaders.EnvironmentLoader loader
        ? loader.environment() : null;
  }
}
