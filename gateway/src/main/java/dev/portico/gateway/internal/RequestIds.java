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
    // Root=1-{8 hex digits of epoch seconds}-{24 random hex digits}; by hand, String.format is slow on the hot path.
    char[] id = new char[7 + 8 + 1 + 24];
    "Root=1-".getChars(0, 7, id, 0);
    hex(now.getEpochSecond() & 0xFFFFFFFFL, id, 7, 8);
    id[15] = '-';
    hex(random.nextInt() & 0xFFFFFFFFL, id, 16, 8);
    hex(random.nextLong(), id, 24, 16);
    return new String(id);
  }

  /** Writes the low {@code digits} hex digits of {@code value}, zero-padded, at {@code at}. */
  private static void hex(long value, char[] into, int at, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      into[at + i] = Character.forDigit((int) (value & 0xF), 16);
      value >>>= 4;
    }
  }
}
