package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's end-to-end case, as a team has it: a SAM template beside a Java Maven project whose handlers are
 * written against {@code aws-lambda-java-events}, built with {@code mvn}, served by {@code portico serve --template}
 * with no {@code --function} flags (the code is the project's {@code target/classes} and its runtime class path,
 * which Portico asks Maven for) — a JWT route called with a token from {@code --local-issuer} and {@code portico
 * token}, a Lambda authorizer from {@code Auth.Authorizers}, CORS from {@code CorsConfiguration}, and {@code --watch}
 * serving the handler rebuilt by {@code mvn compile}.
 */
class MavenProjectIT {

  /** A jar's version, from where Maven keeps it: {@code .../artifact/VERSION/artifact-VERSION.jar}. */
  static String version(Class<?> type) throws Exception {
    Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar.getParent().getFileName().toString();
  }

  static String pom() throws Exception {
    return String.join("\n",
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
        "  <modelVersion>4.0.0</modelVersion>",
        "  <groupId>com.example</groupId>",
        "  <artifactId>pets-service</artifactId>",
        "  <version>1.0</version>",
        "  <properties>",
        "    <maven.compiler.release>17</maven.compiler.release>",
        "    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>",
        "  </properties>",
        "  <dependencies>",
        "    <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-core</artifactId>",
        "      <version>" + version(Context.class) + "</version></dependency>",
        "    <dependency><groupId>com.amazonaws</groupId><artifactId>aws-lambda-java-events</artifactId>",
        "      <version>" + version(APIGatewayV2HTTPEvent.class) + "</version></dependency>",
        "  </dependencies>",
        "  <build><pluginManagement><plugins>",
        // the versions this build already uses, so that mvn -o finds them
        "    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>",
        "    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>",
        "  </plugins></pluginManagement></build>",
        "</project>",
        "");
  }

  static String handler(String greeting) {
    return String.join("\n",
        "package com.example;",
        "",
        "import com.amazonaws.services.lambda.runtime.Context;",
        "import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;",
        "import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;",
        "",
        "public class PetsHandler {",
        "  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {",
        "    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = event.getRequestContext().getAuthorizer();",
        "    String who = authorizer != null && authorizer.getJwt() != null",
        "        ? authorizer.getJwt().getClaims().get(\"sub\") : String.valueOf(authorizer.getLambda());",
        "    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)",
        "        .withBody(\"" + greeting + " \" + who + \" from \" + context.getFunctionName()).build();",
        "  }",
        "}",
        "");
  }

  static final String AUTHORIZER = String.join("\n",
      "package com.example;",
      "",
      "import com.amazonaws.services.lambda.runtime.Context;",
      "import java.util.Map;",
      "",
      "public class KeyAuthorizer {",
      "  @SuppressWarnings(\"unchecked\")",
      "  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {",
      "    Map<String, String> headers = (Map<String, String>) event.get(\"headers\");",
      "    boolean allowed = \"k1\".equals(headers.get(\"x-api-key\"));",
      "    return Map.of(\"isAuthorized\", allowed, \"context\", Map.of(\"team\", \"ops\"));",
      "  }",
      "}",
      "");

  static final String TEMPLATE = String.join("\n",
      "AWSTemplateFormatVersion: '2010-09-09'",
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function: {Runtime: java21, CodeUri: pets-service/, Timeout: 10, MemorySize: 512}",
      "Resources:",
      "  Api:",
      "    Type: AWS::Serverless::HttpApi",
      "    Properties:",
      "      CorsConfiguration: {AllowOrigins: ['https://app.example'], AllowMethods: [GET], AllowHeaders:"
          + " [authorization], MaxAge: 300}",
      "      Auth:",
      "        Authorizers:",
      "          Jwt:",
      "            IdentitySource: $request.header.Authorization",
      "            JwtConfiguration: {issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pets',"
          + " audience: [pets-app]}",
      "          Keys:",
      "            FunctionArn: !GetAtt KeysFunction.Arn",
      "            AuthorizerPayloadFormatVersion: '2.0'",
      "            EnableSimpleResponses: true",
      "            Identity: {Headers: [x-api-key]}",
      "  PetsFunction:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Handler: com.example.PetsHandler::handleRequest",
      "      Events:",
      "        Me: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /me, Method: get, Auth: {Authorizer: Jwt}}}",
      "        Admin: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /admin, Method: get,"
          + " Auth: {Authorizer: Keys}}}",
      "  KeysFunction:",
      "    Type: AWS::Serverless::Function",
      "    Properties: {Handler: com.example.KeyAuthorizer::handleRequest}",
      "");

  static void mvnCompile(Path project) throws Exception {
    Path log = Files.createTempFile("mvn-compile", ".log");
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-o", "compile"));
    Process mvn = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertThat(mvn.waitFor(180, TimeUnit.SECONDS)).as("mvn compile finished").isTrue();
    assertThat(mvn.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void aMavenProjectBuiltWithMavenIsServedWithoutFunctionFlags(@TempDir Path app) throws Exception {
    Path project = app.resolve("pets-service");
    Path sources = project.resolve("src/main/java/com/example");
    Files.createDirectories(sources);
    Files.writeString(project.resolve("pom.xml"), pom());
    Files.writeString(sources.resolve("PetsHandler.java"), handler("hello"));
    Files.writeString(sources.resolve("KeyAuthorizer.java"), AUTHORIZER);
    Files.writeString(app.resolve("template.yaml"), TEMPLATE);
    mvnCompile(project);
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String issuer = "http://127.0.0.1:" + port;

    try (ServerProcess server = ServerProcess.start(List.of("serve", "--template",
        app.resolve("template.yaml").toString(), "--port", "0", "--watch", "--local-issuer", "--local-issuer-port",
        String.valueOf(port)))) {
      assertThat(server.stderr()).noneMatch(line -> line.contains("not bound") || line.contains("cannot"));
      String token = ServerProcess.run("token", "--subject", "dana", "--issuer", issuer).stdout.get(0);

      HttpResponse<String> me = TemplateServerIT.send(server, "GET", "/me", "Authorization", "Bearer " + token);
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(me.body()).isEqualTo("hello dana from PetsFunction");
      assertThat(TemplateServerIT.send(server, "GET", "/me").statusCode()).isEqualTo(401);

      HttpResponse<String> admin = TemplateServerIT.send(server, "GET", "/admin", "x-api-key", "k1");
      assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
      assertThat(admin.body()).isEqualTo("hello {team=ops} from PetsFunction");
      assertThat(TemplateServerIT.send(server, "GET", "/admin", "x-api-key", "k2").statusCode()).isEqualTo(403);

      HttpResponse<String> preflight = TemplateServerIT.send(server, "OPTIONS", "/me", "Origin",
          "https://app.example", "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers",
          "authorization");
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("https://app.example");
      assertThat(preflight.headers().firstValue("access-control-max-age")).contains("300");

      // the team changes its handler and rebuilds it; --watch serves the new classes
      Files.writeString(sources.resolve("PetsHandler.java"), handler("welcome back"));
      mvnCompile(project);
      assertThat(server.awaitStderr("portico: reloaded")).as(String.join("\n", server.stderr())).isTrue();
      HttpResponse<String> rebuilt = TemplateServerIT.send(server, "GET", "/me", "Authorization", "Bearer " + token);
      assertThat(rebuilt.body()).as(String.join("\n", server.stderr())).isEqualTo("welcome back dana from PetsFunction");
    }
  }
}
