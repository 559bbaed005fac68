package io.gyre.node.services.wasm;

import io.gyre.node.services.ServiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * WASM modules on disk by content: {@code <dir>/<sha256 hex>.wasm}. Writes go through a temporary
 * file and a rename, so a crash never leaves a half-written module under its hash.
 */
public final class ModuleStore {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;

  public ModuleStore(Path dir) {
    this.dir = dir;
  }

  public Path directory() {
    return dir;
  }

  public void write(String hash, byte[] bytes) {
    Path target = path(hash);
    if (Files.exists(target)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path temporary = Files.createTempFile(dir, hash, ".part");
      Files.write(temporary, bytes);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ServiceException(
          "cannot store module " + hash + " under " + dir + ": " + e.getMessage(), e);
    }
  }

  public byte[] read(String hash) {
    Path path = path(hash);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ServiceException(
          "module " + hash + " is missing from " + dir + ": " + e.getMessage(), e);
    }
  }

  private Path path(String hash) {
    if (!HASH.matcher(hash).matches()) {
      throw new ServiceException("'" + hash + "' is not a module hash (64 lowercase hex digits)");
    }
    return dir.resolve(hash + ".wasm");
  }
}
