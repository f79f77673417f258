package dev.portico.gateway.internal.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The answer the pipeline gives, finished: status, headers (lowercased, in order) and body.
 *
 * @param status the status
 * @param headers the headers
 * @param body the body
 */
public record Reply(int status, Map<String, List<String>> headers, byte[] body) {}
