"""Creates the first editor account, once, with a random password printed once.

The account is an editor, not an administrator: staff, in the Editor group
(every right on the records, publishing included), and nothing more, so it
does not see accounts, groups, sign-in lock-outs or two-factor devices. An
administrator is made with `manage.py create_admin`."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

EDITOR_GROUP = "Editor"


def sign_in_address():
    port = os.environ.get("PORT", "8000")
    return f"http://127.0.0.1:{port}{reverse('admin:index')}"


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, in the Editor group, not a superuser) "
        "with a random password when no editor exists yet, and print how to sign "
        "in. Administrators are made with create_admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        User = get_user_model()
        login = sign_in_address()
        group = Group.objects.filter(name=EDITOR_GROUP).first()
        if group is None:
            raise CommandError(
                f"The {EDITOR_GROUP} group is missing: run `manage.py migrate` first."
            )
        editors = User.objects.filter(is_active=True, is_staff=True, groups=group)
        if editors.exists():
            self.stdout.write(
                f"Editors: sign in at {login} with your account. Forgot the password? "
                f"Run: .venv/bin/python manage.py changepassword <username>"
            )
            return
        if User.objects.filter(username=username).exists():
            raise CommandError(
                f"An account named {username!r} exists but is not an active editor; "
                "choose another name with --username, or add it to the Editor group."
            )
        password = secrets.token_urlsafe(15)
        user = User.objects.create_user(
            username=username, email="", password=password, is_staff=True
        )
        user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created editor account (Editor group). Sign in at {login}\n"
                f"  username: {username}\n"
                f"  password: {password}\n"
                "This password is shown only once; change it with "
                f".venv/bin/python manage.py changepassword {username}\n"
                "An administrator (accounts, groups, lock-outs): "
                ".venv/bin/python manage.py create_admin"
            )
        )
