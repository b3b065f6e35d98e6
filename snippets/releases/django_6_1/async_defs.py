"""Compare the `async def`s of the installed Django with those of Django 6.0.10 (for the Django 6.1 page).

DJANGO_6_0_10 below is the output of list_async_defs() on the `django` package of Django 6.0.10.
"""

# --8<-- [start:lister]
import ast
from pathlib import Path


def list_async_defs(package_dir):
    """Every `async def` in a package, as 'module:Class.name' (functions at module level or in classes)."""
    package_dir = Path(package_dir)
    found = set()
    for path in sorted(package_dir.rglob("*.py")):
        module = ".".join(path.relative_to(package_dir.parent).with_suffix("").parts)

        def visit(node, prefix):
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    visit(child, f"{prefix}{child.name}.")
                elif isinstance(child, ast.AsyncFunctionDef):
                    found.add(f"{module}:{prefix}{child.name}")

        visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found
# --8<-- [end:lister]


DJANGO_6_0_10 = frozenset(
    """
    django.contrib.auth.__init__:_aget_user_session_key
    django.contrib.auth.__init__:aauthenticate
    django.contrib.auth.__init__:aget_user
    django.contrib.auth.__init__:alogin
    django.contrib.auth.__init__:alogout
    django.contrib.auth.__init__:aupdate_session_auth_hash
    django.contrib.auth.backends:BaseBackend.aauthenticate
    django.contrib.auth.backends:BaseBackend.aget_all_permissions
    django.contrib.auth.backends:BaseBackend.aget_group_permissions
    django.contrib.auth.backends:BaseBackend.aget_user
    django.contrib.auth.backends:BaseBackend.aget_user_permissions
    django.contrib.auth.backends:BaseBackend.ahas_perm
    django.contrib.auth.backends:ModelBackend._aget_permissions
    django.contrib.auth.backends:ModelBackend.aauthenticate
    django.contrib.auth.backends:ModelBackend.aget_group_permissions
    django.contrib.auth.backends:ModelBackend.aget_user
    django.contrib.auth.backends:ModelBackend.aget_user_permissions
    django.contrib.auth.backends:ModelBackend.ahas_module_perms
    django.contrib.auth.backends:ModelBackend.ahas_perm
    django.contrib.auth.backends:RemoteUserBackend.aauthenticate
    django.contrib.auth.backends:RemoteUserBackend.aconfigure_user
    django.contrib.auth.base_user:AbstractBaseUser.acheck_password
    django.contrib.auth.base_user:BaseUserManager.aget_by_natural_key
    django.contrib.auth.hashers:acheck_password
    django.contrib.auth.middleware:RemoteUserMiddleware.__acall__
    django.contrib.auth.middleware:RemoteUserMiddleware._aremove_invalid_user
    django.contrib.auth.middleware:RemoteUserMiddleware.aprocess_request
    django.contrib.auth.middleware:auser
    django.contrib.auth.models:AnonymousUser.aget_all_permissions
    django.contrib.auth.models:AnonymousUser.aget_group_permissions
    django.contrib.auth.models:AnonymousUser.aget_user_permissions
    django.contrib.auth.models:AnonymousUser.ahas_module_perms
    django.contrib.auth.models:AnonymousUser.ahas_perm
    django.contrib.auth.models:AnonymousUser.ahas_perms
    django.contrib.auth.models:GroupManager.aget_by_natural_key
    django.contrib.auth.models:PermissionsMixin.aget_all_permissions
    django.contrib.auth.models:PermissionsMixin.aget_group_permissions
    django.contrib.auth.models:PermissionsMixin.aget_user_permissions
    django.contrib.auth.models:PermissionsMixin.ahas_module_perms
    django.contrib.auth.models:PermissionsMixin.ahas_perm
    django.contrib.auth.models:PermissionsMixin.ahas_perms
    django.contrib.auth.models:UserManager._acreate_user
    django.contrib.auth.models:UserManager.acreate_superuser
    django.contrib.auth.models:UserManager.acreate_user
    django.contrib.auth.models:_auser_get_permissions
    django.contrib.auth.models:_auser_has_module_perms
    django.contrib.auth.models:_auser_has_perm
    django.contrib.sessions.backends.base:SessionBase._aget_new_session_key
    django.contrib.sessions.backends.base:SessionBase._aget_or_create_session_key
    django.contrib.sessions.backends.base:SessionBase._aget_session
    django.contrib.sessions.backends.base:SessionBase.aclear_expired
    django.contrib.sessions.backends.base:SessionBase.acreate
    django.contrib.sessions.backends.base:SessionBase.acycle_key
    django.contrib.sessions.backends.base:SessionBase.adelete
    django.contrib.sessions.backends.base:SessionBase.adelete_test_cookie
    django.contrib.sessions.backends.base:SessionBase.aexists
    django.contrib.sessions.backends.base:SessionBase.aflush
    django.contrib.sessions.backends.base:SessionBase.aget
    django.contrib.sessions.backends.base:SessionBase.aget_expire_at_browser_close
    django.contrib.sessions.backends.base:SessionBase.aget_expiry_age
    django.contrib.sessions.backends.base:SessionBase.aget_expiry_date
    django.contrib.sessions.backends.base:SessionBase.ahas_key
    django.contrib.sessions.backends.base:SessionBase.aitems
    django.contrib.sessions.backends.base:SessionBase.akeys
    django.contrib.sessions.backends.base:SessionBase.aload
    django.contrib.sessions.backends.base:SessionBase.apop
    django.contrib.sessions.backends.base:SessionBase.asave
    django.contrib.sessions.backends.base:SessionBase.aset
    django.contrib.sessions.backends.base:SessionBase.aset_expiry
    django.contrib.sessions.backends.base:SessionBase.aset_test_cookie
    django.contrib.sessions.backends.base:SessionBase.asetdefault
    django.contrib.sessions.backends.base:SessionBase.atest_cookie_worked
    django.contrib.sessions.backends.base:SessionBase.aupdate
    django.contrib.sessions.backends.base:SessionBase.avalues
    django.contrib.sessions.backends.cache:SessionStore.acache_key
    django.contrib.sessions.backends.cache:SessionStore.aclear_expired
    django.contrib.sessions.backends.cache:SessionStore.acreate
    django.contrib.sessions.backends.cache:SessionStore.adelete
    django.contrib.sessions.backends.cache:SessionStore.aexists
    django.contrib.sessions.backends.cache:SessionStore.aload
    django.contrib.sessions.backends.cache:SessionStore.asave
    django.contrib.sessions.backends.cached_db:SessionStore.acache_key
    django.contrib.sessions.backends.cached_db:SessionStore.adelete
    django.contrib.sessions.backends.cached_db:SessionStore.aexists
    django.contrib.sessions.backends.cached_db:SessionStore.aflush
    django.contrib.sessions.backends.cached_db:SessionStore.aload
    django.contrib.sessions.backends.cached_db:SessionStore.asave
    django.contrib.sessions.backends.db:SessionStore._aget_session_from_db
    django.contrib.sessions.backends.db:SessionStore.aclear_expired
    django.contrib.sessions.backends.db:SessionStore.acreate
    django.contrib.sessions.backends.db:SessionStore.acreate_model_instance
    django.contrib.sessions.backends.db:SessionStore.adelete
    django.contrib.sessions.backends.db:SessionStore.aexists
    django.contrib.sessions.backends.db:SessionStore.aload
    django.contrib.sessions.backends.db:SessionStore.asave
    django.contrib.sessions.backends.file:SessionStore.aclear_expired
    django.contrib.sessions.backends.file:SessionStore.acreate
    django.contrib.sessions.backends.file:SessionStore.adelete
    django.contrib.sessions.backends.file:SessionStore.aexists
    django.contrib.sessions.backends.file:SessionStore.aload
    django.contrib.sessions.backends.file:SessionStore.asave
    django.contrib.sessions.backends.signed_cookies:SessionStore.aclear_expired
    django.contrib.sessions.backends.signed_cookies:SessionStore.acreate
    django.contrib.sessions.backends.signed_cookies:SessionStore.acycle_key
    django.contrib.sessions.backends.signed_cookies:SessionStore.adelete
    django.contrib.sessions.backends.signed_cookies:SessionStore.aexists
    django.contrib.sessions.backends.signed_cookies:SessionStore.aload
    django.contrib.sessions.backends.signed_cookies:SessionStore.asave
    django.contrib.staticfiles.handlers:ASGIStaticFilesHandler.__call__
    django.contrib.staticfiles.handlers:ASGIStaticFilesHandler.get_response_async
    django.contrib.staticfiles.handlers:StaticFilesHandlerMixin.get_response_async
    django.core.cache.backends.base:BaseCache.aadd
    django.core.cache.backends.base:BaseCache.aclear
    django.core.cache.backends.base:BaseCache.aclose
    django.core.cache.backends.base:BaseCache.adecr
    django.core.cache.backends.base:BaseCache.adecr_version
    django.core.cache.backends.base:BaseCache.adelete
    django.core.cache.backends.base:BaseCache.adelete_many
    django.core.cache.backends.base:BaseCache.aget
    django.core.cache.backends.base:BaseCache.aget_many
    django.core.cache.backends.base:BaseCache.aget_or_set
    django.core.cache.backends.base:BaseCache.ahas_key
    django.core.cache.backends.base:BaseCache.aincr
    django.core.cache.backends.base:BaseCache.aincr_version
    django.core.cache.backends.base:BaseCache.aset
    django.core.cache.backends.base:BaseCache.aset_many
    django.core.cache.backends.base:BaseCache.atouch
    django.core.handlers.asgi:ASGIHandler.__call__
    django.core.handlers.asgi:ASGIHandler.handle
    django.core.handlers.asgi:ASGIHandler.listen_for_disconnect
    django.core.handlers.asgi:ASGIHandler.read_body
    django.core.handlers.asgi:ASGIHandler.run_get_response
    django.core.handlers.asgi:ASGIHandler.send_response
    django.core.handlers.base:BaseHandler._get_response_async
    django.core.handlers.base:BaseHandler.get_response_async
    django.core.paginator:AsyncPage.__aiter__
    django.core.paginator:AsyncPage.aend_index
    django.core.paginator:AsyncPage.aget_object_list
    django.core.paginator:AsyncPage.ahas_next
    django.core.paginator:AsyncPage.ahas_other_pages
    django.core.paginator:AsyncPage.ahas_previous
    django.core.paginator:AsyncPage.anext_page_number
    django.core.paginator:AsyncPage.aprevious_page_number
    django.core.paginator:AsyncPage.astart_index
    django.core.paginator:AsyncPaginator.__aiter__
    django.core.paginator:AsyncPaginator.acount
    django.core.paginator:AsyncPaginator.aget_elided_page_range
    django.core.paginator:AsyncPaginator.aget_page
    django.core.paginator:AsyncPaginator.anum_pages
    django.core.paginator:AsyncPaginator.apage
    django.core.paginator:AsyncPaginator.apage_range
    django.core.paginator:AsyncPaginator.avalidate_number
    django.db.models.base:Model.adelete
    django.db.models.base:Model.arefresh_from_db
    django.db.models.base:Model.asave
    django.db.models.query:BaseIterable._async_generator
    django.db.models.query:QuerySet.aaggregate
    django.db.models.query:QuerySet.abulk_create
    django.db.models.query:QuerySet.abulk_update
    django.db.models.query:QuerySet.acontains
    django.db.models.query:QuerySet.acount
    django.db.models.query:QuerySet.acreate
    django.db.models.query:QuerySet.adelete
    django.db.models.query:QuerySet.aearliest
    django.db.models.query:QuerySet.aexists
    django.db.models.query:QuerySet.aexplain
    django.db.models.query:QuerySet.afirst
    django.db.models.query:QuerySet.aget
    django.db.models.query:QuerySet.aget_or_create
    django.db.models.query:QuerySet.ain_bulk
    django.db.models.query:QuerySet.aiterator
    django.db.models.query:QuerySet.alast
    django.db.models.query:QuerySet.alatest
    django.db.models.query:QuerySet.aupdate
    django.db.models.query:QuerySet.aupdate_or_create
    django.db.models.query:aprefetch_related_objects
    django.dispatch.dispatcher:Signal.asend
    django.dispatch.dispatcher:Signal.asend_robust
    django.http.response:StreamingHttpResponse.__aiter__
    django.shortcuts:aget_list_or_404
    django.shortcuts:aget_object_or_404
    django.tasks.backends.base:BaseTaskBackend.aenqueue
    django.tasks.backends.base:BaseTaskBackend.aget_result
    django.tasks.backends.dummy:DummyBackend.aget_result
    django.tasks.base:Task.acall
    django.tasks.base:Task.aenqueue
    django.tasks.base:Task.aget_result
    django.tasks.base:TaskResult.arefresh
    django.test.client:AsyncClient._ahandle_redirects
    django.test.client:AsyncClient.delete
    django.test.client:AsyncClient.get
    django.test.client:AsyncClient.head
    django.test.client:AsyncClient.options
    django.test.client:AsyncClient.patch
    django.test.client:AsyncClient.post
    django.test.client:AsyncClient.put
    django.test.client:AsyncClient.request
    django.test.client:AsyncClient.trace
    django.test.client:AsyncClientHandler.__call__
    django.test.client:ClientMixin._alogin
    django.test.client:ClientMixin.aforce_login
    django.test.client:ClientMixin.alogin
    django.test.client:ClientMixin.alogout
    django.test.client:ClientMixin.asession
    django.test.client:aclosing_iterator_wrapper
    django.utils.deprecation:MiddlewareMixin.__acall__
    django.utils.text:acompress_sequence
    """.split()
)
