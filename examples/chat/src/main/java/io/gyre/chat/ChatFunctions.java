package io.gyre.chat;

import io.gyre.client.AquaFunction;
import io.gyre.client.AquaResource;

/**
 * The chat's Aqua functions, compiled once per process by Gyre's compiler from {@code chat.aqua} on
 * the class path.
 */
final class ChatFunctions {
  static final String SOURCE = "chat.aqua";

  private static final AquaResource AQUA = new AquaResource(ChatFunctions.class, SOURCE);

  private ChatFunctions() {}

  static AquaFunction get(String name) {
    return AQUA.function(name);
  }
}
