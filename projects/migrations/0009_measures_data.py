"""The kinds of measure and the units editors start with, the capacity and
investment every project held carried into measures, and the partner roles
that were renamed (financier: lender; implementing partner: other, since it
said nothing of what the organisation did)."""

from decimal import Decimal

from django.contrib.auth.management import create_permissions
from django.db import migrations

# slug: (English, Azerbaijani, Chinese)
KINDS = {
    "capacity": ("Capacity", "Güc", "容量"),
    "annual-output": ("Annual output", "İllik istehsal", "年产量"),
    "investment": ("Investment", "İnvestisiya", "投资额"),
    "cost": ("Cost", "Dəyər", "成本"),
    "loan": ("Loan", "Kredit", "贷款"),
    "grant": ("Grant", "Qrant", "赠款"),
    "jobs": ("Jobs", "İş yerləri", "就业岗位"),
    "vehicles": ("Vehicles", "Nəqliyyat vasitələri", "车辆"),
    "beneficiaries": ("Beneficiaries", "Faydalananlar", "受益者"),
    "frequency": ("Frequency", "Tezlik", "频次"),
    "turbines": ("Turbines", "Turbinlər", "涡轮机组"),
    "area": ("Area", "Sahə", "面积"),
    "length": ("Length", "Uzunluq", "长度"),
    "volume": ("Volume", "Həcm", "体量"),
    "units": ("Units", "Ədəd", "数量"),
    "other": ("Other", "Digər", "其他"),
}

# slug: ((name en, az, zh), (symbol en, az, zh), money)
UNITS = {
    "mw": (("megawatts", "meqavat", "兆瓦"), ("MW", "MVt", "兆瓦"), False),
    "gw": (("gigawatts", "giqavat", "吉瓦"), ("GW", "QVt", "吉瓦"), False),
    "kwh": (
        ("kilowatt-hours", "kilovat-saat", "千瓦时"),
        ("kWh", "kVt·saat", "千瓦时"),
        False,
    ),
    "million-kwh": (
        ("million kilowatt-hours", "milyon kilovat-saat", "百万千瓦时"),
        ("million kWh", "milyon kVt·saat", "百万千瓦时"),
        False,
    ),
    "gwh": (
        ("gigawatt-hours", "giqavat-saat", "吉瓦时"),
        ("GWh", "QVt·saat", "吉瓦时"),
        False,
    ),
    "tonnes": (("tonnes", "ton", "吨"), ("tonnes", "ton", "吨"), False),
    "km": (("kilometres", "kilometr", "公里"), ("km", "km", "公里"), False),
    "hectares": (("hectares", "hektar", "公顷"), ("ha", "ha", "公顷"), False),
    "people": (("people", "nəfər", "人"), ("people", "nəfər", "人"), False),
    "jobs": (("jobs", "iş yeri", "个就业岗位"), ("jobs", "iş yeri", "个就业岗位"), False),
    "buses": (("buses", "avtobus", "辆公交车"), ("buses", "avtobus", "辆公交车"), False),
    "trains": (("trains", "qatar", "列列车"), ("trains", "qatar", "列列车"), False),
    "flights-per-week": (
        ("flights per week", "həftəlik reys", "每周航班"),
        ("flights a week", "reys/həftə", "班/周"),
        False,
    ),
    "passengers": (
        ("passengers", "sərnişin", "名乘客"),
        ("passengers", "sərnişin", "名乘客"),
        False,
    ),
    "schools": (("schools", "məktəb", "所学校"), ("schools", "məktəb", "所学校"), False),
    "doses": (("doses", "doza", "剂"), ("doses", "doza", "剂"), False),
    "units": (("units", "ədəd", "个"), ("units", "ədəd", "个"), False),
    "teu": (
        ("twenty-foot equivalent units", "iyirmi futluq ekvivalent", "标准箱"),
        ("TEU", "TEU", "标准箱"),
        False,
    ),
    "facilities": (
        ("facilities", "obyekt", "处设施"),
        ("facilities", "obyekt", "处设施"),
        False,
    ),
    "money": (("money", "pul", "金额"), ("", "", ""), True),
}

# The capacity units projects had, and the units they became.
OLD_UNITS = {
    "MW": "mw",
    "GW": "gw",
    "buses": "buses",
    "schools": "schools",
    "trains": "trains",
    "facilities": "facilities",
}
NEW_ROLES = {"financier": "lender", "implementer": "other"}
OLD_ROLES = {"lender": "financier"}
OLD_CURRENCIES = {"USD", "AZN", "CNY"}


def add_vocabularies(apps, schema_editor):
    MeasureKind = apps.get_model("projects", "MeasureKind")
    Unit = apps.get_model("projects", "Unit")
    for position, (slug, (en, az, zh)) in enumerate(KINDS.items()):
        MeasureKind.objects.update_or_create(
            slug=slug,
            defaults={
                "name": en,
                "name_en": en,
                "name_az": az,
                "name_zh_hans": zh,
                "position": position,
            },
        )
    for position, (slug, (names, symbols, money)) in enumerate(UNITS.items()):
        Unit.objects.update_or_create(
            slug=slug,
            defaults={
                "name": names[0],
                "name_en": names[0],
                "name_az": names[1],
                "name_zh_hans": names[2],
                "symbol": symbols[0],
                "symbol_en": symbols[0],
                "symbol_az": symbols[1] or None,
                "symbol_zh_hans": symbols[2] or None,
                "is_money": money,
                "position": position,
            },
        )


def carry_measures(apps, schema_editor):
    """Each project's capacity and investment, as a preferred measure of kind
    capacity or investment. The project's citations stay where they were:
    they are the record's, and said these figures before."""
    Project = apps.get_model("projects", "Project")
    Measure = apps.get_model("projects", "Measure")
    MeasureKind = apps.get_model("projects", "MeasureKind")
    Unit = apps.get_model("projects", "Unit")
    kinds = {kind.slug: kind for kind in MeasureKind.objects.all()}
    units = {unit.slug: unit for unit in Unit.objects.all()}
    projects = Project.objects.filter(capacity_value__isnull=False) | (
        Project.objects.filter(investment_amount__isnull=False)
    )
    for project in projects.order_by("pk"):
        if project.capacity_value is not None:
            Measure.objects.get_or_create(
                project=project,
                kind=kinds["capacity"],
                position=0,
                defaults={
                    "value": project.capacity_value,
                    "unit": units[OLD_UNITS[project.capacity_unit]],
                    "qualifier": "exact",
                    "rank": "preferred",
                },
            )
        if project.investment_amount is not None:
            Measure.objects.get_or_create(
                project=project,
                kind=kinds["investment"],
                position=0,
                defaults={
                    "value": project.investment_amount,
                    "unit": units["money"],
                    "currency": project.investment_currency,
                    "qualifier": "exact",
                    "rank": "preferred",
                },
            )


def carry_measures_back(apps, schema_editor):
    """The other way: the preferred (else first) capacity and investment of
    each project back into its four fields, where the old fields can hold
    them (an old unit, USD/AZN/CNY, two decimals)."""
    Project = apps.get_model("projects", "Project")
    Measure = apps.get_model("projects", "Measure")
    back_units = {new: old for old, new in OLD_UNITS.items()}
    measures = Measure.objects.filter(
        kind__slug__in=("capacity", "investment")
    ).select_related("kind", "unit")
    chosen = {}
    for measure in measures.order_by("position", "pk"):
        key = (measure.project_id, measure.kind.slug)
        if key not in chosen or (
            measure.rank == "preferred" and chosen[key].rank != "preferred"
        ):
            chosen[key] = measure
    for (project_id, kind), measure in chosen.items():
        if measure.value != measure.value.quantize(Decimal("0.01")):
            continue
        if kind == "capacity" and measure.unit.slug in back_units:
            Project.objects.filter(pk=project_id).update(
                capacity_value=measure.value,
                capacity_unit=back_units[measure.unit.slug],
            )
        elif kind == "investment" and measure.currency in OLD_CURRENCIES:
            Project.objects.filter(pk=project_id).update(
                investment_amount=measure.value,
                investment_currency=measure.currency,
            )


def rename_roles(apps, schema_editor):
    Partner = apps.get_model("projects", "Partner")
    for old, new in NEW_ROLES.items():
        Partner.objects.filter(role=old).update(role=new)


def rename_roles_back(apps, schema_editor):
    # "other" stays: it may be a role an editor chose, not a former
    # implementing partner.
    Partner = apps.get_model("projects", "Partner")
    for new, old in OLD_ROLES.items():
        Partner.objects.filter(role=new).update(role=old)


# Editors may do everything with the new models. Contributors see measures
# (rows edited inside a project's page, as partners are: the admin lets them
# edit those of their own drafts) and choose from the two lists, which only
# editors extend, as with places and sectors.
NEW_MODELS = ("measure", "measurekind", "unit")
CONTRIBUTOR = ("view_measure", "view_measurekind", "view_unit")


def grant_roles(apps, schema_editor):
    app_config = apps.get_app_config("projects")
    # Permissions are normally created after migrate; the groups need them now.
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(
        content_type__app_label="projects", content_type__model__in=NEW_MODELS
    )
    for editor in Group.objects.filter(name="Editor"):
        editor.permissions.add(*ours)
    for contributor in Group.objects.filter(name="Contributor"):
        contributor.permissions.add(*ours.filter(codename__in=CONTRIBUTOR))


def forwards(apps, schema_editor):
    add_vocabularies(apps, schema_editor)
    carry_measures(apps, schema_editor)
    rename_roles(apps, schema_editor)
    grant_roles(apps, schema_editor)


def backwards(apps, schema_editor):
    carry_measures_back(apps, schema_editor)
    rename_roles_back(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0008_measures"),
        ("portal", "0005_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
