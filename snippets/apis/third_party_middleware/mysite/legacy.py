from django.utils.deprecation import MiddlewareMixin


class LegacyHeaderMiddleware:  # no flags: sync-only
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Legacy"] = "yes"
        return response


class TimingMiddleware(MiddlewareMixin):
    def __init__(self, get_response):
        self.get_response = get_response  # and no super().__init__(get_response)

    def process_response(self, request, response):
        response["X-Timed"] = "yes"
        return response
