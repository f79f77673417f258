package dev.portico.server.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --watch}: reloads when the definition file changes (AWS's auto-deploy). Watches the file's folder, since
 * editors often save by writing a new file and renaming it; changes within 200 ms count as one.
 */
final class Watcher {
  private Watcher() {}

  static void start(Path file, Runnable reload, PrintStream err) {
    Path absolute = file.toAbsolutePath();
    Path folder = java.util.Objects.requireNonNull(absolute.getParent(), "an absolute file has a folder");
    Path name = absolute.getFileName();
    WatchService watch;
    try {
      watch = FileSystems.getDefault().newWatchService();
      folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException e) {
      err.println("portico: --watch: cannot watch " + folder + ": " + e.getMessage() + "; serving without reloads");
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        while (true) {
          WatchKey key = watch.take();
          boolean changed = concerns(key, name);
          key.reset();
          if (!changed) {
            continue;
          }
          // Let the writer finish; swallow the burst of events one save makes.
          WatchKey more;
          while ((more = watch.poll(200, TimeUnit.MILLISECONDS)) != null) {
            more.pollEvents();
            more.reset();
          }
          reload.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "portico-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean concerns(WatchKey key, Path name) {
    boolean concerns = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      concerns |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
    }
    return concerns;
  }
}
