/**
 * Test an HTTP API's routes, authorization and CORS policies in a JUnit 5 test: {@link
 * dev.portico.testing.TestIssuer}, {@link dev.portico.testing.PorticoExtension}, {@link
 * dev.portico.testing.ApiClient}, {@link dev.portico.testing.RecordingFunction} and {@link
 * dev.portico.testing.PorticoAssertions}. jose4j, Jackson and Jetty stay out of the API.
 */
@SuppressWarnings("requires-automatic")
module dev.portico.testing {
  requires static transitive org.jspecify;
  requires transitive dev.portico.gateway;
  requires dev.portico.openapi;
  requires dev.portico.server;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires org.jose4j;
  requires com.fasterxml.jackson.databind;
  requires java.net.http;

  exports dev.portico.testing;
}
