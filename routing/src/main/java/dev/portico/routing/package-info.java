/**
 * Route keys ({@code GET /pets/{id}}, {@code ANY /{proxy+}}, {@code $default}) and a router that picks a route
 * for a request exactly as Amazon API Gateway HTTP APIs do.
 *
 * <p>Build a {@link dev.portico.routing.Router} once, then call it from any thread:
 *
 * <pre>{@code
 * Router<String> router = Router.<String>builder()
 *     .route("GET /pets/{id}", "getPet")
 *     .route("ANY /pets/{proxy+}", "pets")
 *     .route(RouteKey.DEFAULT, "fallback")
 *     .build();
 *
 * RouteMatch<String> match = router.match("GET", "/pets/7").orElseThrow();
 * match.target();                     // "getPet"
 * match.routeKey().toString();        // "GET /pets/{id}"
 * match.pathParameters().get("id");   // "7"
 *
 * router.match("DELETE", "/pets/7/toys").orElseThrow().target();   // "pets"
 * router.match("GET", "/owners").orElseThrow().target();           // "fallback"
 * }</pre>
 *
 * <p>Precedence, in order: a full match of path and method (variables included), then a match through a greedy
 * variable, then {@code $default}; an empty result means AWS would answer {@code 404 {"message":"Not Found"}}.
 * Among several full matches a literal segment beats a variable at the first segment where they differ, and a
 * route with the request's own method beats {@code ANY}. See {@code docs/routing.md} for every rule.
 */
@NullMarked
package dev.portico.routing;

import org.jspecify.annotations.NullMarked;
