package dev.portico.integration.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.integration.InvocationContext;
import dev.portico.integration.LambdaFunction;
import java.io.ByteArrayInputStream;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

// aws-lambda-java-core is an optional (static) dependency: users of these adapters have it on their class path.
/**
 * Runs {@code aws-lambda-java-core} handler classes as {@link LambdaFunction}s, unchanged, the way the Lambda
 * Java runtime runs them.
 *
 * <pre>{@code
 * LambdaFunction direct = AwsLambdaHandlers.requestHandler(new PetsHandler());
 * LambdaFunction streams = AwsLambdaHandlers.streamHandler(new RawHandler());
 *
 * ClassLoader loader = AwsLambdaHandlers.functionClassLoader("orders", List.of(ordersJar));   // its own statics
 * LambdaFunction orders = AwsLambdaHandlers.load("com.example.OrdersHandler::handle", loader);
 * }</pre>
 *
 * <p>As in Lambda: a {@code RequestHandler<I, O>}'s input is read and its output written with the runtime's own
 * serializers ({@code aws-lambda-java-serialization}: {@code aws-lambda-java-events} types with their mix-ins,
 * anything else with its Jackson setup); a handler loaded by name is constructed once, on first use (a "cold
 * start", logged with its duration) and then reused; the thread context class loader is the function's class
 * loader during class initialisation, construction and every invocation; each function may get its own class
 * loader ({@link #functionClassLoader(String, List)}) so that two functions never share statics.
 *
 * <p>This class is the face of the package; the jobs behind it live in classes of their own: resolving a handler
 * name (HandlerNames), isolating a function's classes (FunctionClassLoaders), constructing a handler once on first
 * use (ColdStart), calling it on bytes (Invokers), and the runtime's serializers (Serializer).
 */
@SuppressWarnings("exports")
public final class AwsLambdaHandlers {
  private AwsLambdaHandlers() {}

  /**
   * Adapts a stream handler.
   *
   * @param handler the handler
   * @return the function
   */
  public static LambdaFunction streamHandler(RequestStreamHandler handler) {
    Objects.requireNonNull(handler, "handler");
    Invokers.Invoker invoker = Invokers.streams(handler::handleRequest);
    return (event, context) -> invoker.invoke(event, new LambdaContext(context));
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
    Invokers.Invoker invoker = Invokers.requestHandler(handler, handler.getClass().getClassLoader());
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
    ColdStart cold = new ColdStart(HandlerNames.resolve(handler, classLoader), classLoader);
    return new LambdaFunction() {
      @Override
      public byte[] handle(byte[] event, InvocationContext context) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
          return cold.invoker().invoke(event, new LambdaContext(context));
        } finally {
          thread.setContextClassLoader(previous);
        }
      }

      @Override
      public void warmUp() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
          cold.invoker().prime();
        } finally {
          thread.setContextClassLoader(previous);
        }
      }

      @Override
      public String toString() {
        return "handler " + handler;
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
   * @throws IllegalArgumentException when a path does not exist or cannot be turned into a URL
   */
  public static URLClassLoader functionClassLoader(String functionName, List<Path> classpath) {
    Objects.requireNonNull(functionName, "functionName");
    return FunctionClassLoaders.of(functionName, classpath);
  }

  /**
   * A function's class loader as {@link #functionClassLoader(String, List)}, whose code also sees the function's
   * own environment variables, as a Lambda function's process does: {@code System.getenv("TABLE")} in its classes
   * (and in the libraries of its class path) answers the function's {@code TABLE}, else the host's. Two functions
   * with different values each see their own; nothing of the host's environment changes. It works by rewriting
   * those calls as each class is defined ({@link LambdaEnvironment}); code the JDK runs for the function (a
   * {@code ProcessBuilder}'s child, say) sees the host's environment.
   *
   * <pre>{@code
   * URLClassLoader orders = AwsLambdaHandlers.functionClassLoader("orders", List.of(jar), Map.of("TABLE", "orders"));
   * URLClassLoader users = AwsLambdaHandlers.functionClassLoader("users", List.of(jar), Map.of("TABLE", "users"));
   * }</pre>
   *
   * @param functionName the function's name, for the loader's name
   * @param classpath jars and class folders, like a Lambda deployment package
   * @param environment the function's variables ({@code Environment.Variables}); empty for the host's alone
   * @return the class loader
   * @throws IllegalArgumentException when a path does not exist or cannot be turned into a URL
   */
  public static URLClassLoader functionClassLoader(String functionName, List<Path> classpath,
      java.util.Map<String, String> environment) {
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(environment, "environment");
    return FunctionClassLoaders.of(functionName, classpath, environment);
  }
}
