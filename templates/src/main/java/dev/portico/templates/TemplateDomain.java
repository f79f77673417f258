package dev.portico.templates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom domain of a template and its API mappings, as CloudFormation would create them: an {@code
 * AWS::ApiGatewayV2::DomainName} with its {@code AWS::ApiGatewayV2::ApiMapping}s, or a SAM HttpApi's {@code
 * Domain} (one mapping per {@code BasePath}, its key the path without its leading and trailing {@code /}, as SAM
 * writes it). Read and kept for the custom-domains issue; Portico does not route by domain yet.
 *
 * <pre>{@code
 * TemplateDomain domain = template.domains().get(0);
 * domain.domainName();                        // "api.example.com"
 * domain.mappings().get(0).key();             // "orders", "" for the (none) mapping
 * }</pre>
 *
 * @param domainName the domain name, e.g. {@code api.example.com} or {@code *.example.com}
 * @param truststoreUri the mutual-TLS truststore ({@code MutualTlsAuthentication.TruststoreUri}), if any
 * @param mappings the API mappings, in template order
 * @param pointer where the domain is declared
 */
public record TemplateDomain(String domainName, Optional<String> truststoreUri, List<Mapping> mappings,
    String pointer) {

  /**
   * Checks the parts and copies the mappings.
   *
   * @param domainName the domain name
   * @param truststoreUri the truststore
   * @param mappings the mappings
   * @param pointer where it is declared
   */
  public TemplateDomain {
    Objects.requireNonNull(domainName, "domainName");
    Objects.requireNonNull(truststoreUri, "truststoreUri");
    mappings = List.copyOf(mappings);
    Objects.requireNonNull(pointer, "pointer");
  }

  /**
   * One API mapping: which API and stage a path of the domain goes to.
   *
   * @param api the API's logical id in the template (or the API id an ApiMapping names literally)
   * @param stage the stage's name
   * @param key the mapping key: {@code ""} (the {@code (none)} mapping), {@code orders}, {@code orders/v2}
   * @param pointer where the mapping is declared
   */
  public record Mapping(String api, String stage, String key, String pointer) {
    /**
     * Checks the parts.
     *
     * @param api the API
     * @param stage the stage
     * @param key the key
     * @param pointer where it is declared
     */
    public Mapping {
      Objects.requireNonNull(api, "api");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(pointer, "pointer");
    }
  }
}
