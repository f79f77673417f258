/**
 * SAM and CloudFormation templates read into Portico HTTP APIs and the functions behind them, as {@code sam
 * deploy} would deploy them.
 *
 * <pre>{@code
 * TemplateResult template = TemplateReader.read(Path.of(args[0]));
 * template.problems().forEach(System.out::println);       // with /Resources/... pointers
 * TemplateApi api = template.apis().get(0);                // an AWS::Serverless::HttpApi, say
 * HttpApi httpApi = api.apiBuilder(Bindings.builder()
 *         .function("PetsFunction", petsFunction)          // functions by their names in the template
 *         .build())
 *     .build();
 * }</pre>
 */
@NullMarked
package dev.portico.templates;

import org.jspecify.annotations.NullMarked;
