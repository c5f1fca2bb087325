"""Creates an administrator account (a superuser) with a random password printed
once. Editors do not need one: `ensure_editor` makes the editor account."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.ops.management.commands.ensure_editor import sign_in_address


class Command(BaseCommand):
    help = (
        "Create an administrator account (superuser: accounts, groups, sign-in "
        "lock-outs, two-factor devices) with a random password printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(
                f"An account named {username!r} exists already; choose another "
                "name with --username, or change its password with "
                f".venv/bin/python manage.py changepassword {username}"
            )
        password = secrets.token_urlsafe(15)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created administrator account. Sign in at {sign_in_address()}\n"
                f"  username: {username}\n"
                f"  password: {password}\n"
                "This password is shown only once; change it with "
                f".venv/bin/python manage.py changepassword {username}"
            )
        )
