package io.gyre.node.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a node's configuration from four layers, each overriding the next: command-line settings,
 * environment variables, the configuration file, and the defaults ({@code reference.conf} of every
 * module on the class path).
 *
 * <p>Every key under {@code gyre.node} has an environment variable: {@code GYRE_} and the rest of
 * its path in upper case with dots and dashes as underscores ({@code gyre.node.http.port} is {@code
 * GYRE_HTTP_PORT}). Akka's own keys are reachable through {@code CONFIG_FORCE_…} (Typesafe Config's
 * convention) and the command line.
 */
public final class NodeConfigLoader {
  static final String ROOT = "gyre.node";

  private NodeConfigLoader() {}

  /** The defaults alone: what a node with no file, environment or flags runs with. */
  public static Config defaults() {
    return load(Optional.empty(), Map.of(), Map.of());
  }

  /**
   * @param file a HOCON file (empty: none)
   * @param environment the process environment ({@code System.getenv()} in production)
   * @param settings command-line settings, {@code path -> value}; a value that starts with {@code
   *     [} or <code>{</code> is read as HOCON, anything else as a string
   */
  public static Config load(
      Optional<Path> file, Map<String, String> environment, Map<String, String> settings) {
    Config reference = ConfigFactory.defaultReference();
    Config fromFile = file.map(NodeConfigLoader::parseFile).orElse(ConfigFactory.empty());
    Config fromEnvironment =
        environmentLayer(reference, environment).withFallback(forcedAkkaSettings(environment));
    Config fromCommandLine = settingsLayer(settings, "command line");
    try {
      return fromCommandLine
          .withFallback(fromEnvironment)
          .withFallback(fromFile)
          .withFallback(
              ConfigFactory.parseResources(
                  NodeConfigLoader.class.getClassLoader(),
                  "io/gyre/node/akka-defaults.conf",
                  ConfigParseOptions.defaults().setAllowMissing(false)))
          .withFallback(reference)
          .resolve(ConfigResolveOptions.defaults());
    } catch (ConfigException e) {
      throw new NodeConfigException("configuration: " + e.getMessage(), e);
    }
  }

  /** The environment variable that overrides a {@code gyre.node} key. */
  public static String environmentName(String path) {
    if (!path.startsWith(ROOT + ".")) {
      throw new IllegalArgumentException("not a gyre.node key: " + path);
    }
    String rest = path.substring(ROOT.length() + 1);
    return "GYRE_" + rest.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new NodeConfigException("configuration file " + file + " does not exist");
    }
    try {
      return ConfigFactory.parseFile(
          file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw new NodeConfigException("configuration file " + e.getMessage(), e);
    }
  }

  private static Config environmentLayer(Config reference, Map<String, String> environment) {
    Config layer = ConfigFactory.empty();
    for (Map.Entry<String, ConfigValue> entry : reference.getConfig(ROOT).entrySet()) {
      String path = ROOT + "." + entry.getKey();
      String variable = environmentName(path);
      String value = environment.get(variable);
      if (value != null) {
        layer = layer.withValue(path, parseValue(path, value, "environment variable " + variable));
      }
    }
    // Lists of objects (extra-identities) have no leaves in the reference; name them explicitly.
    String extra = environment.get(environmentName(ROOT + ".extra-identities"));
    if (extra != null) {
      layer =
          layer.withValue(
              ROOT + ".extra-identities",
              parseValue(ROOT + ".extra-identities", extra, "environment variable"));
    }
    return layer;
  }

  private static Config forcedAkkaSettings(Map<String, String> environment) {
    // Typesafe Config's own convention: CONFIG_FORCE_a_b__c=v sets a.b-c (only when asked for).
    Map<String, String> forced = new java.util.TreeMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("CONFIG_FORCE_")) {
            String path =
                name.substring("CONFIG_FORCE_".length())
                    .replace("___", "\u0000")
                    .replace("__", "-")
                    .replace('_', '.')
                    .replace('\u0000', '_');
            forced.put(path, value);
          }
        });
    return settingsLayer(forced, "environment (CONFIG_FORCE_)");
  }

  private static Config settingsLayer(Map<String, String> settings, String origin) {
    Config layer = ConfigFactory.empty();
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      String path = setting.getKey().trim();
      if (path.isEmpty()) {
        throw new NodeConfigException(
            origin + ": a setting needs a key, as in gyre.node.http.port=7201");
      }
      try {
        layer = layer.withValue(path, parseValue(path, setting.getValue(), origin));
      } catch (ConfigException.BadPath e) {
        throw new NodeConfigException(origin + ": '" + path + "' is not a configuration path", e);
      }
    }
    return layer;
  }

  private static ConfigValue parseValue(String path, String text, String origin) {
    String trimmed = text.trim();
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      try {
        return ConfigFactory.parseString("v = " + trimmed).getValue("v");
      } catch (ConfigException e) {
        throw new NodeConfigException(
            origin + ": the value of " + path + " is not valid HOCON: " + e.getMessage(), e);
      }
    }
    return ConfigValueFactory.fromAnyRef(text, origin);
  }
}
