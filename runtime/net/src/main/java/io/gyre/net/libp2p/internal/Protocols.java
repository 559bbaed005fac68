package io.gyre.net.libp2p.internal;

import io.gyre.net.StreamHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The host's protocol handlers, by protocol id, in registration order. Thread-safe. */
public final class Protocols {
  private final Map<String, StreamHandler> handlers = new LinkedHashMap<>();

  public synchronized void put(String protocol, StreamHandler handler) {
    if (protocol.isEmpty() || protocol.contains("\n") || protocol.length() > 512) {
      throw new IllegalArgumentException("'" + protocol + "' is not a usable protocol id");
    }
    handlers.put(protocol, handler);
  }

  public synchronized void remove(String protocol) {
    handlers.remove(protocol);
  }

  public synchronized Optional<StreamHandler> get(String protocol) {
    return Optional.ofNullable(handlers.get(protocol));
  }

  public synchronized List<String> ids() {
    return new ArrayList<>(handlers.keySet());
  }
}
