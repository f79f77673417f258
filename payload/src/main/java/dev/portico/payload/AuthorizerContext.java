package dev.portico.payload;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the route's authorizer established about the caller, as the event's {@code requestContext.authorizer}
 * carries it: nothing, a verified JWT, a Lambda authorizer's context, or an IAM identity (facts §2).
 *
 * <pre>{@code
 * AuthorizerContext none = AuthorizerContext.none();
 * AuthorizerContext jwt = AuthorizerContext.jwt(Map.of("sub", "u1", "exp", 1787996002L), List.of("pets/read"));
 * AuthorizerContext lambda = AuthorizerContext.lambda(Map.of("tenant", "t1", "tier", 3));
 * AuthorizerContext iam = AuthorizerContext.iam().accessKey("AKIA...").userArn("arn:aws:iam::1:user/a").build();
 * }</pre>
 */
public sealed interface AuthorizerContext
    permits AuthorizerContext.None, AuthorizerContext.Jwt, AuthorizerContext.Lambda, AuthorizerContext.Iam {

  /**
   * Returns the context of a route without authorization.
   *
   * @return the single "no authorizer" value
   */
  static AuthorizerContext none() {
    return None.INSTANCE;
  }

  /**
   * Returns the context of a JWT-authorized route that has authorization scopes.
   *
   * @param claims the token's claims as JSON values (String, Number, Boolean, List, Map, null)
   * @param scopes the scopes the event reports
   * @return the context
   * @throws IllegalArgumentException when a claim is not a JSON value
   */
  static Jwt jwt(Map<String, ?> claims, Collection<String> scopes) {
    return new Jwt(claims, List.copyOf(Objects.requireNonNull(scopes, "scopes")));
  }

  /**
   * Returns the context of a JWT-authorized route without authorization scopes: the event's {@code scopes} is
   * {@code null} (facts §2).
   *
   * @param claims the token's claims as JSON values (String, Number, Boolean, List, Map, null)
   * @return the context
   * @throws IllegalArgumentException when a claim is not a JSON value
   */
  static Jwt jwt(Map<String, ?> claims) {
    return new Jwt(claims, null);
  }

  /**
   * Returns the context a Lambda authorizer returned.
   *
   * @param context the authorizer's {@code context} map, JSON values
   * @return the context
   * @throws IllegalArgumentException when a value is not a JSON value
   */
  static Lambda lambda(Map<String, ?> context) {
    return new Lambda(java.util.Collections.unmodifiableMap(Objects.requireNonNull(context, "context")));
  }

  /**
   * Returns a builder for an IAM identity (routes with {@code AWS_IAM} authorization).
   *
   * @return a new builder
   */
  static Iam.Builder iam() {
    return new Iam.Builder();
  }

  /** No authorizer ran for the route. */
  enum None implements AuthorizerContext {
    /** The single value. */
    INSTANCE
  }

  /**
   * A verified JWT: its claims and, when the route has authorization scopes, the scopes.
   * The event carries every claim as a string (facts §2); see {@link ProxyEvents} for how non-string claims
   * are written.
   */
  final class Jwt implements AuthorizerContext {
    private final Map<String, Object> claims;
    private final @Nullable List<String> scopes;

    private Jwt(Map<String, ?> claims, @Nullable List<String> scopes) {
      this.claims = JsonValues.copyObject(Objects.requireNonNull(claims, "claims"), "claims");
      this.scopes = scopes;
    }

    /**
     * Returns the claims as given, in their order.
     *
     * @return an unmodifiable map of JSON values
     */
    public Map<String, Object> claims() {
      return claims;
    }

    /**
     * Returns the scopes, or empty when the route has no authorization scopes (the event then says
     * {@code "scopes": null}).
     *
     * @return the scopes
     */
    public Optional<List<String>> scopes() {
      return Optional.ofNullable(scopes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Jwt that && claims.equals(that.claims) && Objects.equals(scopes, that.scopes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(claims, scopes);
    }

    @Override
    public String toString() {
      return "Jwt[claims=" + claims.keySet() + ", scopes=" + scopes + "]";
    }
  }

  /**
   * The {@code context} a Lambda authorizer returned; 2.0 events carry it as
   * {@code requestContext.authorizer.lambda}.
   *
   * @param context the context, an unmodifiable deep copy of JSON values
   */
  record Lambda(Map<String, Object> context) implements AuthorizerContext {
    /**
     * Copies and checks the context.
     *
     * @param context the authorizer's context, JSON values
     * @throws IllegalArgumentException when a value is not a JSON value
     */
    public Lambda {
      context = JsonValues.copyObject(Objects.requireNonNull(context, "context"), "context");
    }
  }

  /**
   * The IAM identity that signed the request (SigV4), as 2.0 {@code requestContext.authorizer.iam} and the 1.0
   * {@code identity} block carry it. Every field is optional: AWS writes {@code null} for the absent ones.
   */
  final class Iam implements AuthorizerContext {
    private final @Nullable String accessKey;
    private final @Nullable String accountId;
    private final @Nullable String callerId;
    private final @Nullable String principalOrgId;
    private final @Nullable String userArn;
    private final @Nullable String userId;
    private final @Nullable String cognitoIdentityId;
    private final @Nullable String cognitoIdentityPoolId;
    private final List<String> cognitoAmr;

    private Iam(Builder b) {
      this.accessKey = b.accessKey;
      this.accountId = b.accountId;
      this.callerId = b.callerId;
      this.principalOrgId = b.principalOrgId;
      this.userArn = b.userArn;
      this.userId = b.userId;
      this.cognitoIdentityId = b.cognitoIdentityId;
      this.cognitoIdentityPoolId = b.cognitoIdentityPoolId;
      this.cognitoAmr = b.cognitoAmr;
    }

    /** @return the access key id of the signing credentials */
    public Optional<String> accessKey() {
      return Optional.ofNullable(accessKey);
    }

    /** @return the caller's AWS account id */
    public Optional<String> accountId() {
      return Optional.ofNullable(accountId);
    }

    /** @return the caller id ({@code caller} in 1.0) */
    public Optional<String> callerId() {
      return Optional.ofNullable(callerId);
    }

    /** @return the caller's AWS organization id */
    public Optional<String> principalOrgId() {
      return Optional.ofNullable(principalOrgId);
    }

    /** @return the caller's ARN */
    public Optional<String> userArn() {
      return Optional.ofNullable(userArn);
    }

    /** @return the caller's user id ({@code user} in 1.0) */
    public Optional<String> userId() {
      return Optional.ofNullable(userId);
    }

    /** @return the Cognito identity id, when the credentials came from a Cognito identity pool */
    public Optional<String> cognitoIdentityId() {
      return Optional.ofNullable(cognitoIdentityId);
    }

    /** @return the Cognito identity pool id */
    public Optional<String> cognitoIdentityPoolId() {
      return Optional.ofNullable(cognitoIdentityPoolId);
    }

    /** @return the Cognito authentication methods references ({@code amr}); empty when none */
    public List<String> cognitoAmr() {
      return cognitoAmr;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Iam that
          && Objects.equals(accessKey, that.accessKey) && Objects.equals(accountId, that.accountId)
          && Objects.equals(callerId, that.callerId) && Objects.equals(principalOrgId, that.principalOrgId)
          && Objects.equals(userArn, that.userArn) && Objects.equals(userId, that.userId)
          && Objects.equals(cognitoIdentityId, that.cognitoIdentityId)
          && Objects.equals(cognitoIdentityPoolId, that.cognitoIdentityPoolId)
          && cognitoAmr.equals(that.cognitoAmr);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accessKey, accountId, callerId, principalOrgId, userArn, userId, cognitoIdentityId,
          cognitoIdentityPoolId, cognitoAmr);
    }

    @Override
    public String toString() {
      return "Iam[userArn=" + userArn + ", accessKey=" + accessKey + "]";
    }

    /**
     * Builds an {@link Iam} identity; unset fields are absent.
     *
     * <pre>{@code
     * AuthorizerContext.iam().accessKey("AKIAEXAMPLE").accountId("123456789012")
     *     .userArn("arn:aws:iam::123456789012:user/alice").userId("AIDAEXAMPLE").build();
     * }</pre>
     */
    public static final class Builder {
      private @Nullable String accessKey;
      private @Nullable String accountId;
      private @Nullable String callerId;
      private @Nullable String principalOrgId;
      private @Nullable String userArn;
      private @Nullable String userId;
      private @Nullable String cognitoIdentityId;
      private @Nullable String cognitoIdentityPoolId;
      private List<String> cognitoAmr = List.of();

      private Builder() {}

      /**
       * @param value the access key id
       * @return this builder
       */
      public Builder accessKey(String value) {
        this.accessKey = Objects.requireNonNull(value, "accessKey");
        return this;
      }

      /**
       * @param value the account id
       * @return this builder
       */
      public Builder accountId(String value) {
        this.accountId = Objects.requireNonNull(value, "accountId");
        return this;
      }

      /**
       * @param value the caller id
       * @return this builder
       */
      public Builder callerId(String value) {
        this.callerId = Objects.requireNonNull(value, "callerId");
        return this;
      }

      /**
       * @param value the organization id
       * @return this builder
       */
      public Builder principalOrgId(String value) {
        this.principalOrgId = Objects.requireNonNull(value, "principalOrgId");
        return this;
      }

      /**
       * @param value the user ARN
       * @return this builder
       */
      public Builder userArn(String value) {
        this.userArn = Objects.requireNonNull(value, "userArn");
        return this;
      }

      /**
       * @param value the user id
       * @return this builder
       */
      public Builder userId(String value) {
        this.userId = Objects.requireNonNull(value, "userId");
        return this;
      }

      /**
       * Sets the Cognito identity the credentials came from.
       *
       * @param identityId the identity id
       * @param identityPoolId the identity pool id
       * @param amr the authentication methods references
       * @return this builder
       */
      public Builder cognitoIdentity(String identityId, String identityPoolId, List<String> amr) {
        this.cognitoIdentityId = Objects.requireNonNull(identityId, "identityId");
        this.cognitoIdentityPoolId = Objects.requireNonNull(identityPoolId, "identityPoolId");
        this.cognitoAmr = List.copyOf(amr);
        return this;
      }

      /**
       * Builds the identity.
       *
       * @return the identity
       */
      public Iam build() {
        return new Iam(this);
      }
    }
  }
}
