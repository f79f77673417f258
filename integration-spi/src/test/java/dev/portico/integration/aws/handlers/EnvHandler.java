package dev.portico.integration.aws.handlers;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Reads its environment the ways handlers and their libraries do: directly, as a map, in a lambda, elsewhere. */
public class EnvHandler {
  public void handle(InputStream in, OutputStream out) throws java.io.IOException {
    Supplier<String> lazily = () -> System.getenv("PORTICO_TEST_TABLE");
    String answer = System.getenv("PORTICO_TEST_TABLE") + "," + System.getenv().get("PORTICO_TEST_TABLE") + ","
        + lazily.get() + "," + EnvLibrary.table() + "," + (System.getenv("PATH") != null) + ","
        + EnvHandler.class.getPackage().getName();
    out.write(answer.getBytes(StandardCharsets.UTF_8));
  }
}
