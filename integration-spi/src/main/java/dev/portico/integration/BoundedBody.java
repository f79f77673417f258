package dev.portico.integration;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a declared {@code content-length} over the limit fails before
 * any byte is read; a body that grows past it fails as soon as it does, and the exchange is cancelled.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<ByteBuffer> buffers = new ArrayList<>();
  private final long limit;
  private final long declared;
  private long size;
  private Flow.Subscription subscription;

  private BoundedBody(long limit, long declared) {
    this.limit = limit;
    this.declared = declared;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return info -> new BoundedBody(limit, info.headers().firstValueAsLong("content-length").orElse(-1));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declared > limit) {
      subscription.cancel();
      result.completeExceptionally(tooLarge());
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
      subscription.cancel();
      result.completeExceptionally(tooLarge());
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

  private IntegrationException tooLarge() {
    return IntegrationException.failed(
        "HTTP integration response body is larger than maxResponseBytes " + limit, null);
  }
}
