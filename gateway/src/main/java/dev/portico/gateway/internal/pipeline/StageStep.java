package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Stage;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Step 2, stage: a first path segment naming a stage selects it and is removed before routing; otherwise the
 * {@code $default} stage serves the whole path; with neither, 404 (facts §1, §6). What it learns is the stage (one
 * shared outcome per stage: nothing is allocated per request) and, from it, the path the router sees. Custom-domain
 * API mappings, which choose the API and the stage before this step, come with a later issue.
 */
final class StageStep {
  private static final Outcome<StageRuntime> NO_STAGE = Outcome.refuse(Failure.NOT_FOUND);
  private final Map<String, Outcome<StageRuntime>> named = new HashMap<>();
  private final @Nullable Outcome<StageRuntime> defaultStage;

  StageStep(HttpApi api) {
    Outcome<StageRuntime> fallback = null;
    for (Stage stage : api.stages().values()) {
      Outcome<StageRuntime> selected = Outcome.next(StageRuntime.of(stage));
      if (stage.name().equals(Stage.DEFAULT)) {
        fallback = selected;
      } else {
        named.put(stage.name(), selected);
      }
    }
    this.defaultStage = fallback;
  }

  Outcome<StageRuntime> apply(String rawPath) {
    if (!named.isEmpty() && rawPath.length() > 1 && rawPath.charAt(0) == '/') {
      int end = rawPath.indexOf('/', 1);
      Outcome<StageRuntime> stage = named.get(end < 0 ? rawPath.substring(1) : rawPath.substring(1, end));
      if (stage != null) {
        return stage;
      }
    }
    return defaultStage != null ? defaultStage : NO_STAGE;
  }

  /**
   * The path the router sees.
   *
   * @param stage the selected stage
   * @param rawPath the path as sent
   * @return the raw path without a named stage's prefix ({@code /} when nothing is left)
   */
  static String routedPath(StageRuntime stage, String rawPath) {
    if (stage.stage().name().equals(Stage.DEFAULT)) {
      return rawPath;
    }
    int end = rawPath.indexOf('/', 1);
    return end < 0 ? "/" : rawPath.substring(end);
  }
}
