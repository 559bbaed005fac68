package io.gyre.net;

/** Who opened a connection or a stream: the remote side ({@code INBOUND}) or this side. */
public enum Direction {
  INBOUND,
  OUTBOUND
}
