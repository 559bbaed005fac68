package io.gyre.cli.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files commands read and write, checked so that each mistake is one line naming the file and
 * what to do: missing, a directory, unreadable, not UTF-8 text, an output that is not a directory.
 */
public final class InputFiles {
  private InputFiles() {}

  /** The UTF-8 text of {@code file}; {@code what} names it ("the Aqua file", "the SPEC"). */
  public static String text(Path file, String what) {
    byte[] bytes = bytes(file, what);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UserError(
          UserError.USAGE, what + " " + file + " is not UTF-8 text (is it a binary file?)");
    }
  }

  public static byte[] bytes(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new UserError(UserError.USAGE, what + " " + file + " is a directory, not a file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(UserError.USAGE, "cannot read " + file + ": no such file (" + what + ")");
    } catch (AccessDeniedException e) {
      throw new UserError(UserError.USAGE, "cannot read " + file + ": permission denied");
    } catch (IOException e) {
      throw new UserError(UserError.USAGE, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** {@code dir}, made if missing; refused if it is a file or cannot be made. */
  public static Path outputDirectory(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError(
          UserError.USAGE, "the output " + dir + " is a file; -o names a directory to write into");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError(
          UserError.USAGE, "cannot make the output directory " + dir + ": " + why(e));
    }
    if (!Files.isWritable(dir)) {
      throw new UserError(UserError.USAGE, "cannot write into " + dir + ": permission denied");
    }
    return dir;
  }

  /** Writes {@code text} to {@code file}, one line naming the file if it cannot. */
  public static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError(UserError.FAILED, "cannot write " + file + ": " + why(e));
    }
  }

  private static String why(IOException e) {
    return e instanceof AccessDeniedException
        ? "permission denied"
        : String.valueOf(e.getMessage());
  }
}
