"""``i18n init``: write a ``sastra.toml`` that fits the site, or start a new one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from sastra.cli.options import EXIT_FOUND, fail, note
from sastra.config.load import LAYOUTS


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--languages", help="Language codes, the default first (e.g. km,en).")
@click.option("--source", "source", help="The language translations are made from.")
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    help="Content layout (default: detected from the site's generator, else 'default').",
)
def init(
    folder: Path | None, languages: str | None, source: str | None, layout: str | None
) -> None:
    """Write sastra.toml for the site in FOLDER (default: the current folder).

    An existing Hugo, Docusaurus, mkdocs-static-i18n or Astro site is detected and
    its layout written down; an empty folder becomes a new site with one sample
    article in two languages. Asks nothing; never overwrites a file.
    """
    from sastra.cache import atomic_write
    from sastra.config.detect import detect
    from sastra.config.load import CONFIG_FILE, detect_languages, find_root, looks_astro
    from sastra.config.validate import LANG_RE
    from sastra.starter import config_text, gitignore_text, sample_pair

    root = (folder or Path.cwd()).absolute()
    if root.exists() and not root.is_dir():
        fail(f"{root} is not a folder")
    config_path = root / CONFIG_FILE
    if config_path.exists():
        fail(f"{config_path} already exists; not overwritten", EXIT_FOUND)
    here = root.resolve()
    above = find_root(here.parent)  # the nearest site above, if any (else the parent)
    if here.is_relative_to(above / "content"):
        # (a second site inside a site's content would be read as its articles)
        fail(
            f"{root} is inside the site at {above}; run `i18n init` there (other commands "
            "run from here find that site)",
            EXIT_FOUND,
        )
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and "[tool.sastra" in pyproject.read_text("utf-8", "replace"):
        fail(f"{pyproject} already configures Sastra ([tool.sastra]); not overwritten", EXIT_FOUND)
    codes = [c.strip() for c in languages.split(",") if c.strip()] if languages else []
    for code in codes:
        if not LANG_RE.match(code):
            fail(f"--languages: '{code}' is not a language code (such as km, en, zh-hant)")
    if languages is not None and len(codes) < 2:
        fail("--languages: give at least two languages, the default first (e.g. km,en)")
    detected = None
    if root.is_dir() and layout in (None, "hugo", "docusaurus", "mkdocs"):
        detected, problems = detect(root, layout)
        if layout is not None and detected is None:
            fail(f"--layout {layout}: no {layout} configuration found in {root}")
        if problems and detected is None and layout is None:
            fail(f"{problems[0].location}: {problems[0].message} (or give --layout)")
    if detected is not None:
        layout = detected.layout
        codes = codes or list(detected.languages)
    elif layout is None:
        layout = "astro" if root.is_dir() and looks_astro(root) else "default"
    if not codes and layout in ("default", "astro"):
        content = root / ("src/content" if layout == "astro" else "content")
        codes = detect_languages(content, layout)  # km and en, and any language folder
    codes = codes or ["km", "en"]
    if len(codes) < 2:
        codes += [c for c in ("km", "en") if c not in codes][: 2 - len(codes)]
    source = source or codes[0]
    if source not in codes:
        fail(f"--source: '{source}' is not one of the languages ({', '.join(codes)})")
    new_site = layout == "default" and not (root / "content").exists()
    files = {CONFIG_FILE: config_text(codes, source, layout, detected, sample=new_site)}
    if new_site:
        files.update(sample_pair(codes, source, dt.date.today()))
    for rel in files:
        if (root / rel).exists():
            fail(f"{root / rel} already exists; not overwritten", EXIT_FOUND)
    # The build output and the caches are not the site's history: an existing
    # .gitignore gets the lines it lacks (its own lines stay as they are).
    gitignore = root / ".gitignore"
    before = gitignore.read_text("utf-8") if gitignore.is_file() else None
    missing = [line for line in gitignore_text().splitlines() if line not in (before or "").split()]
    if missing:
        lead = "\n" if before and not before.endswith("\n") else ""
        files[".gitignore"] = (before or "") + lead + "".join(f"{line}\n" for line in missing)
    written: list[Path] = []
    try:  # each file whole (temp file + rename); the config last, and all or none
        for rel in sorted(files, key=lambda name: name == CONFIG_FILE):
            atomic_write(root / rel, files[rel])
            written.append(root / rel)
    except OSError:
        for path in written:
            if path == gitignore and before is not None:
                atomic_write(path, before)
            else:
                path.unlink(missing_ok=True)
        raise
    what = f"a {detected.describe()}" if detected else f"the {layout} layout"
    click.echo(f"wrote {CONFIG_FILE} for {what}; languages {', '.join(codes)}, source {source}")
    for rel in files:
        if rel == ".gitignore" and before is not None:
            click.echo(f"added {' '.join(missing)} to .gitignore")
        elif rel != CONFIG_FILE:
            click.echo(f"created {rel}")
    steps = ["Next steps:"]  # advice, not a result: silent under -q
    if folder is not None and root != Path.cwd().absolute():
        steps.append(f"  cd {folder}")
    steps += [
        "  i18n status    # which translations are missing or stale",
        "  i18n build     # the bilingual site, into _site/",
        "  i18n serve     # preview it at http://127.0.0.1:8000/",
    ]
    note("\n".join(steps), err=False)
