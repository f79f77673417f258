package dev.portico.integration.aws.handlers;

/** A library class of the function's class path that reads the environment, as an SDK reads AWS_REGION. */
public final class EnvLibrary {
  private EnvLibrary() {}

  public static String table() {
    return System.getenv("PORTICO_TEST_TABLE");
  }
}
