package dev.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.gateway.internal.RequestIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** X-Ray trace ids as API Gateway adds them: {@code Root=1-<8 hex: epoch seconds>-<24 hex random>}. */
class RequestIdsTest {

  @Test
  void traceIdsHaveXRaysShapeAndTime() {
    Instant now = Instant.ofEpochSecond(0x5E5FA7F5L);

    String first = RequestIds.traceId(now);
    String second = RequestIds.traceId(now);

    assertThat(first).matches("Root=1-5e5fa7f5-[0-9a-f]{24}");
    assertThat(second).matches("Root=1-5e5fa7f5-[0-9a-f]{24}").isNotEqualTo(first);
    assertThat(RequestIds.traceId(Instant.ofEpochSecond(1))).startsWith("Root=1-00000001-");
  }
}
