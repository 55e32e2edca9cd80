#!/usr/bin/env python3
"""The include rule of engine/: a module includes only its own headers and those of the modules it depends on.

The modules and what each depends on are read from the `caseflow_module(NAME DEPENDS ...)` lines of
engine/CMakeLists.txt, so the build and this check cannot disagree. Every source and header under
engine/src/<module>/ and engine/include/caseflow/<module>/ is read; an `#include "caseflow/<other>/..."` of a
module it does not depend on, an include of a caseflow header that does not exist, or a file outside any
module is an error. Usage: check_module_includes.py [ROOT] (default: this checkout); --self-test checks
that the check finds a planted violation.
"""
import pathlib
import re
import sys
import tempfile

MODULE_LINE = re.compile(r"^caseflow_module\((\w+)(?:\s+DEPENDS\s+([\w\s]+?))?(?:\s+SOURCES\s+[^)]*)?\)", re.M)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def read_modules(engine):
    text = (engine / "CMakeLists.txt").read_text()
    modules = {}
    for name, depends in MODULE_LINE.findall(text):
        modules[name] = set((depends or "").split())
    if not modules:
        raise SystemExit(f"{engine / 'CMakeLists.txt'}: no caseflow_module(...) lines")
    return modules


def violations(root):
    engine = root / "engine"
    modules = read_modules(engine)
    problems = []
    for name, depends in modules.items():
        for dependency in depends:
            if dependency not in modules:
                problems.append(f"engine/CMakeLists.txt: module {name} depends on {dependency}, which is not a module")
    folders = [(engine / "src", None), (engine / "include" / "caseflow", None)]
    for top, _ in folders:
        for path in sorted(top.rglob("*")):
            if path.is_dir() or path.suffix not in (".cpp", ".hpp", ".in") :
                continue
            relative = path.relative_to(top)
            if len(relative.parts) < 2 or relative.parts[0] not in modules:
                problems.append(f"{path.relative_to(root)}: not inside a module folder")
                continue
            module = relative.parts[0]
            allowed = modules[module] | {module}
            for line_number, line in enumerate(path.read_text().splitlines(), 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = match.group(1)
                where = f"{path.relative_to(root)}:{line_number}"
                if target.startswith("caseflow/"):
                    parts = target.split("/")
                    if len(parts) != 3 or parts[1] not in modules:
                        problems.append(f"{where}: {target} is not a module's header")
                    elif parts[1] not in allowed:
                        problems.append(f"{where}: module {module} includes {target}, but {module} does not depend on "
                                        f"{parts[1]} (engine/CMakeLists.txt)")
                    elif not (engine / "include" / target).is_file():
                        problems.append(f"{where}: {target} does not exist")
                elif not (path.parent / target).is_file():
                    problems.append(f"{where}: {target} is neither a module header nor a file beside it")
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        (root / "engine/src/base").mkdir(parents=True)
        (root / "engine/src/sim").mkdir(parents=True)
        (root / "engine/include/caseflow/base").mkdir(parents=True)
        (root / "engine/include/caseflow/sim").mkdir(parents=True)
        (root / "engine/CMakeLists.txt").write_text("caseflow_module(base)\ncaseflow_module(sim DEPENDS base)\n")
        (root / "engine/include/caseflow/base/a.hpp").write_text("#pragma once\n")
        (root / "engine/include/caseflow/sim/b.hpp").write_text('#pragma once\n#include "caseflow/base/a.hpp"\n')
        (root / "engine/src/sim/b.cpp").write_text('#include "caseflow/sim/b.hpp"\n')
        assert violations(root) == [], violations(root)
        (root / "engine/src/base/a.cpp").write_text('#include "caseflow/base/a.hpp"\n#include "caseflow/sim/b.hpp"\n')
        found = violations(root)
        assert len(found) == 1 and "module base includes caseflow/sim/b.hpp" in found[0], found
        (root / "engine/src/loose.cpp").write_text("")
        assert any("not inside a module folder" in p for p in violations(root))
    print("self-test: a planted violation is found")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return 0
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
    problems = violations(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    modules = read_modules(root / "engine")
    for name, depends in modules.items():
        print(f"{name}: may include {', '.join(sorted(depends)) or 'nothing else'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
