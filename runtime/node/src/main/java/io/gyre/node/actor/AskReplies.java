package io.gyre.node.actor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Akka's ask answers with a Scala future behind a CompletableFuture whose every non-async stage
 * (thenApply, whenComplete, …) runs on Java's default async executor, and on a machine of fewer
 * than three cores that executor starts a new thread per task. A plain future completed on the
 * replying thread keeps an ask as cheap as the reply.
 */
public final class AskReplies {
  private AskReplies() {}

  public static <T> CompletableFuture<T> plain(CompletionStage<T> askReply) {
    CompletableFuture<T> plain = new CompletableFuture<>();
    askReply.whenCompleteAsync(
        (value, error) -> {
          if (error != null) {
            plain.completeExceptionally(error);
          } else {
            plain.complete(value);
          }
        },
        Runnable::run);
    return plain;
  }
}
