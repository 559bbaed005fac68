package io.gyre.marketplace.internal;

import io.gyre.marketplace.MarketError;
import io.gyre.marketplace.MarketEvent;
import java.util.List;

/** What a request comes to: events to persist and a result, or a refusal that changes nothing. */
public sealed interface Decision<T> {
  record Accepted<T>(List<MarketEvent> events, T result) implements Decision<T> {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  record Refused<T>(MarketError error) implements Decision<T> {}

  static <T> Decision<T> refuse(MarketError.Code code, String message) {
    return new Refused<>(new MarketError(code, message));
  }

  static <T> Decision<T> accept(Changes changes, T result) {
    return new Accepted<>(changes.events(), result);
  }
}
