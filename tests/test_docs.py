"""The editor guides and the screenshots the browser tests take for them stay in step."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
SCREENSHOTS = DOCS / "_static" / "screenshots"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+\.png)\)")


def referenced_images():
    """Every PNG a docs page shows, as a path relative to the docs directory's parent."""
    found = set()
    for page in DOCS.rglob("*.md"):
        if "_build" in page.parts:
            continue
        for target in IMAGE.findall(page.read_text(encoding="utf-8")):
            found.add((page.parent / target).resolve())
    return found


def test_every_image_a_page_shows_exists():
    missing = sorted(
        str(path.relative_to(DOCS)) for path in referenced_images() if not path.is_file()
    )
    assert not missing, f"run the screenshot test to make them: {missing}"


def test_every_committed_screenshot_is_shown():
    shown = referenced_images()
    unused = sorted(
        str(path.relative_to(DOCS)) for path in SCREENSHOTS.rglob("*.png") if path not in shown
    )
    assert not unused, f"no page shows these screenshots: {unused}"


def test_both_guides_show_the_same_steps():
    def names(language):
        return sorted(path.name for path in referenced_images() if path.parent.name == language)

    assert names("nb") == names("en")
    assert names("nb"), "the editor guides show no screenshots"


def test_every_editor_guide_shows_every_step():
    """Each guide shows a picture of every step: the Nynorsk one, with the Bokmål pictures, has
    its own text to keep in step with the others."""

    def steps(guide):
        return sorted(Path(target).name for target in IMAGE.findall(guide.read_text("utf-8")))

    guides = sorted((DOCS / "editor-guide").glob("*.md"))
    assert [guide.stem for guide in guides] == ["en", "nb", "nn"]
    assert steps(guides[0]) == steps(guides[1]) == steps(guides[2])
