package io.gyre.proofs.recording;

import io.gyre.identity.KeyPair;
import io.gyre.proofs.batch.ReceiptBatch;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.receipt.ReceiptScope;
import io.gyre.wasm.Service;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's side of one deal: a {@link ServiceRecorder} per service of the deal, the current
 * epoch, and each sealed epoch's batch with what is needed to answer samples from it.
 *
 * <pre>{@code
 * DealRecorder deal = new DealRecorder(providerKeys, "deal-7", epoch);
 * ServiceRecorder kv = deal.open(service);                  // at srv.create
 * CallOutcome outcome = kv.call("put", args, parameters);   // every call of the deal's service
 * SealedBatch batch = deal.seal(epoch + 1);                 // at the boundary: submit batch.root()
 * Optional<SampleAnswer> answer = deal.answer(epoch, index); // when the marketplace samples
 * }</pre>
 */
public final class DealRecorder {

  private final KeyPair provider;
  private final String dealId;
  private final Map<String, ServiceRecorder> services = new ConcurrentHashMap<>();
  private final Map<Long, SealedBatch> sealed = new ConcurrentHashMap<>();
  private volatile long epoch;

  public DealRecorder(KeyPair provider, String dealId, long epoch) {
    this.provider = provider;
    this.dealId = dealId;
    this.epoch = epoch;
  }

  public String dealId() {
    return dealId;
  }

  public long epoch() {
    return epoch;
  }

  /**
   * Starts the chain of a freshly created service of the deal: call it right after {@code
   * createService}, before any call, since the chain starts from the initial state. After a node
   * restart the service is created afresh and opened again, which starts a new chain for it. Throws
   * {@link IllegalArgumentException} when the service is already recorded.
   */
  public ServiceRecorder open(Service service) {
    ServiceRecorder recorder =
        new ServiceRecorder(provider.peerId(), dealId, service, () -> this.epoch);
    if (services.putIfAbsent(service.id(), recorder) != null) {
      throw new IllegalArgumentException("service " + service.id() + " is already recorded");
    }
    return recorder;
  }

  public Optional<ServiceRecorder> service(String serviceId) {
    return Optional.ofNullable(services.get(serviceId));
  }

  /**
   * Ends the current epoch: from now on calls count for {@code next}; the calls of the ended epoch
   * become receipts (services in id order, each in call order), sealed into a batch whose signed
   * root the provider submits.
   */
  public synchronized SealedBatch seal(long next) {
    long ended = epoch;
    if (next <= ended) {
      throw new IllegalArgumentException("epoch " + next + " does not follow " + ended);
    }
    epoch = next;
    ReceiptBatch batch = ReceiptBatch.builder(new ReceiptScope(provider.peerId(), dealId, ended));
    new TreeMap<>(services).values().forEach(s -> s.seal(ended, batch));
    SealedBatch result = batch.seal(provider);
    sealed.put(ended, result);
    return result;
  }

  /** The receipt at {@code index} of the batch of {@code epoch}, its proof and its evidence. */
  public Optional<SampleAnswer> answer(long epoch, long index) {
    return Optional.ofNullable(sealed.get(epoch))
        .flatMap(batch -> batch.included(index))
        .flatMap(
            included ->
                service(included.receipt().serviceId())
                    .flatMap(s -> s.evidence(included.receipt()))
                    .map(evidence -> new SampleAnswer(included.proof(), evidence)));
  }

  /** Drops batches and chain segments of epochs before {@code epoch}: they will not be sampled. */
  public synchronized void forget(long epoch) {
    sealed.keySet().removeIf(e -> e < epoch);
    services.values().forEach(s -> s.forget(epoch));
  }
}
