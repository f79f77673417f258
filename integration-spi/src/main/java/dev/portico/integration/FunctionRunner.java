package dev.portico.integration;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs function bodies on an executor and ties their thread to the returned future: cancelling the future (what
 * the gateway does at the deadline) interrupts the thread, or keeps the task from starting.
 */
final class FunctionRunner {
  /** Lambda's default account concurrency: at most this many functions run at once on the default executor. */
  static final int DEFAULT_CONCURRENCY = 1000;

  private FunctionRunner() {}

  /** The default executor: daemon threads created on demand, kept 60 s when idle, at most 1,000. */
  static Executor defaultExecutor() {
    return DefaultExecutor.INSTANCE;
  }

  /** Reads a function's answer; throws {@link IntegrationException} for an invalid one. */
  interface Reader<T> {
    T read(byte[] answer);
  }

  /**
   * Invokes a Lambda function with an event and reads its answer, on the executor.
   *
   * @param executor where it runs
   * @param function the function
   * @param event computes the event, on the function's thread
   * @param context the invocation's context (function name, request id, deadline)
   * @param reader reads the answer
   * @return the answer, cancellable
   */
  static <T> CompletableFuture<T> invoke(
      Executor executor,
      LambdaFunction function,
      java.util.function.Supplier<byte[]> event,
      InvocationContext context,
      Reader<T> reader) {
    String name = context.functionName();
    return run(
        executor,
        name,
        () -> {
          byte[] answer = function.handle(event.get(), context);
          if (answer == null) {
            throw IntegrationException.failed("function " + name + " returned null", null);
          }
          return reader.read(answer);
        });
  }

  /**
   * Runs a function body.
   *
   * @param executor where it runs
   * @param functionName for messages
   * @param body the work; its exceptions become {@link IntegrationException}s
   * @return the result, cancellable
   */
  static <T> CompletableFuture<T> run(Executor executor, String functionName, Callable<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    FutureTask<Void> task =
        new FutureTask<>(
            () -> {
              try {
                result.complete(body.call());
              } catch (IntegrationException e) {
                result.completeExceptionally(e);
              } catch (InterruptedException e) {
                result.completeExceptionally(
                    IntegrationException.timedOut("function " + functionName + " was interrupted"));
              } catch (Throwable e) {
                result.completeExceptionally(
                    IntegrationException.failed("function " + functionName + " failed: " + e, e));
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                  throw e;
                }
              }
              return null;
            });
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            task.cancel(true);
          }
        });
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          IntegrationException.failed(
              "function " + functionName + " is throttled: its executor is saturated (at most "
                  + DEFAULT_CONCURRENCY + " invocations at once on the default one) or shut down", e));
    }
    return result;
  }

  private static final class DefaultExecutor {
    static final ThreadPoolExecutor INSTANCE = create();

    private static ThreadPoolExecutor create() {
      AtomicInteger count = new AtomicInteger();
      ThreadFactory threads =
          runnable -> {
            Thread thread = new Thread(runnable, "portico-function-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          };
      return new ThreadPoolExecutor(
          0, DEFAULT_CONCURRENCY, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }
  }
}
