package dev.portico.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** Route tables shaped like real REST APIs: versioned resources with collection, item and sub-resource routes. */
final class RestApiShapes {
  private static final String[] NOUNS = {
      "orders", "customers", "products", "invoices", "shipments", "payments", "accounts", "users", "carts", "reviews"};

  private RestApiShapes() {}

  /** The first {@code count} route keys of an API with seven routes per resource. */
  static List<String> routeKeys(int count) {
    List<String> keys = new ArrayList<>(count);
    for (int resource = 0; keys.size() < count; resource++) {
      String base = "/v1/" + NOUNS[resource % NOUNS.length] + (resource / NOUNS.length == 0 ? "" : resource / NOUNS.length);
      String[] routes = {
          "GET " + base,
          "POST " + base,
          "GET " + base + "/{id}",
          "PUT " + base + "/{id}",
          "DELETE " + base + "/{id}",
          "GET " + base + "/{id}/items",
          "GET " + base + "/{id}/items/{itemId}"};
      for (int i = 0; i < routes.length && keys.size() < count; i++) {
        keys.add(routes[i]);
      }
    }
    return keys;
  }

  /** A request path that a route key's path matches: variables filled with sample values. */
  static String samplePath(String routeKey) {
    String path = routeKey.substring(routeKey.indexOf(' ') + 1);
    return path.replaceAll("\\{[^}+]+\\+}", "a/b").replaceAll("\\{[^}]+}", "42");
  }
}
