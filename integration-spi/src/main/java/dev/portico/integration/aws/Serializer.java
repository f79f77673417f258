package dev.portico.integration.aws;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;

/**
 * JSON in and out of handler types, with the serializers the Lambda Java runtime uses
 * ({@code aws-lambda-java-serialization}): {@code LambdaEventSerializers} for {@code aws-lambda-java-events} types,
 * {@code JacksonFactory} for everything else (POJOs, {@code String}, {@code Map}, primitives).
 *
 * <p>Reached reflectively: the library's jar declares a module named after the Jackson module it shades, which
 * clashes with Jackson itself on the module path; the Lambda runtime, too, keeps it out of the function's view.
 */
final class Serializer {
  private static final String EVENTS =
      "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
  private static final String JACKSON = "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory";
  private static final String POJO = "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer";

  private final Object delegate;
  private final MethodHandle fromJson;
  private final MethodHandle toJson;

  private Serializer(Object delegate, MethodHandle fromJson, MethodHandle toJson) {
    this.delegate = delegate;
    this.fromJson = fromJson;
    this.toJson = toJson;
  }

  static Serializer forType(Type type, ClassLoader functionLoader) {
    ClassLoader library = Serializer.class.getClassLoader();
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> pojo = Class.forName(POJO, true, library);
      Object delegate;
      if (type instanceof Class<?> raw && isSupportedEvent(raw.getName(), library, lookup)) {
        Class<?> events = Class.forName(EVENTS, true, library);
        delegate =
            lookup
                .findStatic(events, "serializerFor", MethodType.methodType(pojo, Class.class, ClassLoader.class))
                .invoke(raw, functionLoader);
      } else {
        Class<?> jackson = Class.forName(JACKSON, true, library);
        Object factory = lookup.findStatic(jackson, "getInstance", MethodType.methodType(jackson)).invoke();
        delegate =
            lookup
                .findVirtual(jackson, "getSerializer", MethodType.methodType(pojo, Type.class))
                .invoke(factory, type);
      }
      MethodHandle from = lookup.findVirtual(pojo, "fromJson", MethodType.methodType(Object.class, InputStream.class));
      MethodHandle to =
          lookup.findVirtual(pojo, "toJson", MethodType.methodType(void.class, Object.class, OutputStream.class));
      return new Serializer(delegate, from, to);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "RequestHandler classes need com.amazonaws:aws-lambda-java-serialization on the class path", e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot create a serializer for " + type.getTypeName() + ": " + e, e);
    }
  }

  private static boolean isSupportedEvent(String className, ClassLoader library, MethodHandles.Lookup lookup)
      throws Throwable {
    Class<?> events = Class.forName(EVENTS, true, library);
    return (boolean)
        lookup
            .findStatic(events, "isLambdaSupportedEvent", MethodType.methodType(boolean.class, String.class))
            .invoke(className);
  }

  Object read(InputStream in) throws Exception {
    try {
      return fromJson.invoke(delegate, in);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  void write(Object value, OutputStream out) throws Exception {
    try {
      toJson.invoke(delegate, value, out);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
