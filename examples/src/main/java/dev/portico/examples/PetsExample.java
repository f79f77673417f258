package dev.portico.examples;

import dev.portico.server.Portico;
import dev.portico.testing.TestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the pets API the way a newcomer meets Portico: {@code java -jar examples/target/portico-examples.jar}.
 * Starts a {@link dev.portico.testing.TestIssuer}, prints ready-to-use curl commands with a token, then runs {@code
 * portico serve --template examples/template.yaml}: the SAM template's functions (their {@code CodeUri} is {@code
 * examples/target/pets-functions.jar}) need no {@code --function} flags, and the JWT authorizer is pointed at the
 * local issuer. {@code --port N} picks another port (default 3000).
 *
 * <p>The same without a template, by hand, for your own API:
 * <pre>{@code
 * java -jar server/target/portico-server.jar serve --api examples/pets-api.yaml \
 *     --classpath examples/target/pets-functions.jar \
 *     --function pets=dev.portico.examples.functions.PetsHandler \
 *     --function legacy-pets=dev.portico.examples.functions.LegacyPetsHandler \
 *     --function files=dev.portico.examples.functions.FilesHandler::serve \
 *     --function fallback=dev.portico.examples.functions.FallbackHandler \
 *     --function api-key-authorizer=dev.portico.examples.functions.ApiKeyAuthorizer \
 *     --jwt-issuer petsJwt=http://127.0.0.1:9400
 * }</pre>
 */
public final class PetsExample {
  /** The pets API's functions and their handlers, as {@code --function} takes them. */
  public static final List<String> FUNCTIONS = List.of(
      "pets=dev.portico.examples.functions.PetsHandler",
      "legacy-pets=dev.portico.examples.functions.LegacyPetsHandler",
      "files=dev.portico.examples.functions.FilesHandler::serve",
      "fallback=dev.portico.examples.functions.FallbackHandler",
      "api-key-authorizer=dev.portico.examples.functions.ApiKeyAuthorizer");

  private PetsExample() {}

  /**
   * Runs the example until stopped (Ctrl-C).
   *
   * @param args {@code [--port N]}
   * @throws Exception when the issuer cannot start
   */
  public static void main(String[] args) throws Exception {
    String port = args.length == 2 && args[0].equals("--port") ? args[1] : "3000";
    Path template = firstExisting(Path.of("examples", "template.yaml"), Path.of("template.yaml"));
    try (TestIssuer issuer = TestIssuer.start()) {
      String token = issuer.token().subject("alice").audience("pets-app").scopes("pets/read", "pets/write").expiresIn(Duration.ofHours(12)).sign();
      String base = "http://127.0.0.1:" + port;
      System.out.println("Local OIDC issuer on " + issuer.issuer() + " (the petsJwt authorizer trusts it). Try:");
      System.out.println("  curl -i " + base + "/pets");
      System.out.println("  curl -i -H 'Authorization: Bearer " + token + "' " + base + "/pets/1");
      System.out.println("  curl -i -X DELETE -H 'x-api-key: pets-admin-key' " + base + "/pets/2");
      System.out.println("  curl -i " + base + "/legacy/pets?limit=5");
      System.out.println("  curl -i " + base + "/files/docs/readme.txt");
      // The functions come from the template (CodeUri: the functions jar), no --function flags needed
      List<String> command = List.of("serve", "--template", template.toString(), "--port", port,
          "--jwt-issuer", "petsJwt=" + issuer.issuer(), "--watch");
      System.exit(Portico.run(command.toArray(String[]::new)));
    }
  }

  private static Path firstExisting(Path... candidates) {
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return candidates[0];
  }
}
