package io.gyre.node;

/** Small AIR scripts tests send through real peers. */
public final class Scripts {
  private Scripts() {}

  /**
   * Calls {@code service.function(args)} on {@code peerId} and returns the result to the init peer
   * through {@code callbackSrv.response}.
   *
   * @param argsAir the call's arguments as AIR values, e.g. {@code "\"hi\""} or {@code "4000"}
   */
  public static String callAndRespond(
      String peerId, String service, String function, String argsAir) {
    return "(seq (call \""
        + peerId
        + "\" (\""
        + service
        + "\" \""
        + function
        + "\") ["
        + argsAir
        + "] r)"
        + " (call %init_peer_id% (\"callbackSrv\" \"response\") [r]))";
  }

  /** {@code script}, or when it fails, the error's message as the response. */
  public static String orErrorMessage(String script) {
    return "(xor "
        + script
        + " (call %init_peer_id% (\"callbackSrv\" \"response\") [:error:.$.message]))";
  }
}
