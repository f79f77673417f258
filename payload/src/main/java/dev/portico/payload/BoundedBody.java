package dev.portico.payload;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response body collected into memory up to a limit: a larger declared {@code content-length} fails
 * before a byte is read, a body that grows past the limit fails the moment it does, and memory grows with what
 * arrives. One rule for every client Portico runs: HTTP integrations (10 MB) and JWKS and discovery fetches
 * (150,000 bytes).
 *
 * <pre>{@code
 * HttpResponse<byte[]> response = client.send(request,
 *     BoundedBody.handler(150_000, (size, declared) -> new IOException("JWKS of " + size + " bytes")));
 * }</pre>
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<ByteBuffer> buffers = new ArrayList<>();
  private final long limit;
  private final long declared;
  private long size;
  private final TooLarge tooLarge;
  private Flow.@Nullable Subscription subscription;

  private BoundedBody(long limit, long declared, TooLarge tooLarge) {
    this.limit = limit;
    this.declared = declared;
    this.tooLarge = tooLarge;
  }

  /**
   * A body handler that collects at most {@code limit} bytes.
   *
   * @param limit the most bytes accepted
   * @param tooLarge the failure for a body over the limit
   * @return the handler
   */
  public static HttpResponse.BodyHandler<byte[]> handler(long limit, TooLarge tooLarge) {
    Objects.requireNonNull(tooLarge, "tooLarge");
    return info -> new BoundedBody(limit, info.headers().firstValueAsLong("content-length").orElse(-1), tooLarge);
  }

  /** @return the body, when it has arrived whole */
  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declared > limit) {
      subscription.cancel();
      result.completeExceptionally(tooLarge.failure(declared, true));
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      size += item.remaining();
      buffers.add(item);
    }
    if (size > limit) {
      buffers.clear();
      Objects.requireNonNull(subscription, "onSubscribe comes first").cancel();
      result.completeExceptionally(tooLarge.failure(size, false));
    }
  }

  @Override
  public void onError(Throwable error) {
    buffers.clear();
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    byte[] body = new byte[(int) size];
    int at = 0;
    for (ByteBuffer buffer : buffers) {
      int n = buffer.remaining();
      buffer.get(body, at, n);
      at += n;
    }
    buffers.clear();
    result.complete(body);
  }

  /** The failure of a body over the limit. */
  @FunctionalInterface
  public interface TooLarge {
    /**
     * The failure to complete the body with.
     *
     * @param size the declared length, or the bytes received so far
     * @param declared whether the size is a declared {@code content-length} (nothing was read)
     * @return the failure
     */
    Throwable failure(long size, boolean declared);
  }
}
