package io.gyre.chat;

import io.gyre.client.AquaFunction;
import io.gyre.client.AquaFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chat's Aqua functions, compiled once per process by Gyre's compiler (through the SDK's {@link
 * AquaFunctions}) from {@code chat.aqua} on the class path.
 */
final class ChatFunctions {
  static final String SOURCE = "chat.aqua";

  private static volatile Map<String, AquaFunction> compiled;

  private ChatFunctions() {}

  static AquaFunction get(String name) {
    AquaFunction function = all().get(name);
    if (function == null) {
      throw new IllegalStateException(SOURCE + " exports no function " + name);
    }
    return function;
  }

  /** The source text, for anyone who wants to read or recompile it. */
  static String source() {
    try (InputStream in = ChatFunctions.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, AquaFunction> all() {
    Map<String, AquaFunction> functions = compiled;
    if (functions == null) {
      synchronized (ChatFunctions.class) {
        if (compiled == null) {
          compiled = compile();
        }
        functions = compiled;
      }
    }
    return functions;
  }

  /** AquaFunctions compiles files: the resource goes through a temporary copy. */
  private static Map<String, AquaFunction> compile() {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("gyre-chat-aqua");
      Path file = Files.writeString(dir.resolve(SOURCE), source());
      List<AquaFunction> functions = AquaFunctions.compile(List.of(file), List.of());
      return functions.stream()
          .collect(Collectors.toUnmodifiableMap(AquaFunction::name, Function.identity()));
    } catch (IOException e) {
      throw new UncheckedIOException("chat: cannot compile " + SOURCE + ": " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        dir.resolve(SOURCE).toFile().delete();
        dir.toFile().delete();
      }
    }
  }
}
