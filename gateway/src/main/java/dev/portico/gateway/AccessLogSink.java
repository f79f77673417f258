package dev.portico.gateway;

/**
 * Where a stage's access log lines go: one rendered line per request (facts §6).
 *
 * <pre>{@code
 * List<String> lines = new CopyOnWriteArrayList<>();
 * Stage stage = Stage.builder("$default")
 *     .accessLog("$context.requestId $context.routeKey $context.status", (stageName, line) -> lines.add(line))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface AccessLogSink {

  /**
   * Writes one line. Called on the thread that completes the request; must not block.
   *
   * @param stage the stage's name
   * @param line the rendered format
   */
  void write(String stage, String line);

  /**
   * The default sink: SLF4J logger {@code dev.portico.access} at INFO.
   *
   * @return the sink
   */
  static AccessLogSink slf4j() {
    return Slf4jSink.INSTANCE;
  }
}
