from django.db import migrations

# The starting sectors' names in Azerbaijani and Chinese. Only empty names are
# filled, so an editor's wording is never overwritten.
NAMES = {
    "renewable-energy": ("Bərpa olunan enerji", "可再生能源"),
    "transport-logistics": ("Nəqliyyat və logistika", "交通与物流"),
    "manufacturing-industry": ("İstehsal və sənaye", "制造业与工业"),
    "trade": ("Ticarət", "贸易"),
    "humanitarian-demining": ("Humanitar yardım və minatəmizləmə", "人道主义与排雷"),
    "education": ("Təhsil", "教育"),
    "culture-tourism": ("Mədəniyyət və turizm", "文化与旅游"),
    "digital": ("Rəqəmsal", "数字"),
    "health": ("Səhiyyə", "卫生健康"),
}


def name_sectors(apps, schema_editor):
    Sector = apps.get_model("projects", "Sector")
    for sector in Sector.objects.filter(slug__in=NAMES):
        azerbaijani, chinese = NAMES[sector.slug]
        sector.name_en = sector.name_en or sector.name
        sector.name_az = sector.name_az or azerbaijani
        sector.name_zh_hans = sector.name_zh_hans or chinese
        sector.save(update_fields=["name_en", "name_az", "name_zh_hans"])


class Migration(migrations.Migration):
    dependencies = [("projects", "0003_translations")]

    operations = [migrations.RunPython(name_sectors, migrations.RunPython.noop)]
