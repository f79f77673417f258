/**
 * Import and export of AWS-flavoured OpenAPI 3.0 definitions: the {@code x-amazon-apigateway-*} extensions that
 * {@code aws apigatewayv2 export-api} writes and {@code import-api} reads.
 *
 * <pre>{@code
 * ImportResult result = OpenApiImporter.read(file);           // pets-api.yaml, as export-api writes it
 * result.problems().forEach(System.out::println);           // INFO / WARNING / ERROR with JSON pointers
 * HttpApi api = result.apiBuilder(Bindings.builder()
 *         .function("pets", petsFunction)                    // the function:NAME its integration URI names
 *         .function("pets-authorizer", authFunction)         // an authorizer's function, likewise
 *         .build())
 *     .build();
 * Gateway gateway = Gateway.create(api);
 *
 * String yaml = OpenApiExporter.write(api, OpenApiExporter.Format.YAML); // import-api accepts it
 * }</pre>
 */
@NullMarked
package dev.portico.openapi;

import org.jspecify.annotations.NullMarked;
