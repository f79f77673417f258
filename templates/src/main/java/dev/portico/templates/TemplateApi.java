package dev.portico.templates;

import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Stage;
import dev.portico.openapi.Bindings;
import dev.portico.openapi.ImportResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One HTTP API of a template: an {@code AWS::Serverless::HttpApi}, SAM's implicit {@code ServerlessHttpApi}, or an
 * {@code AWS::ApiGatewayV2::Api}, read through the same path as an OpenAPI import, with its stage.
 *
 * <pre>{@code
 * TemplateApi api = template.api("PetsApi").orElseThrow();
 * api.stageName();                                   // "$default", or the StageName
 * HttpApi httpApi = api.apiBuilder(Bindings.of(Map.of("PetsFunction", petsFunction))).build();
 * }</pre>
 */
public final class TemplateApi {
  /** Where an API comes from. */
  public enum Kind {
    /** An {@code AWS::Serverless::HttpApi}. */
    SAM_HTTP_API,
    /** SAM's implicit API ({@code ServerlessHttpApi}), made of functions' {@code HttpApi} events without an ApiId. */
    SAM_IMPLICIT_API,
    /** An {@code AWS::ApiGatewayV2::Api}. */
    CLOUDFORMATION
  }

  private final String logicalId;
  private final Kind kind;
  private final ImportResult definition;
  private final String stageName;
  private final Map<String, String> stageVariables;
  private final Optional<String> accessLogFormat;
  private final Optional<RouteSettings> defaultRouteSettings;
  private final Map<String, RouteSettings> routeSettings;
  private final String pointer;

  /** The stage an API is served at, as the template declares it. */
  record StageParts(String name, Map<String, String> variables, Optional<String> accessLogFormat,
      Optional<RouteSettings> defaultRouteSettings, Map<String, RouteSettings> routeSettings) {}

  TemplateApi(String logicalId, Kind kind, ImportResult definition, StageParts stage, String pointer) {
    this(logicalId, kind, definition, stage.name(), stage.variables(), stage.accessLogFormat(),
        stage.defaultRouteSettings(), stage.routeSettings(), pointer);
  }

  private TemplateApi(String logicalId, Kind kind, ImportResult definition, String stageName,
      Map<String, String> stageVariables, Optional<String> accessLogFormat,
      Optional<RouteSettings> defaultRouteSettings, Map<String, RouteSettings> routeSettings, String pointer) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.definition = Objects.requireNonNull(definition, "definition");
    this.stageName = Objects.requireNonNull(stageName, "stageName");
    this.stageVariables = Map.copyOf(stageVariables);
    this.accessLogFormat = Objects.requireNonNull(accessLogFormat, "accessLogFormat");
    this.defaultRouteSettings = Objects.requireNonNull(defaultRouteSettings, "defaultRouteSettings");
    this.routeSettings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(routeSettings));
    this.pointer = Objects.requireNonNull(pointer, "pointer");
  }

  /** @return the logical id ({@code ServerlessHttpApi} for SAM's implicit API) */
  public String logicalId() {
    return logicalId;
  }

  /** @return where the API comes from */
  public Kind kind() {
    return kind;
  }

  /** @return the API's definition, as the OpenAPI importer read it (its pointers are inside the definition) */
  public ImportResult definition() {
    return definition;
  }

  /** @return the stage name: SAM's {@code StageName} ({@code $default} unless set), or the Stage resource's */
  public String stageName() {
    return stageName;
  }

  /** @return the stage's variables */
  public Map<String, String> stageVariables() {
    return stageVariables;
  }

  /** @return the stage's access log format ({@code AccessLogSettings.Format}), if any */
  public Optional<String> accessLogFormat() {
    return accessLogFormat;
  }

  /**
   * @return the stage's {@code DefaultRouteSettings}, if set (kept for the throttling issue; not enforced yet)
   */
  public Optional<RouteSettings> defaultRouteSettings() {
    return defaultRouteSettings;
  }

  /**
   * @return the stage's {@code RouteSettings} by route key ({@code GET /pets}, {@code $default}), SAM events' own
   *     merged in as SAM merges them; kept for the throttling issue, not enforced yet
   */
  public Map<String, RouteSettings> routeSettings() {
    return routeSettings;
  }

  /** @return where the API is declared in the template */
  public String pointer() {
    return pointer;
  }

  /** @return the names of the Lambda functions its integrations and authorizers call */
  public SortedSet<String> functionNames() {
    return definition.functionNames();
  }

  /**
   * An API builder: the definition's routes, authorizers and CORS with functions bound, and the template's stage.
   *
   * @param bindings the functions, by their names in the template
   * @return a builder the host may still change
   * @throws dev.portico.openapi.OpenApiImportException when the definition has errors or a function is unbound
   */
  public HttpApi.Builder apiBuilder(Bindings bindings) {
    Stage.Builder stage = Stage.builder(stageName);
    stageVariables.forEach(stage::variable);
    accessLogFormat.ifPresent(stage::accessLog);
    return definition.apiBuilder(bindings).stage(stage.build());
  }

  @Override
  public String toString() {
    return "TemplateApi[" + logicalId + ", " + kind + ", stage " + stageName + ", " + definition.routeKeys().size()
        + " routes]";
  }
}
