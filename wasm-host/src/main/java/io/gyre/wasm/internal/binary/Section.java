package io.gyre.wasm.internal.binary;

/** One section of a module: its id and its payload bytes (the part after the size). */
public record Section(int id, byte[] payload) {

  public static final int CUSTOM = 0;
  public static final int TYPE = 1;
  public static final int IMPORT = 2;
  public static final int FUNCTION = 3;
  public static final int TABLE = 4;
  public static final int MEMORY = 5;
  public static final int GLOBAL = 6;
  public static final int EXPORT = 7;
  public static final int START = 8;
  public static final int ELEMENT = 9;
  public static final int CODE = 10;
  public static final int DATA = 11;
  public static final int DATA_COUNT = 12;
  public static final int TAG = 13;

  /** A custom section with the given name and content. */
  public static Section custom(String name, byte[] content) {
    return new Section(CUSTOM, new ByteSink().name(name).bytes(content).toByteArray());
  }

  /** The name of a custom section. */
  public String customName() {
    return new WasmInput(payload).name();
  }

  /** The content of a custom section, after its name. */
  public byte[] customContent() {
    WasmInput in = new WasmInput(payload);
    in.name();
    return in.take(payload.length - in.position());
  }

  public boolean isCustom(String name) {
    return id == CUSTOM && customName().equals(name);
  }

  /** Where a known section goes in a module: sections appear in this order. */
  public static int order(int id) {
    return switch (id) {
      case TYPE -> 1;
      case IMPORT -> 2;
      case FUNCTION -> 3;
      case TABLE -> 4;
      case MEMORY -> 5;
      case TAG -> 6;
      case GLOBAL -> 7;
      case EXPORT -> 8;
      case START -> 9;
      case ELEMENT -> 10;
      case DATA_COUNT -> 11;
      case CODE -> 12;
      case DATA -> 13;
      default -> 0;
    };
  }
}
