package io.gyre.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An app's own {@code .aqua} file on its class path, compiled by Gyre's compiler the first time one
 * of its functions is asked for, then kept: an app ships its script beside its classes.
 *
 * <pre>{@code
 * AquaResource chat = new AquaResource(Chat.class, "chat.aqua");   // next to Chat.class
 * client.call(chat.function("post"), Map.of("room", "lobby", "text", "hi"));
 * }</pre>
 */
public final class AquaResource {
  private final Class<?> anchor;
  private final String name;
  private volatile Map<String, AquaFunction> compiled;

  /**
   * @param anchor the class whose package holds the file ({@link Class#getResourceAsStream})
   * @param name the file's name, relative to that package (or absolute, starting with {@code /})
   */
  public AquaResource(Class<?> anchor, String name) {
    this.anchor = anchor;
    this.name = name;
  }

  /**
   * The exported function {@code function}.
   *
   * @throws IllegalStateException when the file is missing or does not export it
   * @throws IllegalArgumentException with every compile error of the file
   */
  public AquaFunction function(String function) {
    AquaFunction found = all().get(function);
    if (found == null) {
      throw new IllegalStateException(name + " exports no function " + function);
    }
    return found;
  }

  /** The file's text. */
  public String source() {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, AquaFunction> all() {
    Map<String, AquaFunction> functions = compiled;
    if (functions == null) {
      synchronized (this) {
        if (compiled == null) {
          compiled =
              AquaFunctions.compileText(name, source(), List.of()).stream()
                  .collect(Collectors.toUnmodifiableMap(AquaFunction::name, Function.identity()));
        }
        functions = compiled;
      }
    }
    return functions;
  }
}
