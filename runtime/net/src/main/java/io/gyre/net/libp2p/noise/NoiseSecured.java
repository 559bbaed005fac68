package io.gyre.net.libp2p.noise;

import io.gyre.identity.PeerId;

/** Netty user event: the Noise handshake completed and proved {@code remotePeer}. */
public record NoiseSecured(PeerId remotePeer) {}
