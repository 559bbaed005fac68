package io.gyre.proofs.replay;

import io.gyre.proofs.receipt.CallInputs;
import io.gyre.proofs.receipt.Receipt;

/** A receipt with the inputs of its call, which the receipt only holds the hash of. */
public record ReplayedCall(Receipt receipt, CallInputs inputs) {}
