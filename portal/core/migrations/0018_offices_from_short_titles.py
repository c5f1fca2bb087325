# A person's offices (issue 17, item 4): each person's short title (honorific)
# becomes an office of that title, in every language, undated and not marked
# past, as the title was shown before (a "current or best-known position").
# The short title stays as it was: lists show it beside the name, and search
# reads it (the stored search columns of 0011). Editors then date the offices
# and mark past ones ("then …"); `load_seed` does so for the seed's people.
#
# Backwards: the offices go with their table (0017); the titles were never
# touched. Run again, a person who has an office of that title gets no second.
#
# Also the groups' rights on offices, as 0005 gave them on the rows edited
# inside a record's page: editors everything, contributors view (they edit a
# person's offices inside their own drafts).
from django.contrib.auth.management import create_permissions
from django.db import migrations

LANGUAGES = ("en", "az", "zh_hans")


def copy_short_titles(apps, schema_editor):
    Person = apps.get_model("portal", "Person")
    Office = apps.get_model("portal", "Office")
    people = Person.objects.exclude(honorific_en="").exclude(honorific_en=None)
    for person in people.iterator():
        if Office.objects.filter(person=person, title_en=person.honorific_en).exists():
            continue
        titles = {f"title_{code}": getattr(person, f"honorific_{code}") for code in LANGUAGES}
        Office.objects.create(person=person, title=person.honorific_en, **titles)


def permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("portal")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    return Permission.objects.filter(
        content_type__app_label="portal", codename__in=codenames
    )


EVERY = [f"{action}_office" for action in ("add", "change", "delete", "view")]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for editor in Group.objects.filter(name="Editor"):
        editor.permissions.add(*permissions(apps, EVERY))
    for contributor in Group.objects.filter(name="Contributor"):
        contributor.permissions.add(*permissions(apps, ["view_office"]))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(
        name__in=["Editor", "Contributor"]
    ):
        group.permissions.remove(*permissions(apps, EVERY))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0017_offices_editor_notes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_short_titles, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
