/**
 * CORS for HTTP APIs: a validated {@link dev.portico.cors.CorsConfiguration} and the
 * {@link dev.portico.cors.CorsPolicy} that answers preflights and decorates responses the way API Gateway does.
 *
 * <pre>{@code
 * CorsPolicy policy = CorsPolicy.of(CorsConfiguration.builder()
 *     .allowOrigins("https://www.example.com")
 *     .allowMethods("GET", "PUT")
 *     .allowHeaders("content-type")
 *     .maxAge(300)
 *     .build());
 *
 * policy.isPreflight("OPTIONS", "https://www.example.com", "PUT");   // true: answer 204 yourself
 * policy.preflight("https://www.example.com", "PUT", "content-type").toMap();
 * // {access-control-allow-origin=https://www.example.com, access-control-allow-methods=GET,PUT,
 * //  access-control-allow-headers=content-type, access-control-max-age=300, vary=origin}
 * policy.actualHeaders("https://evil.example").toMap();              // {vary=origin}: not allowed
 * }</pre>
 */
@NullMarked
package dev.portico.cors;

import org.jspecify.annotations.NullMarked;
