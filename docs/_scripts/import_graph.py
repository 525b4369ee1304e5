"""Draw the package's floors and the imports between their modules as an SVG.

The floors are the layers of the "floors" contract in pyproject.toml; the imports are read from
the code by grimp (import-linter's graph builder). Each box is one entry of the contract, with
its submodules; each line is an import from the box at its upper end to the box at its lower end.
Run from the project's root, where the package can be imported:

    python docs/_scripts/import_graph.py

It rewrites docs/_static/architecture/floors.svg.
"""

import tomllib
from html import escape
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "docs" / "_static" / "architecture" / "floors.svg"

# Names for the floors, top first, as docs/explanation/architecture.md calls them.
FLOOR_NAMES = [
    "API add-ons",
    "events API",
    "compose",
    "pages",
    "serve",
    "render",
    "read",
    "content",
    "ground",
]

WIDTH = 1180
LEFT = 110  # room for the floor names
BAND = 92
BOX_HEIGHT = 26
CHAR_WIDTH = 7.2  # of the 12px monospace labels
COLOURS = [
    "#c51b7d",
    "#01665e",
    "#7b3294",
    "#2166ac",
    "#e66101",
    "#b35806",
    "#5e3c99",
    "#1b7837",
    "#4d4d4d",
]


def floors_contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    settings = config["tool"]["importlinter"]
    contract = next(c for c in settings["contracts"] if c.get("id") == "floors")
    return settings["root_package"], contract["containers"][0], contract["layers"]


def floors(container, layers):
    """[[module, ...], ...]: each floor's modules, top floor first."""
    return [
        [f"{container}.{name.strip()}" for name in layer.replace("|", ":").split(":")]
        for layer in layers
    ]


def box_of(module, boxes):
    """The box that holds ``module``: its own, or its nearest ancestor's."""
    while module and module not in boxes:
        module = module.rpartition(".")[0]
    return module or None


def imports_between(graph, boxes):
    """{(importer box, imported box)}: the imports between different boxes."""
    edges = set()
    for module in graph.modules:
        importer = box_of(module, boxes)
        if importer is None:
            continue
        for imported_module in graph.find_modules_directly_imported_by(module):
            imported = box_of(imported_module, boxes)
            if imported is not None and imported != importer:
                edges.add((importer, imported))
    return edges


def layout(rows, container):
    """{module: (x, y, width)} for every box, floors from the top, boxes spread out."""
    places = {}
    for row, modules in enumerate(rows):
        # Whole pixels: sums of floats differ between Python versions in the last digit.
        widths = [round(len(label(m, container)) * CHAR_WIDTH) + 16 for m in modules]
        gap = (WIDTH - LEFT - 20 - sum(widths)) / (len(modules) + 1)
        x = LEFT + gap
        y = 30 + row * BAND + (BAND - BOX_HEIGHT) / 2
        for module, width in zip(modules, widths, strict=True):
            places[module] = (x, y, width)
            x += width + gap
    return places


def label(module, container):
    return module.removeprefix(f"{container}.")


def svg(rows, edges, container):
    places = layout(rows, container)
    floor_of = {module: row for row, modules in enumerate(rows) for module in modules}
    height = 40 + len(rows) * BAND
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="monospace" font-size="12">',
        "<title>The floors of wagtail_events and the imports between them</title>",
        '<defs><marker id="head" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>',
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    for row in range(len(rows)):
        y = 30 + row * BAND
        fill = "#f4f4f4" if row % 2 == 0 else "#fafafa"
        name = FLOOR_NAMES[row] if row < len(FLOOR_NAMES) else f"floor {row}"
        parts.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="{BAND}" fill="{fill}"/>')
        parts.append(
            f'<text x="12" y="{y + BAND / 2 + 4}" font-weight="bold" '
            f'fill="{COLOURS[row % len(COLOURS)]}">{row + 1} {escape(name)}</text>'
        )
    upward = sum(floor_of[importer] > floor_of[imported] for importer, imported in edges)
    parts.append(
        f'<text x="12" y="18">Each line runs from the importing box to the imported box (arrow):'
        f" {len(edges)} imports between boxes, {upward} of them up a floor.</text>"
    )
    for importer, imported in sorted(edges):
        x1, y1, w1 = places[importer]
        x2, y2, w2 = places[imported]
        colour = COLOURS[floor_of[importer] % len(COLOURS)]
        if floor_of[importer] == floor_of[imported]:
            # Within a floor: an arc below the boxes.
            start, end = (x1 + w1 / 2, y1 + BOX_HEIGHT), (x2 + w2 / 2, y2 + BOX_HEIGHT)
            dip = start[1] + 22
            path = f"M{start[0]:.1f},{start[1]:.1f} C{start[0]:.1f},{dip:.1f} "
            path += f"{end[0]:.1f},{dip:.1f} {end[0]:.1f},{end[1]:.1f}"
        else:
            start, end = (x1 + w1 / 2, y1 + BOX_HEIGHT), (x2 + w2 / 2, y2)
            middle = (start[1] + end[1]) / 2
            path = f"M{start[0]:.1f},{start[1]:.1f} C{start[0]:.1f},{middle:.1f} "
            path += f"{end[0]:.1f},{middle:.1f} {end[0]:.1f},{end[1]:.1f}"
        parts.append(
            f'<path d="{path}" fill="none" stroke="{colour}" stroke-opacity="0.45" '
            f'stroke-width="1.2" marker-end="url(#head)"/>'
        )
    for module, (x, y, width) in places.items():
        colour = COLOURS[floor_of[module] % len(COLOURS)]
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{BOX_HEIGHT}" rx="4" '
            f'fill="#ffffff" stroke="{colour}" stroke-width="1.5"/>'
        )
        parts.append(
            f'<text x="{x + width / 2:.1f}" y="{y + 17:.1f}" text-anchor="middle">'
            f"{escape(label(module, container))}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def draw():
    """The picture of the code as it is now, as SVG text."""
    package, container, layers = floors_contract()
    rows = floors(container, layers)
    boxes = {module for row in rows for module in row}
    graph = grimp.build_graph(package, cache_dir=None)
    return svg(rows, imports_between(graph, boxes), container)


def main():
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(draw(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
