package dev.portico.integration.aws.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stream handler that answers with the size of its event. */
public class RawHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    int size = input.readAllBytes().length;
    context.getLogger().log("event of " + size + " bytes");
    output.write(("{\"statusCode\":200,\"body\":\"" + size + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
