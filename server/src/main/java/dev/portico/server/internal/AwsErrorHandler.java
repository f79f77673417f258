package dev.portico.server.internal;

import dev.portico.gateway.GatewayResponse;
import dev.portico.payload.LogText;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers — a request its parser refused (bad percent-encoding, headers over its limit, broken
 * framing), or a failure inside the servlet container — written as the gateway writes errors: {@code
 * {"message":"..."}}, {@code application/json}, {@code apigw-requestid}. Never an HTML page, never an empty body,
 * never a stack trace (issue 18). The reason Jetty gives is logged, escaped, not sent.
 */
public final class AwsErrorHandler extends ErrorHandler {
  private static final System.Logger LOG = System.getLogger("dev.portico.server");

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    GatewayResponse answer = GatewayResponse.error(status >= 400 && status <= 599 ? status : 500);
    Object cause = request.getAttribute(ERROR_EXCEPTION);
    LOG.log(System.Logger.Level.INFO, "{0} from the HTTP server, id={1}: {2}", answer.statusCode(),
        answer.header("apigw-requestid").orElse("-"),
        LogText.escape(String.valueOf(cause != null ? cause : request.getAttribute(ERROR_MESSAGE))));
    response.setStatus(answer.statusCode());
    response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
    for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
      for (String value : header.getValue()) {
        response.getHeaders().add(header.getKey(), value);
      }
    }
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
    return true;
  }
}
