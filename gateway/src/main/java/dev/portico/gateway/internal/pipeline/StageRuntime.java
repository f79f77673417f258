package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.Stage;
import dev.portico.gateway.internal.AccessLogFormat;
import java.util.Optional;

/**
 * A stage with its access log format compiled once.
 *
 * @param stage the stage
 * @param accessLog its compiled format, when it logs
 */
public record StageRuntime(Stage stage, Optional<AccessLogFormat> accessLog) {
  /**
   * Compiles a stage's access log.
   *
   * @param stage the stage
   * @return the runtime
   */
  public static StageRuntime of(Stage stage) {
    return new StageRuntime(stage, stage.accessLogFormat().map(AccessLogFormat::compile));
  }
}
