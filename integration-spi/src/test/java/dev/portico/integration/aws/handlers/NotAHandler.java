package dev.portico.integration.aws.handlers;

/** Implements neither handler interface. */
public class NotAHandler {
  public String run() {
    return "no";
  }
}
