/**
 * What host applications implement behind an Amazon API Gateway HTTP API: integrations and Lambda REQUEST
 * authorizers.
 *
 * <p>Entry points: {@link dev.portico.integration.LambdaIntegration}, {@link
 * dev.portico.integration.HttpProxyIntegration}, {@link dev.portico.integration.LambdaAuthorizer}, and {@link
 * dev.portico.integration.aws.AwsLambdaHandlers} for existing {@code aws-lambda-java-core} handler classes
 * (optional dependency).
 */
@SuppressWarnings("requires-automatic")
module dev.portico.integration {
  requires static transitive org.jspecify;
  requires transitive dev.portico.payload;
  requires com.fasterxml.jackson.core;
  requires transitive java.net.http;
  requires static aws.lambda.java.core;
  requires org.objectweb.asm;

  exports dev.portico.integration;
  exports dev.portico.integration.aws;
}
