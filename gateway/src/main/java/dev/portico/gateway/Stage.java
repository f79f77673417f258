package dev.portico.gateway;

import dev.portico.gateway.internal.AccessLogFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stage of an HTTP API: {@code $default} at the root, or a named stage selected by the first path segment
 * (facts §6), with stage variables and an optional access log.
 *
 * <pre>{@code
 * Stage prod = Stage.builder("prod")
 *     .variable("backend", "orders.internal:8080")
 *     .accessLog("{\"requestId\":\"$context.requestId\",\"status\":\"$context.status\"}")
 *     .build();
 * }</pre>
 *
 * @param name {@code $default}, or letters, digits, {@code -} and {@code _}, at most 128 characters
 * @param variables stage variables: names of letters, digits and {@code _}, values of {@code
 *     [A-Za-z0-9-._~:/?#&=,]}, at most 100
 * @param accessLogFormat the access log format; empty for no access log
 * @param accessLogSink where the access log goes
 */
public record Stage(
    String name, Map<String, String> variables, Optional<String> accessLogFormat, AccessLogSink accessLogSink) {

  /** The stage at the API's root. */
  public static final String DEFAULT = "$default";
  /** AWS: at most 100 stage variables per stage. */
  public static final int MAX_VARIABLES = 100;

  /**
   * Validates the stage.
   *
   * @param name the name
   * @param variables the variables
   * @param accessLogFormat the access log format
   * @param accessLogSink the sink
   * @throws GatewayConfigException naming the stage, the field and the rule
   */
  public Stage {
    Objects.requireNonNull(name, "name");
    if (!Names.isStageName(name)) {
      throw new GatewayConfigException("Stage.name", name, "must be $default or 1 to 128 letters, digits, '-' or '_'",
          "stage name '" + name + "' must be $default or 1 to 128 letters, digits, '-' or '_'");
    }
    String where = "stage '" + name + "': ";
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(variables, "variables")));
    if (variables.size() > MAX_VARIABLES) {
      throw new GatewayConfigException("Stage.variables", variables.size(), "at most " + MAX_VARIABLES + " (AWS quota)",
          where + "at most " + MAX_VARIABLES + " stage variables (AWS quota), got " + variables.size());
    }
    variables.forEach(
        (key, value) -> {
          if (!dev.portico.integration.StageVariableNames.isValid(key)) {
            throw new GatewayConfigException("Stage.variables", key, "names must be 1 to 64 letters, digits or '_'",
                where + "stage variable name '" + key + "' must be 1 to 64 letters, digits or '_'");
          }
          if (!Names.isStageVariableValue(value)) {
            throw new GatewayConfigException("Stage.variables", value,
                "values must be 1 to 512 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,",
                where + "stage variable '" + key + "' value '" + value
                    + "' must be 1 to 512 characters of A-Z a-z 0-9 - . _ ~ : / ? # & = ,");
          }
        });
    Objects.requireNonNull(accessLogFormat, "accessLogFormat");
    Objects.requireNonNull(accessLogSink, "accessLogSink");
    accessLogFormat.ifPresent(
        format -> {
          try {
            AccessLogFormat.compile(format);
          } catch (IllegalArgumentException e) {
            throw new GatewayConfigException("Stage.accessLogFormat", format, e,
                where + "access log format: " + e.getMessage());
          }
        });
  }

  /**
   * The {@code $default} stage, without variables or access log.
   *
   * @return the stage
   */
  public static Stage defaultStage() {
    return builder(DEFAULT).build();
  }

  /**
   * A builder.
   *
   * @param name {@code $default} or a stage name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A builder holding this stage, to change and build again.
   *
   * <pre>{@code
   * Stage traced = stage.toBuilder().variable("trace", "on").build();
   * }</pre>
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.variables.putAll(variables);
    b.accessLogFormat = accessLogFormat.orElse(null);
    b.accessLogSink = accessLogSink;
    return b;
  }

  /** Builds a {@link Stage}. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private @Nullable String accessLogFormat;
    private AccessLogSink accessLogSink = AccessLogSink.slf4j();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Adds a stage variable.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder variable(String name, String value) {
      variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Turns on the access log, to the SLF4J logger {@code dev.portico.access}.
     *
     * @param format the format: text with {@code $context.*} variables; must hold {@code $context.requestId},
     *     at most 3 KB
     * @return this builder
     */
    public Builder accessLog(String format) {
      this.accessLogFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Turns on the access log, to a sink of your choice.
     *
     * @param format the format
     * @param sink the sink
     * @return this builder
     */
    public Builder accessLog(String format, AccessLogSink sink) {
      this.accessLogFormat = Objects.requireNonNull(format, "format");
      this.accessLogSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Builds the stage.
     *
     * @return the stage
     * @throws GatewayConfigException naming the stage, the field and the rule
     */
    public Stage build() {
      return new Stage(name, variables, Optional.ofNullable(accessLogFormat), accessLogSink);
    }
  }
}
