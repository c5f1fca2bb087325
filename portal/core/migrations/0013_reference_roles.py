# Who may do what with the reference records (issue 15, item 4).
#
# Sources follow the workflow (0012): a contributor adds a source as a draft and
# may change it while it is their own draft (the admin enforces "own drafts
# only", as for every other record), so the group gets `change_source`.
#
# Places and sectors have no workflow: a new place is public at once, a place
# given a parent changes the parent's page, and a new sector is offered at once
# among the project list's filters. They are shared lists that every record
# points at, so only editors add or change them; contributors keep choosing
# from the existing ones (`view_place`, `view_sector`).
#
# Also: the index the page cache's content token reads for scheduled sources.
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GRANTED = (("portal", "change_source"),)
WITHDRAWN = (("portal", "add_place"), ("projects", "add_sector"))


def permissions(apps, wanted):
    # Permissions are normally created after migrate; the group needs them now.
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in wanted:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
        found += Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
    return found


def update_contributors(apps, schema_editor):
    for contributor in apps.get_model("auth", "Group").objects.filter(
        name="Contributor"
    ):
        contributor.permissions.add(*permissions(apps, GRANTED))
        contributor.permissions.remove(*permissions(apps, WITHDRAWN))


def restore_contributors(apps, schema_editor):
    for contributor in apps.get_model("auth", "Group").objects.filter(
        name="Contributor"
    ):
        contributor.permissions.remove(*permissions(apps, GRANTED))
        contributor.permissions.add(*permissions(apps, WITHDRAWN))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0012_source_workflow"),
        ("projects", "0005_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="source",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["-published_at", "-id"],
                name="source_newest",
            ),
        ),
        migrations.RunPython(update_contributors, restore_contributors),
    ]
