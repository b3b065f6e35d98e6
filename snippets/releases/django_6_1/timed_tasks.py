"""A task backend whose tasks carry one more option, `timeout`, for the Django 6.1 page."""

from dataclasses import dataclass

from django.tasks import Task
from django.tasks.backends.immediate import ImmediateBackend


@dataclass(frozen=True, slots=True, kw_only=True)
class TimedTask(Task):
    timeout: int = 60  # seconds a worker may spend on one run


class TimedImmediateBackend(ImmediateBackend):
    task_class = TimedTask  # what @task builds for this backend
