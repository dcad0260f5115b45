package io.laminardb.internal.subscribe;

import java.util.List;
import java.util.function.Consumer;

/** Hands a buffered subscription's rows to a callback on its own (virtual) delivery thread. */
public final class CallbackDelivery<R> implements AutoCloseable {
  private final BufferedSubscription<R> subscription;
  private final Thread thread;

  public CallbackDelivery(BufferedSubscription<R> subscription, Consumer<List<R>> callback) {
    this.subscription = subscription;
    this.thread = Thread.ofVirtual().name("laminar-callback-" + subscription.name()).start(() -> {
      try {
        while (subscription.isActive()) {
          List<R> rows = subscription.awaitSome(100);
          if (!rows.isEmpty()) {
            callback.accept(rows);
          }
        }
        List<R> rest = subscription.poll();
        if (!rest.isEmpty()) {
          callback.accept(rest);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Override
  public void close() {
    subscription.close();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
