"""What ``make bench`` and ``make loadtest`` share: a throwaway database and a plain table."""

import os
import shutil
import tempfile
from contextlib import contextmanager


@contextmanager
def throwaway_database(connection, label="bench"):
    """A new database, migrated, dropped afterwards: never the one the settings name.

    SQLite gets a file in the system's temporary directory; another database a new database
    named after the configured one, ``label`` and this process.
    """
    directory = None
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        directory = tempfile.mkdtemp(prefix=f"wagtail-events-{label}-")
        test_settings["NAME"] = os.path.join(directory, f"{label}.sqlite3")
    else:
        test_settings["NAME"] = f"{connection.settings_dict['NAME']}_{label}_{os.getpid()}"
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if directory:
            shutil.rmtree(directory, ignore_errors=True)


def print_table(header, rows):
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        first, *rest = row
        cells = [first.ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)]
        print("  ".join(cells))
