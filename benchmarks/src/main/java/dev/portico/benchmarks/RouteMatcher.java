package dev.portico.benchmarks;

import dev.portico.routing.Router;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** One way to choose a route: the route key's text and its path variables, or null for no match. */
interface RouteMatcher {

  /** The chosen route key and its path variables. */
  record Result(String routeKey, Map<String, String> variables) {}

  Result match(String method, String path);

  static RouteMatcher create(String implementation, List<String> routeKeys) {
    switch (implementation) {
      case "portico":
        return new Portico(routeKeys);
      case "spring-pathpattern":
        return new SpringPathPatternScan(routeKeys);
      default:
        throw new IllegalArgumentException("unknown implementation " + implementation);
    }
  }

  /** Portico's compiled trie. */
  final class Portico implements RouteMatcher {
    private final Router<String> router;

    Portico(List<String> routeKeys) {
      Router.Builder<String> builder = Router.builder();
      routeKeys.forEach(key -> builder.route(key, key));
      this.router = builder.build();
    }

    @Override
    public Result match(String method, String path) {
      return router.match(method, path)
          .map(match -> new Result(match.target(), match.pathParameters()))
          .orElse(null);
    }
  }

  /**
   * What a Spring-style dispatcher does: patterns sorted by {@link PathPattern#SPECIFICITY_COMPARATOR}, scanned
   * in order, the first whose method and pattern match wins; the path is parsed once per request.
   */
  final class SpringPathPatternScan implements RouteMatcher {
    private record Entry(String routeKey, String method, PathPattern pattern) {}

    private final Entry[] entries;

    SpringPathPatternScan(List<String> routeKeys) {
      PathPatternParser parser = new PathPatternParser();
      List<Entry> list = new ArrayList<>();
      for (String key : routeKeys) {
        String method = key.substring(0, key.indexOf(' '));
        String path = key.substring(key.indexOf(' ') + 1).replaceAll("\\{([^}+]+)\\+}", "{*$1}");
        list.add(new Entry(key, method, parser.parse(path)));
      }
      list.sort(Comparator.comparing(Entry::pattern, PathPattern.SPECIFICITY_COMPARATOR));
      this.entries = list.toArray(new Entry[0]);
    }

    /** The route keys in scan order. */
    List<String> scanOrder() {
      List<String> order = new ArrayList<>();
      for (Entry entry : entries) {
        order.add(entry.routeKey());
      }
      return order;
    }

    @Override
    public Result match(String method, String path) {
      PathContainer container = PathContainer.parsePath(path);
      for (Entry entry : entries) {
        if ((entry.method().equals(method) || entry.method().equals("ANY")) && entry.pattern().matches(container)) {
          PathPattern.PathMatchInfo info = entry.pattern().matchAndExtract(container);
          return new Result(entry.routeKey(), info == null ? Map.of() : info.getUriVariables());
        }
      }
      return null;
    }
  }
}
