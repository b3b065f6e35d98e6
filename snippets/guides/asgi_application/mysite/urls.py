from django.http import HttpResponse
from django.urls import path, reverse


async def where(request):
    return HttpResponse(
        f"path: {request.path}\npath_info: {request.path_info}\nreverse('where'): {reverse('where')}\n"
    )


urlpatterns = [path("where/", where, name="where")]
