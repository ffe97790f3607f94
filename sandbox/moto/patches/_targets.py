"""What each patch replaces or reads in moto, checked at start-up before the first request.

A patch that finds its target gone would change nothing, or fail on a learner's call. Patches
are applied when moto first imports a service (see _when_imported.py), so the check reads the
modules' source instead of importing them: a class, function or name defined at module level, or
an attribute defined in a class body, must be there. server.py stops with one line otherwise."""
import ast
import os
import sys

import moto

_expected = []  # (module name, "Name" or "Class.attribute", the patch file that needs it)


def expect(module_name, *names):
    """Declares that the calling patch needs each name ("func", "Class.method") in module_name."""
    # The caller's frame only: inspect.stack() reads every frame's source (~1 s of a page start).
    caller = os.path.basename(sys._getframe(1).f_code.co_filename)
    for name in names:
        _expected.append((module_name, name, caller))


def _definitions(body):
    found = {}
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found[node.name] = node
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                found[(alias.asname or alias.name).split(".")[0]] = node
    return found


def _source_of(module_name):
    """The module's source, found by path: importlib's find_spec would import its parent packages,
    and moto.ec2.models alone is ~130 MB, which lazy patching exists to avoid."""
    path = os.path.join(os.path.dirname(moto.__file__), *module_name.split(".")[1:])
    for candidate in (f"{path}.py", os.path.join(path, "__init__.py")):
        if os.path.exists(candidate):
            with open(candidate, encoding="utf-8") as file:
                return file.read()
    return None


def missing_targets():
    """Lines naming each expected target that the installed moto lacks, or [] when all are there."""
    problems = []
    trees = {}
    for module_name, name, patch in _expected:
        if module_name not in trees:
            source = _source_of(module_name)
            trees[module_name] = _definitions(ast.parse(source).body) if source is not None else None
        defined = trees[module_name]
        head, _, attribute = name.partition(".")
        node = defined.get(head) if defined is not None else None
        if node is not None and attribute:
            node = _definitions(node.body).get(attribute) if isinstance(node, ast.ClassDef) else None
        if node is None:
            problems.append(f"{module_name}.{name} (patched by patches/{patch})")
    return problems


def missing_targets_once():
    """missing_targets(), read once per installed moto and set of expectations: a stamp in the
    virtualenv remembers a check that passed (parsing the modules costs ~0.2 s of CPU per start)."""
    key = moto.__version__ + "\n" + "\n".join(sorted(f"{module}:{name}" for module, name, _ in _expected))
    stamp = os.path.join(sys.prefix, ".infralabs-patch-targets")
    try:
        with open(stamp, encoding="utf-8") as file:
            if file.read() == key:
                return []
    except OSError:
        pass
    problems = missing_targets()
    if not problems:
        try:
            with open(stamp, "w", encoding="utf-8") as file:
                file.write(key)
        except OSError:
            pass
    return problems
