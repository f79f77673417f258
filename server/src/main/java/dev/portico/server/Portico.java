package dev.portico.server;

import dev.portico.server.internal.Cli;

/**
 * The {@code portico} command: {@code serve}, {@code validate}, {@code routes}, {@code explain}.
 *
 * <pre>{@code
 * java -jar portico-server.jar serve --api api.yaml --classpath target/function.jar \
 *     --function pets=com.example.PetsHandler --port 3000
 * java -jar portico-server.jar validate --api api.yaml
 * java -jar portico-server.jar routes --api api.yaml
 * java -jar portico-server.jar explain --api api.yaml GET /pets/7 -H 'Authorization: Bearer x'
 * }</pre>
 *
 * <p>{@code serve} prints exactly one line to standard output when it is ready, {@code Portico listening on
 * http://HOST:PORT}; warnings and errors go to standard error. Exit status: 0 done, 1 the API or a handler is not
 * usable (or {@code validate} found errors), 2 a command-line mistake.
 */
public final class Portico {
  private Portico() {}

  /**
   * Runs a command and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = run(args);
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs a command on standard output and error, without exiting; {@code serve} returns when the server stops.
   *
   * @param args the command line
   * @return the exit status
   */
  public static int run(String... args) {
    if (System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "portico: %4$s %3$s: %5$s%6$s%n");
    }
    JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
    return Cli.run(args, System.out, System.err);
  }

  /** Jetty's start-up chatter stays out of the way; held so the level sticks. */
  private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");
}
