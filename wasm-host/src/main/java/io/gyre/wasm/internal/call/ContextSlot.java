package io.gyre.wasm.internal.call;

/**
 * Where a service's host functions find the call in progress. A service runs one call at a time, so
 * one slot per service suffices; it is empty between calls.
 */
public final class ContextSlot {

  private CallContext current;

  public void enter(CallContext context) {
    current = context;
  }

  public void leave() {
    current = null;
  }

  public boolean isEmpty() {
    return current == null;
  }

  /** The call in progress; a host function called outside a call is a host bug. */
  public CallContext current() {
    CallContext context = current;
    if (context == null) {
      throw new IllegalStateException("host function called outside a call");
    }
    return context;
  }
}
