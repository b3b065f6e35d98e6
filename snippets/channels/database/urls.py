urlpatterns = []  # this project serves WebSockets only
