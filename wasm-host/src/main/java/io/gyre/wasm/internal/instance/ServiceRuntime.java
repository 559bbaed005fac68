package io.gyre.wasm.internal.instance;

import com.dylibso.chicory.wasi.WasiExitException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.gyre.wasm.Abi;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.CallError;
import io.gyre.wasm.CallError.Kind;
import io.gyre.wasm.CallObserver;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.ModuleDescription;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceFunction;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.internal.call.CallContext;
import io.gyre.wasm.internal.call.ContextSlot;
import io.gyre.wasm.internal.module.LoadedModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A service: its modules' instances and the call protocol around them — argument checks, call
 * context, metering, the wall-time deadline, result decoding, and discarding the instances after a
 * call that trapped. Calls are serialised by a lock.
 */
public final class ServiceRuntime implements Service {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String id;
  private final Blueprint blueprint;
  private final List<String> names;
  private final List<LoadedModule> modules;
  private final ServiceLimits limits;
  private final CallThreads threads;
  private final Watchdog watchdog;
  private final ContextSlot slot = new ContextSlot();
  private final ReentrantLock lock = new ReentrantLock();
  private final ArgumentCheck arguments;
  private final boolean command;

  /** The facade's functions by name (looked up on every call). */
  private final Map<String, ServiceFunction> functions;

  /** Live instances of a Gyre ABI service; null after a failed call discarded them. */
  private ServiceInstances instances;

  public ServiceRuntime(
      String id,
      Blueprint blueprint,
      List<LoadedModule> modules,
      ServiceLimits limits,
      CallThreads threads,
      Watchdog watchdog) {
    this.id = id;
    this.blueprint = blueprint;
    this.names = blueprint.modules().stream().map(m -> m.name()).toList();
    this.modules = modules;
    this.limits = limits;
    this.threads = threads;
    this.watchdog = watchdog;
    this.arguments = new ArgumentCheck(facade());
    this.command = facade().abi() == Abi.WASI_COMMAND;
    this.functions =
        facade().functions().stream()
            .collect(Collectors.toUnmodifiableMap(ServiceFunction::name, f -> f));
    lock.lock();
    try {
      // A command module is instantiated afresh for every call; this one only checks it can be.
      ServiceInstances first = threads.run(this::freshInstances);
      if (command) {
        first.close();
      } else {
        instances = first;
      }
    } catch (CallFailure e) {
      throw new DeployException("service " + id + " failed to start: " + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Blueprint blueprint() {
    return blueprint;
  }

  @Override
  public ServiceLimits limits() {
    return limits;
  }

  @Override
  public ModuleDescription facade() {
    return modules.get(modules.size() - 1).description();
  }

  @Override
  public CallOutcome call(String function, String jsonArguments, CallParameters parameters) {
    return call(function, jsonArguments, parameters, CallObserver.NONE);
  }

  @Override
  public CallOutcome call(
      String function, String jsonArguments, CallParameters parameters, CallObserver observer) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(jsonArguments);
    } catch (JsonProcessingException e) {
      return observed(
          failure(Kind.BAD_ARGUMENTS, "arguments are not JSON: " + e.getOriginalMessage()),
          function,
          jsonArguments,
          parameters,
          observer);
    }
    return call(
        function,
        parsed,
        jsonArguments.getBytes(StandardCharsets.UTF_8),
        parameters,
        jsonArguments,
        observer);
  }

  @Override
  public <T> T exclusively(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** A failure found before the call ran, handed to the observer in its place among the calls. */
  private CallOutcome observed(
      CallOutcome outcome,
      String function,
      String jsonArguments,
      CallParameters parameters,
      CallObserver observer) {
    if (observer != CallObserver.NONE) {
      exclusively(
          () -> {
            observer.called(function, jsonArguments, parameters, outcome);
            return outcome;
          });
    }
    return outcome;
  }

  @Override
  public CallOutcome call(String function, JsonNode arguments, CallParameters parameters) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(arguments);
    } catch (JsonProcessingException e) {
      return failure(
          Kind.BAD_ARGUMENTS, "arguments cannot be written as JSON: " + e.getOriginalMessage());
    }
    return call(function, arguments, bytes, parameters, null, CallObserver.NONE);
  }

  @Override
  public CompletionStage<CallOutcome> callAsync(
      String function, String jsonArguments, CallParameters parameters) {
    return threads.submit(() -> call(function, jsonArguments, parameters));
  }

  private CallOutcome call(
      String function,
      JsonNode arguments,
      byte[] bytes,
      CallParameters parameters,
      String jsonArguments,
      CallObserver observer) {
    ServiceFunction target = functions.get(function);
    if (target == null && command && function.equals("_start")) {
      target = facade().functions().get(0);
    }
    if (target == null) {
      return observed(
          failure(
              Kind.NO_SUCH_FUNCTION,
              "service "
                  + id
                  + " has no function "
                  + function
                  + " (it has "
                  + functionNames()
                  + ")"),
          function,
          jsonArguments,
          parameters,
          observer);
    }
    Optional<String> mismatch = this.arguments.mismatch(target, arguments);
    if (mismatch.isPresent()) {
      return observed(
          failure(Kind.BAD_ARGUMENTS, function + ": " + mismatch.get()),
          function,
          jsonArguments,
          parameters,
          observer);
    }
    ServiceFunction chosen = target;
    lock.lock();
    try {
      CallOutcome outcome = threads.run(() -> callOnThread(chosen, bytes, parameters));
      observer.called(function, jsonArguments, parameters, outcome);
      return outcome;
    } finally {
      lock.unlock();
    }
  }

  private CallOutcome callOnThread(
      ServiceFunction function, byte[] arguments, CallParameters parameters) {
    CallContext context =
        new CallContext(
            parameters, function.name(), command ? arguments : new byte[0], limits.outputBytes());
    slot.enter(context);
    Watchdog.Deadline deadline = watchdog.start(limits.wallTime());
    ServiceInstances current = instances;
    try {
      if (current == null) {
        current = freshInstances();
        instances = command ? null : current;
      }
      byte[] result =
          command ? runCommand(current, function) : runGyre(current, function, arguments);
      long fuel = fuelUsed(current);
      deadline.finish();
      context.flushStreams();
      if (context.failure().isPresent()) {
        return new CallOutcome.Failure(
            new CallError(Kind.SERVICE_ERROR, context.failure().get()),
            fuel,
            context.logLines(),
            false);
      }
      return decode(result, function, fuel, context);
    } catch (RuntimeException | StackOverflowError e) {
      boolean fired = deadline.fired();
      deadline.finish();
      context.flushStreams();
      CallFailure failure = ErrorClassifier.classify(e, current, limits, fired);
      long fuel = current == null ? 0 : Math.min(limits.fuel(), fuelUsed(current));
      boolean reset = !command && !failure.keepsInstance();
      if (reset) {
        instances = null;
      }
      return new CallOutcome.Failure(failure.error(), fuel, context.logLines(), reset);
    } finally {
      slot.leave();
      if (command && current != null) {
        current.close();
      }
    }
  }

  private byte[] runGyre(ServiceInstances current, ServiceFunction function, byte[] arguments) {
    current.facade().meter().set(limits.fuel(), limits.stackDepth());
    return GyreAbi.invoke(current.facade(), function.export(), arguments, limits.outputBytes());
  }

  /** Runs a command module's entry point; fuel was set when its start function ran. */
  private byte[] runCommand(ServiceInstances current, ServiceFunction function) {
    try {
      current.facade().call(function.export());
    } catch (WasiExitException e) {
      if (e.exitCode() != 0) {
        throw e;
      }
    }
    return slotStdout();
  }

  private byte[] slotStdout() {
    return slot.current().stdout().toByteArray();
  }

  private CallOutcome decode(
      byte[] result, ServiceFunction function, long fuel, CallContext context) {
    if (function.result().isEmpty() && isBlank(result)) {
      return new CallOutcome.Success(NullNode.getInstance(), fuel, context.logLines());
    }
    try {
      return new CallOutcome.Success(JSON.readTree(result), fuel, context.logLines());
    } catch (IOException e) {
      String text = new String(result, 0, Math.min(result.length, 80), StandardCharsets.UTF_8);
      return new CallOutcome.Failure(
          new CallError(
              Kind.BAD_RESULT,
              "the module's result is not JSON ("
                  + e.getMessage().lines().findFirst().orElse("")
                  + "): "
                  + text),
          fuel,
          context.logLines(),
          false);
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private long fuelUsed(ServiceInstances current) {
    return limits.fuel() - current.facade().meter().fuelLeft();
  }

  /** New instances of every module, initialised (metered, in a context of their own). */
  private ServiceInstances freshInstances() {
    ServiceInstances fresh = new ServiceInstances(names, modules, slot, limits);
    boolean ownContext = slot.isEmpty();
    if (ownContext) {
      slot.enter(
          new CallContext(
              CallParameters.local(id, 0), "_initialize", new byte[0], limits.outputBytes()));
    }
    try {
      if (!command || !ownContext) {
        fresh.initialize(limits);
      }
      return fresh;
    } catch (RuntimeException | StackOverflowError e) {
      fresh.close();
      throw ErrorClassifier.classify(e, fresh, limits, false);
    } finally {
      if (ownContext) {
        slot.leave();
      }
    }
  }

  private String functionNames() {
    return String.join(", ", facade().functions().stream().map(ServiceFunction::name).toList());
  }

  private static CallOutcome failure(Kind kind, String message) {
    return new CallOutcome.Failure(new CallError(kind, message), 0, List.of(), false);
  }
}
