package dev.portico.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SLF4J sink. */
final class Slf4jSink implements AccessLogSink {
  static final Slf4jSink INSTANCE = new Slf4jSink();
  static final String LOGGER_NAME = "dev.portico.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  private Slf4jSink() {}

  @Override
  public void write(String stage, String line) {
    LOG.info(line);
  }
}
