import asyncio
import os
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponse, JsonResponse, StreamingHttpResponse
from django.views.decorators.csrf import csrf_exempt

BIG_FILE = Path(settings.BASE_DIR) / "media" / "big.bin"
CHUNK = 256 * 1024


async def pid(request):
    return JsonResponse({"pid": os.getpid()})


async def file_response(request):
    return FileResponse(open(BIG_FILE, "rb"))  # a sync file iterator


async def read_chunks(path):
    with open(path, "rb") as file:
        while chunk := await asyncio.to_thread(file.read, CHUNK):  # the disk read off the event loop
            yield chunk


async def async_iterator(request):
    response = StreamingHttpResponse(read_chunks(BIG_FILE), content_type="application/octet-stream")
    response["Content-Length"] = BIG_FILE.stat().st_size
    return response


async def x_accel_redirect(request):
    # Check permissions here; then nginx sends the file from its `internal` location.
    response = HttpResponse(content_type="application/octet-stream")
    response["X-Accel-Redirect"] = "/protected/big.bin"
    return response


@csrf_exempt
async def upload(request):
    """What Django made of an upload: the class of each file (in memory or on disk) and the form fields' size."""
    files = {name: type(file).__name__ for name, file in request.FILES.items()}
    return JsonResponse({"files": files, "fields": len(request.POST.get("note", ""))})
