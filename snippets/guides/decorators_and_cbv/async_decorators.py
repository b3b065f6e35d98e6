"""The view decorators that the Django 5.0 release notes list as wrapping async views, ready to apply."""

from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.clickjacking import (
    xframe_options_deny,
    xframe_options_exempt,
    xframe_options_sameorigin,
)
from django.views.decorators.common import no_append_slash
from django.views.decorators.csrf import csrf_exempt, csrf_protect, ensure_csrf_cookie, requires_csrf_token
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import (
    condition,
    conditional_page,
    etag,
    last_modified,
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)
from django.views.decorators.vary import vary_on_cookie, vary_on_headers

DECORATORS = {  # name -> decorator (with arguments where it takes some)
    "cache_control": cache_control(max_age=60),
    "never_cache": never_cache,
    "no_append_slash": no_append_slash,
    "csrf_exempt": csrf_exempt,
    "csrf_protect": csrf_protect,
    "ensure_csrf_cookie": ensure_csrf_cookie,
    "requires_csrf_token": requires_csrf_token,
    "sensitive_variables": sensitive_variables("password"),
    "sensitive_post_parameters": sensitive_post_parameters("password"),
    "gzip_page": gzip_page,
    "condition": condition(etag_func=lambda request: "v1"),
    "conditional_page": conditional_page,
    "etag": etag(lambda request: "v1"),
    "last_modified": last_modified(lambda request: None),
    "require_http_methods": require_http_methods(["GET"]),
    "require_GET": require_GET,
    "require_POST": require_POST,
    "require_safe": require_safe,
    "vary_on_cookie": vary_on_cookie,
    "vary_on_headers": vary_on_headers("Accept-Language"),
    "xframe_options_deny": xframe_options_deny,
    "xframe_options_sameorigin": xframe_options_sameorigin,
    "xframe_options_exempt": xframe_options_exempt,
}
