/**
 * Noise XX for libp2p ({@code /noise}): the primitives (X25519, ChaCha20-Poly1305, HKDF), the pure
 * handshake, the signed identity payload, and the Netty handshake handler and frame codec.
 */
package io.gyre.net.libp2p.noise;
