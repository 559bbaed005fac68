/** The multiformats unsigned varint, shared by every libp2p codec and by {@code Multiaddr}. */
package io.gyre.net.varint;
