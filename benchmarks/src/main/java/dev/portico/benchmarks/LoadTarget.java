package dev.portico.benchmarks;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.payload.PayloadFormat;
import dev.portico.server.PorticoServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What {@code scripts/load-test.sh} puts under load, one per process, on 127.0.0.1:
 * <ul>
 *   <li>{@code bare}: a plain Jetty 12 servlet writing the bytes the Lambda route answers with — the ceiling;</li>
 *   <li>{@code bare-core}: the same bytes from a Jetty 12 core {@code Handler}, no servlet layer — the floor of
 *       Jetty itself, to tell the servlet machinery's cost from Portico's;</li>
 *   <li>{@code bare-auth}: {@code bare}, and wrk sends the same 800-character {@code Authorization} header as to
 *       {@code portico-jwt} (what parsing that header costs Jetty alone);</li>
 *   <li>{@code portico}: {@link PorticoServer} with {@code GET /hello} on an in-process 2.0 Lambda function;</li>
 *   <li>{@code portico-jwt}: the same route behind a JWT authorizer (RS256, issuer on loopback; wrk sends one
 *       token, so after the first request it comes from the verified-token cache, as a busy client's would);</li>
 *   <li>{@code portico-authorizer}: the route behind a Lambda REQUEST authorizer (payload 2.0, simple responses)
 *       whose answer is cached for 300 s by the {@code Authorization} header wrk sends;</li>
 *   <li>{@code portico-inline}: {@code portico} with the function run on the calling (container) thread — no
 *       hand-off to the integration executor, and so no integration timeout either: the cost of that hand-off.</li>
 * </ul>
 * Prints {@code READY PORT TOKEN} (token {@code -} when none) and serves until killed.
 */
public final class LoadTarget {
  static final String BODY = "{\"message\":\"hello from a Lambda function\"}";
  private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);
  private static final byte[] LAMBDA_RESPONSE =
      ("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":"
          + "\"{\\\"message\\\":\\\"hello from a Lambda function\\\"}\"}").getBytes(StandardCharsets.UTF_8);

  private LoadTarget() {}

  /**
   * Starts one target.
   *
   * @param args the target: {@code bare}, {@code bare-core}, {@code bare-auth}, {@code portico}, {@code portico-jwt}, {@code
   *     portico-authorizer} or {@code portico-inline}
   * @throws Exception when it cannot start
   */
  public static void main(String[] args) throws Exception {
    String mode = args.length == 1 ? args[0] : "";
    switch (mode) {
      case "bare", "bare-auth" -> {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(PorticoServer.httpConfiguration()));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Bare()), "/*");
        server.setHandler(context);
        server.start();
        String token = mode.equals("bare-auth") ? new LoopbackIssuer().cognitoLikeToken() : "-";
        System.out.println("READY " + connector.getLocalPort() + " " + token);
        server.join();
      }
      case "bare-core" -> {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(PorticoServer.httpConfiguration()));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new org.eclipse.jetty.server.Handler.Abstract.NonBlocking() {
          @Override
          public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
              org.eclipse.jetty.util.Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH, BODY_BYTES.length);
            response.write(true, java.nio.ByteBuffer.wrap(BODY_BYTES), callback);
            return true;
          }
        });
        server.start();
        System.out.println("READY " + connector.getLocalPort() + " -");
        server.join();
      }
      case "portico", "portico-jwt", "portico-authorizer", "portico-inline" -> {
        LambdaFunction hello = (event, context) -> LAMBDA_RESPONSE;
        LambdaIntegration.Builder integration = LambdaIntegration.builder("hello", hello);
        if (mode.equals("portico-inline")) {
          integration.executor(Runnable::run);
        }
        Route.Builder route = Route.builder("GET /hello", integration.build()).payloadFormat(PayloadFormat.V2_0);
        HttpApi.Builder api = HttpApi.builder();
        String token = "-";
        if (mode.equals("portico-jwt")) {
          LoopbackIssuer issuer = new LoopbackIssuer();
          api.authorizer(Authorizer.jwt("jwt",
              JwtAuthorizerConfig.builder().issuer(issuer.issuer()).audiences("pets-api").build()));
          route.jwt("jwt", "pets/read");
          token = issuer.cognitoLikeToken();
        }
        if (mode.equals("portico-authorizer")) {
          byte[] allow = "{\"isAuthorized\":true}".getBytes(StandardCharsets.UTF_8);
          api.authorizer(Authorizer.lambda("keys", dev.portico.integration.LambdaAuthorizer.of("keys",
                  (event, context) -> allow))
              .payloadFormat(PayloadFormat.V2_0).simpleResponses(true)
              .identitySources("$request.header.Authorization").resultTtl(java.time.Duration.ofSeconds(300)).build());
          route.custom("keys");
          token = new LoopbackIssuer().cognitoLikeToken(); // the same header size as the JWT target's
        }
        PorticoServer server = PorticoServer.builder(Gateway.create(api.route(route.build()).build())).port(0).start();
        System.out.println("READY " + server.port() + " " + token);
        server.join();
      }
      default -> {
        System.err.println("usage: LoadTarget bare|bare-core|bare-auth|portico|portico-jwt|portico-authorizer|portico-inline");
        System.exit(2);
      }
    }
  }

  /** The ceiling: the same bytes from a plain servlet. */
  static final class Bare extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setContentType("application/json");
      response.setContentLength(BODY_BYTES.length);
      response.getOutputStream().write(BODY_BYTES);
    }
  }
}
