package dev.portico.testing;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One call of a {@link RecordingFunction}: the event it received, the gateway request it served, and what it
 * answered (or threw).
 *
 * <pre>{@code
 * Invocation call = pets.lastInvocation().orElseThrow();
 * call.event().pathParameter("petId");   // Optional[7]
 * call.response();                       // Optional[{"statusCode":200,...}]
 * }</pre>
 */
public final class Invocation {
  private final String functionName;
  private final String requestId;
  private final RecordedEvent event;
  private final byte @Nullable [] response;
  private final @Nullable Throwable failure;

  Invocation(String functionName, String requestId, RecordedEvent event, byte @Nullable [] response,
      @Nullable Throwable failure) {
    this.functionName = Objects.requireNonNull(functionName, "functionName");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.event = Objects.requireNonNull(event, "event");
    this.response = response;
    this.failure = failure;
  }

  /** @return the function's name */
  public String functionName() {
    return functionName;
  }

  /** @return the gateway's request id ({@code apigw-requestid} of the response) */
  public String requestId() {
    return requestId;
  }

  /** @return the event received */
  public RecordedEvent event() {
    return event;
  }

  /** @return the JSON the function returned; empty when it threw */
  public Optional<String> response() {
    return Optional.ofNullable(response).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** @return what the function threw; empty when it answered */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** The failure as the Lambda console shows it: "the function NAME threw" and its stack trace (at most 25 lines). */
  String threw() {
    if (failure == null) {
      return "";
    }
    java.io.StringWriter trace = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(trace));
    String[] lines = trace.toString().split("\\R");
    StringBuilder text = new StringBuilder("the function ").append(functionName).append(" threw ");
    for (int i = 0; i < Math.min(lines.length, 25); i++) {
      text.append(i == 0 ? "" : "\n    ").append(lines[i]);
    }
    if (lines.length > 25) {
      text.append("\n    … ").append(lines.length - 25).append(" more lines");
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return functionName + "(" + requestId + ") " + event.method() + " " + event.path() + " -> "
        + (failure != null ? "threw " + failure : response().orElse(""));
  }
}
