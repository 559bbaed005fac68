package io.gyre.proofs.receipt;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Decoded;
import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.MalformedException;
import java.util.Optional;

/** The byte layouts of receipts and checkpoints (proofs/README.md, "Receipt", "Checkpoint"). */
public final class ReceiptCodec {

  static final int RECEIPT = 0x01;
  static final int CHECKPOINT = 0x02;

  private ReceiptCodec() {}

  static byte[] encode(Receipt r) {
    ByteWriter out = new ByteWriter(320);
    head(out, RECEIPT, r).str(r.function()).str(r.particleId());
    out.u64(r.sequence()).digest(r.previous()).digest(r.moduleHash());
    out.digest(r.inputsHash()).digest(r.resultHash()).u64(r.fuelUsed());
    out.u8(r.status().code()).u8(r.instanceReset() ? 1 : 0);
    return out.toByteArray();
  }

  static byte[] encode(Checkpoint c) {
    ByteWriter out = new ByteWriter(256);
    head(out, CHECKPOINT, c);
    out.u64(c.sequence()).digest(c.previous()).digest(c.moduleHash());
    CallLimits l = c.limits();
    out.u64(l.fuel()).u32(l.memoryPages()).u32(l.stackDepth()).u32(l.outputBytes());
    out.digest(c.stateHash());
    return out.toByteArray();
  }

  private static ByteWriter head(ByteWriter out, int kind, ChainElement e) {
    return out.u8(kind)
        .raw(e.provider().publicKey())
        .str(e.dealId())
        .u64(e.epoch())
        .str(e.serviceId());
  }

  public static Decoded<Receipt> decodeReceipt(byte[] bytes) {
    Decoded<ChainElement> element = decode(bytes);
    if (element.toOptional().isPresent() && !(element.toOptional().get() instanceof Receipt)) {
      return new Decoded.Malformed<>("a checkpoint, not a receipt");
    }
    return element.map(Receipt.class::cast);
  }

  /** A receipt or a checkpoint, told apart by the first byte. */
  public static Decoded<ChainElement> decode(byte[] bytes) {
    try {
      ByteReader in = new ByteReader(bytes);
      int kind = in.u8("kind");
      if (kind != RECEIPT && kind != CHECKPOINT) {
        return new Decoded.Malformed<>(
            "kind " + kind + " is neither receipt (1) nor checkpoint (2)");
      }
      PeerId provider = PeerId.fromPublicKey(in.raw(32, "provider"));
      String deal = in.str("deal_id");
      long epoch = in.u64("epoch");
      String service = in.str("service_id");
      ChainElement element =
          kind == RECEIPT
              ? readReceipt(in, provider, deal, epoch, service)
              : readCheckpoint(in, provider, deal, epoch, service);
      in.end(kind == RECEIPT ? "receipt" : "checkpoint");
      return new Decoded.Value<>(element);
    } catch (MalformedException e) {
      return new Decoded.Malformed<>(e.getMessage());
    }
  }

  private static Receipt readReceipt(
      ByteReader in, PeerId provider, String deal, long epoch, String service) {
    String function = in.str("function");
    String particle = in.str("particle_id");
    long sequence = in.u64("sequence");
    Digest previous = in.digest("previous");
    Digest module = in.digest("module_hash");
    Digest inputs = in.digest("inputs_hash");
    Digest result = in.digest("result_hash");
    long fuel = in.u64("fuel_used");
    int code = in.u8("status");
    Optional<OutcomeStatus> status = OutcomeStatus.ofCode(code);
    if (status.isEmpty()) {
      throw new MalformedException("status: unknown code " + code);
    }
    boolean reset = flag(in.u8("instance_reset"), "instance_reset");
    return new Receipt(
        provider,
        deal,
        epoch,
        service,
        function,
        particle,
        sequence,
        previous,
        module,
        inputs,
        result,
        fuel,
        status.get(),
        reset);
  }

  private static Checkpoint readCheckpoint(
      ByteReader in, PeerId provider, String deal, long epoch, String service) {
    long sequence = in.u64("sequence");
    Digest previous = in.digest("previous");
    Digest module = in.digest("module_hash");
    long fuel = in.u64("fuel_limit");
    long pages = in.u32("memory_pages");
    long depth = in.u32("stack_depth");
    long output = in.u32("output_bytes");
    if (pages > Integer.MAX_VALUE || depth > Integer.MAX_VALUE || output > Integer.MAX_VALUE) {
      throw new MalformedException("limits: a u32 limit over 2^31-1");
    }
    Digest state = in.digest("state_hash");
    return new Checkpoint(
        provider,
        deal,
        epoch,
        service,
        sequence,
        previous,
        module,
        new CallLimits(fuel, (int) pages, (int) depth, (int) output),
        state);
  }

  private static boolean flag(int value, String field) {
    if (value > 1) {
      throw new MalformedException(field + ": " + value + " is not 0 or 1");
    }
    return value == 1;
  }
}
