package dev.portico.testing;

import static dev.portico.testing.PorticoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The policies of the examples' pets API ({@code examples/pets-api.yaml}, the file {@code portico serve} and {@code
 * aws apigatewayv2 import-api} take), pinned the way a user of portico-testing pins theirs. Every function is a
 * recording double; the JWT authorizer trusts a {@link TestIssuer}. Each test names the fact it checks
 * ({@code facts} = the AWS HTTP API facts file, {@code D} = a decision recorded there).
 */
class PetsApiPolicyTest {
  static final Path PETS_API = Path.of("../examples/pets-api.yaml");
  static final String APP = "https://app.pets.example";

  static final RecordingFunction PETS = RecordingFunction.named("pets")
      // A backend that sets its own CORS header, which API Gateway replaces (facts §5).
      .replyWith(200, Map.of("access-control-allow-origin", "*", "content-type", "application/json"), "{\"ok\":true}");

  static final RecordingFunction API_KEYS = RecordingFunction.named("api-key-authorizer").replyWith(event -> {
    switch (event.header("x-api-key").orElse("")) {
      case "admin-key":
        return RecordingFunction.authorized(Map.of("role", "admin"));
      case "staff-key":
        return RecordingFunction.authorized(Map.of("role", "staff"));
      case "broken-key":
        throw new IllegalStateException("the key store is down");
      case "garbage-key":
        return "{\"allow\":\"maybe\"}";
      default:
        return RecordingFunction.denied();
    }
  });

  @RegisterExtension
  static final PorticoExtension portico = PorticoExtension.definition(PETS_API)
      .useTestIssuer("petsJwt")
      .function("pets", PETS)
      .function("api-key-authorizer", API_KEYS)
      .build();

  static String token(TestIssuer issuer, String... scopes) {
    return issuer.token().subject("u1").audience("pets-app").scopes(scopes).sign();
  }

  @Nested
  class Routes {
    @Test
    void aLiteralRouteTakesItsPath(ApiClient client) {
      assertThat(client.get("/pets").send())
          .hasStatus(200)
          .routedTo("GET /pets")
          .invokedFunction("pets").withEvent(e -> e.routeKey().isEqualTo("GET /pets"));
    }

    @Test
    void aPathVariableCapturesOneSegmentFactsS1(ApiClient client, TestIssuer issuer) {
      assertThat(client.get("/pets/7").bearer(token(issuer, "pets/read")).send())
          .hasStatus(200)
          .routedTo("GET /pets/{petId}")
          .invokedFunction("pets").withEvent(e -> {
            e.pathParameter("petId").isEqualTo("7");
            e.path().isEqualTo("/pets/7");
          });
    }

    @Test
    void pathParametersArriveDecodedD13(ApiClient client, TestIssuer issuer) {
      assertThat(client.get("/pets/rex%20the%20dog").bearer(token(issuer, "pets/read")).send())
          .hasStatus(200)
          .invokedFunction("pets").withEvent(e -> e.pathParameter("petId").isEqualTo("rex the dog"));
    }

    @Test
    void aGreedyVariableTakesTheRestOfThePathForAnyMethodFactsS1(ApiClient client) {
      assertThat(client.put("/files/reports/2026/nov.csv").body("a,b").send())
          .hasStatus(200)
          .routedTo("ANY /files/{proxy+}")
          .invokedFunction("files").withEvent(e -> {
            e.pathParameter("proxy").isEqualTo("reports/2026/nov.csv");
            e.method().isEqualTo("PUT");
            e.body().isEqualTo("a,b");
          });
    }

    @Test
    void aPayloadFormat10RouteGetsAVersion10Event(ApiClient client) {
      assertThat(client.get("/legacy/pets?limit=5").send())
          .hasStatus(200)
          .routedTo("GET /legacy/pets")
          .invokedFunction("legacy-pets").withEvent(e -> {
            e.hasVersion("1.0");
            e.queryParameter("limit").isEqualTo("5");
          });
    }

    @Test
    void anUnmatchedPathFallsToDefaultFactsS1(ApiClient client) {
      assertThat(client.get("/owners/3").send())
          .hasStatus(200)
          .routedTo("$default")
          .invokedFunction("fallback").withEvent(e -> e.routeKey().isEqualTo("$default"));
    }

    @Test
    void aMethodWithoutARouteFallsToDefaultNotToAnotherMethodFactsS1(ApiClient client) {
      assertThat(client.patch("/pets").json("{}").send())
          .routedTo("$default")
          .didNotInvokeFunction("pets")
          .invokedFunction("fallback");
    }
  }

  @Nested
  class JwtScopes {
    @Test
    void noTokenIs401AndTheFunctionNeverRunsFactsS4(ApiClient client) {
      assertThat(client.get("/pets/7").send())
          .hasStatus(401)
          .hasJsonMessage("Unauthorized")
          .routedTo("GET /pets/{petId}")
          .invokedNoFunction();
    }

    @Test
    void aTokenWithoutTheRouteScopeIs403FactsS4(ApiClient client, TestIssuer issuer) {
      assertThat(client.get("/pets/7").bearer(token(issuer, "pets/write")).send())
          .hasStatus(403)
          .hasJsonMessage("Forbidden")
          .invokedNoFunction();
    }

    @Test
    void writingNeedsTheWriteScope(ApiClient client, TestIssuer issuer) {
      assertThat(client.post("/pets").bearer(token(issuer, "pets/read")).json("{\"name\":\"Rex\"}").send())
          .hasStatus(403)
          .hasJsonMessage("Forbidden")
          .routedTo("POST /pets");
      assertThat(client.post("/pets").bearer(token(issuer, "pets/write")).json("{\"name\":\"Rex\"}").send())
          .hasStatus(200)
          .invokedFunction("pets").withEvent(e -> {
            e.claim("sub").isEqualTo("u1");
            e.scopes().containsExactly("pets/write");
            e.body().isEqualTo("{\"name\":\"Rex\"}");
          });
    }

    @Test
    void oneMatchingScopeAmongManyIsEnoughFactsS4(ApiClient client, TestIssuer issuer) {
      assertThat(client.get("/pets/7").bearer(token(issuer, "profile", "pets/read", "pets/write")).send())
          .hasStatus(200);
    }

    @Test
    void claimsReachTheFunctionAsStringsFactsS2(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().subject("u2").audience("pets-app").scopes("pets/read")
          .claim("tenant", "t1").claim("level", 3).claim("admin", false).sign();
      assertThat(client.get("/pets/7").bearer(token).send())
          .invokedFunction("pets").withEvent(e -> {
            e.claim("tenant").isEqualTo("t1");
            e.claim("level").isEqualTo("3");
            e.claim("admin").isEqualTo("false");
            e.claim("iss").isEqualTo(issuer.issuer());
          });
    }

    @Test
    void theBearerPrefixIsOptionalD5(ApiClient client, TestIssuer issuer) {
      assertThat(client.get("/pets/7").header("authorization", token(issuer, "pets/read")).send())
          .hasStatus(200);
    }

    @Test
    void clientIdStandsInForAnAbsentAudienceFactsS4(ApiClient client, TestIssuer issuer) {
      String cognitoAccessToken = issuer.token().clientId("pets-app").scopes("pets/read").sign();
      assertThat(client.get("/pets/7").bearer(cognitoAccessToken).send()).hasStatus(200);
    }

    @Test
    void clientIdDoesNotRescueAWrongAudienceFactsS4(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().audience("other-app").clientId("pets-app").scopes("pets/read").sign();
      assertThat(client.get("/pets/7").bearer(token).send()).hasStatus(401).hasJsonMessage("Unauthorized");
    }
  }

  @Nested
  class BrokenTokens {
    @Test
    void anExpiredTokenIs401WithInvalidTokenFactsS4(ApiClient client, TestIssuer issuer) {
      String expired = issuer.token().audience("pets-app").scopes("pets/read").expired().sign();
      assertThat(client.get("/pets/7").bearer(expired).send())
          .hasStatus(401)
          .hasJsonMessage("Unauthorized")
          .invokedNoFunction();
      assertThat(client.get("/pets/7").bearer(expired).send().header("www-authenticate"))
          .hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
    }

    @Test
    void aWrongAudienceIs401FactsS4(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().scopes("pets/read").wrongAudience().sign();
      assertThat(client.get("/pets/7").bearer(token).send()).hasStatus(401).hasJsonMessage("Unauthorized");
    }

    @Test
    void aWrongIssuerIs401FactsS4(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().audience("pets-app").scopes("pets/read").wrongIssuer().sign();
      assertThat(client.get("/pets/7").bearer(token).send()).hasStatus(401).hasJsonMessage("Unauthorized");
    }

    @Test
    void anUnknownKeyIdIs401FactsS4(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().audience("pets-app").scopes("pets/read").unknownKeyId().sign();
      assertThat(client.get("/pets/7").bearer(token).send()).hasStatus(401).hasJsonMessage("Unauthorized");
    }

    @Test
    void aBadSignatureIs401FactsS4(ApiClient client, TestIssuer issuer) {
      String token = issuer.token().audience("pets-app").scopes("pets/read").badSignature().sign();
      assertThat(client.get("/pets/7").bearer(token).send()).hasStatus(401).hasJsonMessage("Unauthorized");
    }

    @Test
    void onlyRsaAlgorithmsAreAcceptedFactsS4(ApiClient client, TestIssuer issuer) {
      String none = issuer.token().audience("pets-app").scopes("pets/read").unsigned().sign();
      String hmac = issuer.token().audience("pets-app").scopes("pets/read").algorithmConfusion().sign();
      assertThat(client.get("/pets/7").bearer(none).send()).hasStatus(401);
      assertThat(client.get("/pets/7").bearer(hmac).send()).hasStatus(401).invokedNoFunction();
    }

    @Test
    void aRotatedKeySignsAndTheOldOneStillVerifiesWhilePublished(ApiClient client, TestIssuer issuer) {
      String before = token(issuer, "pets/read");
      String oldKey = issuer.currentKeyId();
      String newKey = issuer.rotateKey();
      try {
        String after = token(issuer, "pets/read");
        assertThat(client.get("/pets/1").bearer(after).send()).hasStatus(200);
        assertThat(client.get("/pets/2").bearer(before).send()).hasStatus(200);
        assertThat(issuer.publishedKeyIds()).containsExactly(oldKey, newKey);
      } finally {
        issuer.retireKey(oldKey);
      }
    }

    @Test
    void aTokenLivesAsLongAsItsLifetimeSays(ApiClient client, TestIssuer issuer) {
      String longLived = issuer.token().audience("pets-app").scopes("pets/read").expiresIn(Duration.ofHours(12))
          .sign();
      assertThat(client.get("/pets/7").bearer(longLived).send()).hasStatus(200);
    }
  }

  @Nested
  class Cors {
    @Test
    void thePreflightForAnAuthorizedPostFromTheAppIsAllowedFactsS5(ApiClient client) {
      assertThat(client.preflight(APP, "POST", "/pets", "authorization", "content-type").send())
          .hasStatus(204)
          .isCorsAllowed()
          .hasHeader("access-control-max-age", "600")
          .isNotRouted()
          .invokedNoFunction();
    }

    @Test
    void theLocalDevServerIsAnAllowedOrigin(ApiClient client) {
      assertThat(client.get("/pets").origin("http://localhost:5173").send()).hasStatus(200).isCorsAllowed();
    }

    @Test
    void anUnlistedOriginGetsNoCorsHeadersEvenThoughTheBackendSetsThemFactsS5(ApiClient client) {
      ApiResponse response = client.get("/pets").origin("https://evil.example").send();
      assertThat(response)
          .hasStatus(200)
          .isCorsRefused()
          .doesNotHaveHeader("access-control-allow-origin")
          .invokedFunction("pets");
    }

    @Test
    void theGatewayReplacesTheBackendsCorsHeadersFactsS5(ApiClient client) {
      assertThat(client.get("/pets").origin(APP).send())
          .isCorsAllowed()
          .hasHeader("access-control-allow-origin", APP)
          .hasHeader("access-control-expose-headers", "location");
    }

    @Test
    void aMethodOutsideAllowMethodsIsRefusedAtPreflight(ApiClient client) {
      assertThat(client.preflight(APP, "PUT", "/files/x").send()).isCorsRefused();
    }

    @Test
    void aHeaderOutsideAllowHeadersIsRefusedAtPreflight(ApiClient client) {
      assertThat(client.preflight(APP, "GET", "/pets", "x-trace").send()).isCorsRefused();
    }

    @Test
    void aPreflightFromAnUnlistedOriginIsRefused(ApiClient client) {
      assertThat(client.preflight("https://evil.example", "DELETE", "/pets/7", "x-api-key").send())
          .isCorsRefused()
          .invokedNoFunction();
    }

    @Test
    void aRequestWithoutOriginGetsNoCorsHeadersFactsS5(ApiClient client) {
      assertThat(client.get("/pets").send()).doesNotHaveHeader("access-control-allow-origin");
    }
  }

  @Nested
  class LambdaAuthorizer {
    @Test
    void aMissingIdentitySourceIs401WithoutInvokingTheAuthorizerFactsS4(ApiClient client) {
      assertThat(client.delete("/pets/7").send())
          .hasStatus(401)
          .hasJsonMessage("Unauthorized")
          .routedTo("DELETE /pets/{petId}")
          .invokedNoFunction();
    }

    @Test
    void aDenyIs403FactsS4(ApiClient client) {
      assertThat(client.delete("/pets/7").header("x-api-key", "stolen").send())
          .hasStatus(403)
          .hasJsonMessage("Forbidden")
          .didNotInvokeFunction("pets")
          .invokedFunction("api-key-authorizer").withEvent(e -> {
            e.routeKey().isEqualTo("DELETE /pets/{petId}");
            e.header("x-api-key").isEqualTo("stolen");
          });
      assertThat(API_KEYS.lastInvocation().orElseThrow().event().isAuthorizerEvent()).isTrue();
    }

    @Test
    void anAllowPassesTheContextToTheFunctionFactsS4(ApiClient client) {
      assertThat(client.delete("/pets/7").header("x-api-key", "admin-key").send())
          .hasStatus(200)
          .invokedFunction("pets").withEvent(e -> e.authorizerContext("role").isEqualTo("admin"));
    }

    @Test
    void answersAreCachedByIdentitySourceForTheTtlFactsS4D12(ApiClient client) {
      assertThat(client.delete("/pets/1").header("x-api-key", "admin-key").send()).hasStatus(200)
          .invokedFunction("api-key-authorizer");
      assertThat(client.delete("/pets/2").header("x-api-key", "admin-key").send()).hasStatus(200)
          .didNotInvokeFunction("api-key-authorizer")
          .invokedFunction("pets").withEvent(e -> e.authorizerContext("role").isEqualTo("admin"));
      assertThat(client.delete("/pets/3").header("x-api-key", "staff-key").send()).hasStatus(200)
          .invokedFunction("api-key-authorizer");
      assertThat(portico.function("api-key-authorizer")).hasInvocations(2);
    }

    @Test
    void denialsAreCachedToo(ApiClient client) {
      client.delete("/pets/1").header("x-api-key", "stolen").send();
      assertThat(client.delete("/pets/1").header("x-api-key", "stolen").send()).hasStatus(403);
      assertThat(portico.function("api-key-authorizer")).hasInvocations(1);
    }

    @Test
    void eachTestStartsWithAnEmptyAuthorizerCache(ApiClient client) {
      // The previous tests cached admin-key; this test's gateway is new, so the authorizer runs again.
      assertThat(client.delete("/pets/1").header("x-api-key", "admin-key").send())
          .invokedFunction("api-key-authorizer");
    }

    @Test
    void aFailingOrGarbledAuthorizerIs500FactsS4(ApiClient client) {
      assertThat(client.delete("/pets/7").header("x-api-key", "broken-key").send())
          .hasStatus(500)
          .hasJsonMessage("Internal Server Error")
          .didNotInvokeFunction("pets");
      assertThat(client.delete("/pets/7").header("x-api-key", "garbage-key").send())
          .hasStatus(500)
          .hasJsonMessage("Internal Server Error");
    }
  }

  @Nested
  class Functions {
    @Test
    void aFunctionErrorIs500FactsS3(ApiClient client) {
      portico.function("fallback").failWith(new IllegalStateException("boom"));
      assertThat(client.get("/anything").send())
          .hasStatus(500)
          .hasJsonMessage("Internal Server Error")
          .invokedFunction("fallback");
    }

    @Test
    void aDoubleAnswersAsRegisteredInEveryTest(ApiClient client) {
      // The previous test (in any order) may have made fallback throw; each test restores the registered answer.
      assertThat(client.get("/anything").send()).hasStatus(200);
    }

    @Test
    void theEventIsTheOneAHandlerWouldRead(ApiClient client) {
      client.get("/files/a/b").header("x-trace", "t-1").send();
      com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event = portico.function("files")
          .lastInvocation().orElseThrow().event()
          .as(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class);
      assertThat(event.getRawPath()).isEqualTo("/files/a/b");
      assertThat(event.getHeaders()).containsEntry("x-trace", "t-1");
      assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    }
  }
}
