"""Every sync API of Django that has an async twin, found by asking Django itself.

`make matrix` runs this file on every Django release from 2.2 on (tests/harness/twins.py), so it is plain
Python 3.9 and leaves out what an older Django does not have.
"""

import importlib
import inspect


def is_async(function):
    return inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function)


def twins(thing):
    """Every public async `aname` of `thing` that has a sync `name`, as (name, aname)."""
    return [
        (name[1:], name)
        for name in sorted(dir(thing))
        if name.startswith("a") and hasattr(thing, name[1:]) and is_async(getattr(thing, name))
    ]


def class_twins(module):
    """Every `AsyncX` class of `module` that has a sync `X`."""
    return [(name[5:], name) for name in sorted(dir(module)) if name.startswith("Async") and hasattr(module, name[5:])]


# (area, module, the class in it or None for the module itself, what to look for)
AREAS = [
    ("QuerySet", "django.db.models", "QuerySet", twins),
    ("Model", "django.db.models", "Model", twins),
    ("django.contrib.auth", "django.contrib.auth", None, twins),
    ("AbstractBaseUser", "django.contrib.auth.base_user", "AbstractBaseUser", twins),
    ("ModelBackend", "django.contrib.auth.backends", "ModelBackend", twins),
    ("SessionBase", "django.contrib.sessions.backends.base", "SessionBase", twins),
    ("BaseCache (caches['default'])", "django.core.cache.backends.base", "BaseCache", twins),
    ("Signal", "django.dispatch", "Signal", twins),
    ("django.shortcuts", "django.shortcuts", None, twins),
    ("django.test", "django.test.client", None, class_twins),
    ("django.core.paginator", "django.core.paginator", None, class_twins),
    ("django.tasks.Task", "django.tasks", "Task", twins),
]


def discover():
    """{area: [(sync, async), ...]} for each area this Django has."""
    found = {}
    for area, module_name, class_name, find in AREAS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # django.tasks is new in Django 6.0
            continue
        thing = module if class_name is None else getattr(module, class_name, None)
        if thing is not None:
            found[area] = find(thing)
    return found
