package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The real {@code portico-server.jar}, run as a subprocess the way a user runs it. */
final class ServerProcess implements AutoCloseable {
  static final Path JAR = Path.of(System.getProperty("portico.server.jar", "../server/target/portico-server.jar"));
  static final Path FUNCTIONS = Path.of(System.getProperty("portico.functions.jar", "target/pets-functions.jar"));
  static final Path PETS_API = Path.of("pets-api.yaml");

  final Process process;
  final List<String> stdout = new CopyOnWriteArrayList<>();
  /** Standard error goes to a file: a pipe read while the process exits can lose its last lines. */
  private final Path stderrFile;
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> stdoutDone;

  private ServerProcess(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(args);
    stderrFile = Files.createTempFile("portico-stderr", ".txt");
    process = new ProcessBuilder(command).redirectError(stderrFile.toFile()).start();
    stdoutDone = CompletableFuture.runAsync(this::pump);
  }

  /** @return what the process wrote to standard error so far */
  List<String> stderr() {
    try {
      return Files.readAllLines(stderrFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        stdout.add(line);
        if (line.startsWith("Portico listening on ")) {
          ready.complete(line.substring("Portico listening on ".length()));
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    ready.completeExceptionally(new AssertionError("no ready line; stderr: " + String.join("\n", stderr())));
  }

  /** Runs a command to its end. */
  static ServerProcess run(String... args) throws Exception {
    ServerProcess process = new ServerProcess(List.of(args));
    assertThat(process.process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
    process.stdoutDone.get(10, TimeUnit.SECONDS);
    return process;
  }

  /** Starts a command line that serves (its own {@code serve} arguments) and waits for the ready line. */
  static ServerProcess start(List<String> args) throws Exception {
    ServerProcess server = new ServerProcess(args);
    server.ready.get(60, TimeUnit.SECONDS);
    return server;
  }

  /** Starts {@code serve} with the pets functions and waits for the ready line. */
  static ServerProcess serve(Path api, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("serve", "--api", api.toString(), "--port", "0",
        "--classpath", FUNCTIONS.toString()));
    for (String function : PetsExample.FUNCTIONS) {
      args.add("--function");
      args.add(function);
    }
    args.addAll(List.of(more));
    return start(args);
  }

  URI uri(String path) {
    return URI.create(ready.join() + path);
  }

  int port() {
    return uri("/").getPort();
  }

  int exitCode() {
    return process.exitValue();
  }

  /** Waits (up to 20 s) for a line on standard error containing the text. */
  boolean awaitStderr(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (stderr().stream().anyMatch(line -> line.contains(text))) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Sends SIGTERM and waits for the exit. */
  int terminate() throws Exception {
    process.destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    stdoutDone.get(10, TimeUnit.SECONDS);
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(stderrFile);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("cannot clean up after the server process", e);
    }
  }
}
