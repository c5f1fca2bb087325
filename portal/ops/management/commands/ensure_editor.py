"""Creates the first editor account, once, with a random password printed once."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse


class Command(BaseCommand):
    help = (
        "Create an editor account (superuser) with a random password when no editor "
        "exists yet, and print how to sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        User = get_user_model()
        port = os.environ.get("PORT", "8000")
        login = f"http://127.0.0.1:{port}{reverse('admin:index')}"
        if User.objects.filter(is_superuser=True, is_active=True).exists():
            self.stdout.write(
                f"Editors: sign in at {login} with your account. Forgot the password? "
                f"Run: .venv/bin/python manage.py changepassword <username>"
            )
            return
        password = secrets.token_urlsafe(15)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created editor account. Sign in at {login}\n"
                f"  username: {username}\n"
                f"  password: {password}\n"
                "This password is shown only once; change it with "
                f".venv/bin/python manage.py changepassword {username}"
            )
        )
