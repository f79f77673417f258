package dev.portico.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PayloadLimitsTest {

  /** A stream of zeros that counts what was read from it, to prove the reader stops early. */
  static final class Endless extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      served += len;
      return len;
    }
  }

  @Test
  void defaultsAreTenMegabytesAsDecisionD11Reads() {
    assertThat(PayloadLimits.defaults().maxRequestBodyBytes()).isEqualTo(10_485_760);
    assertThat(PayloadLimits.defaults().maxResponseBytes()).isEqualTo(10_485_760);
  }

  @Test
  void aBodyOfExactlyTheLimitIsAcceptedDecisionD11() throws IOException {
    PayloadLimits limits = PayloadLimits.builder().maxRequestBodyBytes(100_000).build();

    byte[] body = limits.readRequestBody(new ByteArrayInputStream(new byte[100_000]));

    assertThat(body).hasSize(100_000);
  }

  @Test
  void oneByteMoreIsRefusedAndNamesTheSetting() {
    PayloadLimits limits = PayloadLimits.builder().maxRequestBodyBytes(100_000).build();

    assertThatThrownBy(() -> limits.readRequestBody(new ByteArrayInputStream(new byte[100_001])))
        .isInstanceOf(PayloadTooLargeException.class)
        .hasMessage("request body is larger than 100000 bytes (PayloadLimits.maxRequestBodyBytes)")
        .satisfies(e -> {
          assertThat(((PayloadTooLargeException) e).setting()).isEqualTo("maxRequestBodyBytes");
          assertThat(((PayloadTooLargeException) e).limit()).isEqualTo(100_000);
        });
  }

  @Test
  void anEndlessBodyIsRefusedWithoutReadingMuchPastTheLimit() {
    Endless endless = new Endless();

    assertThatThrownBy(() -> PayloadLimits.defaults().readRequestBody(endless))
        .isInstanceOf(PayloadTooLargeException.class);
    assertThat(endless.served).isEqualTo(PayloadLimits.TEN_MEGABYTES + 1L);
  }

  @Test
  void responsesAreLimitedWhenReadAndWhenGivenAsBytes() {
    PayloadLimits limits = PayloadLimits.builder().maxResponseBytes(20).build();
    byte[] big = "{\"statusCode\":200,\"body\":\"0123456789\"}".getBytes(UTF_8);

    assertThatThrownBy(() -> ProxyResponses.decode(big, PayloadFormat.V2_0, limits))
        .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("PayloadLimits.maxResponseBytes");
    assertThatThrownBy(() -> ProxyResponses.decode(new Endless(), PayloadFormat.V2_0, limits))
        .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("function response");
  }

  @Test
  void aStreamedResponseWithinTheLimitDecodes() throws IOException {
    byte[] json = "{\"statusCode\":418}".getBytes(UTF_8);

    ProxyResponse response = ProxyResponses.decode(new ByteArrayInputStream(json), PayloadFormat.V1_0,
        PayloadLimits.builder().maxResponseBytes(json.length).build());

    assertThat(response.statusCode()).isEqualTo(418);
  }

  @Test
  void invalidLimitsFailAtTheSetterNamingTheSetting() {
    assertThatThrownBy(() -> PayloadLimits.builder().maxRequestBodyBytes(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRequestBodyBytes -1 must be between 0 and 2147483639 bytes");
    assertThatThrownBy(() -> new PayloadLimits(1, Integer.MAX_VALUE))
        .hasMessageStartingWith("maxResponseBytes 2147483647 must be between");
  }

  @Test
  void aZeroLimitAcceptsOnlyEmptyBodies() throws IOException {
    PayloadLimits none = PayloadLimits.builder().maxRequestBodyBytes(0).build();

    assertThat(none.readRequestBody(new ByteArrayInputStream(new byte[0]))).isEmpty();
    assertThatThrownBy(() -> none.readRequestBody(new ByteArrayInputStream(new byte[1])))
        .isInstanceOf(PayloadTooLargeException.class);
  }
}
