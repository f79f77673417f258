package dev.portico.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --watch} (issue 20): a change reloads even while something keeps changing — before, a file written steadily
 * in the definition's folder held the reload back forever, since the reload waited for the whole folder to be quiet.
 */
class WatcherTest {
  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Writes the file every 50 ms until stopped, like a log or a build writing beside the definition. */
  private static Thread steadily(Path file, AtomicBoolean stop) {
    Thread writer = new Thread(() -> {
      int i = 0;
      while (!stop.get()) {
        try {
          Files.writeString(file, "line " + i++ + "\n");
          Thread.sleep(50);
        } catch (Exception e) {
          return;
        }
      }
    });
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  @Test
  void aChangeReloadsWhileAnotherFileInTheFolderChangesSteadily(@TempDir Path dir) throws Exception {
    Path api = dir.resolve("api.yaml");
    Files.writeString(api, "v1");
    Semaphore reloads = new Semaphore(0);
    Watcher.start(List.of(api), reloads::release, quiet());
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = steadily(dir.resolve("server.log"), stop);
    try {
      Thread.sleep(300);
      assertThat(reloads.availablePermits()).as("the other file's changes reload nothing").isZero();
      Files.writeString(api, "v2");
      assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).as("reloaded while server.log keeps changing").isTrue();
    } finally {
      stop.set(true);
      writer.join();
    }
  }

  @Test
  void aWatchedFileThatChangesSteadilyStillReloads(@TempDir Path dir) throws Exception {
    Path api = dir.resolve("api.yaml");
    Files.writeString(api, "v1");
    Semaphore reloads = new Semaphore(0);
    Watcher.start(List.of(api), reloads::release, quiet());
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = steadily(api, stop);
    try {
      assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).as("reloaded though the file never goes quiet").isTrue();
    } finally {
      stop.set(true);
      writer.join();
    }
  }

  @Test
  void aWatchedFolderReloadsOnAChangeDeepInside(@TempDir Path dir) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("target/classes/com/example"));
    Semaphore reloads = new Semaphore(0);
    Watcher.start(List.of(dir.resolve("target/classes")), reloads::release, quiet());
    Files.writeString(classes.resolve("Handler.class"), "rebuilt");
    assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    Path added = Files.createDirectories(dir.resolve("target/classes/com/example/more"));
    assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).as("a new folder is a change").isTrue();
    Thread.sleep(300); // the new folder is registered on its creation event
    Files.writeString(added.resolve("Other.class"), "new");
    assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).as("a change in a folder made after the start").isTrue();
  }
}
