package dev.portico.integration.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Calling a handler on raw bytes, as the Lambda Java runtime calls it: streams, typed input and output. */
final class Invokers {
  private Invokers() {}

  /** A handler invocation on raw bytes. */
  interface Invoker {
    byte[] invoke(byte[] event, Context context) throws Exception;

    /**
     * Builds what the first invocation would otherwise build — the serializers' readers and writers of
     * {@code aws-lambda-java-events} types — without calling the handler. Failures are ignored: the first
     * invocation builds them then.
     */
    default void prime() {}
  }

  /** An invoker that primes itself with the given work. */
  private static Invoker primed(Invoker invoker, Runnable prime) {
    return new Invoker() {
      @Override
      public byte[] invoke(byte[] event, Context context) throws Exception {
        return invoker.invoke(event, context);
      }

      @Override
      public void prime() {
        prime.run();
      }
    };
  }

  /** Only AWS's own event types are primed: reading {@code {}} into them runs no code of the function's. */
  private static boolean primable(@Nullable Type type) {
    return type instanceof Class<?> raw && raw.getName().startsWith("com.amazonaws.services.lambda.runtime.events.");
  }

  private static void primeInput(@Nullable Serializer input, @Nullable Type type) {
    if (input != null && primable(type)) {
      try {
        input.read(new ByteArrayInputStream("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      } catch (Exception | LinkageError e) {
        // the first invocation builds it
      }
    }
  }

  /** A stream handler's body. */
  interface StreamBody {
    void handle(InputStream in, OutputStream out, Context context) throws Exception;
  }

  static Invoker streams(StreamBody body) {
    return (event, context) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      body.handle(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    };
  }

  /** A {@code RequestHandler<I, O>}: I and O read from its declaration, through the runtime's serializers. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Invoker requestHandler(RequestHandler<?, ?> handler, ClassLoader loader) {
    Type[] types = HandlerTypes.typeArguments(handler.getClass(), RequestHandler.class);
    Serializer input = Serializer.forType(types[0], loader);
    Output output = new Output(types[1], loader);
    RequestHandler raw = handler;
    return primed((event, context) -> output.write(raw.handleRequest(input.read(new ByteArrayInputStream(event)),
        context)), () -> {
          primeInput(input, types[0]);
          output.prime();
        });
  }

  /** A handler method named {@code Class::method}: streams, or a typed input with an optional Context. */
  static Invoker method(@Nullable Object instance, Method method, ClassLoader loader) {
    Class<?>[] p = method.getParameterTypes();
    boolean streaming = p.length >= 2 && p[0] == InputStream.class && p[1] == OutputStream.class;
    if (streaming) {
      return streams((in, out, context) -> call(method, instance,
          p.length == 3 ? new Object[] {in, out, context} : new Object[] {in, out}));
    }
    @Nullable Serializer input = p.length == 0 ? null : Serializer.forType(method.getGenericParameterTypes()[0],
        loader);
    Output output = new Output(method.getGenericReturnType(), loader);
    Type inputType = p.length == 0 ? null : method.getGenericParameterTypes()[0];
    return primed((event, context) -> {
      Object[] args =
          switch (p.length) {
            case 0 -> new Object[0];
            case 1 -> new Object[] {Objects.requireNonNull(input).read(new ByteArrayInputStream(event))};
            default -> new Object[] {Objects.requireNonNull(input).read(new ByteArrayInputStream(event)), context};
          };
      return output.write(call(method, instance, args));
    }, () -> {
        primeInput(input, inputType);
        output.prime();
      });
  }

  private static @Nullable Object call(Method method, @Nullable Object instance, Object[] args) throws Exception {
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
    private final @Nullable Serializer declared;
    private final ClassLoader loader;
    private final boolean isVoid;
    private final Type type;

    Output(Type type, ClassLoader loader) {
      this.type = type;
      this.loader = loader;
      this.isVoid = type == void.class || type == Void.class;
      this.declared =
          isVoid || type == Object.class || !(type instanceof Class<?>) ? null : Serializer.forType(type, loader);
    }

    /** Writes a fresh instance of an AWS event type, so its writer is built before the first invocation. */
    void prime() {
      if (declared != null && primable(type)) {
        try {
          write(((Class<?>) type).getConstructor().newInstance());
        } catch (Exception | LinkageError e) {
          // the first invocation builds it
        }
      }
    }

    byte[] write(@Nullable Object value) throws Exception {
      if (isVoid || value == null) {
        return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      Serializer serializer = declared != null ? declared : Serializer.forType(value.getClass(), loader);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      serializer.write(value, out);
      return out.toByteArray();
    }
  }
}
