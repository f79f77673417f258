/**
 * What host applications implement behind an HTTP API: {@link dev.portico.integration.Integration}s and Lambda
 * REQUEST authorizers.
 *
 * <pre>{@code
 * // A Lambda-style function, in process:
 * Integration hello = LambdaIntegration.of("hello", (event, context) ->
 *     "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
 *
 * // An HTTP backend:
 * Integration backend = HttpProxyIntegration.builder("http://127.0.0.1:8080/{proxy}").build();
 *
 * // A Lambda REQUEST authorizer with simple responses:
 * LambdaAuthorizer authorizer = LambdaAuthorizer.of("auth", (event, context) ->
 *     "{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 *
 * <p>The gateway ({@code dev.portico.gateway}) builds each {@link dev.portico.integration.IntegrationRequest},
 * enforces deadlines and turns failures into AWS's answers.
 */
@NullMarked
package dev.portico.integration;

import org.jspecify.annotations.NullMarked;
