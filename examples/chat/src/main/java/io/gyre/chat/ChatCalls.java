package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.client.CallFailed;
import io.gyre.client.Disconnected;
import io.gyre.client.NoRoute;
import io.gyre.client.ParticleExpired;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for the SDK's calls, and saying in a few words why one failed. */
final class ChatCalls {
  private ChatCalls() {}

  static JsonNode await(CompletableFuture<JsonNode> call, Duration timeout, String doing) {
    try {
      return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException("interrupted while " + doing, e);
    } catch (ExecutionException e) {
      throw new ChatException(doing + " failed: " + reason(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      call.cancel(false);
      throw new ChatException(doing + " took longer than " + timeout.toSeconds() + " s", e);
    }
  }

  /** Why a call failed, for a person: the SDK's kinds of failure in their own words. */
  static String reason(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof NoRoute) {
      return "no route (" + cause.getMessage() + ")";
    }
    if (cause instanceof ParticleExpired) {
      return "no answer within its TTL";
    }
    if (cause instanceof Disconnected) {
      return "our relay connection was lost";
    }
    if (cause instanceof TimeoutException) {
      return "no answer in time";
    }
    if (cause instanceof CallFailed) {
      return cause.getMessage();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
