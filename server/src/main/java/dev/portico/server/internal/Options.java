package dev.portico.server.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The command line: a command, its options, its operands. Parsing errors are {@link UsageException}s. */
final class Options {
  /** Options that take a value, by command. */
  private static final Map<String, Set<String>> VALUED = Map.of(
      "serve", Set.of("--api", "--host", "--port", "--function", "--classpath", "--stage", "--stage-variable",
          "--jwt-issuer", "--domain-name", "--reserved-concurrency", "--max-connections", "--header-timeout",
          "--template", "--parameter-overrides", "--get-att", "--import-value", "--s3-object", "--http-api", "--local-issuer-port", "--env-vars",
          "--integration"),
      "token", Set.of("--scopes", "--claim", "--subject", "--audience", "--issuer", "--expires-in"),
      "validate", Set.of("--api", "--template", "--parameter-overrides", "--get-att", "--import-value", "--s3-object", "--http-api"),
      "routes", Set.of("--api", "--stage", "--template", "--parameter-overrides", "--get-att", "--import-value", "--s3-object", "--http-api"),
      "explain", Set.of("--api", "--stage", "--stage-variable", "-H", "--header", "--template",
          "--parameter-overrides", "--get-att", "--import-value", "--s3-object", "--http-api"));
  private static final Map<String, Set<String>> FLAGS = Map.of(
      "serve", Set.of("--watch", "--local-issuer", "--cold-starts"), "token", Set.of(), "validate", Set.of("--strict", "--all"), "routes", Set.of(), "explain", Set.of());

  final String command;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Set<String> flags = new java.util.HashSet<>();
  final List<String> operands = new ArrayList<>();

  private Options(String command) {
    this.command = command;
  }

  static Options parse(String... args) {
    if (args.length == 0) {
      throw new UsageException("a command is needed: serve, token, validate, routes or explain");
    }
    String command = args[0];
    if (!VALUED.containsKey(command)) {
      throw new UsageException("unknown command '" + command + "' (commands: serve, token, validate, routes,"
          + " explain)");
    }
    Options options = new Options(command);
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (FLAGS.getOrDefault(command, Set.of()).contains(name) && value == null) {
        options.flags.add(name);
      } else if (VALUED.get(command).contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new UsageException(name + " needs a value");
          }
          value = args[++i];
        }
        options.values.computeIfAbsent(name.equals("--header") ? "-H" : name, n -> new ArrayList<>()).add(value);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new UsageException("'" + command + "' has no option '" + name + "'");
      } else {
        options.operands.add(arg);
      }
    }
    return options;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The option's one value, or the fallback when it is not given. */
  String one(String name, String fallback) {
    String given = optional(name);
    return given == null ? fallback : given;
  }

  /** The option's one value, or null when it is not given. */
  @Nullable String optional(String name) {
    List<String> given = all(name);
    if (given.size() > 1) {
      throw new UsageException(name + " may be given once");
    }
    return given.isEmpty() ? null : given.get(0);
  }

  Path api() {
    String api = optional("--api");
    String template = optional("--template");
    if (api != null && template != null) {
      throw new UsageException("--api and --template are alternatives: give one");
    }
    if (api == null && template == null) {
      throw new UsageException("--api FILE (an OpenAPI definition) or --template FILE (a SAM or CloudFormation"
          + " template) is needed");
    }
    if (template == null && (optional("--http-api") != null || !all("--parameter-overrides").isEmpty()
        || !all("--get-att").isEmpty() || !all("--import-value").isEmpty() || !all("--s3-object").isEmpty())) {
      throw new UsageException("--http-api, --parameter-overrides, --get-att, --import-value and --s3-object go with"
          + " --template");
    }
    return Path.of(api != null ? api : template);
  }

  /** Whether the API comes from {@code --template}. */
  boolean isTemplate() {
    return optional("--template") != null;
  }

  /**
   * {@code --parameter-overrides}, as SAM takes it: {@code Name=Value} pairs, repeated or several in one value
   * separated by spaces ({@code --parameter-overrides "Stage=dev Table=pets"}).
   */
  Map<String, String> parameterOverrides() {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String value : all("--parameter-overrides")) {
      for (String pair : value.trim().split("\\s+")) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new UsageException("--parameter-overrides takes Name=Value, got '" + pair + "'");
        }
        if (pairs.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
          throw new UsageException("--parameter-overrides names '" + pair.substring(0, equals) + "' twice");
        }
      }
    }
    return pairs;
  }

  /**
   * {@code --get-att LogicalId.Attribute=Value}, repeated: values of attributes only AWS knows, such as a nested
   * stack's {@code Outputs.Issuer}.
   */
  Map<String, String> attributes() {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : all("--get-att")) {
      int equals = pair.indexOf('=');
      int dot = pair.indexOf('.');
      if (equals <= 0 || dot <= 0 || dot > equals - 2) {
        throw new UsageException("--get-att takes LogicalId.Attribute=Value (as Fn::GetAtt names it), got '" + pair
            + "'");
      }
      if (pairs.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
        throw new UsageException("--get-att names '" + pair.substring(0, equals) + "' twice");
      }
    }
    return pairs;
  }

  int port() {
    String port = one("--port", "3000");
    try {
      int value = Integer.parseInt(port);
      if (value < 0 || value > 65535) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a number from 0 to 65535 (0 picks a free port), got '" + port + "'");
    }
  }

  /** A positive whole number option, e.g. {@code --max-connections 500}. */
  int positive(String name, int fallback) {
    String text = optional(name);
    if (text == null) {
      return fallback;
    }
    return positiveNumber(name, text);
  }

  /** {@code NAME=N} pairs of a repeatable option, N a positive whole number. */
  Map<String, Integer> positivePairs(String option) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    pairs(option).forEach((name, value) -> numbers.put(name, positiveNumber(option + " " + name, value)));
    return numbers;
  }

  private static int positiveNumber(String what, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(what + " must be a whole number of at least 1, got '" + text + "'");
  }

  /** NAME=VALUE pairs of a repeatable option, in order; a repeated NAME is an error. */
  Map<String, String> pairs(String option) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : all(option)) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new UsageException(option + " takes NAME=VALUE, got '" + pair + "'");
      }
      if (pairs.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
        throw new UsageException(option + " names '" + pair.substring(0, equals) + "' twice");
      }
    }
    return pairs;
  }

  /** A command-line mistake: printed as one line, exit status 2. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(@Nullable String message) {
      super(message);
    }
  }
}
