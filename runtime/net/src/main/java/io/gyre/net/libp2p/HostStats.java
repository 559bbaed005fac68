package io.gyre.net.libp2p;

/**
 * What a host holds open right now.
 *
 * @param listeners bound server sockets
 * @param channels connection sockets, handshaking ones included
 * @param connections secured, multiplexed connections
 * @param streams open streams over all connections
 */
public record HostStats(int listeners, int channels, int connections, int streams) {}
