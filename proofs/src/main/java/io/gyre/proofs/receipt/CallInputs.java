package io.gyre.proofs.receipt;

import io.gyre.proofs.Decoded;
import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.DomainHash;
import io.gyre.proofs.internal.MalformedException;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.Tetraplet;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a call's outcome depends on besides the code and the service's state: the exact JSON
 * text of the arguments (the bytes the module receives) and the {@link CallParameters} (init peer,
 * particle id, service id, host peer, timestamp, call position, tetraplets). The receipt holds the
 * hash of {@link #encode()}; the provider keeps the inputs themselves for the verifier.
 */
public record CallInputs(String arguments, CallParameters parameters) {

  private static final int FORMAT = 0x04;

  public Digest hash() {
    return DomainHash.INPUTS.of(encode());
  }

  /** The layout of proofs/README.md, "Call inputs". */
  public byte[] encode() {
    ByteWriter out = new ByteWriter(arguments.length() + 256);
    out.u8(FORMAT).str(arguments);
    out.str(parameters.initPeerId())
        .str(parameters.particleId())
        .str(parameters.serviceId())
        .str(parameters.hostPeerId())
        .u64(parameters.timestampMs())
        .u32(parameters.callPosition());
    out.u32(parameters.tetraplets().size());
    for (List<Tetraplet> argument : parameters.tetraplets()) {
      out.u32(argument.size());
      for (Tetraplet t : argument) {
        out.str(t.peerPk()).str(t.serviceId()).str(t.functionName()).str(t.lens());
      }
    }
    return out.toByteArray();
  }

  public static Decoded<CallInputs> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      int format = in.u8("format");
      if (format != FORMAT) {
        return new Decoded.Malformed<>("call inputs: format " + format + ", expected " + FORMAT);
      }
      String arguments = in.str("arguments");
      String initPeer = in.str("init_peer_id");
      String particle = in.str("particle_id");
      String service = in.str("service_id");
      String host = in.str("host_id");
      long timestamp = in.u64("timestamp");
      int position = (int) in.u32("call_position");
      int lists = in.count("tetraplets", 4);
      List<List<Tetraplet>> tetraplets = new ArrayList<>(lists);
      for (int i = 0; i < lists; i++) {
        int count = in.count("tetraplets[" + i + "]", 16);
        List<Tetraplet> argument = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
          argument.add(
              new Tetraplet(
                  in.str("peer_pk"),
                  in.str("service_id"),
                  in.str("function_name"),
                  in.str("lens")));
        }
        tetraplets.add(argument);
      }
      in.end("call inputs");
      return new Decoded.Value<>(
          new CallInputs(
              arguments,
              new CallParameters(
                  initPeer, particle, service, host, timestamp, position, tetraplets)));
    } catch (MalformedException e) {
      return new Decoded.Malformed<>("call inputs: " + e.getMessage());
    }
  }
}
