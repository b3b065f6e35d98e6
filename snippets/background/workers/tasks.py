from django.core.mail import send_mail
from django.tasks import task


@task
def add(a, b):
    return a + b


@task
def send_welcome(address):
    send_mail("Welcome", "Thanks for signing up.", None, [address])
