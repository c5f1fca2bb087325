from django.db import migrations

# The design's starting vocabulary; editors may add, rename or reorder sectors.
SECTORS = [
    ("renewable-energy", "Renewable energy"),
    ("transport-logistics", "Transport & logistics"),
    ("manufacturing-industry", "Manufacturing & industry"),
    ("trade", "Trade"),
    ("humanitarian-demining", "Humanitarian & demining"),
    ("education", "Education"),
    ("culture-tourism", "Culture & tourism"),
    ("digital", "Digital"),
    ("health", "Health"),
]


def add_sectors(apps, schema_editor):
    Sector = apps.get_model("projects", "Sector")
    for position, (slug, name) in enumerate(SECTORS):
        Sector.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )


def remove_sectors(apps, schema_editor):
    Sector = apps.get_model("projects", "Sector")
    Sector.objects.filter(
        slug__in=[slug for slug, _ in SECTORS], projects__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(add_sectors, remove_sectors)]
