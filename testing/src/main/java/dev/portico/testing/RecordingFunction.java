package dev.portico.testing;

import dev.portico.integration.InvocationContext;
import dev.portico.integration.LambdaFunction;
import dev.portico.testing.internal.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Lambda function that records every event it receives: a test double with a canned answer, or a recorder
 * around a real function. Bind it wherever a {@link LambdaFunction} goes (an integration, a Lambda authorizer,
 * {@code Bindings}); {@link PorticoExtension} wraps every function of a definition in one.
 *
 * <pre>{@code
 * RecordingFunction pets = RecordingFunction.named("pets").replyWith(200, "{\"id\":7}");
 * RecordingFunction keys = RecordingFunction.named("api-key-authorizer")
 *     .replyWith(event -> event.header("x-api-key").filter("k1"::equals).isPresent()
 *         ? RecordingFunction.authorized(Map.of("role", "admin")) : RecordingFunction.denied());
 * RecordingFunction real = RecordingFunction.recording("pets", AwsLambdaHandlers.requestHandler(new PetsHandler()));
 * }</pre>
 *
 * <p>After requests, each double tells what it received and answered: {@code
 * pets.invocations().get(0).event().pathParameter("petId")} is {@code Optional[7]}.
 *
 * <p>Thread-safe: requests may run concurrently. A double is mutable on purpose — a test may change its answer —
 * and {@link PorticoExtension} restores the answer it was registered with, and forgets the invocations, before
 * each test.
 */
public final class RecordingFunction implements LambdaFunction {
  private static final String DEFAULT_REPLY = "{\"statusCode\":200}";

  private final String name;
  private final @Nullable LambdaFunction delegate;
  private final ConcurrentLinkedQueue<Invocation> invocations = new ConcurrentLinkedQueue<>();
  private volatile Function<RecordedEvent, String> responder;
  private volatile Function<RecordedEvent, String> baseline;

  private RecordingFunction(String name, @Nullable LambdaFunction delegate) {
    this.name = Objects.requireNonNull(name, "name");
    this.delegate = delegate;
    this.responder = event -> DEFAULT_REPLY;
    this.baseline = responder;
  }

  /**
   * A double answering {@code {"statusCode":200}} until told otherwise.
   *
   * @param name the function's name, as the definition or route names it
   * @return the double
   */
  public static RecordingFunction named(String name) {
    return new RecordingFunction(name, null);
  }

  /**
   * A recorder around a real function: the function answers, the recorder keeps the event and the answer.
   *
   * @param name the function's name
   * @param function the real function
   * @return the recorder
   */
  public static RecordingFunction recording(String name, LambdaFunction function) {
    return new RecordingFunction(name, Objects.requireNonNull(function, "function"));
  }

  /** @return the function's name */
  public String name() {
    return name;
  }

  /** @return whether a real function answers (built by {@link #recording}) */
  public boolean isRecorder() {
    return delegate != null;
  }

  /**
   * Answers with this status and body (payload format 2.0 shape, which 1.0 also reads): {@code
   * {"statusCode":status,"body":body}}.
   *
   * @param status the status code
   * @param body the body
   * @return this double
   */
  public RecordingFunction replyWith(int status, String body) {
    return replyWith(status, Map.of(), body);
  }

  /**
   * Answers with this status, headers and body.
   *
   * @param status the status code
   * @param headers response headers
   * @param body the body
   * @return this double
   */
  public RecordingFunction replyWith(int status, Map<String, String> headers, String body) {
    Objects.requireNonNull(body, "body");
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("statusCode", status);
    if (!headers.isEmpty()) {
      reply.put("headers", new LinkedHashMap<>(headers));
    }
    reply.put("body", body);
    return replyWithJson(JsonTrees.write(reply));
  }

  /**
   * Answers with this JSON exactly, as a function's return value: any response shape (including 2.0 inference
   * from a plain JSON value) or an authorizer's answer.
   *
   * @param json the JSON the function returns
   * @return this double
   */
  public RecordingFunction replyWithJson(String json) {
    Objects.requireNonNull(json, "json");
    return replyWith(event -> json);
  }

  /**
   * Answers with JSON computed from each event.
   *
   * @param responder the event to the JSON the function returns; it may throw to simulate a function error
   * @return this double
   */
  public RecordingFunction replyWith(Function<RecordedEvent, String> responder) {
    requireDouble();
    this.responder = Objects.requireNonNull(responder, "responder");
    return this;
  }

  /**
   * Throws on every call: the gateway answers as for a failed function (500 {@code Internal Server Error}).
   *
   * @param failure what to throw
   * @return this double
   */
  public RecordingFunction failWith(RuntimeException failure) {
    Objects.requireNonNull(failure, "failure");
    return replyWith(event -> {
      throw failure;
    });
  }

  /**
   * A Lambda authorizer's simple answer ({@code enableSimpleResponses}) allowing the request.
   *
   * @param context the context passed to the integration ({@code requestContext.authorizer.lambda})
   * @return the JSON
   */
  public static String authorized(Map<String, ?> context) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("isAuthorized", true);
    reply.put("context", new LinkedHashMap<>(context));
    return JsonTrees.write(reply);
  }

  /** @return a Lambda authorizer's simple answer refusing the request ({@code {"isAuthorized":false}}) */
  public static String denied() {
    return "{\"isAuthorized\":false}";
  }

  /** @return every invocation so far, oldest first */
  public List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  /**
   * The invocations for one gateway request (a function runs at most once per request; an authorizer too).
   *
   * @param requestId the {@code apigw-requestid}
   * @return its invocations
   */
  public List<Invocation> invocations(String requestId) {
    Objects.requireNonNull(requestId, "requestId");
    return invocations.stream().filter(i -> i.requestId().equals(requestId)).toList();
  }

  /** @return the latest invocation */
  public Optional<Invocation> lastInvocation() {
    List<Invocation> all = invocations();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Forgets the invocations and restores the answer this double had when {@link PorticoExtension} took it. */
  public void reset() {
    invocations.clear();
    responder = baseline;
  }

  /** Makes the current answer the one {@link #reset()} restores. */
  void markBaseline() {
    baseline = responder;
  }

  @Override
  public byte[] handle(byte[] event, InvocationContext context) throws Exception {
    RecordedEvent recorded = RecordedEvent.of(event);
    try {
      byte[] reply = delegate != null
          ? delegate.handle(event, context)
          : responder.apply(recorded).getBytes(StandardCharsets.UTF_8);
      invocations.add(new Invocation(name, context.requestId(), recorded, reply, null));
      return reply;
    } catch (Exception | Error e) {
      invocations.add(new Invocation(name, context.requestId(), recorded, null, e));
      throw e;
    }
  }

  private void requireDouble() {
    if (delegate != null) {
      throw new IllegalStateException("function '" + name + "' records a real function; its answers are the"
          + " function's own");
    }
  }

  @Override
  public String toString() {
    return "RecordingFunction[" + name + (delegate != null ? ", recording " + delegate : "") + ", "
        + invocations.size() + " invocations]";
  }
}
