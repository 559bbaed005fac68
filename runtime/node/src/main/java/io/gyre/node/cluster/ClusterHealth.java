package io.gyre.node.cluster;

import java.util.List;

/**
 * How this node sees its cluster: the members that are up and those it cannot reach (as {@code
 * host:port}), whether the reachable ones are a majority (the split-brain resolver keeps the
 * majority side), and the members it remembers from earlier runs that are not with it now.
 */
public record ClusterHealth(
    List<String> members, List<String> unreachable, boolean inMajority, List<String> missing) {

  public ClusterHealth {
    members = List.copyOf(members);
    unreachable = List.copyOf(unreachable);
    missing = List.copyOf(missing);
  }
}
