package dev.portico.openapi;

/**
 * How the base path of a definition is read, as AWS's {@code import-api --basepath} option. The base path is the
 * first server's {@code basePath} variable, or else the path of the first server URL.
 *
 * <pre>{@code
 * // servers: [{url: "https://api.example.com/v1"}], paths: {/pets: ...}
 * OpenApiImporter.read(file, BasePathMode.IGNORE);  // GET /pets (the default)
 * OpenApiImporter.read(file, BasePathMode.PREPEND); // GET /v1/pets
 * OpenApiImporter.read(file, BasePathMode.SPLIT);   // stage "v1", GET /pets
 * }</pre>
 */
public enum BasePathMode {
  /** The base path is ignored; routes are the paths as written. AWS's default. */
  IGNORE,
  /** The whole base path is prepended to every path. */
  PREPEND,
  /** The first segment of the base path names a stage; the rest is prepended to every path. */
  SPLIT
}
