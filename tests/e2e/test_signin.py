"""Sign-in protection in a real browser: the lock-out page and setting up
two-factor sign-in are accessible and break no Content-Security-Policy rule."""

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-test-password"


def submit_sign_in(page, username, password):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_the_lock_out_page_is_accessible(
    page, settings, django_user_model, browser_errors, axe
):
    django_user_model.objects.create_user("dora", password=PASSWORD, is_staff=True)
    page.goto(reverse("admin:login"))
    for _ in range(settings.AXES_FAILURE_LIMIT):
        submit_sign_in(page, "dora", "wrong")

    assert page.get_by_role("heading", level=1).inner_text() == (
        "Too many failed sign-ins"
    )
    axe.assert_no_violations(page)
    # The 429 itself is the one console error a browser reports here.
    assert [e for e in browser_errors if "status of 429" not in e] == []


def test_setting_up_two_factor_sign_in_is_accessible(
    page, settings, django_user_model, browser_errors, axe
):
    settings.REQUIRE_2FA = True
    dora = django_user_model.objects.create_superuser("dora", "", PASSWORD)
    page.goto(reverse("admin:login"))
    submit_sign_in(page, "dora", PASSWORD)

    page.wait_for_url(f"**{reverse('admin:two-factor')}*")
    qr_code = page.get_by_role("img", name="QR code for setting up two-factor sign-in")
    assert qr_code.evaluate("img => img.complete && img.naturalWidth > 0")
    axe.assert_no_violations(page)

    device = TOTPDevice.objects.get(user=dora)
    code = totp(device.bin_key, device.step, device.t0, device.digits)
    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    page.wait_for_url(f"**{reverse('admin:index')}")
    assert page.locator("#two-factor").inner_text().endswith("On for your account")
    assert browser_errors == []
