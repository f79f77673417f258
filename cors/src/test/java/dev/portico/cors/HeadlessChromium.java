package dev.portico.cors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven through the Chrome DevTools protocol over the JDK's own WebSocket client:
 * open a page, wait for what its script reports. One browser per instance, a fresh profile, stopped by close().
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** The browser binary: {@code PORTICO_CHROMIUM}, else Debian's {@code /usr/bin/chromium}, if present. */
  public static Optional<Path> find() {
    String configured = System.getenv("PORTICO_CHROMIUM");
    return Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser")
        .filter(p -> p != null && !p.isEmpty())
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst();
  }

  public static HeadlessChromium start(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("portico-chromium");
    Process process = new ProcessBuilder(binary.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--user-data-dir=" + profile,
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      URI browser = readDevToolsUri(process);
      HttpClient http = HttpClient.newHttpClient();
      String list = http.send(HttpRequest.newBuilder(URI.create(
          "http://" + browser.getAuthority() + "/json/list")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      String pageSocket = null;
      for (JsonNode target : JSON.readTree(list)) {
        if (target.path("type").asText().equals("page")) {
          pageSocket = target.path("webSocketDebuggerUrl").asText();
          break;
        }
      }
      if (pageSocket == null) {
        throw new IllegalStateException("Chromium has no page target: " + list);
      }
      Listener listener = new Listener();
      WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(URI.create(pageSocket), listener).get(10, TimeUnit.SECONDS);
      HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
      listener.owner = chromium;
      return chromium;
    } catch (Exception e) {
      stop(process);
      deleteRecursively(profile);
      throw e;
    }
  }

  /**
   * Opens a page and returns the JSON its script stores in {@code window.corsResults}.
   *
   * @param url the page
   * @param timeout how long the page may take
   */
  @SuppressWarnings("exports")
  public JsonNode run(String url, Duration timeout) throws Exception {
    call("Page.navigate", Map.of("url", url)).get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode reply = call("Runtime.evaluate", Map.of(
          "expression", "window.corsResults ? JSON.stringify(window.corsResults) : ''",
          "returnByValue", true)).get(10, TimeUnit.SECONDS);
      String value = reply.path("result").path("result").path("value").asText("");
      if (!value.isEmpty()) {
        return JSON.readTree(value);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the page at " + url + " reported nothing within " + timeout);
  }

  private CompletableFuture<JsonNode> call(String method, Map<String, Object> params) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true);
    return reply;
  }

  @Override
  public void close() {
    socket.abort();
    stop(process);
    deleteRecursively(profile);
  }

  /** Stops the browser and its helper processes (renderer, network service), which also write to the profile. */
  private static void stop(Process process) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      } catch (ExecutionException | TimeoutException e) {
        handle.destroyForcibly();
      }
    }
  }

  private static URI readDevToolsUri(Process process) throws Exception {
    CompletableFuture<URI> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(
          new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = err.readLine()) != null) {
          Matcher m = DEVTOOLS.matcher(line);
          if (m.find()) {
            found.complete(URI.create(m.group(1)));
          }
        }
        found.completeExceptionally(new IllegalStateException("Chromium exited without a DevTools address"));
      } catch (IOException e) {
        found.completeExceptionally(e);
      }
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    return found.get(30, TimeUnit.SECONDS);
  }

  /** Deletes the temporary profile; a leftover temporary folder is reported, not a test failure. */
  private static void deleteRecursively(Path dir) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // A file vanished while walking (a helper process was still exiting): walk again.
      }
      if (!Files.exists(dir)) {
        return;
      }
    }
    System.err.println("HeadlessChromium: could not delete the temporary profile " + dir);
  }

  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          HeadlessChromium chromium = owner;
          if (message.has("id") && chromium != null) {
            CompletableFuture<JsonNode> reply = chromium.pending.remove(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException("unreadable DevTools message: " + text, e);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
