package io.gyre.testkit.packages;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds package cycles, which DESIGN.md forbids inside a module. Each module's tests call {@link
 * #assertNone(Path)} on its own {@code src/main/java}; this class is test support only (modules
 * take gyre-testkit at test scope).
 */
public final class PackageCycles {
  private PackageCycles() {}

  /**
   * Fails with every cycle's path, and for each step the file that makes it, when the packages
   * under {@code sourceRoot} use each other in a circle.
   */
  public static void assertNone(Path sourceRoot) {
    PackageGraph graph = PackageGraph.read(sourceRoot);
    List<Cycle> cycles = find(graph);
    if (!cycles.isEmpty()) {
      StringBuilder message = new StringBuilder();
      message.append(cycles.size()).append(" package cycle(s) in ").append(sourceRoot).append(':');
      for (Cycle cycle : cycles) {
        List<String> path = cycle.path();
        message.append("\n  ").append(String.join(" -> ", path));
        for (int i = 0; i + 1 < path.size(); i++) {
          message.append("\n    ").append(graph.edges().get(path.get(i)).get(path.get(i + 1)));
        }
        message
            .append("\n    (packages that reach each other: ")
            .append(cycle.packages())
            .append(')');
      }
      throw new AssertionError(message.toString());
    }
  }

  /**
   * @param path one shortest way round, starting and ending at the first of {@code packages}
   * @param packages every package that reaches and is reached by the others
   */
  public record Cycle(List<String> path, Set<String> packages) {}

  /** One cycle per group of packages that reach each other (a strongly connected component). */
  public static List<Cycle> find(PackageGraph graph) {
    List<Cycle> cycles = new ArrayList<>();
    for (Set<String> component : new Components(graph).stronglyConnected()) {
      if (component.size() > 1) {
        String first = component.iterator().next();
        cycles.add(new Cycle(shortestCycle(graph, first, component), component));
      }
    }
    return cycles;
  }

  /** Breadth-first from {@code start} back to itself, staying inside the component. */
  private static List<String> shortestCycle(
      PackageGraph graph, String start, Set<String> component) {
    Map<String, String> cameFrom = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String at = queue.removeFirst();
      for (String next : graph.edges().getOrDefault(at, Map.of()).keySet()) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>(List.of(start));
          for (String step = at; !step.equals(start); step = cameFrom.get(step)) {
            path.add(1, step);
          }
          path.add(start);
          return path;
        }
        if (component.contains(next) && !cameFrom.containsKey(next)) {
          cameFrom.put(next, at);
          queue.addLast(next);
        }
      }
    }
    throw new IllegalStateException(start + " is in a component it cannot get back from");
  }

  /** Tarjan's algorithm; small graphs (tens of packages), so recursion depth is no concern. */
  private static final class Components {
    private final PackageGraph graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Set<String>> components = new ArrayList<>();

    Components(PackageGraph graph) {
      this.graph = graph;
    }

    List<Set<String>> stronglyConnected() {
      for (String node : graph.edges().keySet()) {
        if (!index.containsKey(node)) {
          visit(node);
        }
      }
      components.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
      return components;
    }

    private void visit(String node) {
      index.put(node, index.size());
      lowLink.put(node, index.get(node));
      stack.push(node);
      onStack.add(node);
      for (String next : graph.edges().getOrDefault(node, Map.of()).keySet()) {
        if (!index.containsKey(next)) {
          visit(next);
          lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
        } else if (onStack.contains(next)) {
          lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
        }
      }
      if (lowLink.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        components.add(component);
      }
    }
  }
}
