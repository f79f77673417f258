/**
 * {@code portico serve}: an HTTP API definition served on embedded Jetty 12, and {@link
 * dev.portico.server.PorticoServer} for hosts that start it themselves.
 */
@SuppressWarnings("requires-automatic")
module dev.portico.server {
  requires static transitive org.jspecify;
  requires transitive dev.portico.servlet;
  requires dev.portico.openapi;
  requires dev.portico.templates;
  requires java.net.http;
  requires org.jose4j;
  requires com.fasterxml.jackson.databind;
  requires transitive org.eclipse.jetty.server;
  requires org.eclipse.jetty.ee10.servlet;
  requires java.logging;

  exports dev.portico.server;
}
