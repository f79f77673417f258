/**
 * The JWT authorizer of Amazon API Gateway HTTP APIs: AWS's checks and answers, keys from OpenID discovery kept
 * fresh in the background, and a cache of verified tokens.
 *
 * <pre>{@code
 * JwtAuthorizer authorizer = JwtAuthorizer.create(JwtAuthorizerConfig.builder()
 *     .issuer("https://idp.example.com")
 *     .audiences("pets-api")
 *     .build());
 *
 * AuthorizationResult result = authorizer.authorize("Bearer eyJraWQiOi...", Set.of("pets/read"));
 * if (result instanceof AuthorizationResult.Denied denied) {
 *   // 401 {"message":"Unauthorized"} or 403 {"message":"Forbidden"}, with AWS's www-authenticate value
 *   respond(denied.status(), denied.body(), denied.wwwAuthenticate());
 *   log.debug("denied: {} ({})", denied.reason(), denied.detail());   // never sent to the client
 * } else {
 *   Map<String, Object> claims = ((AuthorizationResult.Allowed) result).claims();
 * }
 * }</pre>
 */
@NullMarked
package dev.portico.auth.jwt;

import org.jspecify.annotations.NullMarked;
