package dev.portico.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The trie router agrees with an obviously correct reference: score every route against the request, pick the
 * best score. The reference re-implements splitting, decoding and precedence from the rules in docs/routing.md,
 * sharing no code with the router.
 */
class RouterProperties {

  private static final List<String> ROUTE_METHODS = List.of("GET", "POST", "HEAD", "ANY");
  private static final List<String> REQUEST_METHODS = List.of("GET", "POST", "HEAD", "DELETE");

  /** A route table: up to 14 routes over a small alphabet, so that routes overlap a lot, maybe $default. */
  static Gen<List<String>> tables() {
    Gen<String> segment = Generate.pick(List.of("a", "b", "ab", "{v}", "{v}", "{v+}"));
    Gen<String> route = Generate.pick(ROUTE_METHODS).zip(lists().of(segment).ofSizeBetween(0, 4), (m, segs) -> {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < segs.size(); i++) {
        String s = segs.get(i);
        if (s.equals("{v+}") && i != segs.size() - 1) {
          s = "{v}";
        }
        path.append('/').append(s.replace("v", "v" + i + (segs.size() % 2 == 0 ? "" : "x")));
      }
      return m + " " + (path.length() == 0 ? "/" : path);
    });
    return lists().of(route).ofSizeBetween(1, 14).zip(Generate.booleans(), (routes, withDefault) -> {
      List<String> table = new ArrayList<>(routes);
      if (withDefault) {
        table.add("$default");
      }
      return table;
    });
  }

  /** Request paths over the same alphabet, with escapes, empty segments and malformed escapes. */
  static Gen<String> paths() {
    Gen<String> segment = Generate.pick(List.of("a", "b", "ab", "c", "", "%61", "%2F", "a%2Fb", "%zz", "%", "%C3%A9"));
    return lists().of(segment).ofSizeBetween(0, 6).map(segs -> "/" + String.join("/", segs))
        .mix(Generate.pick(List.of("", "*", "a/b")), 5);
  }

  @Test
  void trieAgreesWithTheReferenceMatcher() {
    qt().withExamples(3000).forAll(tables(), Generate.pick(REQUEST_METHODS), paths())
        .checkAssert((table, method, path) -> {
          List<String> distinct = withoutConflicts(table);
          Router.Builder<String> builder = Router.builder();
          distinct.forEach(key -> builder.route(key, key));
          Router<String> router = builder.build();

          Optional<Expected> expected = reference(distinct, method, path);
          Optional<RouteMatch<String>> actual = router.match(method, path);

          assertThat(actual.map(m -> m.routeKey().toString()))
              .as("%s %s in %s", method, path, distinct)
              .isEqualTo(expected.map(Expected::key));
          actual.ifPresent(m -> assertThat(new ArrayList<>(m.pathParameters().entrySet()))
              .as("%s %s in %s", method, path, distinct)
              .containsExactlyElementsOf(expected.orElseThrow().parameters().entrySet()));
        });
  }

  @Test
  void conflictingShapesFailTheBuildAndOthersDoNot() {
    qt().forAll(tables()).checkAssert(table -> {
      Router.Builder<String> builder = Router.builder();
      table.forEach(key -> builder.route(key, key));
      if (withoutConflicts(table).size() == table.size()) {
        assertThat(builder.build().routes()).hasSize(table.size());
      } else {
        assertThatThrownBy(builder::build).isInstanceOf(RoutingConfigException.class);
      }
    });
  }

  @Test
  void matchNeverThrowsForAnyMethodOrPath() {
    Router<String> router = Router.<String>builder()
        .route("GET /pets/dog/1", "a").route("GET /pets/dog/{id}", "b").route("GET /pets/{proxy+}", "c")
        .route("ANY /{proxy+}", "d").build();
    Gen<String> hostile = strings().allPossible().ofLengthBetween(0, 40)
        .mix(lists().of(Generate.pick(List.of("/", "%", "%2", "%FF", "%C3", "{", "+", "", "a", "\u0000", "\ud800")))
            .ofSizeBetween(0, 12).map(parts -> String.join("", parts)));
    qt().withExamples(5000).forAll(strings().allPossible().ofLengthBetween(0, 8), hostile)
        .checkAssert((method, path) -> {
          Optional<RouteMatch<String>> match = router.match(method, path);
          assertThat(match).isNotNull();
          match.ifPresent(m -> assertThat(path).startsWith("/"));
        });
  }

  // --- The reference: score every route, keep the best. ---

  record Expected(String key, Map<String, String> parameters) {}

  /** A route's score: full matches before greedy ones, then segment kinds left to right, then own method. */
  record Score(int tier, List<Integer> kinds, int method) implements Comparable<Score> {
    @Override
    public int compareTo(Score other) {
      if (tier != other.tier) {
        return Integer.compare(tier, other.tier);
      }
      for (int i = 0; i < Math.min(kinds.size(), other.kinds.size()); i++) {
        if (!kinds.get(i).equals(other.kinds.get(i))) {
          return Integer.compare(kinds.get(i), other.kinds.get(i));
        }
      }
      return Integer.compare(method, other.method);
    }
  }

  static Optional<Expected> reference(List<String> table, String method, String rawPath) {
    Optional<Expected> fallback = table.contains("$default")
        ? Optional.of(new Expected("$default", Map.of())) : Optional.empty();
    if (!rawPath.startsWith("/")) {
      return fallback;
    }
    List<String> request = rawPath.equals("/")
        ? List.of() : Arrays.stream(rawPath.substring(1).split("/", -1)).map(RouterProperties::decode).toList();
    Score bestScore = null;
    Expected best = null;
    for (String key : table) {
      if (key.equals("$default")) {
        continue;
      }
      String routeMethod = key.substring(0, key.indexOf(' '));
      String routePath = key.substring(key.indexOf(' ') + 1);
      if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
        continue;
      }
      List<String> route = routePath.equals("/") ? List.of() : List.of(routePath.substring(1).split("/"));
      boolean greedy = !route.isEmpty() && route.get(route.size() - 1).endsWith("+}");
      int fixed = greedy ? route.size() - 1 : route.size();
      if (greedy ? request.size() < fixed : request.size() != fixed) {
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      List<Integer> kinds = new ArrayList<>();
      boolean matches = true;
      for (int i = 0; i < fixed && matches; i++) {
        String r = route.get(i);
        if (r.startsWith("{")) {
          matches = !request.get(i).isEmpty();
          parameters.put(r.substring(1, r.length() - 1), request.get(i));
          kinds.add(1);
        } else {
          matches = r.equals(request.get(i));
          kinds.add(0);
        }
      }
      if (greedy) {
        String rest = String.join("/", request.subList(fixed, request.size()));
        matches &= !rest.isEmpty();
        String name = route.get(fixed);
        parameters.put(name.substring(1, name.length() - 2), rest);
        kinds.add(2);
      }
      if (!matches) {
        continue;
      }
      Score score = new Score(greedy ? 1 : 0, kinds, routeMethod.equals(method) ? 0 : 1);
      if (bestScore == null || score.compareTo(bestScore) < 0) {
        bestScore = score;
        best = new Expected(key, parameters);
      }
    }
    return best != null ? Optional.of(best) : fallback;
  }

  /** Percent-decodes a whole segment as UTF-8; anything malformed leaves it as sent. */
  static String decode(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length() || !isHex(segment.charAt(i + 1)) || !isHex(segment.charAt(i + 2))) {
          return segment;
        }
        bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return segment;
    }
  }

  private static boolean isHex(char c) {
    return "0123456789abcdefABCDEF".indexOf(c) >= 0;
  }

  /** Keeps the first route of each method + shape (variable names erased), as a valid API would. */
  static List<String> withoutConflicts(List<String> table) {
    Set<String> shapes = new HashSet<>();
    List<String> kept = new ArrayList<>();
    for (String key : table) {
      if (shapes.add(key.replaceAll("\\{[^}+]*\\+}", "{+}").replaceAll("\\{[^}+]*}", "{}"))) {
        kept.add(key);
      }
    }
    return kept;
  }
}
