package dev.portico.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.templates.internal.Intrinsics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A template's custom domains and API mappings: {@code AWS::ApiGatewayV2::DomainName} and {@code ApiMapping}
 * resources, and SAM HttpApis' {@code Domain} as SAM's translator turns it into those two (one domain per name,
 * one mapping per {@code BasePath}, the key its path without leading and trailing {@code /}).
 */
final class Domains {
  private static final Set<String> SAM_MTLS = Set.of("TruststoreUri", "TruststoreVersion");
  /** What an unresolvable value of a domain costs: the domain, which Portico keeps but does not serve by yet. */
  private static final String LEFT_OUT = "the custom domain is left out (Portico does not route by domain yet)";
  private final TemplateReader reader;
  private final Map<String, TemplateDomain> byName = new LinkedHashMap<>();

  Domains(TemplateReader reader) {
    this.reader = reader;
  }

  /** The domains read so far, in template order. */
  List<TemplateDomain> domains() {
    return List.copyOf(byName.values());
  }

  /** A SAM HttpApi's {@code Domain}, for the API served at the given stage. */
  void sam(String api, JsonNode declared, String at, String stage) {
    ObjectNode used = TemplateReader.NODES.objectNode();
    for (String field : List.of("DomainName", "CertificateArn", "EndpointConfiguration", "BasePath",
        "MutualTlsAuthentication")) {
      if (declared.has(field)) {
        used.set(field, declared.get(field));
      }
    }
    JsonNode domain = reader.resolveOrWarn(used, at, LEFT_OUT);
    if (domain == null) {
      return;
    }
    if (!domain.path("DomainName").isTextual() || !domain.has("CertificateArn")) {
      reader.error(at, "Custom Domains only works if both DomainName and CertificateArn are provided. (SAM refuses"
          + " it)");
      return;
    }
    String endpoint = domain.path("EndpointConfiguration").asText("REGIONAL");
    if (!endpoint.equals("REGIONAL")) {
      reader.error(at + "/EndpointConfiguration", "EndpointConfiguration for Custom Domains must be one of"
          + " ['REGIONAL']. (SAM refuses '" + endpoint + "')");
      return;
    }
    JsonNode mtls = domain.path("MutualTlsAuthentication");
    for (Map.Entry<String, JsonNode> field : mtls.properties()) {
      if (!SAM_MTLS.contains(field.getKey())) {
        reader.error(at + "/MutualTlsAuthentication/" + Intrinsics.escape(field.getKey()), "Available"
            + " MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion']. (SAM refuses '"
            + field.getKey() + "')");
        return;
      }
    }
    List<String> basePaths = new ArrayList<>();
    JsonNode declaredPaths = domain.get("BasePath");
    if (declaredPaths != null && declaredPaths.isTextual()) {
      basePaths.add(declaredPaths.asText());
    } else if (declaredPaths != null && declaredPaths.isArray()) {
      declaredPaths.forEach(path -> basePaths.add(path.isTextual() ? path.asText() : null));
    }
    List<TemplateDomain.Mapping> mappings = new ArrayList<>();
    if (basePaths.isEmpty()) {
      mappings.add(new TemplateDomain.Mapping(api, stage, "", at));
    }
    for (int i = 0; i < basePaths.size(); i++) {
      String path = basePaths.get(i);
      String pathAt = at + "/BasePath" + (declaredPaths.isArray() ? "/" + i : "");
      if (path == null || !path.matches("[0-9a-zA-Z/_-]*")) {
        reader.error(pathAt, "Invalid Basepath name provided. (SAM takes letters, digits, '/', '-' and '_')");
        return;
      }
      mappings.add(new TemplateDomain.Mapping(api, stage, strip(path), pathAt));
    }
    Optional<String> truststore = Optional.ofNullable(mtls.get("TruststoreUri")).map(JsonNode::asText);
    add(new TemplateDomain(domain.get("DomainName").asText(), truststore, mappings, at));
  }

  /** The key SAM writes for a base path: without its leading and trailing {@code /}. */
  private static String strip(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  /** The template's {@code AWS::ApiGatewayV2::DomainName} and {@code ApiMapping} resources. */
  void cloudFormation() {
    Map<String, String> names = new LinkedHashMap<>(); // DomainName resource → its domain name
    JsonNode resources = reader.template().path("Resources");
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      if (!entry.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::DomainName")
          || !reader.created(entry.getKey())) {
        continue;
      }
      String at = "/Resources/" + Intrinsics.escape(entry.getKey()) + "/Properties";
      JsonNode properties = entry.getValue().path("Properties");
      JsonNode name = reader.resolveOrWarn(properties.path("DomainName"), at + "/DomainName", LEFT_OUT);
      if (name == null) {
        continue;
      }
      if (!name.isTextual() || name.asText().isEmpty()) {
        reader.error(at + "/DomainName", "a DomainName resource needs its DomainName");
        continue;
      }
      JsonNode uri = properties.path("MutualTlsAuthentication").get("TruststoreUri");
      JsonNode truststore = uri == null ? null : reader.resolveOrWarn(uri, at + "/MutualTlsAuthentication/TruststoreUri", LEFT_OUT);
      names.put(entry.getKey(), name.asText());
      add(new TemplateDomain(name.asText(), Optional.ofNullable(truststore).filter(JsonNode::isTextual)
          .map(JsonNode::asText), List.of(), at));
    }
    for (Map.Entry<String, JsonNode> entry : resources.properties()) {
      if (entry.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::ApiMapping")
          && reader.created(entry.getKey())) {
        mapping(entry.getKey(), entry.getValue().path("Properties"), names);
      }
    }
  }

  private void mapping(String logicalId, JsonNode properties, Map<String, String> names) {
    String at = "/Resources/" + Intrinsics.escape(logicalId) + "/Properties";
    String domain = named(properties.path("DomainName"), names, at + "/DomainName");
    String api = api(properties.path("ApiId"), at + "/ApiId");
    String stage = stage(properties.path("Stage"), at + "/Stage");
    JsonNode key = properties.has("ApiMappingKey")
        ? reader.resolveOrWarn(properties.get("ApiMappingKey"), at + "/ApiMappingKey", LEFT_OUT) : TemplateReader.NODES.textNode("");
    if (domain == null || api == null || stage == null || key == null) {
      return;
    }
    TemplateDomain.Mapping mapping = new TemplateDomain.Mapping(api, stage, key.asText(), at);
    TemplateDomain known = byName.get(domain);
    add(new TemplateDomain(domain, known == null ? Optional.empty() : known.truststoreUri(), List.of(mapping),
        known == null ? at : known.pointer()));
  }

  /** A mapping's domain: a Ref to a DomainName resource (its name), or the name itself. */
  private @Nullable String named(JsonNode value, Map<String, String> names, String at) {
    String ref = value.path("Ref").asText(null);
    if (ref != null && reader.template().path("Resources").path(ref).path("Type").asText()
        .equals("AWS::ApiGatewayV2::DomainName")) {
      return names.get(ref); // null when that domain was left out (reported there) or is not created
    }
    return text(value, at, "DomainName");
  }

  /** A mapping's API: the logical id a Ref or GetAtt ApiId names, or the id as written. */
  private @Nullable String api(JsonNode value, String at) {
    String named = value.isTextual() ? null : CloudFormationApis.referenced(value);
    return named != null ? named : text(value, at, "ApiId");
  }

  /** A mapping's stage: a Ref to a Stage resource (its StageName), or the name itself. */
  private @Nullable String stage(JsonNode value, String at) {
    String ref = value.path("Ref").asText(null);
    JsonNode resource = ref == null ? null : reader.template().path("Resources").get(ref);
    if (resource != null && resource.path("Type").asText().equals("AWS::ApiGatewayV2::Stage")) {
      return text(resource.path("Properties").path("StageName"), "/Resources/" + Intrinsics.escape(ref)
          + "/Properties/StageName", "StageName");
    }
    return text(value, at, "Stage");
  }

  private @Nullable String text(JsonNode value, String at, String field) {
    if (value.isMissingNode()) {
      reader.error(at, "an ApiMapping needs its " + field);
      return null;
    }
    JsonNode resolved = reader.resolveOrWarn(value, at, "the API mapping is left out (Portico does not route by"
        + " domain yet)");
    if (resolved == null) {
      return null;
    }
    if (!resolved.isTextual()) {
      reader.error(at, field + " must be a string, got " + resolved);
      return null;
    }
    return resolved.asText();
  }

  /** Adds a domain, or its mappings to the domain of the same name already read. */
  private void add(TemplateDomain domain) {
    TemplateDomain known = byName.get(domain.domainName());
    if (known == null) {
      byName.put(domain.domainName(), domain);
      return;
    }
    List<TemplateDomain.Mapping> mappings = new ArrayList<>(known.mappings());
    mappings.addAll(domain.mappings());
    byName.put(domain.domainName(), new TemplateDomain(known.domainName(),
        known.truststoreUri().isPresent() ? known.truststoreUri() : domain.truststoreUri(), mappings,
        known.pointer()));
  }
}
