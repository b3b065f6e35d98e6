async def session_user(request):
    """django-ninja auth callable: return what becomes request.auth, or None for a 401."""
    user = await request.auser()  # not request.user: that is a lazy, sync query
    return user if user.is_authenticated else None
