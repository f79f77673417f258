/**
 * Pin an HTTP API's policies — routes, JWT scopes, Lambda authorizers, CORS origins — in an ordinary JUnit 5 test
 * against the definition file you deploy, in milliseconds.
 *
 * <pre>{@code
 * class PetsApiPolicyTest {
 *   @RegisterExtension
 *   static final PorticoExtension portico = PorticoExtension.definition(Path.of("../examples/pets-api.yaml"))
 *       .useTestIssuer()
 *       .build();
 *
 *   @Test
 *   void writingNeedsTheWriteScope(ApiClient client, TestIssuer issuer) {
 *     String reader = issuer.token().audience("pets-app").scopes("pets/read").sign();
 *     assertThat(client.post("/pets").bearer(reader).json("{}").send())
 *         .hasStatus(403).hasJsonMessage("Forbidden").routedTo("POST /pets");
 *   }
 *
 *   @Test
 *   void theAppMayReadPets(ApiClient client, TestIssuer issuer) {
 *     String token = issuer.token().audience("pets-app").scopes("pets/read").sign();
 *     assertThat(client.get("/pets/7").bearer(token).origin("https://app.pets.example").send())
 *         .hasStatus(200)
 *         .isCorsAllowed()
 *         .invokedFunction("pets").withEvent(e -> e.pathParameter("petId").isEqualTo("7"));
 *   }
 * }
 * }</pre>
 *
 * <p>{@link dev.portico.testing.TestIssuer} is a real OIDC issuer on 127.0.0.1; {@link
 * dev.portico.testing.PorticoExtension} loads the API and points its JWT authorizers at it; {@link
 * dev.portico.testing.ApiClient} sends requests in-process or over HTTP; {@link
 * dev.portico.testing.RecordingFunction} records what functions receive; {@link
 * dev.portico.testing.PorticoAssertions} checks it all.
 */
@NullMarked
package dev.portico.testing;

import org.jspecify.annotations.NullMarked;
