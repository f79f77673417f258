/**
 * The pets API's Lambda functions, written against {@code aws-lambda-java-core} and {@code aws-lambda-java-events}
 * exactly as for AWS; packaged as {@code examples/target/pets-functions.jar}, a Lambda deployment package.
 *
 * <pre>{@code
 * java -jar server/target/portico-server.jar serve --api examples/pets-api.yaml \
 *     --classpath examples/target/pets-functions.jar \
 *     --function pets=dev.portico.examples.functions.PetsHandler ...
 * }</pre>
 */
package dev.portico.examples.functions;
