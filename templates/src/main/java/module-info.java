/**
 * SAM and CloudFormation templates read into Portico HTTP APIs, stages and functions.
 *
 * <p>Entry point: {@link dev.portico.templates.TemplateReader}. Jackson reads the templates and stays out of the
 * API.
 */
module dev.portico.templates {
  requires static transitive org.jspecify;
  requires transitive dev.portico.openapi;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;

  exports dev.portico.templates;
}
