import pytest
from django.urls import reverse

PASSWORD = "correct horse battery staple"


@pytest.fixture
def dora(django_user_model):
    """Dora, an editor with a real password, who signs in through the form."""
    return django_user_model.objects.create_user(
        username="dora", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, username="dora", password=PASSWORD, token=None, **extra):
    """Posts the admin's sign-in form as a browser would; extra: request META."""
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    if token is not None:
        data["otp_token"] = token
    return client.post(reverse("admin:login"), data, **extra)


def signed_in(client):
    """Whether the admin's home page lets this client in."""
    return client.get(reverse("admin:index")).status_code == 200
