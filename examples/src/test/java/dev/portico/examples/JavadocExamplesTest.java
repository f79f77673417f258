package dev.portico.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A javadoc example that does not compile fails the build: every line of every {@code <pre>{@code ...}</pre>} block
 * of a module's main sources must appear, verbatim but for indentation and in the same order, in one of that
 * module's test sources — where the compiler checks it — close together (assertions may sit between the lines,
 * pinning what the example's comments promise; STYLE.md habit 10). Every public type outside {@code internal}
 * packages must have an example. Shell examples (a first line starting {@code java } or {@code mvn }) are
 * exempt: {@code ServerIT} and the README checks run those.
 *
 * <p>This test lives in the top module because it reads every module's sources; it runs from
 * {@code examples/}, so the repository is its parent folder.
 */
class JavadocExamplesTest {
  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code(.*?)}</pre>", Pattern.DOTALL);
  private static final Pattern JAVADOC_LINE_START = Pattern.compile("(?m)^\\s*\\*( |$)");
  private static final Pattern TYPE_JAVADOC = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public (?:final |abstract |sealed |non-sealed )*"
          + "(?:class|interface|record|enum|@interface) ", Pattern.DOTALL);
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|interface|record|enum|@interface) ");

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void everyJavadocExampleIsCompiledByATest() {
    List<String> missing = new ArrayList<>();
    int examples = 0;
    for (Path module : modules()) {
      List<List<String>> tests = javaFiles(module.resolve("src/test/java")).stream()
          .map(file -> lines(read(file))).toList();
      for (Path source : javaFiles(module.resolve("src/main/java"))) {
        String text = read(source);
        Matcher example = EXAMPLE.matcher(text);
        while (example.find()) {
          String code = JAVADOC_LINE_START.matcher(example.group(1)).replaceAll("").replace("&#64;", "@").strip();
          if (code.startsWith("java ") || code.startsWith("mvn ")) {
            continue;
          }
          examples++;
          List<String> wanted = lines(code);
          if (tests.stream().noneMatch(test -> holds(test, wanted))) {
            missing.add(ROOT.relativize(source) + ":" + line(text, example.start()));
          }
        }
      }
    }
    assertThat(examples).as("javadoc examples found under " + ROOT).isGreaterThan(100);
    assertThat(missing).as("javadoc examples that no test of their module holds verbatim (copy each into the"
        + " module's *ExamplesTest and assert what its comments say)").isEmpty();
  }

  @Test
  void everyPublicTypeHasAnExample() {
    List<String> without = new ArrayList<>();
    int types = 0;
    for (Path module : modules()) {
      if (module.getFileName().toString().equals("examples") || module.getFileName().toString()
          .equals("benchmarks")) {
        continue; // their classes are the examples
      }
      for (Path source : javaFiles(module.resolve("src/main/java"))) {
        String name = source.getFileName().toString();
        if (source.toString().contains("/internal/") || name.equals("package-info.java")
            || name.equals("module-info.java")) {
          continue;
        }
        String text = read(source);
        if (!PUBLIC_TYPE.matcher(text).find()) {
          continue;
        }
        types++;
        Matcher javadoc = TYPE_JAVADOC.matcher(text);
        if (!javadoc.find() || !javadoc.group(1).contains("<pre>{@code")) {
          without.add(ROOT.relativize(source).toString());
        }
      }
    }
    assertThat(types).as("public types found under " + ROOT).isGreaterThan(80);
    assertThat(without).as("public types whose javadoc has no <pre>{@code ...}</pre> example").isEmpty();
  }

  @Test
  void anExampleIsHeldWhenItsLinesAppearInOrderCloseTogether() {
    List<String> example = lines("Route r = Route.of(\"GET /a\", a);\n  r.scopes();   // []\n");
    assertThat(holds(lines("void t() {\n    Route r = Route.of(\"GET /a\",   a);\n    assertThat(r).isNotNull();\n"
        + "    r.scopes();   // []\n  }"), example)).isTrue();
    assertThat(holds(lines("r.scopes();   // []\nRoute r = Route.of(\"GET /a\", a);"), example))
        .as("out of order").isFalse();
    assertThat(holds(lines("Route r = Route.of(\"GET /a\", a);\nr.scopes();   // none"), example))
        .as("a comment changed").isFalse();
    assertThat(holds(lines("Route r = Route.of(\"GET /a\", a);\n" + "x();\n".repeat(40) + "r.scopes();   // []"),
        example)).as("scattered").isFalse();
  }

  private static List<Path> modules() {
    assertThat(ROOT.resolve("pom.xml")).as("the repository root").isRegularFile();
    try (Stream<Path> children = Files.list(ROOT)) {
      List<Path> modules = children.filter(dir -> Files.isDirectory(dir.resolve("src/main/java"))).sorted().toList();
      assertThat(modules).as("modules under " + ROOT).hasSizeGreaterThan(10);
      return modules;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The non-blank lines of a text, each stripped and with inner whitespace runs made one space. */
  static List<String> lines(String code) {
    return code.lines().map(line -> line.strip().replaceAll("\\s+", " ")).filter(line -> !line.isEmpty()).toList();
  }

  /**
   * Whether the test holds the example's lines in order within a short stretch (three times the example's length
   * plus 30 lines), so that each line is compiled in the example's context, not found scattered over the file.
   */
  static boolean holds(List<String> test, List<String> example) {
    int reach = example.size() * 3 + 30;
    for (int start = 0; start < test.size(); start++) {
      if (!test.get(start).equals(example.get(0))) {
        continue;
      }
      int at = start;
      int matched = 1;
      for (int i = start + 1; i < test.size() && i - start < reach && matched < example.size(); i++) {
        if (test.get(i).equals(example.get(matched))) {
          matched++;
          at = i;
        }
      }
      if (matched == example.size() && at - start < reach) {
        return true;
      }
    }
    return false;
  }

  private static int line(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
