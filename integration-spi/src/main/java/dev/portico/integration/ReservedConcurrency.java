package dev.portico.integration;

import java.util.concurrent.Semaphore;

/** A function held to a number of concurrent invocations; one more is throttled, never queued. */
final class ReservedConcurrency implements LambdaFunction {
  private final LambdaFunction function;
  private final int limit;
  private final Semaphore running;

  ReservedConcurrency(LambdaFunction function, int limit) {
    if (limit < 1) {
      throw new IntegrationConfigException("reservedConcurrency", String.valueOf(limit),
          "reservedConcurrency must be at least 1, got " + limit
          + " (a function that may never run has no route to serve)");
    }
    this.function = java.util.Objects.requireNonNull(function, "function");
    this.limit = limit;
    this.running = new Semaphore(limit);
  }

  @Override
  public byte[] handle(byte[] event, InvocationContext context) throws Exception {
    if (!running.tryAcquire()) {
      throw IntegrationException.failed("function " + context.functionName() + " is throttled: " + limit
          + " invocations are running, its reserved concurrency", null);
    }
    try {
      return function.handle(event, context);
    } finally {
      running.release();
    }
  }

  @Override
  public void warmUp() throws Exception {
    function.warmUp();
  }

  @Override
  public String toString() {
    return function + " (reserved concurrency " + limit + ")";
  }
}
