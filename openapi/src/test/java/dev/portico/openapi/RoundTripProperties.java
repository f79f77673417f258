package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.cors.CorsConfiguration;
import dev.portico.gateway.Authorizer;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.HttpProxyIntegration;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.integration.LambdaIntegration;
import dev.portico.payload.PayloadFormat;
import dev.portico.routing.RouteKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Export, then import: the API that comes back equals the original in everything an OpenAPI definition carries —
 * route keys, integrations, payload formats, timeouts, authorization, scopes, authorizers, CORS, API id, region and
 * account. Each API is generated from a seed, so a failure names a reproducible seed.
 */
class RoundTripProperties {
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
      "ANY");
  private static final List<String> WORDS = List.of("pets", "orders", "a", "v1", "x-y", "items_2", "$default", "~t");
  private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");

  @Test
  void exportThenImportGivesTheSameApi() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      HttpApi original = generate(new Random(seed));
      for (OpenApiExporter.Format format : OpenApiExporter.Format.values()) {
        String document = OpenApiExporter.write(original, format);
        ImportResult imported = OpenApiImporter.read(document);

        assertThat(imported.problems()).as("seed %d, %s:%n%s", seed, format, document)
            .allMatch(p -> p.level() == ImportProblem.Level.INFO && p.message().contains("not the $default route"));
        Bindings.Builder bindings = Bindings.builder();
        imported.functionNames().forEach(name -> bindings.function(name, Apis.OK));
        HttpApi back = imported.apiBuilder(bindings.build()).build();

        // OpenAPI groups operations by path, so routes come back grouped; the router does not depend on order.
        assertThat(Apis.routes(back)).as("seed %d, %s", seed, format)
            .containsExactlyInAnyOrderElementsOf(Apis.routes(original));
        assertThat(Apis.authorizers(back)).as("seed %d", seed).isEqualTo(Apis.authorizers(original));
        assertThat(back.cors()).as("seed %d", seed).isEqualTo(original.cors());
        assertThat(List.of(back.apiId(), back.region(), back.accountId()))
            .isEqualTo(List.of(original.apiId(), original.region(), original.accountId()));
        // Exporting what was imported writes the same document.
        assertThat(OpenApiExporter.write(back, format)).isEqualTo(document);
      }
    });
  }

  static HttpApi generate(Random random) {
    HttpApi.Builder api = HttpApi.builder()
        .apiId(String.format("%010d", Math.abs(random.nextLong() % 10_000_000_000L)))
        .region(REGIONS.get(random.nextInt(REGIONS.size())))
        .accountId(String.format("%012d", Math.abs(random.nextLong() % 1_000_000_000_000L)));
    boolean jwt = random.nextBoolean();
    boolean custom = random.nextBoolean();
    if (jwt) {
      List<String> audiences = new ArrayList<>(pick(random, List.of("app", "https://api.example.com", "c1"), 1));
      api.authorizer(Authorizer.jwt("jwt-" + random.nextInt(100), JwtAuthorizerConfig.builder()
          .issuer("https://issuer" + random.nextInt(10) + ".example.com/pool")
          .audiences(audiences)
          .identitySource(random.nextBoolean() ? "$request.header.Authorization" : "$request.querystring.token")
          .build()));
    }
    if (custom) {
      PayloadFormat format = random.nextBoolean() ? PayloadFormat.V1_0 : PayloadFormat.V2_0;
      List<String> sources = pick(random, List.of("$request.header.X-Token", "$request.querystring.t",
          "$context.routeKey", "$stageVariables.tenant"), 0);
      long ttl = sources.isEmpty() ? 0 : random.nextInt(3601);
      api.authorizer(Authorizer.lambda("custom", LambdaAuthorizer.of("auth-" + random.nextInt(5), Apis.OK))
          .payloadFormat(format)
          .simpleResponses(format == PayloadFormat.V2_0 && random.nextBoolean())
          .identitySources(sources.toArray(String[]::new))
          .resultTtl(Duration.ofSeconds(ttl))
          .build());
    }
    List<RouteKey> keys = new ArrayList<>();
    int routes = 1 + random.nextInt(12);
    while (keys.size() < routes) {
      RouteKey key = routeKey(random);
      // 'ANY /$default' and $default would share /$default in a definition; the exporter refuses that pair.
      boolean sharesDefault = (key.isDefault() || key.toString().equals("ANY /$default"))
          && keys.stream().anyMatch(k -> k.isDefault() || k.toString().equals("ANY /$default"));
      if (!sharesDefault && keys.stream().noneMatch(k -> k.conflictsWith(key))) {
        keys.add(key);
      }
    }
    HttpApi built = api.build();
    for (int i = 0; i < keys.size(); i++) {
      boolean lambda = i == 0 || random.nextInt(3) > 0; // at least one Lambda ARN carries region and account
      Integration integration = lambda
          ? LambdaIntegration.of("fn" + random.nextInt(4) + (random.nextBoolean() ? "" : ":live"), Apis.OK)
          : http(random);
      Route.Builder route = Route.builder(keys.get(i), integration)
          .payloadFormat(lambda && random.nextBoolean() ? PayloadFormat.V2_0 : PayloadFormat.V1_0);
      if (random.nextBoolean()) {
        route.timeout(Duration.ofMillis(50 + random.nextInt(29_951)));
      }
      int auth = random.nextInt(3);
      if (auth == 1 && jwt) {
        route.jwt(built.authorizers().keySet().iterator().next(),
            pick(random, List.of("read", "write", "pets/admin", "a:b"), 0).toArray(String[]::new));
      } else if (auth == 2 && custom) {
        route.custom("custom");
      }
      api.route(route.build());
    }
    if (random.nextBoolean()) {
      List<String> origins = pick(random, List.of("https://a.example.com", "http://localhost:3000", "*"), 0);
      CorsConfiguration.Builder cors = CorsConfiguration.builder()
          .allowOrigins(origins)
          .allowMethods(pick(random, List.of("GET", "POST", "*"), 0))
          .allowHeaders(pick(random, List.of("authorization", "x-id", "*"), 0))
          .exposeHeaders(pick(random, List.of("x-trace", "etag"), 0))
          .allowCredentials(!origins.contains("*") && random.nextBoolean());
      if (random.nextBoolean()) {
        cors.maxAge(random.nextInt(86_401));
      }
      api.cors(cors.build());
    }
    return api.build();
  }

  private static RouteKey routeKey(Random random) {
    if (random.nextInt(10) == 0) {
      return RouteKey.DEFAULT;
    }
    StringBuilder path = new StringBuilder();
    int segments = random.nextInt(4);
    for (int i = 0; i < segments; i++) {
      int kind = random.nextInt(4);
      if (kind == 0) {
        path.append("/{p").append(i).append('}');
      } else if (kind == 1 && i == segments - 1) {
        path.append("/{proxy+}");
      } else {
        path.append('/').append(WORDS.get(random.nextInt(WORDS.size())));
      }
    }
    return RouteKey.parse(METHODS.get(random.nextInt(METHODS.size())) + " " + (path.length() == 0 ? "/" : path));
  }

  private static Integration http(Random random) {
    HttpProxyIntegration.Builder http = HttpProxyIntegration.builder(
        "https://backend" + random.nextInt(3) + ".example.com/" + (random.nextBoolean() ? "{proxy}" : "x")
            + (random.nextBoolean() ? "?stage=${stageVariables.s}" : ""));
    http.method(List.of("ANY", "GET", "POST").get(random.nextInt(3)));
    return http.build();
  }

  /** A random subset in the list's order, at least {@code min} long. */
  private static List<String> pick(Random random, List<String> from, int min) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String s : from) {
      if (random.nextBoolean()) {
        chosen.add(s);
      }
    }
    for (int i = 0; chosen.size() < min; i++) {
      chosen.add(from.get(i));
    }
    return List.copyOf(chosen);
  }

  @Test
  void generatorCoversWhatTheRoundTripMustCarry() {
    // The property above is only as good as its inputs: check the generator reaches every kind of value.
    Set<String> seen = new LinkedHashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      HttpApi api = generate(random);
      api.routes().forEach(r -> {
        seen.add(Apis.integration(r.integration()).split(" ")[0]);
        seen.add(r.authorizationType().name());
        seen.add("v" + r.payloadFormat().version());
        r.timeout().ifPresent(t -> seen.add("timeout"));
        if (r.routeKey().isDefault()) {
          seen.add("$default");
        }
        if (!r.scopes().isEmpty()) {
          seen.add("scopes");
        }
      });
      api.cors().ifPresent(c -> seen.add(c.allowCredentials() ? "credentials" : "cors"));
    }
    assertThat(seen).contains("lambda", "http", "NONE", "JWT", "CUSTOM", "v1.0", "v2.0", "timeout", "$default",
        "scopes", "credentials", "cors");
  }
}
