package dev.portico.integration.aws;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One class loader per function, as Lambda gives each function its own runtime: the JDK, the {@code
 * aws-lambda-java-core} interfaces (shared with Portico, so handlers' {@code Context} is the one Portico passes),
 * and the function's own jars and folders — nothing else of the host's class path.
 */
final class FunctionClassLoaders {
  private FunctionClassLoaders() {}

  static URLClassLoader of(String functionName, List<Path> classpath) {
    List<URL> urls = new ArrayList<>();
    for (Path path : classpath) {
      if (!Files.exists(path)) {
        throw new IllegalArgumentException("classpath entry '" + path + "' of function " + functionName
            + " does not exist (resolved: " + path.toAbsolutePath() + ")");
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("classpath entry '" + path + "' is not a valid location: " + e, e);
      }
    }
    return new URLClassLoader("function " + functionName, urls.toArray(new URL[0]),
        new RuntimeApiLoader(FunctionClassLoaders.class.getClassLoader()));
  }

  /** The parent of function class loaders: the JDK plus the aws-lambda-java-core API, nothing else. */
  private static final class RuntimeApiLoader extends ClassLoader {
    private static final String CORE = "com.amazonaws.services.lambda.runtime.";
    private final ClassLoader host;

    RuntimeApiLoader(ClassLoader host) {
      super("lambda runtime API", ClassLoader.getPlatformClassLoader());
      this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(CORE)) {
        String rest = name.substring(CORE.length());
        if (rest.indexOf('.') < 0 || (rest.startsWith("logging.") && rest.indexOf('.', 8) < 0)) {
          return host.loadClass(name);
        }
      }
      return super.loadClass(name, resolve);
    }
  }
}
