/**
 * Runnable examples: {@link dev.portico.examples.PetsExample} serves the pets API with a {@link
 * dev.portico.testing.TestIssuer} from portico-testing; {@link dev.portico.examples.EmbeddedJettyExample} puts {@code PorticoFilter} in
 * front of a plain Jetty application; {@link dev.portico.examples.DirectGatewayExample} calls a {@code Gateway}
 * directly, without HTTP.
 *
 * <pre>{@code
 * mvn -B -q install -DskipTests && java -jar examples/target/portico-examples.jar
 * }</pre>
 */
package dev.portico.examples;
