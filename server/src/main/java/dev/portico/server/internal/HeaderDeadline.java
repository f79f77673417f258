package dev.portico.server.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose first request's line and headers have not arrived within a deadline, so a client
 * sending one byte at a time (slowloris) cannot hold a connection for ever: the idle timeout alone only bounds the
 * pause between two bytes (issue 18). Requests that arrived in time are never cut, however long their integration
 * takes.
 */
public final class HeaderDeadline implements Connection.Listener {
  private static final System.Logger LOG = System.getLogger("dev.portico.server");
  private final Scheduler scheduler;
  private final long millis;

  /**
   * A deadline.
   *
   * @param scheduler the server's scheduler
   * @param deadline how long a client has for its first request line and headers
   */
  public HeaderDeadline(Scheduler scheduler, Duration deadline) {
    this.scheduler = scheduler;
    this.millis = deadline.toMillis();
  }

  @Override
  public void onOpened(Connection connection) {
    scheduler.schedule(() -> {
      if (connection.getEndPoint().isOpen() && connection.getMessagesIn() == 0) {
        LOG.log(System.Logger.Level.INFO, "closed a connection from {0}: no request headers within {1} ms",
            connection.getEndPoint().getRemoteSocketAddress(), millis);
        connection.getEndPoint().close();
      }
    }, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onClosed(Connection connection) {}
}
