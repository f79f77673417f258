package dev.portico.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP backend on 127.0.0.1 (JDK HttpServer): {@code /echo/...} answers with what it received as JSON,
 * {@code /status/NNN} answers that status, {@code /reset} breaks the response off midway, {@code /hang} never
 * answers until the backend stops, {@code /big} sends 20 MB.
 */
final class HttpBackend implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

  HttpBackend() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(task -> {
      requests.incrementAndGet();
      threads.execute(task);
    });
    server.createContext("/echo", this::echo);
    server.createContext("/status", exchange -> {
      int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/status/".length()));
      send(exchange, status, "backend says " + status);
    });
    server.createContext("/reset", exchange -> {
      exchange.sendResponseHeaders(200, 1000);
      exchange.getResponseBody().write(new byte[10]);
      exchange.getResponseBody().flush();
      exchange.close();
    });
    server.createContext("/hang", exchange -> {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    server.createContext("/big", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 20; i++) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the gateway hung up after its limit: expected
      }
    });
    server.start();
  }

  /** @return how many exchanges the backend has received */
  int requests() {
    return requests.get();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void echo(HttpExchange exchange) throws IOException {
    ObjectNode out = Fixtures.JSON.createObjectNode();
    out.put("method", exchange.getRequestMethod());
    out.put("uri", exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
    ObjectNode headers = out.putObject("headers");
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
        String.join(",", values)));
    out.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Set-Cookie", "a=1");
    exchange.getResponseHeaders().add("Set-Cookie", "b=2");
    exchange.getResponseHeaders().add("Connection", "x-hop");
    exchange.getResponseHeaders().add("X-Hop", "must not pass");
    exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
    send(exchange, 200, out.toString());
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
