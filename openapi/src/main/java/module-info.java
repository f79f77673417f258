/**
 * Import and export of AWS-flavoured OpenAPI 3.0 definitions to and from a {@link dev.portico.gateway.HttpApi}.
 *
 * <p>Entry points: {@link dev.portico.openapi.OpenApiImporter} and {@link dev.portico.openapi.OpenApiExporter}.
 * Jackson reads and writes the documents and stays out of the API.
 */
module dev.portico.openapi {
  requires static transitive org.jspecify;
  requires transitive dev.portico.gateway;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires java.net.http;

  exports dev.portico.openapi;
}
