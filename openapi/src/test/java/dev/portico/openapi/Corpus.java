package dev.portico.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The definitions under src/test/resources. */
final class Corpus {
  private Corpus() {}

  static Path path(String name) {
    try {
      return Path.of(Corpus.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ImportResult read(String name) {
    return read(name, BasePathMode.IGNORE);
  }

  static ImportResult read(String name, BasePathMode mode) {
    try {
      return OpenApiImporter.read(path(name), mode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file of a corpus folder except its README. */
  static List<String> files(String folder) {
    try (Stream<Path> files = Files.list(path(folder))) {
      return files.map(p -> folder + "/" + p.getFileName())
          .filter(n -> !n.endsWith("README.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
