package io.gyre.bot;

import io.gyre.client.AquaFunction;
import io.gyre.client.AquaResource;

/** The bot's Aqua functions, compiled once per process by Gyre's compiler from {@code bot.aqua}. */
final class BotFunctions {
  static final String SOURCE = "bot.aqua";

  private static final AquaResource AQUA = new AquaResource(BotFunctions.class, SOURCE);

  private BotFunctions() {}

  static AquaFunction get(String name) {
    return AQUA.function(name);
  }
}
