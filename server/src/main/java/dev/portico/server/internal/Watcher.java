package dev.portico.server.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code --watch}: reloads when a watched path changes (AWS's auto-deploy): the definition or template file, and
 * with a template the functions' code (a rebuilt jar, {@code target/classes}, {@code .aws-sam/build/<Function>}).
 * Files are watched through their folder, since editors often save by writing a new file and renaming it; folders
 * are watched with everything under them. The changes of one save or build count as one: the reload waits until
 * 200 ms pass without a change to a watched path, or 1 s after the first — so a file that changes steadily, or
 * other files changing in the same folder, never hold the reload back.
 */
final class Watcher {
  static final long QUIET_MILLIS = 200;
  static final long MAX_WAIT_MILLIS = 1_000;

  private Watcher() {}

  static void start(List<Path> paths, Runnable reload, PrintStream err) {
    WatchService watch;
    Map<WatchKey, Path> folders = new HashMap<>();
    List<Path> watched = paths.stream().map(Path::toAbsolutePath).map(Path::normalize).toList();
    try {
      watch = FileSystems.getDefault().newWatchService();
      for (Path path : watched) {
        if (Files.isDirectory(path)) {
          registerTree(watch, path, folders);
        } else {
          Path folder = Objects.requireNonNull(path.getParent(), "an absolute file has a folder");
          register(watch, folder, folders);
        }
      }
    } catch (IOException e) {
      err.println("portico: --watch: cannot watch " + watched + ": " + e.getMessage() + "; serving without reloads");
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        while (true) {
          WatchKey key = watch.take();
          boolean changed = concerns(key, folders, watched, watch);
          if (!changed) {
            continue;
          }
          long first = System.nanoTime();
          while (true) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - first);
            if (waited >= MAX_WAIT_MILLIS) {
              break;
            }
            WatchKey more = watch.poll(Math.min(QUIET_MILLIS, MAX_WAIT_MILLIS - waited), TimeUnit.MILLISECONDS);
            if (more == null) {
              break; // quiet
            }
            concerns(more, folders, watched, watch); // other files' changes are drained, not waited for
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

  private static void register(WatchService watch, Path folder, Map<WatchKey, Path> folders) throws IOException {
    folders.put(folder.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE), folder);
  }

  private static void registerTree(WatchService watch, Path root, Map<WatchKey, Path> folders) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
        register(watch, dir, folders);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Whether the key's events touch a watched path; new folders under a watched folder are watched too. */
  private static boolean concerns(WatchKey key, Map<WatchKey, Path> folders, List<Path> watched,
      WatchService watch) {
    boolean concerns = false;
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
        concerns = true;
        continue;
      }
      Path changed = folder.resolve((Path) event.context());
      for (Path path : watched) {
        if (changed.equals(path) || changed.startsWith(path) && !changed.equals(path.getParent())) {
          concerns = true;
          if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
            try {
              registerTree(watch, changed, folders);
            } catch (IOException e) {
              // the reload still happens; a folder that vanished meanwhile needs no watching
            }
          }
        }
      }
    }
    key.reset();
    return concerns;
  }
}
