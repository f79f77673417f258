package dev.portico.gateway.internal;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for every gateway's deadlines. A deadline only cancels a future; it never runs user code,
 * so one thread serves any load.
 */
public final class Timeouts {
  private static final ScheduledThreadPoolExecutor TIMER = create();

  private Timeouts() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "portico-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  /**
   * Runs an action after a delay unless cancelled first.
   *
   * @param delay the delay; zero or negative runs it at once
   * @param action what to do, quickly
   * @return the handle to cancel
   */
  public static Future<?> after(Duration delay, Runnable action) {
    long nanos = Math.max(0, delay.toNanos());
    return TIMER.schedule(action, nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The number of deadlines waiting, for tests that check nothing is left behind.
   *
   * @return the queue length
   */
  public static int pending() {
    return TIMER.getQueue().size();
  }
}
