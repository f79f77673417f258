package dev.portico.integration.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.portico.integration.InvocationContext;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The {@link Context} handed to AWS handler classes: the invocation's facts, a logger on System.Logger. */
final class LambdaContext implements Context {
  /** Lambda's default memory size, reported because handlers sometimes read it. */
  static final int MEMORY_LIMIT_MB = 128;

  private final InvocationContext invocation;
  private final String functionName;
  private final @Nullable String qualifier;

  LambdaContext(InvocationContext invocation) {
    this.invocation = invocation;
    String name = invocation.functionName();
    int colon = name.indexOf(':');
    this.functionName = colon < 0 ? name : name.substring(0, colon);
    this.qualifier = colon < 0 ? null : name.substring(colon + 1);
  }

  @Override
  public String getAwsRequestId() {
    return invocation.requestId();
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "portico";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName + (qualifier == null ? "" : ":" + qualifier);
  }

  @Override
  public @Nullable CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public @Nullable ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.min(Integer.MAX_VALUE, invocation.remainingTime().toMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return MEMORY_LIMIT_MB;
  }

  @Override
  public LambdaLogger getLogger() {
    System.Logger logger = invocation.logger();
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        logger.log(System.Logger.Level.INFO, message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }

      @Override
      public void log(String message, LogLevel level) {
        logger.log(toSystemLevel(level), message);
      }
    };
  }

  private static System.Logger.Level toSystemLevel(LogLevel level) {
    return switch (level) {
      case TRACE -> System.Logger.Level.TRACE;
      case DEBUG -> System.Logger.Level.DEBUG;
      case WARN -> System.Logger.Level.WARNING;
      case ERROR, FATAL -> System.Logger.Level.ERROR;
      default -> System.Logger.Level.INFO;
    };
  }
}
