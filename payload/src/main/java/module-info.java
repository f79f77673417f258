/**
 * Lambda proxy integration payloads of Amazon API Gateway HTTP APIs: the events (format 1.0 and 2.0) a function
 * receives and the responses it may return.
 *
 * <p>Entry points: {@link dev.portico.payload.ProxyEvents#encode(dev.portico.payload.ProxyRequest,
 * dev.portico.payload.PayloadFormat)} and {@link dev.portico.payload.ProxyResponses#decode(byte[],
 * dev.portico.payload.PayloadFormat)}. Depends on jackson-core (streaming) only; no Jackson type appears in the API.
 */
module dev.portico.payload {
  requires static transitive org.jspecify;
  requires com.fasterxml.jackson.core;
  requires transitive java.net.http;

  exports dev.portico.payload;
}
