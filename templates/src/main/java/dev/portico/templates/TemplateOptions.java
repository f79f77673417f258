package dev.portico.templates;

import dev.portico.gateway.GatewayLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a template is read: the values {@code sam deploy --parameter-overrides} would pass, values of other stacks'
 * exports ({@code Fn::ImportValue}), attributes only AWS knows ({@code Fn::GetAtt} of a nested stack's outputs, an
 * AppSync API's URL), local copies of S3 objects the template names ({@code DefinitionUri}, {@code
 * BodyS3Location}, {@code AWS::Include}), the pseudo parameters of the stack, and the route quota.
 *
 * <pre>{@code
 * TemplateOptions options = TemplateOptions.builder()
 *     .parameter("Stage", "prod")                     // --parameter-overrides Stage=prod
 *     .importValue("shared-vpc-id", "vpc-1234")       // Fn::ImportValue shared-vpc-id
 *     .attribute("AuthStack.Outputs.Issuer", "https://issuer.example") // Fn::GetAtt AuthStack.Outputs.Issuer
 *     .region("eu-west-1")
 *     .build();
 * }</pre>
 *
 * @param parameters parameter values by name, overriding the template's defaults
 * @param importValues export values by export name
 * @param attributes {@code Fn::GetAtt} values by {@code LogicalId.Attribute}, for attributes Portico cannot know
 * @param s3Objects local files standing for S3 objects, by {@code s3://bucket/key}
 * @param region {@code AWS::Region}
 * @param accountId {@code AWS::AccountId}
 * @param stackName {@code AWS::StackName}
 * @param maxRoutes the route quota of each API
 */
public record TemplateOptions(Map<String, String> parameters, Map<String, String> importValues,
    Map<String, String> attributes, Map<String, Path> s3Objects, String region,
    String accountId, String stackName, int maxRoutes) {

  /**
   * Validates the options.
   *
   * @param parameters parameter values
   * @param importValues export values
   * @param attributes attribute values
   * @param s3Objects local copies of S3 objects
   * @param region the region
   * @param accountId the account id
   * @param stackName the stack name
   * @param maxRoutes the route quota
   */
  public TemplateOptions {
    parameters = Map.copyOf(parameters);
    importValues = Map.copyOf(importValues);
    attributes = Map.copyOf(attributes);
    s3Objects = Map.copyOf(s3Objects);
    for (String uri : s3Objects.keySet()) {
      if (!uri.matches("s3://[^/]+/.+")) {
        throw new IllegalArgumentException("S3 object '" + uri + "' must be s3://BUCKET/KEY");
      }
    }
    for (String name : attributes.keySet()) {
      int dot = name.indexOf('.');
      if (dot <= 0 || dot == name.length() - 1) {
        throw new IllegalArgumentException("attribute '" + name + "' must be LogicalId.Attribute, as Fn::GetAtt names"
            + " it (e.g. AuthStack.Outputs.Issuer)");
      }
    }
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(stackName, "stackName");
    if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("region '" + region + "' is not an AWS region name such as us-east-1");
    }
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("accountId '" + accountId + "' must be 12 digits");
    }
    if (!stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
      throw new IllegalArgumentException("stackName '" + stackName + "' must start with a letter and hold only"
          + " letters, digits and '-' (at most 128)");
    }
    if (maxRoutes < 1) {
      throw new IllegalArgumentException("maxRoutes must be at least 1, got " + maxRoutes);
    }
  }

  /** @return the defaults: no parameters, us-east-1, account 123456789012, stack {@code portico}, 300 routes */
  public static TemplateOptions defaults() {
    return builder().build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder starting from these options */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.parameters.putAll(parameters);
    builder.importValues.putAll(importValues);
    builder.attributes.putAll(attributes);
    builder.s3Objects.putAll(s3Objects);
    builder.region = region;
    builder.accountId = accountId;
    builder.stackName = stackName;
    builder.maxRoutes = maxRoutes;
    return builder;
  }

  /** Builds {@link TemplateOptions}. */
  public static final class Builder {
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, String> importValues = new LinkedHashMap<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, Path> s3Objects = new LinkedHashMap<>();
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private String stackName = "portico";
    private int maxRoutes = GatewayLimits.DEFAULT_MAX_ROUTES;

    private Builder() {}

    /**
     * A parameter value, as {@code --parameter-overrides Name=Value}.
     *
     * @param name the parameter
     * @param value its value
     * @return this builder
     */
    public Builder parameter(String name, String value) {
      parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Parameter values.
     *
     * @param values by name
     * @return this builder
     */
    public Builder parameters(Map<String, String> values) {
      values.forEach(this::parameter);
      return this;
    }

    /**
     * The value of another stack's export.
     *
     * @param name the export's name
     * @param value its value
     * @return this builder
     */
    public Builder importValue(String name, String value) {
      importValues.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The value of an attribute Portico cannot know without AWS, as {@code --get-att Name=Value}: a nested stack's
     * output ({@code AuthStack.Outputs.Issuer}), an AppSync API's {@code GraphQLUrl}, a queue's {@code Arn}. It
     * also replaces an attribute Portico would compute.
     *
     * @param name {@code LogicalId.Attribute}, as {@code Fn::GetAtt} names it
     * @param value its value
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * A local file standing for an S3 object the template names, as {@code --s3-object s3://BUCKET/KEY=FILE}: a
     * SAM {@code DefinitionUri} ({@code s3://...} or {@code {Bucket, Key}}), an {@code AWS::ApiGatewayV2::Api}'s
     * {@code BodyS3Location}, an {@code AWS::Include} {@code Location}.
     *
     * @param uri {@code s3://BUCKET/KEY}
     * @param file the local copy (relative paths are against the template's folder)
     * @return this builder
     */
    public Builder s3Object(String uri, Path file) {
      s3Objects.put(Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * {@code AWS::Region}.
     *
     * @param region e.g. {@code eu-west-1}
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * {@code AWS::AccountId}.
     *
     * @param accountId 12 digits
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /**
     * {@code AWS::StackName}.
     *
     * @param stackName the stack's name
     * @return this builder
     */
    public Builder stackName(String stackName) {
      this.stackName = Objects.requireNonNull(stackName, "stackName");
      return this;
    }

    /**
     * The route quota of each API.
     *
     * @param maxRoutes at least 1; AWS's default is 300
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
     * @throws IllegalArgumentException naming the value that is not valid
     */
    public TemplateOptions build() {
      return new TemplateOptions(parameters, importValues, attributes, s3Objects, region, accountId, stackName, maxRoutes);
    }
  }
}
