/**
 * Serve an Amazon API Gateway HTTP API from any Jakarta Servlet 6 container: {@link
 * dev.portico.servlet.PorticoServlet} for a servlet mapping, {@link dev.portico.servlet.PorticoFilter} in front of
 * an application.
 *
 * <pre>{@code
 * Gateway gateway = Gateway.create(HttpApi.builder()
 *     .route(Route.of("GET /pets/{id}", LambdaIntegration.of("pets", petsFunction)))
 *     .build());
 *
 * ServletContextHandler context = new ServletContextHandler("/");
 * ServletHolder servlet = new ServletHolder(PorticoServlet.of(gateway));
 * servlet.setAsyncSupported(true);
 * context.addServlet(servlet, "/api/*");
 * }</pre>
 *
 * <p>What the container knows reaches the gateway: the peer address ({@code sourceIp}), the protocol, the scheme
 * and local port, and a mutual-TLS client certificate ({@code jakarta.servlet.request.X509Certificate}).
 */
@NullMarked
package dev.portico.servlet;

import org.jspecify.annotations.NullMarked;
