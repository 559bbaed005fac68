package io.gyre.node.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The cluster members a node has seen ({@code host:port}, one a line, in {@code
 * <data-dir>/cluster-members}). A node started without seed nodes that remembers other members
 * rejoins through them instead of founding a cluster of its own, so a restarted founder does not
 * split the cluster silently.
 */
public final class RememberedMembers {
  public static final String FILE_NAME = "cluster-members";

  private final Path file;

  public RememberedMembers(Path dataDir) {
    this.file = dataDir.resolve(FILE_NAME);
  }

  /** The members remembered, {@code self} left out. */
  public List<String> others(String self) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String member = line.trim();
        if (!member.isEmpty() && !member.equals(self)) {
          out.add(member);
        }
      }
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Replaces the file with {@code members} (written aside, then moved: never half a list). */
  public void remember(Collection<String> members) {
    try {
      Path next = file.resolveSibling(FILE_NAME + ".next");
      Files.writeString(next, String.join("\n", new TreeSet<>(members)) + "\n");
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The list only helps a later restart; a node that cannot write it still runs.
    }
  }
}
