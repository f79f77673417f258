package dev.portico.openapi;

import dev.portico.gateway.GatewayLimits;
import java.util.Objects;

/**
 * How a definition is read: the base path, as AWS's {@code import-api --basepath}, and the route quota the
 * definition must fit.
 *
 * <pre>{@code
 * ImportResult result = OpenApiImporter.read(file, ImportOptions.builder()
 *     .basePath(BasePathMode.SPLIT)
 *     .maxRoutes(1_000)                 // a raised quota, as AWS raises it on request
 *     .build());
 * }</pre>
 *
 * @param basePath how the base path is read; default {@link BasePathMode#IGNORE}
 * @param maxRoutes the most routes the definition may have; default {@link GatewayLimits#DEFAULT_MAX_ROUTES} (AWS's
 *     adjustable quota of 300). Reading stops with an error naming this quota at the first route over it, so a
 *     huge definition fails fast instead of being read whole; the API the result builds carries the same quota
 */
public record ImportOptions(BasePathMode basePath, int maxRoutes) {
  private static final ImportOptions DEFAULTS = new ImportOptions(BasePathMode.IGNORE, GatewayLimits.DEFAULT_MAX_ROUTES);

  /**
   * Validates the options.
   *
   * @param basePath the base path mode
   * @param maxRoutes the route quota
   * @throws IllegalArgumentException when the quota is below 1
   */
  public ImportOptions {
    Objects.requireNonNull(basePath, "basePath");
    if (maxRoutes < 1) {
      throw new IllegalArgumentException("maxRoutes must be at least 1, got " + maxRoutes);
    }
  }

  /** @return AWS's defaults: base path ignored, 300 routes */
  public static ImportOptions defaults() {
    return DEFAULTS;
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link ImportOptions}. */
  public static final class Builder {
    private BasePathMode basePath;
    private int maxRoutes;

    private Builder(ImportOptions from) {
      this.basePath = from.basePath;
      this.maxRoutes = from.maxRoutes;
    }

    /**
     * Sets how the base path is read.
     *
     * @param basePath the mode
     * @return this builder
     */
    public Builder basePath(BasePathMode basePath) {
      this.basePath = Objects.requireNonNull(basePath, "basePath");
      return this;
    }

    /**
     * Sets the route quota.
     *
     * @param maxRoutes at least 1
     * @return this builder
     */
    public Builder maxRoutes(int maxRoutes) {
      this.maxRoutes = maxRoutes;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException when the quota is below 1
     */
    public ImportOptions build() {
      return new ImportOptions(basePath, maxRoutes);
    }
  }
}
