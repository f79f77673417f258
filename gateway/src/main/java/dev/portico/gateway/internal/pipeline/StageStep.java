package dev.portico.gateway.internal.pipeline;

import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Stage;
import dev.portico.gateway.internal.StageSelector;
import java.util.HashMap;
import java.util.Map;

/**
 * Step 2, stage: a first path segment naming a stage selects it, else {@code $default}, else 404 (facts §1). What
 * it learns is the stage and the path the router sees. Custom-domain API mappings, which choose the API and the
 * stage before this step, come with a later issue.
 */
final class StageStep {
  private final StageSelector<StageRuntime> stages;

  StageStep(HttpApi api) {
    Map<String, StageRuntime> named = new HashMap<>();
    StageRuntime defaultStage = null;
    for (Stage stage : api.stages().values()) {
      StageRuntime runtime = StageRuntime.of(stage);
      if (stage.name().equals(Stage.DEFAULT)) {
        defaultStage = runtime;
      } else {
        named.put(stage.name(), runtime);
      }
    }
    this.stages = new StageSelector<>(named, defaultStage);
  }

  Outcome<StageSelector.Selection<StageRuntime>> apply(String rawPath) {
    StageSelector.Selection<StageRuntime> selection = stages.select(rawPath);
    return selection == null ? Outcome.refuse(Failure.NOT_FOUND) : Outcome.next(selection);
  }
}
