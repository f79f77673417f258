package dev.portico.integration.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.lang.reflect.InvocationTargetException;
import org.jspecify.annotations.Nullable;

/**
 * A handler loaded by name, initialised and constructed once, on its first invocation, under the function's class
 * loader — Lambda's "cold start", logged with its duration — and reused after.
 */
final class ColdStart {
  private static final System.Logger LOG = System.getLogger("dev.portico.function");
  private final HandlerNames.Resolved handler;
  private final ClassLoader loader;
  private volatile Invokers.@Nullable Invoker invoker;

  ColdStart(HandlerNames.Resolved handler, ClassLoader loader) {
    this.handler = handler;
    this.loader = loader;
  }

  Invokers.Invoker invoker() throws Exception {
    Invokers.Invoker ready = invoker;
    if (ready == null) {
      synchronized (this) {
        ready = invoker;
        if (ready == null) {
          long start = System.nanoTime();
          ready = create();
          invoker = ready;
          LOG.log(System.Logger.Level.INFO,
              () -> "cold start of " + handler.handler() + " took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
      }
    }
    return ready;
  }

  private Invokers.Invoker create() throws Exception {
    @Nullable Object instance = null;
    try {
      Class.forName(handler.type().getName(), true, loader);
      if (handler.needsInstance()) {
        instance = handler.type().getConstructor().newInstance();
      }
    } catch (InvocationTargetException e) {
      throw failure("could not be constructed", e.getCause());
    } catch (ExceptionInInitializerError e) {
      throw failure("could not be initialised", e.getCause());
    }
    if (handler.method() != null) {
      return Invokers.method(instance, handler.method(), loader);
    }
    if (instance instanceof RequestStreamHandler streams) {
      return Invokers.streams(streams::handleRequest);
    }
    return Invokers.requestHandler((RequestHandler<?, ?>) java.util.Objects.requireNonNull(instance), loader);
  }

  private Exception failure(String what, @Nullable Throwable cause) {
    return new IllegalStateException("handler '" + handler.handler() + "' " + what + ": " + cause, cause);
  }
}
