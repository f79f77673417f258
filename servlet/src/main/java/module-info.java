/**
 * A Jakarta Servlet 6 adapter for the HTTP API gateway: {@link dev.portico.servlet.PorticoFilter} and {@link
 * dev.portico.servlet.PorticoServlet}.
 */
module dev.portico.servlet {
  requires static transitive org.jspecify;
  requires transitive dev.portico.gateway;
  requires transitive jakarta.servlet;

  exports dev.portico.servlet;
}
