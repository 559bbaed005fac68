#!/usr/bin/env python3
"""Copies a tree of .aqua files (symbolic links stay links) and rewrites the headers Aqua 0.14.6 refuses,
so both compilers can be compared on what lies behind them: `module Name ...` becomes
`aqua Name ...`, and a file without a header gets `aqua <FileName> declares *` (what a header-less
file meant before). Nothing else is changed.

    aqua-compiler/scripts/corpus-modernize.py SRC DST
"""
import os
import re
import shutil
import sys


def modernize(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        text = line.strip()
        if text == "" or text.startswith("--"):
            continue
        if line.startswith("module "):
            lines[i] = "aqua " + line[len("module "):]
        elif not line.startswith("aqua "):
            stem = os.path.basename(path)[: -len(".aqua")]
            name = "".join(w.capitalize() for w in re.split(r"[^A-Za-z0-9]+", stem) if w) or "M"
            if name[0].isdigit():
                name = "M" + name
            lines.insert(i, "aqua %s declares *\n" % name)
        else:
            return False
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        return True
    return False


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    shutil.copytree(src, dst, symlinks=True, dirs_exist_ok=True)
    changed = 0
    for root, _, files in os.walk(dst):
        for name in files:
            if name.endswith(".aqua") and modernize(os.path.join(root, name)):
                changed += 1
    print("rewrote the header of %d files" % changed, file=sys.stderr)


if __name__ == "__main__":
    main()
