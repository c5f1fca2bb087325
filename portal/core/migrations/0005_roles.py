"""The two editorial roles as groups with exact permissions.

Editor: everything on the record, publishing and deleting included.
Contributor: adds records and edits their own drafts, sends them for review; may
not publish, delete, or change a published record (the admin enforces the record-
level part: "own drafts only"). Reference lists (places, sources, sectors) they may
add to and read, not change.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ("portal", "events", "projects")
PUBLISHABLE = ("person", "organization", "indicator", "event", "agreement", "project")
# Rows edited inside a record's page (inlines): the admin lets a contributor edit
# them exactly where the record itself is theirs to edit, so the group only
# needs to see them on their own.
INLINE = ("participation", "partner", "milestone", "citation", "observation")
REFERENCE = ("place", "source", "sector")


def contributor_codenames():
    codenames = []
    for model in PUBLISHABLE:
        codenames += [f"add_{model}", f"change_{model}", f"view_{model}"]
    for model in INLINE:
        codenames.append(f"view_{model}")
    for model in REFERENCE:
        codenames += [f"add_{model}", f"view_{model}"]
    return codenames


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label__in=APPS)
    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(ours)
    contributor, _ = Group.objects.get_or_create(name="Contributor")
    contributor.permissions.set(ours.filter(codename__in=contributor_codenames()))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Editor", "Contributor"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0004_workflow"),
        ("events", "0004_workflow"),
        ("projects", "0005_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
