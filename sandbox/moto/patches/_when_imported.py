"""Apply a patch when moto first imports a module, not at start-up.

moto imports a service's models only when that service is first called; importing them all up
front to patch them would triple start-up time and idle memory (EC2's models alone are ~130 MB)."""
import importlib.abc
import importlib.util
import sys
import threading

_hooks = {}
_before_hooks = {}
_lock = threading.RLock()


class _PatchingFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in _hooks and name not in _before_hooks:
            return None
        with _lock:
            sys.meta_path.remove(self)
            try:
                spec = importlib.util.find_spec(name)
            finally:
                sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module

        def exec_module(module):
            for patch in _before_hooks.pop(name, []):
                patch(module)
            execute(module)
            for patch in _hooks.pop(name, []):
                patch(module)

        spec.loader.exec_module = exec_module
        return spec


_finder = _PatchingFinder()
sys.meta_path.insert(0, _finder)


def when_imported(module_name, patch):
    """Run patch(module) once module_name is imported (at once if it already is)."""
    module = sys.modules.get(module_name)
    if module is not None:
        patch(module)
    else:
        _hooks.setdefault(module_name, []).append(patch)


def before_imported(module_name, patch):
    """Run patch(module) just before module_name's code runs, on the still empty module; for a
    patch that must change what the module reads while it loads. Too late if it is imported."""
    if module_name in sys.modules:
        raise RuntimeError(f"{module_name} is already imported")
    _before_hooks.setdefault(module_name, []).append(patch)
