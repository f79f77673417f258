/**
 * Adapters that run existing {@code aws-lambda-java-core} handler classes unchanged, the way the Lambda Java
 * runtime runs them.
 *
 * <pre>{@code
 * // A handler object you already have:
 * LambdaFunction pets = AwsLambdaHandlers.requestHandler(new PetsHandler());
 *
 * // A handler named the way Lambda names it, loaded in its own class loader:
 * ClassLoader loader = AwsLambdaHandlers.functionClassLoader("orders", List.of(Path.of("build/orders.jar")));
 * LambdaFunction orders = AwsLambdaHandlers.load("com.example.OrdersHandler::handle", loader);
 * Integration integration = LambdaIntegration.of("orders", orders);
 * }</pre>
 *
 * <p>Needs {@code com.amazonaws:aws-lambda-java-core} and, for {@code RequestHandler}s,
 * {@code com.amazonaws:aws-lambda-java-serialization} on the class path; both are optional dependencies of this
 * module.
 */
@NullMarked
package dev.portico.integration.aws;

import org.jspecify.annotations.NullMarked;
