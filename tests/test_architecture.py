"""The package keeps to its floors (docs/explanation/architecture.md).

The contracts are import-linter's, in pyproject.toml. They are run here on the package, and on
copies of it with one import that goes against them, so the check is shown to fail when it must.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

# Import contracts and module files: the same whatever database the suite uses.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACTS = (
    "Floors: every import runs down, from a floor to the floors below it",
    "Renderers fetch nothing: the read floor hands them what they show",
    "Each output's renderer stands alone: iCalendar, JSON-LD, the events API",
    "No circle: no module, nor any package as a whole, imports itself back",
    "The events API's floors: its views, their answers, the shapes, the parameters",
    "Wagtail's API v2 app's floors: its pages endpoint, then the fields it gives",
)


def lint_imports(project):
    """Run ``lint-imports`` on the package found in ``project``; (exit status, output)."""
    # A process of its own: this one has the installed package imported already.
    result = subprocess.run(  # noqa: S603 (a fixed command: the venv's lint-imports)
        [LINT_IMPORTS, "--no-cache", "--no-logo"],
        cwd=project,
        # The copy's package, not the installed one.
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


def broken(output):
    """The names of the contracts the report says are broken."""
    return {name for name in CONTRACTS if f"{name} BROKEN" in " ".join(output.split())}


def test_the_package_keeps_every_contract():
    status, output = lint_imports(ROOT)
    assert status == 0, output
    for name in CONTRACTS:
        assert f"{name} KEPT" in " ".join(output.split()), output


@pytest.fixture
def package_copy(tmp_path):
    """A copy of the package's Python modules with the project's contracts, to break."""
    shutil.copytree(
        ROOT / "wagtail_events",
        tmp_path / "wagtail_events",
        ignore=shutil.ignore_patterns("__pycache__", "static", "templates", "locale"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def append(path, code):
    with path.open("a", encoding="utf-8") as module:
        module.write("\n\n" + code)


# (module, code appended to it, the contract it breaks, what the report says)
BACK_UP_IMPORTS = {
    "a lazy import in a content mixin's method": (
        "models/events.py",
        "def calendar(page, request):\n"
        "    from .. import feeds\n\n"
        "    return feeds.event_calendar(request, page)\n",
        CONTRACTS[0],
        "wagtail_events.models.events is not allowed to import wagtail_events.feeds",
    ),
    "the read floor importing a view": (
        "queries.py",
        "from .views import event_index_context  # noqa: F401\n",
        CONTRACTS[0],
        "wagtail_events.queries is not allowed to import wagtail_events.views",
    ),
    "a renderer importing the pages app": (
        "ical.py",
        "from .pages.models import EventPage  # noqa: F401\n",
        CONTRACTS[0],
        "wagtail_events.ical is not allowed to import wagtail_events.pages",
    ),
    "the ground importing the content models": (
        "conf.py",
        "from .models.taxonomy import Venue  # noqa: F401\n",
        CONTRACTS[0],
        "wagtail_events.conf is not allowed to import wagtail_events.models.taxonomy",
    ),
    "a renderer fetching for itself": (
        "jsonld.py",
        "from .queries import public_events  # noqa: F401\n",
        CONTRACTS[1],
        "wagtail_events.jsonld is not allowed to import wagtail_events.queries",
    ),
    "one output's renderer using another's": (
        "jsonld.py",
        "from .ical import plain_description  # noqa: F401\n",
        CONTRACTS[2],
        "wagtail_events.jsonld is not allowed to import wagtail_events.ical",
    ),
    "a shape of the API fetching for itself": (
        "api/shapes.py",
        "from ..queries import public_events  # noqa: F401\n",
        CONTRACTS[1],
        "wagtail_events.api.shapes is not allowed to import wagtail_events.queries",
    ),
    "the API's parameters importing its shapes": (
        "api/filters.py",
        "from .shapes import Event  # noqa: F401\n",
        CONTRACTS[4],
        "wagtail_events.api.filters is not allowed to import wagtail_events.api.shapes",
    ),
    "the core importing the events API": (
        "feeds.py",
        "from .api.shapes import Event  # noqa: F401\n",
        CONTRACTS[0],
        "wagtail_events.feeds is not allowed to import wagtail_events.api",
    ),
    "a content mixin naming Wagtail's API v2 fields": (
        "models/events.py",
        "from ..api_v2.fields import ShapeField  # noqa: F401\n",
        CONTRACTS[0],
        "wagtail_events.models.events is not allowed to import wagtail_events.api_v2",
    ),
    "API v2's fields importing its endpoint": (
        "api_v2/fields.py",
        "from .views import EventPagesAPIViewSet  # noqa: F401\n",
        CONTRACTS[5],
        "wagtail_events.api_v2.fields is not allowed to import wagtail_events.api_v2.views",
    ),
    "two modules of one floor importing each other": (
        "views.py",
        "from . import routes  # noqa: F401\n",
        CONTRACTS[3],
        "No cycles are allowed in wagtail_events.",
    ),
}


@pytest.mark.parametrize("case", BACK_UP_IMPORTS.values(), ids=BACK_UP_IMPORTS.keys())
def test_an_import_against_the_floors_breaks_a_contract(package_copy, case):
    module, code, contract, message = case
    append(package_copy / "wagtail_events" / module, code)
    status, output = lint_imports(package_copy)
    assert status != 0
    assert contract in broken(output), output
    assert message in " ".join(output.split()), output


def test_a_new_module_must_be_given_its_floor(package_copy):
    (package_copy / "wagtail_events" / "newcomer.py").write_text('"""Not on any floor yet."""\n')
    status, output = lint_imports(package_copy)
    assert status != 0
    assert broken(output) == {CONTRACTS[0]}, output
    assert "not listed as layers: - wagtail_events.newcomer" in " ".join(output.split())


def test_a_new_module_of_the_api_must_be_given_its_floor(package_copy):
    (package_copy / "wagtail_events" / "api" / "newcomer.py").write_text('"""Not placed."""\n')
    status, output = lint_imports(package_copy)
    assert status != 0
    assert broken(output) == {CONTRACTS[4]}, output
    assert "not listed as layers: - wagtail_events.api.newcomer" in " ".join(output.split())


def load_import_graph():
    """docs/_scripts/import_graph.py, which reads the floors and draws them."""
    spec = importlib.util.spec_from_file_location(
        "import_graph", ROOT / "docs" / "_scripts" / "import_graph.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def modules_without_a_floor(modules):
    import_graph = load_import_graph()
    package, container, layers = import_graph.floors_contract()
    boxes = {module for row in import_graph.floors(container, layers) for module in row}
    # The package whose modules are placed one by one, and the migrations, which stand apart.
    # (The events API's modules are placed in a contract of their own: see the test above.)
    apart = {package, f"{package}.models"}
    return sorted(
        module
        for module in modules
        if import_graph.box_of(module, boxes) is None
        and module not in apart
        and not module.startswith(f"{package}.migrations")
    )


def test_every_module_has_a_floor():
    """Deeper than the contract's own check, which sees only the package's direct children."""
    modules = grimp.build_graph("wagtail_events", cache_dir=None).modules
    assert modules_without_a_floor(modules) == []
    newcomers = {"wagtail_events.models.newcomer"}
    assert modules_without_a_floor(modules | newcomers) == sorted(newcomers)


def test_the_picture_of_the_floors_is_current():
    """docs/explanation/architecture.md shows the imports the code has today."""
    import_graph = load_import_graph()
    assert import_graph.OUTPUT.read_text(encoding="utf-8") == import_graph.draw(), (
        "redraw it: python docs/_scripts/import_graph.py"
    )
