package dev.portico.integration.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.integration.LambdaFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs {@code aws-lambda-java-core} handler classes as {@link LambdaFunction}s, unchanged, the way the Lambda
 * Java runtime runs them.
 *
 * <pre>{@code
 * LambdaFunction direct = AwsLambdaHandlers.requestHandler(new PetsHandler());
 * LambdaFunction streams = AwsLambdaHandlers.streamHandler(new RawHandler());
 *
 * ClassLoader loader = AwsLambdaHandlers.functionClassLoader("orders", List.of(Path.of("orders.jar")));
 * LambdaFunction orders = AwsLambdaHandlers.load("com.example.Orders::handle", loader);
 * }</pre>
 *
 * <p>As in Lambda: a {@code RequestHandler<I, O>}'s input is read and its output written with the runtime's own
 * serializers ({@code aws-lambda-java-serialization}: {@code aws-lambda-java-events} types with their mix-ins,
 * anything else with its Jackson setup); a handler loaded by name is constructed once, on first use (a "cold
 * start", logged with its duration) and then reused; the thread context class loader is the function's class
 * loader during class initialisation, construction and every invocation; each function may get its own class
 * loader ({@link #functionClassLoader(String, List)}) so that two functions never share statics.
 */
// aws-lambda-java-core is an optional (static) dependency: users of these adapters have it on their class path.
@SuppressWarnings("exports")
public final class AwsLambdaHandlers {
  private static final System.Logger LOG = System.getLogger("dev.portico.function");

  private AwsLambdaHandlers() {}

  /** A handler invocation on raw bytes. */
  private interface Invoker {
    byte[] invoke(byte[] event, Context context) throws Exception;
  }

  /**
   * Adapts a stream handler.
   *
   * @param handler the handler
   * @return the function
   */
  public static LambdaFunction streamHandler(RequestStreamHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return (event, context) -> streams(handler::handleRequest).invoke(event, new LambdaContext(context));
  }

  /**
   * Adapts a request handler; its input and output types are read from its {@code RequestHandler<I, O>}
   * declaration, as the Lambda runtime does.
   *
   * @param handler the handler
   * @return the function
   * @throws IllegalArgumentException when the input type cannot be determined
   */
  public static LambdaFunction requestHandler(RequestHandler<?, ?> handler) {
    Objects.requireNonNull(handler, "handler");
    Invoker invoker = requestHandlerInvoker(handler, handler.getClass().getClassLoader());
    return (event, context) -> invoker.invoke(event, new LambdaContext(context));
  }

  /**
   * Reads an event (or any JSON) into a handler input type exactly as the Lambda Java runtime does before calling
   * a {@code RequestHandler<I, O>}: {@code aws-lambda-java-events} types through the runtime's event serializers
   * (its mix-ins, so {@code requestContext.http.sourceIp} and friends land where the handler expects them), any
   * other type through the runtime's Jackson configuration. Tests use it to see an event as their handler would.
   *
   * <pre>{@code
   * APIGatewayV2HTTPEvent event = AwsLambdaHandlers.readInput(eventJson, APIGatewayV2HTTPEvent.class);
   * }</pre>
   *
   * @param json the JSON
   * @param type the input type
   * @param <T> the input type
   * @return the value
   * @throws IllegalArgumentException when the JSON does not fit the type
   * @throws IllegalStateException when {@code aws-lambda-java-serialization} is not on the class path
   */
  public static <T> T readInput(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    Serializer serializer = Serializer.forType(type, loader);
    try {
      return type.cast(serializer.read(new ByteArrayInputStream(json)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read the JSON as " + type.getName() + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot read the JSON as " + type.getName() + ": " + e, e);
    }
  }

  /**
   * Loads a handler the way Lambda's {@code handler} setting names it: {@code com.example.Handler} (a class
   * implementing {@code RequestHandler} or {@code RequestStreamHandler}) or {@code com.example.Handler::method}
   * (a public method taking {@code (I)}, {@code (I, Context)}, {@code (InputStream, OutputStream)} or {@code
   * (InputStream, OutputStream, Context)}; when several overloads exist, the one with the most parameters wins).
   * The class is found now, without initialising it; it is initialised and constructed on the first invocation.
   *
   * @param handler the handler name
   * @param classLoader the function's class loader
   * @return the function
   * @throws IllegalArgumentException naming the handler when the class cannot be found or has the wrong shape
   */
  public static LambdaFunction load(String handler, ClassLoader classLoader) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(classLoader, "classLoader");
    int separator = handler.indexOf("::");
    String className = separator < 0 ? handler : handler.substring(0, separator);
    String methodName = separator < 0 ? null : handler.substring(separator + 2);
    Class<?> type;
    try {
      type = Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("handler '" + handler + "': class " + className + " cannot be loaded: " + e, e);
    }
    Method method = methodName == null ? null : findMethod(handler, type, methodName);
    if (method == null
        && !RequestHandler.class.isAssignableFrom(type)
        && !RequestStreamHandler.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "handler '" + handler + "': " + className
              + " implements neither RequestHandler nor RequestStreamHandler; name a method with Class::method");
    }
    boolean needsInstance = method == null || !Modifier.isStatic(method.getModifiers());
    if (needsInstance) {
      try {
        type.getConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(
            "handler '" + handler + "': " + className + " needs a public constructor without parameters", e);
      }
    }
    ColdStart cold = new ColdStart(handler, type, method, classLoader);
    return (event, context) -> {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(classLoader);
      try {
        return cold.invoker().invoke(event, new LambdaContext(context));
      } finally {
        thread.setContextClassLoader(previous);
      }
    };
  }

  /**
   * A class loader for one function, as Lambda gives each function its own runtime: it sees the JDK, the
   * {@code aws-lambda-java-core} interfaces ({@code com.amazonaws.services.lambda.runtime} and its {@code logging}
   * package, shared with Portico so that handlers' {@code Context} is the one Portico passes), and the given jars
   * and folders — nothing else of the host's class path. Close it when the function is no longer needed.
   *
   * @param functionName the function's name, for the loader's name
   * @param classpath jars and class folders, like a Lambda deployment package
   * @return the class loader
   * @throws IllegalArgumentException when a path cannot be turned into a URL
   */
  public static URLClassLoader functionClassLoader(String functionName, List<Path> classpath) {
    Objects.requireNonNull(functionName, "functionName");
    List<URL> urls = new ArrayList<>();
    for (Path path : classpath) {
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("classpath entry '" + path + "' is not a valid location: " + e, e);
      }
    }
    return new URLClassLoader(
        "function " + functionName, urls.toArray(new URL[0]), new RuntimeApiLoader(AwsLambdaHandlers.class.getClassLoader()));
  }

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

  /** The handler, constructed once on first use under the function's class loader. */
  private static final class ColdStart {
    private final String handler;
    private final Class<?> type;
    private final Method method;
    private final ClassLoader loader;
    private volatile Invoker invoker;

    ColdStart(String handler, Class<?> type, Method method, ClassLoader loader) {
      this.handler = handler;
      this.type = type;
      this.method = method;
      this.loader = loader;
    }

    Invoker invoker() throws Exception {
      Invoker ready = invoker;
      if (ready == null) {
        synchronized (this) {
          ready = invoker;
          if (ready == null) {
            long start = System.nanoTime();
            ready = create();
            invoker = ready;
            LOG.log(
                System.Logger.Level.INFO,
                () -> "cold start of " + handler + " took " + (System.nanoTime() - start) / 1_000_000 + " ms");
          }
        }
      }
      return ready;
    }

    private Invoker create() throws Exception {
      Object instance = null;
      try {
        Class.forName(type.getName(), true, loader);
        if (method == null || !Modifier.isStatic(method.getModifiers())) {
          instance = type.getConstructor().newInstance();
        }
      } catch (InvocationTargetException e) {
        throw rethrow("could not be constructed", e.getCause());
      } catch (ExceptionInInitializerError e) {
        throw rethrow("could not be initialised", e.getCause());
      }
      if (method != null) {
        return methodInvoker(instance, method, loader);
      }
      if (instance instanceof RequestStreamHandler streams) {
        return streams(streams::handleRequest);
      }
      return requestHandlerInvoker((RequestHandler<?, ?>) instance, loader);
    }

    private Exception rethrow(String what, Throwable cause) {
      return new IllegalStateException("handler '" + handler + "' " + what + ": " + cause, cause);
    }
  }

  /** A stream handler's body. */
  private interface StreamBody {
    void handle(InputStream in, OutputStream out, Context context) throws Exception;
  }

  private static Invoker streams(StreamBody body) {
    return (event, context) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      body.handle(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Invoker requestHandlerInvoker(RequestHandler<?, ?> handler, ClassLoader loader) {
    Type[] types = HandlerTypes.typeArguments(handler.getClass(), RequestHandler.class);
    Serializer input = Serializer.forType(types[0], loader);
    Output output = new Output(types[1], loader);
    RequestHandler raw = handler;
    return (event, context) -> output.write(raw.handleRequest(input.read(new ByteArrayInputStream(event)), context));
  }

  private static Invoker methodInvoker(Object instance, Method method, ClassLoader loader) {
    Class<?>[] p = method.getParameterTypes();
    boolean streaming = p.length >= 2 && p[0] == InputStream.class && p[1] == OutputStream.class;
    if (streaming) {
      return streams((in, out, context) -> call(method, instance, p.length == 3 ? new Object[] {in, out, context} : new Object[] {in, out}));
    }
    Serializer input = p.length == 0 ? null : Serializer.forType(method.getGenericParameterTypes()[0], loader);
    Output output = new Output(method.getGenericReturnType(), loader);
    return (event, context) -> {
      Object[] args =
          switch (p.length) {
            case 0 -> new Object[0];
            case 1 -> new Object[] {input.read(new ByteArrayInputStream(event))};
            default -> new Object[] {input.read(new ByteArrayInputStream(event)), context};
          };
      return output.write(call(method, instance, args));
    };
  }

  private static Object call(Method method, Object instance, Object[] args) throws Exception {
    try {
      return method.invoke(instance, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Writes a handler's result: by its declared type when concrete, else by the value's own class. */
  private static final class Output {
    private final Serializer declared;
    private final ClassLoader loader;
    private final boolean isVoid;

    Output(Type type, ClassLoader loader) {
      this.loader = loader;
      this.isVoid = type == void.class || type == Void.class;
      this.declared = isVoid || type == Object.class || !(type instanceof Class<?>) ? null : Serializer.forType(type, loader);
    }

    byte[] write(Object value) throws Exception {
      if (isVoid || value == null) {
        return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      Serializer serializer = declared != null ? declared : Serializer.forType(value.getClass(), loader);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      serializer.write(value, out);
      return out.toByteArray();
    }
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
