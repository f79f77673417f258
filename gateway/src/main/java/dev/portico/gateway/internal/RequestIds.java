package dev.portico.gateway.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids and trace ids in AWS's shapes. */
public final class RequestIds {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private RequestIds() {}

  /**
   * A new request id shaped like API Gateway's {@code apigw-requestid}: 11 random bytes in base64, 16 characters
   * ending in {@code =} (e.g. {@code JKJaXmPLvHcESHA=}).
   *
   * @return the id
   */
  public static String next() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return BASE64.encodeToString(bytes);
  }

  /**
   * A new X-Ray trace header value: {@code Root=1-<8 hex digits of epoch seconds>-<24 random hex digits>}.
   *
   * @param now the request time
   * @return the value for {@code x-amzn-trace-id}
   */
  public static String traceId(Instant now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "Root=1-%08x-%08x%016x", now.getEpochSecond() & 0xFFFFFFFFL, random.nextInt(), random.nextLong());
  }
}
