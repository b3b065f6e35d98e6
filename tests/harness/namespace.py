"""A page's namespace as an importable module (kept free of pytest and Sybil: the matrix runner uses it on
old Pythons and old Djangos too)."""

from __future__ import annotations

import sys
import types


class PageModule(types.ModuleType):
    """`sys.modules[__name__]` for a page: reads through to the live namespace, so that Django can import
    `ROOT_URLCONF = __name__` and views get a real `__module__`."""

    def __init__(self, name: str, namespace: dict) -> None:
        super().__init__(name)
        self.__dict__["_namespace"] = namespace

    def __getattr__(self, attribute: str):
        try:
            return self.__dict__["_namespace"][attribute]
        except KeyError:
            raise AttributeError(attribute) from None


def register(name: str, namespace: dict) -> None:
    namespace["__name__"] = name
    sys.modules[name] = PageModule(name, namespace)
