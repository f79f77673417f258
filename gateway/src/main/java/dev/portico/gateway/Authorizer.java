package dev.portico.gateway;

import dev.portico.auth.jwt.JwtAuthorizerConfig;
import dev.portico.integration.LambdaAuthorizer;
import dev.portico.payload.PayloadFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An authorizer of an HTTP API: a JWT authorizer or a Lambda REQUEST authorizer (facts §4).
 *
 * <pre>{@code
 * Authorizer cognito = Authorizer.jwt("cognito", JwtAuthorizerConfig.builder()
 *     .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc").audiences("app").build());
 *
 * Authorizer tokens = Authorizer.lambda("tokens", LambdaAuthorizer.of("check-token", checkToken))
 *     .payloadFormat(PayloadFormat.V2_0)
 *     .simpleResponses(true)
 *     .identitySources("$request.header.Authorization")
 *     .resultTtl(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 */
public sealed interface Authorizer permits Authorizer.Jwt, Authorizer.Lambda {

  /** @return the authorizer's name, unique in its API */
  String name();

  /**
   * A JWT authorizer.
   *
   * @param name the name routes refer to
   * @param config issuer, audiences, identity source and key settings
   * @return the authorizer
   */
  static Jwt jwt(String name, JwtAuthorizerConfig config) {
    return new Jwt(name, config);
  }

  /**
   * A builder for a Lambda REQUEST authorizer.
   *
   * @param name the name routes refer to
   * @param function the authorizer function
   * @return a new builder
   */
  static Lambda.Builder lambda(String name, LambdaAuthorizer function) {
    return new Lambda.Builder(name, function);
  }

  /**
   * A JWT authorizer.
   *
   * @param name the name
   * @param config the configuration
   */
  record Jwt(String name, JwtAuthorizerConfig config) implements Authorizer {
    /**
     * Validates the authorizer.
     *
     * @param name the name
     * @param config the configuration
     */
    public Jwt {
      Names.checkAuthorizerName(name);
      Objects.requireNonNull(config, "config");
    }

    /**
     * The same authorizer trusting another issuer: audiences, identity source and every other setting kept. How a
     * deployed definition's authorizer is pointed at a local or test issuer.
     *
     * <pre>{@code
     * Authorizer.Jwt local = deployed.withIssuer("http://127.0.0.1:8081");
     * }</pre>
     *
     * @param issuer the issuer URL
     * @return the authorizer
     * @throws IllegalArgumentException when the URL is not a valid issuer
     */
    public Jwt withIssuer(String issuer) {
      return new Jwt(name, config.toBuilder().issuer(issuer).build());
    }
  }

  /**
   * A Lambda REQUEST authorizer.
   *
   * @param name the name
   * @param function the authorizer function
   * @param payloadFormat {@code authorizerPayloadFormatVersion}
   * @param simpleResponses {@code enableSimpleResponses}: {@code {isAuthorized, context}} answers (2.0 only)
   * @param identitySources {@code $request.header.x}, {@code $request.querystring.x}, {@code $context.x} or
   *     {@code $stageVariables.x}; any missing or empty value means 401 without a call (facts §4)
   * @param resultTtl {@code authorizerResultTtlInSeconds}: 0 disables the cache, at most 1 hour; default 300 s
   *     (D12)
   */
  record Lambda(
      String name,
      LambdaAuthorizer function,
      PayloadFormat payloadFormat,
      boolean simpleResponses,
      List<String> identitySources,
      Duration resultTtl)
      implements Authorizer {

    /** AWS's largest result TTL. */
    public static final Duration MAX_RESULT_TTL = Duration.ofHours(1);
    /** The default result TTL (D12). */
    public static final Duration DEFAULT_RESULT_TTL = Duration.ofSeconds(300);

    /**
     * Validates the authorizer.
     *
     * @param name the name
     * @param function the function
     * @param payloadFormat the format
     * @param simpleResponses simple responses
     * @param identitySources the identity sources
     * @param resultTtl the TTL
     * @throws GatewayConfigException naming the authorizer and the rule
     */
    public Lambda {
      Names.checkAuthorizerName(name);
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(payloadFormat, "payloadFormat");
      identitySources = List.copyOf(identitySources);
      Objects.requireNonNull(resultTtl, "resultTtl");
      String where = "authorizer '" + name + "': ";
      if (simpleResponses && payloadFormat != PayloadFormat.V2_0) {
        throw new GatewayConfigException("Authorizer.simpleResponses", true,
            "needs authorizerPayloadFormatVersion 2.0",
            where + "enableSimpleResponses needs authorizerPayloadFormatVersion 2.0");
      }
      if (resultTtl.isNegative() || resultTtl.compareTo(MAX_RESULT_TTL) > 0 || resultTtl.getNano() != 0) {
        throw new GatewayConfigException("Authorizer.resultTtl", resultTtl, "must be whole seconds from 0 to 3600",
            where + "authorizerResultTtlInSeconds must be whole seconds from 0 to 3600, got " + resultTtl);
      }
      for (String source : identitySources) {
        if (identitySource(source).isEmpty()) {
          throw new GatewayConfigException("Authorizer.identitySources", source, "must be $request.header.NAME,"
              + " $request.querystring.NAME, $context.NAME or $stageVariables.NAME",
              where + "identity source '" + source + "' must be $request.header.NAME, $request.querystring.NAME,"
                  + " $context.NAME or $stageVariables.NAME");
        }
      }
      if (!resultTtl.isZero() && identitySources.isEmpty()) {
        throw new GatewayConfigException("Authorizer.identitySources", "", "caching needs at least one",
            where + "caching (authorizerResultTtlInSeconds > 0) needs at least one identity source");
      }
    }

    /**
     * The parsed identity sources, in order: each one variable of a kind a Lambda authorizer may read (facts §4).
     *
     * @return the expressions
     */
    public List<Expression> identitySourceExpressions() {
      return identitySources.stream().map(source -> identitySource(source).orElseThrow()).toList();
    }

    /** A Lambda identity source: one header, query parameter, context or stage variable (facts §4). */
    static java.util.Optional<Expression> identitySource(String source) {
      return Expression.tryParse(source).filter(e -> e.single().map(v -> switch (v.source()) {
        case HEADER, QUERY_STRING, CONTEXT, STAGE_VARIABLE -> true;
        default -> false;
      }).orElse(false));
    }

    /**
     * A builder holding this authorizer, to change and build again.
     *
     * <pre>{@code
     * Authorizer.Lambda uncached = authorizer.toBuilder().resultTtl(Duration.ZERO).build();
     * }</pre>
     *
     * @return a new builder
     */
    public Builder toBuilder() {
      Builder b = new Builder(name, function);
      b.payloadFormat = payloadFormat;
      b.simpleResponses = simpleResponses;
      b.identitySources.addAll(identitySources);
      b.resultTtl = resultTtl;
      return b;
    }

    /** Builds a {@link Lambda} authorizer. */
    public static final class Builder {
      private final String name;
      private final LambdaAuthorizer function;
      private PayloadFormat payloadFormat = PayloadFormat.V2_0;
      private boolean simpleResponses;
      private final List<String> identitySources = new ArrayList<>();
      private Duration resultTtl = DEFAULT_RESULT_TTL;

      private Builder(String name, LambdaAuthorizer function) {
        this.name = name;
        this.function = function;
      }

      /**
       * Sets the authorizer payload format. Default: 2.0.
       *
       * @param payloadFormat the format
       * @return this builder
       */
      public Builder payloadFormat(PayloadFormat payloadFormat) {
        this.payloadFormat = Objects.requireNonNull(payloadFormat, "payloadFormat");
        return this;
      }

      /**
       * Sets whether the function answers with simple responses. Default: false (IAM policies).
       *
       * @param simpleResponses true for {@code {isAuthorized, context}}
       * @return this builder
       */
      public Builder simpleResponses(boolean simpleResponses) {
        this.simpleResponses = simpleResponses;
        return this;
      }

      /**
       * Adds identity sources.
       *
       * @param sources e.g. {@code $request.header.Authorization}
       * @return this builder
       */
      public Builder identitySources(String... sources) {
        identitySources.addAll(List.of(sources));
        return this;
      }

      /**
       * Sets the result TTL. Default: 300 s.
       *
       * @param resultTtl 0 to 3600 whole seconds
       * @return this builder
       */
      public Builder resultTtl(Duration resultTtl) {
        this.resultTtl = Objects.requireNonNull(resultTtl, "resultTtl");
        return this;
      }

      /**
       * Builds the authorizer.
       *
       * @return the authorizer
       * @throws GatewayConfigException naming the authorizer and the rule
       */
      public Lambda build() {
        return new Lambda(name, function, payloadFormat, simpleResponses, identitySources, resultTtl);
      }
    }
  }
}
