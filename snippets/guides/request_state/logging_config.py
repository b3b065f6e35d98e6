import sys

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "snippets.guides.request_state.request_id.RequestIdFilter"}},
    "formatters": {"with_id": {"format": "[%(request_id)s] %(threadName)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": sys.stdout, "filters": ["request_id"], "formatter": "with_id"}
    },
    "loggers": {"shop": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
