package dev.portico.gateway.internal.pipeline;

import java.util.List;
import java.util.Map;

/**
 * Makes the host's answer from a finished reply — status, headers (lowercased, in order), body — so the pipeline
 * builds the one object it returns and nothing in between.
 *
 * @param <R> the answer type ({@code GatewayResponse})
 */
@FunctionalInterface
public interface Answers<R> {
  /**
   * The answer.
   *
   * @param status the status
   * @param headers the headers, owned by the answer from now on
   * @param body the body
   * @return the answer
   */
  R answer(int status, Map<String, List<String>> headers, byte[] body);
}
