"""Corrections moved from the shared core to the editorial app (issue 16) in the
same table: a database at the schema before the move migrates forward with its
corrections, their content type and the groups' permissions intact."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from portal.editorial.models import Correction

BEFORE = [("portal", "0013_reference_roles"), ("editorial", None)]
AFTER = [("portal", "0014_remove_correction"), ("editorial", "0001_initial")]


# serialized_rollback: see tests/conftest.py.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_corrections_keep_their_rows_and_permissions_through_the_move(
    django_user_model, migrator
):
    executor = migrator(BEFORE)
    old = executor.loader.project_state(BEFORE[:1]).apps
    old_types = old.get_model("contenttypes", "ContentType")
    person = old.get_model("portal", "Person").objects.create(
        name="Lu Mei",
        name_en="Lu Mei",
        slug="lu-mei",
        status="published",
        published_at=timezone.now(),
    )
    row = old.get_model("portal", "Correction").objects.create(
        content_type=old_types.objects.get(app_label="portal", model="person"),
        object_id=person.pk,
        message="The ambassador took office in 2025.",
        email="reader@example.org",
        status="new",
    )
    correction_type = old_types.objects.get(app_label="portal", model="correction")

    migrator(AFTER)
    # And on to the latest migrations, whose tables the models read (a later
    # migration may add a column to the people this reads).
    migrator(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    moved = Correction.objects.get(pk=row.pk)
    assert moved.message == "The ambassador took office in 2025."
    assert moved.email == "reader@example.org"
    assert moved.content_object.slug == "lu-mei"
    assert ContentType.objects.get_for_model(Correction).pk == correction_type.pk
    assert not ContentType.objects.filter(app_label="portal", model="correction")

    editor = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    contributor = django_user_model.objects.create_user("co", password="x")
    contributor.groups.add(Group.objects.get(name="Contributor"))
    assert editor.has_perm("editorial.change_correction")
    assert contributor.has_perm("editorial.view_correction")
    assert not contributor.has_perm("editorial.change_correction")
