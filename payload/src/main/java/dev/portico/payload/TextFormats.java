package dev.portico.payload;

import java.time.Instant;
import java.util.Objects;

/**
 * How values AWS writes as text are written, one rule each, for every place that writes them — events, access
 * logs, identity sources: a request time ({@code 12/Mar/2020:19:03:58 +0000}, facts §2) and a claim or authorizer
 * context value (JWT claims reach integrations as strings: {@code 1500} not {@code 1.5E+3}, {@code [a b]} for
 * arrays, {@code map[k:v]} for objects; choice P2).
 *
 * <pre>{@code
 * TextFormats.requestTime(Instant.parse("2020-03-12T19:03:58Z"));   // 12/Mar/2020:19:03:58 +0000
 * TextFormats.claim(new BigDecimal("1.5E+3"));                       // 1500
 * }</pre>
 */
public final class TextFormats {
  private TextFormats() {}

  /**
   * A request time as events and access logs show it: {@code dd/MMM/yyyy:HH:mm:ss +0000}, English month, UTC.
   *
   * @param time the time, years 0000 to 9999
   * @return the text
   */
  public static String requestTime(Instant time) {
    return EventWriter.formatTime(Objects.requireNonNull(time, "time").toEpochMilli());
  }

  /**
   * A claim or context value as text, exactly as the event's {@code authorizer.jwt.claims} carries it.
   *
   * @param value a JSON value: string, number, boolean, list, map or null
   * @return the text
   */
  public static String claim(Object value) {
    return EventWriter.claimText(value);
  }
}
