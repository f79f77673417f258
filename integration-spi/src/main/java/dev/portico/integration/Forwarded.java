package dev.portico.integration;

import dev.portico.payload.HttpSyntax;
import dev.portico.payload.ProxyRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The RFC 7239 {@code Forwarded} header an HTTP integration receives in place of {@code x-forwarded-*} (facts §6):
 * one element per address of {@code x-forwarded-for} (the client's own address last, as the gateway appends it),
 * with {@code host} and {@code proto} on the last element.
 *
 * <p>What is trusted (issue 18): {@code host} is the API's domain name as the gateway knows it
 * ({@code requestContext.domainName}), never a client's {@code X-Forwarded-Host} or {@code Host}; {@code proto} is
 * the scheme the client used to reach Portico (the gateway replaces a client's {@code X-Forwarded-Proto}). Only
 * the last {@code for} is an address Portico saw; the earlier ones are what the client claimed.
 */
final class Forwarded {
  private Forwarded() {}

  static String of(ProxyRequest request) {
    List<String> forwardedFor = request.headers().get("x-forwarded-for");
    StringBuilder out = new StringBuilder(64);
    if (forwardedFor != null) {
      for (String value : forwardedFor) {
        for (String address : value.split(",")) {
          String trimmed = address.trim();
          if (!trimmed.isEmpty()) {
            out.append(out.length() == 0 ? "" : ", ").append("for=").append(node(trimmed));
          }
        }
      }
    }
    if (out.length() == 0) {
      out.append("for=").append(node(request.sourceIp()));
    }
    out.append(";host=").append(quoteIfNeeded(request.domainName()));
    String proto = first(request, "x-forwarded-proto", null);
    if (proto != null) {
      out.append(";proto=").append(quoteIfNeeded(proto));
    }
    return out.toString();
  }

  private static @Nullable String first(ProxyRequest request, String name, @Nullable String fallback) {
    List<String> values = request.headers().get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  /** IPv6 addresses are bracketed and quoted (RFC 7239 §6). */
  private static String node(String address) {
    if (address.indexOf(':') >= 0 && !address.startsWith("[")) {
      return "\"[" + address.replace("\"", "") + "]\"";
    }
    return quoteIfNeeded(address);
  }

  private static String quoteIfNeeded(String value) {
    return HttpSyntax.isToken(value) ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
