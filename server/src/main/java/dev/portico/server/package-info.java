/**
 * Serve an AWS-flavoured OpenAPI definition locally, with your own Lambda handler classes: the {@code portico}
 * command ({@link dev.portico.server.Portico}) and {@link dev.portico.server.PorticoServer} for programs that start
 * the server themselves.
 *
 * <pre>{@code
 * ImportResult definition = OpenApiImporter.read(file);   // shop.yaml: functions items, files, fallback
 * Gateway gateway = Gateway.create(
 *     definition.apiBuilder(Map.of("items", items, "files", items, "fallback", items)).build());
 * try (PorticoServer server = PorticoServer.builder(gateway).port(0).start()) {
 *   System.out.println("Portico listening on " + server.uri());
 *   server.join();
 * }
 * }</pre>
 */
@NullMarked
package dev.portico.server;

import org.jspecify.annotations.NullMarked;
