package io.gyre.air.syntax;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed scripts by their text (hash, then equality), least recently used first out. A particle's
 * script is parsed once per peer however many times the particle passes by.
 */
public final class ParseCache {
  private final int capacity;
  private final Map<String, AirScript> scripts;

  public ParseCache(int capacity) {
    this.capacity = capacity;
    this.scripts = new LinkedHashMap<>(capacity * 2, 0.75f, true);
  }

  /** The parsed script; throws {@link AirSyntaxException} (not cached) on bad AIR. */
  public AirScript parse(String source) {
    synchronized (scripts) {
      AirScript cached = scripts.get(source);
      if (cached != null) {
        return cached;
      }
    }
    AirScript parsed = AirParser.parse(source);
    synchronized (scripts) {
      scripts.put(source, parsed);
      if (scripts.size() > capacity) {
        scripts.remove(scripts.keySet().iterator().next());
      }
    }
    return parsed;
  }

  public void clear() {
    synchronized (scripts) {
      scripts.clear();
    }
  }
}
