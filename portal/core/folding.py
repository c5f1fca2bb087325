"""Folding text for matching: lower case, with the Azerbaijani letters reduced
to their Latin neighbours, so that "Aliyev" finds "Əliyev" and "Heydar" finds
"Heydər". The same folding in Python (highlighting, SQLite's portal_fold()) and
in SQL (PostgreSQL's translate() and lower(), which the search indexes use)."""

from django.db.models import Func, TextField, Value
from django.db.models.functions import Lower

# Folding, identical in Python (SQLite, highlighting) and in SQL (PostgreSQL):
# translate() first, because lower("İ") is "i̇" (two characters) in Python.
# unaccent would not do: it leaves Ə and ə alone, and it is not immutable, so
# it cannot be used in an index expression without a wrapper function.
FOLD_FROM = "ƏəİıŞşÇçĞğÖöÜü"
FOLD_TO = "aaiissccggoouu"
_FOLD_TABLE = str.maketrans(FOLD_FROM, FOLD_TO)


def fold(text):
    """Lower case with Azerbaijani letters reduced to their Latin neighbours."""
    return text.translate(_FOLD_TABLE).lower()


def sqlite_fold(text):
    """portal_fold() for SQLite, whose own lower() only knows ASCII letters."""
    return None if text is None else fold(text)


class Fold(Func):
    """fold() in SQL, for Django querysets: the list filters' text search uses
    it so that they find what the site search finds ("Aliyev" = "Əliyev")."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, function="portal_fold", **extra_context
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        (expression,) = self.get_source_expressions()
        folded = Lower(
            Func(expression, Value(FOLD_FROM), Value(FOLD_TO), function="translate")
        )
        return compiler.compile(folded)


def register_sqlite_functions(sender, connection, **kwargs):
    """connection_created receiver (see PortalConfig.ready)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "portal_fold", 1, sqlite_fold, deterministic=True
        )
