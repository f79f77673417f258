package dev.portico.integration.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Lambda's {@code handler} setting resolved as the Java runtime resolves it: {@code com.example.Handler} or {@code
 * com.example.Handler::method}, found without initialising the class.
 */
final class HandlerNames {
  private HandlerNames() {}

  /**
   * A resolved handler.
   *
   * @param handler the name as configured
   * @param type the class, not yet initialised
   * @param method the named method, or null for a RequestHandler or RequestStreamHandler class
   */
  record Resolved(String handler, Class<?> type, @Nullable Method method) {
    boolean needsInstance() {
      return method == null || !Modifier.isStatic(method.getModifiers());
    }
  }

  static Resolved resolve(String handler, ClassLoader classLoader) {
    int separator = handler.indexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? null : handler.substring(separator + 2);
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("handler '" + handler + "': class " + className + " cannot be loaded: " + e,
          e);
    }
    Method method = methodName == null ? null : findMethod(handler, type, methodName);
    if (method == null
        && !RequestHandler.class.isAssignableFrom(type)
        && !RequestStreamHandler.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "handler '" + handler + "': " + className
              + " implements neither RequestHandler nor RequestStreamHandler; name a method with Class::method");
    }
    Resolved resolved = new Resolved(handler, type, method);
    if (resolved.needsInstance()) {
      try {
        type.getConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(
            "handler '" + handler + "': " + className + " needs a public constructor without parameters", e);
      }
    }
    return resolved;
  }

  /** The public method of that name with a handler's shape; the one with the most parameters wins. */
  private static Method findMethod(String handler, Class<?> type, String methodName) {
    Method best = null;
    boolean tie = false;
    for (Method candidate : type.getMethods()) {
      if (!candidate.getName().equals(methodName) || candidate.isBridge() || !hasHandlerShape(candidate)) {
        continue;
      }
      if (best == null || candidate.getParameterCount() > best.getParameterCount()) {
        best = candidate;
        tie = false;
      } else if (candidate.getParameterCount() == best.getParameterCount()) {
        tie = true;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "handler '" + handler + "': " + type.getName() + " has no public method " + methodName
              + " taking (I), (I, Context), (InputStream, OutputStream) or (InputStream, OutputStream, Context)");
    }
    if (tie) {
      throw new IllegalArgumentException(
          "handler '" + handler + "': " + type.getName() + " has several methods " + methodName + " with "
              + best.getParameterCount() + " parameters");
    }
    return best;
  }

  private static boolean hasHandlerShape(Method method) {
    Class<?>[] p = method.getParameterTypes();
    return switch (p.length) {
      case 0 -> true;
      case 1 -> p[0] != Context.class;
      case 2 -> p[1] == Context.class || (p[0] == InputStream.class && p[1] == OutputStream.class);
      case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class;
      default -> false;
    };
  }
}
