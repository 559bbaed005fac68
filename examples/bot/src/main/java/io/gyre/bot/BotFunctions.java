package io.gyre.bot;

import io.gyre.client.AquaFunction;
import io.gyre.client.AquaFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The bot's Aqua functions, compiled once per process by Gyre's compiler from {@code bot.aqua}. */
final class BotFunctions {
  static final String SOURCE = "bot.aqua";

  private static volatile Map<String, AquaFunction> compiled;

  private BotFunctions() {}

  static AquaFunction get(String name) {
    AquaFunction function = all().get(name);
    if (function == null) {
      throw new IllegalStateException(SOURCE + " exports no function " + name);
    }
    return function;
  }

  /** The source text, for anyone who wants to read or recompile it. */
  static String source() {
    try (InputStream in = BotFunctions.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, AquaFunction> all() {
    Map<String, AquaFunction> functions = compiled;
    if (functions == null) {
      synchronized (BotFunctions.class) {
        if (compiled == null) {
          compiled =
              AquaFunctions.compileText(SOURCE, source(), List.of()).stream()
                  .collect(Collectors.toUnmodifiableMap(AquaFunction::name, Function.identity()));
        }
        functions = compiled;
      }
    }
    return functions;
  }
}
