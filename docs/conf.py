"""Sphinx configuration for the wagtail_events documentation.

The pages are Markdown (MyST). Nothing here imports Django: the reference pages are written by
hand, so the docs build without a configured project.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_version():
    """The version in wagtail_events/__init__.py, read as text so Django is not imported."""
    source = (ROOT / "wagtail_events" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', source, re.MULTILINE)
    return match.group(1) if match else "unknown"


project = "wagtail_events"
author = "wagtail_events contributors"
copyright = "wagtail_events contributors, BSD-3-Clause licence"
release = package_version()
version = ".".join(release.split(".")[:2])

extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
language = "en"

# Headings up to level 3 get anchors, so pages can link to a section: [text](page.md#anchor).
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]

html_theme = "furo"
html_title = f"wagtail_events {release}"
html_static_path = []
