/**
 * Lambda proxy integration payloads: {@link dev.portico.payload.ProxyEvents} encodes a
 * {@link dev.portico.payload.ProxyRequest} into the event API Gateway HTTP APIs send (payload format 1.0 or 2.0),
 * and {@link dev.portico.payload.ProxyResponses} decodes what the function answers.
 *
 * <pre>{@code
 * ProxyRequest request = ProxyRequest.builder()
 *     .method("GET").path("/pets/7").rawQueryString("fields=name&fields=age")
 *     .header("Accept", "application/json")
 *     .sourceIp("192.0.2.1").requestId("JFwPVhMQIAMEVZA=").time(Instant.parse("2020-03-12T19:03:58.390Z"))
 *     .apiId("a1b2c3d4e5").accountId("123456789012").domainName("a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
 *     .routeKey("GET /pets/{id}").pathParameter("id", "7")
 *     .build();
 *
 * byte[] event = ProxyEvents.encode(request, PayloadFormat.V2_0);
 * // {"version":"2.0","routeKey":"GET /pets/{id}","rawPath":"/pets/7","rawQueryString":"fields=name&fields=age",
 * //  "headers":{"accept":"application/json"},"queryStringParameters":{"fields":"name,age"}, ...}
 *
 * ProxyResponse response = ProxyResponses.decode(
 *     "{\"statusCode\":200,\"body\":\"{\\\"name\\\":\\\"Rex\\\"}\"}".getBytes(UTF_8), PayloadFormat.V2_0);
 * response.statusCode();   // 200
 * response.bodyText();     // {"name":"Rex"}
 * }</pre>
 */
@NullMarked
package dev.portico.payload;

import org.jspecify.annotations.NullMarked;
