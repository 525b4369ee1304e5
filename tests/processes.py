"""The example's manage.py in a process of its own, on a SQLite database of its own: for tests
of what a fresh process sees (a migration, a site without some apps)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(database, *args, settings, stdin=""):
    """Run ``manage.py args`` with the settings module ``settings``; its output, or a failure
    that shows what it printed."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": settings,
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(  # noqa: S603 (this interpreter and the example's manage.py)
        [sys.executable, str(ROOT / "example_project" / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout
