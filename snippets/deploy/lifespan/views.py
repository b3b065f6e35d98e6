from django.http import HttpResponse


async def forecast(request):
    api = request.scope["state"]["api"]  # the client that the lifespan startup opened
    response = await api.get("/forecast")
    response.raise_for_status()
    return HttpResponse(f"forecast from the API: {response.json()['forecast']}\n", content_type="text/plain")
