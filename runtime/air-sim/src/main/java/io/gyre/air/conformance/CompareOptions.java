package io.gyre.air.conformance;

/**
 * compare.mjs's flags.
 *
 * @param strict also compare the errors' {@code instruction}, interpreter error messages, the
 *     calls' ret_code and result, and a compile error's wording
 * @param compiler for AIR made by another compiler: the compiler's plumbing calls ({@code
 *     getDataSrv callbackSrv math.* cmp.* op.noop op.identity}) are left out and undelivered sends
 *     are compared by destination only
 */
public record CompareOptions(boolean strict, boolean compiler) {
  public static final CompareOptions DEFAULT = new CompareOptions(false, false);
  public static final CompareOptions STRICT = new CompareOptions(true, false);
  public static final CompareOptions COMPILER = new CompareOptions(false, true);
}
