package dev.portico.integration.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One class loader per function, as Lambda gives each function its own runtime: the JDK, the {@code
 * aws-lambda-java-core} interfaces (shared with Portico, so handlers' {@code Context} is the one Portico passes),
 * and the function's own jars and folders — nothing else of the host's class path.
 */
final class FunctionClassLoaders {
  private FunctionClassLoaders() {}

  static URLClassLoader of(String functionName, List<Path> classpath) {
    return of(functionName, classpath, Map.of());
  }

  /** A function's class loader; with an environment, its classes' {@code System.getenv} calls see it. */
  static URLClassLoader of(String functionName, List<Path> classpath, Map<String, String> environment) {
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
    RuntimeApiLoader parent = new RuntimeApiLoader(FunctionClassLoaders.class.getClassLoader());
    if (environment.isEmpty()) {
      return new URLClassLoader("function " + functionName, urls.toArray(new URL[0]), parent);
    }
    return new EnvironmentLoader("function " + functionName, urls.toArray(new URL[0]), parent, environment);
  }

  /**
   * A function class loader whose classes see the function's own environment: each class that calls {@code
   * System.getenv} is rewritten, as it is defined, to call {@link LambdaEnvironment} with itself as the caller.
   * Other classes are defined from their bytes unchanged, with their jar's code source and package.
   */
  static final class EnvironmentLoader extends URLClassLoader {
    private static final byte[] GETENV = "getenv".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, String> environment;
    private final Map<String, ProtectionDomain> domains = new ConcurrentHashMap<>();
    private final Map<String, Optional<Manifest>> manifests = new ConcurrentHashMap<>();

    static {
      ClassLoader.registerAsParallelCapable();
    }

    EnvironmentLoader(String name, URL[] urls, ClassLoader parent, Map<String, String> environment) {
      super(name, urls, parent);
      this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
      return environment;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = name.replace('.', '/') + ".class";
      URL resource = findResource(path);
      if (resource == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes;
      try (InputStream in = resource.openStream()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new ClassNotFoundException(name + ": " + e, e);
      }
      if (contains(bytes, GETENV)) {
        bytes = GetenvRewriter.rewrite(bytes);
      }
      String base = base(resource, path);
      definePackageOf(name, base);
      return defineClass(name, bytes, 0, bytes.length, domains.computeIfAbsent(base, this::domain));
    }

    private ProtectionDomain domain(String base) {
      URL location;
      try {
        location = new URL(base);
      } catch (MalformedURLException e) {
        location = null;
      }
      return new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null);
    }

    private void definePackageOf(String className, String base) {
      int dot = className.lastIndexOf('.');
      if (dot < 0) {
        return;
      }
      String packageName = className.substring(0, dot);
      if (getDefinedPackage(packageName) != null) {
        return;
      }
      try {
        Optional<Manifest> manifest = manifests.computeIfAbsent(base, EnvironmentLoader::manifest);
        URL location = new URL(base);
        if (manifest.isPresent()) {
          definePackage(packageName, manifest.get(), location);
        } else {
          definePackage(packageName, null, null, null, null, null, null, null);
        }
      } catch (IllegalArgumentException | MalformedURLException e) {
        // defined meanwhile by another thread, or a location without a URL form
      }
    }

    private static Optional<Manifest> manifest(String base) {
      if (!base.endsWith(".jar")) {
        return Optional.empty();
      }
      try (JarFile jar = new JarFile(Path.of(URI.create(base)).toFile())) {
        return Optional.ofNullable(jar.getManifest());
      } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        return Optional.empty();
      }
    }

    /** The jar or folder a class resource comes from: {@code jar:file:/x.jar!/a/B.class} → {@code file:/x.jar}. */
    private static String base(URL resource, String path) {
      String text = resource.toString();
      if (text.startsWith("jar:") && text.contains("!/")) {
        return text.substring("jar:".length(), text.indexOf("!/"));
      }
      return text.endsWith(path) ? text.substring(0, text.length() - path.length()) : text;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
      outer:
      for (int i = 0; i <= bytes.length - part.length; i++) {
        for (int j = 0; j < part.length; j++) {
          if (bytes[i + j] != part[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }
  }

  /** The parent of function class loaders: the JDK plus the aws-lambda-java-core API, nothing else. */
  private static final class RuntimeApiLoader extends ClassLoader {
    private static final String CORE = "com.amazonaws.services.lambda.runtime.";
    private static final String ENVIRONMENT = LambdaEnvironment.class.getName();
    private final ClassLoader host;

    RuntimeApiLoader(ClassLoader host) {
      super("lambda runtime API", ClassLoader.getPlatformClassLoader());
      this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.equals(ENVIRONMENT)) {
        return LambdaEnvironment.class; // what rewritten System.getenv calls call
      }
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
