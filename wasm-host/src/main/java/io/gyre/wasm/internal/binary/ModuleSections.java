package io.gyre.wasm.internal.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A module as its header and list of sections, which can be edited and written back. */
public final class ModuleSections {

  private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

  private final List<Section> sections;

  private ModuleSections(List<Section> sections) {
    this.sections = sections;
  }

  /** Splits a module into sections; checks only the header and the section framing. */
  public static ModuleSections read(byte[] module) {
    WasmInput in = new WasmInput(module);
    if (module.length < HEADER.length) {
      throw new MalformedWasmException("too short for a WebAssembly module header", 0);
    }
    for (int i = 0; i < HEADER.length; i++) {
      if (module[i] != HEADER[i]) {
        throw new MalformedWasmException(
            i < 4 ? "not a WebAssembly module (bad magic number)" : "unsupported binary version",
            i);
      }
    }
    in.skip(HEADER.length);
    List<Section> sections = new ArrayList<>();
    while (!in.atEnd()) {
      int id = in.u8();
      int size = in.length();
      sections.add(new Section(id, in.take(size)));
    }
    return new ModuleSections(sections);
  }

  public List<Section> sections() {
    return List.copyOf(sections);
  }

  /** The first section with this id (custom sections excluded: use {@link #custom}). */
  public Optional<Section> find(int id) {
    return sections.stream().filter(s -> s.id() == id && id != Section.CUSTOM).findFirst();
  }

  public Optional<Section> custom(String name) {
    return sections.stream().filter(s -> s.isCustom(name)).findFirst();
  }

  /** Replaces the section with the same id, or inserts it where the section order puts it. */
  public ModuleSections put(Section section) {
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).id() == section.id()) {
        sections.set(i, section);
        return this;
      }
    }
    int order = Section.order(section.id());
    int at = sections.size();
    for (int i = 0; i < sections.size(); i++) {
      Section existing = sections.get(i);
      if (existing.id() != Section.CUSTOM && Section.order(existing.id()) > order) {
        at = i;
        break;
      }
    }
    sections.add(at, section);
    return this;
  }

  /** Adds a custom section at the end, replacing any custom section of the same name. */
  public ModuleSections putCustom(Section custom) {
    String name = custom.customName();
    sections.removeIf(s -> s.isCustom(name));
    sections.add(custom);
    return this;
  }

  /** Removes every custom section of this name. */
  public ModuleSections withoutCustom(String name) {
    sections.removeIf(s -> s.isCustom(name));
    return this;
  }

  public byte[] write() {
    ByteSink out = new ByteSink().bytes(HEADER);
    for (Section section : sections) {
      out.u8(section.id()).u32(section.payload().length).bytes(section.payload());
    }
    return out.toByteArray();
  }
}
