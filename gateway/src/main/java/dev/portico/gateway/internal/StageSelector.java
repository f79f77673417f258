package dev.portico.gateway.internal;

import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * Stage selection (facts §1, §6): a first path segment naming a stage selects it and is removed before routing;
 * otherwise the {@code $default} stage serves the whole path; with neither, no stage (404).
 *
 * @param <S> the stage type
 */
public final class StageSelector<S> {
  private final Map<String, S> named;
  private final @Nullable S defaultStage;

  /**
   * Creates a selector.
   *
   * @param named the named stages by name (not {@code $default})
   * @param defaultStage the {@code $default} stage, or null
   */
  public StageSelector(Map<String, S> named, @Nullable S defaultStage) {
    this.named = Map.copyOf(named);
    this.defaultStage = defaultStage;
  }

  /**
   * The chosen stage and the path left for routing.
   *
   * @param stage the stage
   * @param routedPath the raw path without the stage prefix ({@code /} when nothing is left)
   * @param <S> the stage type
   */
  public record Selection<S>(S stage, String routedPath) {}

  /**
   * Selects the stage of a request.
   *
   * @param rawPath the path as sent
   * @return the selection, or null for 404
   */
  public @Nullable Selection<S> select(String rawPath) {
    if (!named.isEmpty() && rawPath.length() > 1 && rawPath.charAt(0) == '/') {
      int end = rawPath.indexOf('/', 1);
      String first = end < 0 ? rawPath.substring(1) : rawPath.substring(1, end);
      S stage = named.get(first);
      if (stage != null) {
        return new Selection<>(stage, end < 0 ? "/" : rawPath.substring(end));
      }
    }
    return defaultStage == null ? null : new Selection<>(defaultStage, rawPath);
  }
}
