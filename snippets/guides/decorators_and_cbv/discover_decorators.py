"""Find every decorator that django.views.decorators defines, from the installed Django's source."""

import ast
import importlib
import inspect
import pkgutil

import django.views.decorators

# Arguments for the decorators that are factories: the only thing typed here, not the list of names.
FACTORY_ARGUMENTS = {
    "cache_control": ((), {"max_age": 60}),
    "cache_page": ((60,), {}),
    "condition": ((), {"etag_func": lambda request: "v1"}),
    "csp_override": (({},), {}),
    "csp_report_only_override": (({},), {}),
    "etag": ((lambda request: "v1",), {}),
    "last_modified": ((lambda request: None,), {}),
    "require_http_methods": ((["GET"],), {}),
    "sensitive_post_parameters": (("password",), {}),
    "sensitive_variables": (("password",), {}),
    "vary_on_headers": (("Accept-Language",), {}),
}


def defined_names(module):
    """Public names a module defines at top level: `def f` and `f = ...`, not what it imports."""
    for node in ast.parse(inspect.getsource(module)).body:
        if isinstance(node, ast.FunctionDef):
            yield node.name
        elif isinstance(node, ast.Assign):
            yield from (target.id for target in node.targets if isinstance(target, ast.Name))


def view_decorators():
    """name -> decorator ready to apply, for every callable django.views.decorators defines."""
    found = {}
    for info in pkgutil.iter_modules(django.views.decorators.__path__):
        module = importlib.import_module(f"django.views.decorators.{info.name}")
        for name in defined_names(module):
            value = getattr(module, name)
            if name.startswith("_") or not callable(value):
                continue
            args, kwargs = FACTORY_ARGUMENTS.get(name, ((), {}))
            found[name] = value(*args, **kwargs) if name in FACTORY_ARGUMENTS else value
    return found
