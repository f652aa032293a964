"""The house rules of issue 17 for pools, caches and errors, held by the code itself:
one pool, one GC policy, every cache file with its version in one place, errors carried
as diagnostics and printed in one place, old cache files set aside, never a crash."""

from __future__ import annotations

import ast
import logging
import os
import pickle
import threading
from pathlib import Path

import pytest

from helpers import MakeSite, article, run_cli
from sastra import errors
from sastra.cache import BUILD, CACHE_FILES, save_sealed
from sastra.model import Diagnostic, Location

SRC = Path(__file__).resolve().parent.parent / "src" / "sastra"
KM = article("សួស្តី", "អត្ថបទខ្មែរ។\n", date="2026-01-08")
EN = article("Hello", "English text.\n", date="2026-01-08")


def _modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(SRC)): ast.parse(path.read_text("utf-8"))
        for path in sorted(SRC.rglob("*.py"))
    }


def _calls(tree: ast.Module, dotted: str) -> int:
    owner, name = dotted.split(".")
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == name
        and isinstance(node.value, ast.Name)
        and node.value.id == owner
    )


def test_the_collector_and_the_fork_are_tuned_in_parallel_py_only() -> None:
    found = {
        (rel, call)
        for rel, tree in _modules().items()
        for call in ("gc.freeze", "gc.unfreeze", "gc.set_threshold", "os.fork")
        if _calls(tree, call)
    }
    assert {rel for rel, _ in found} == {"parallel.py"}, found


def test_one_process_pool_and_no_multiprocessing_outside_parallel_py() -> None:
    users = set()
    for rel, tree in _modules().items():
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("multiprocessing", "concurrent") for n in names):
                users.add(rel)
    assert users == {"parallel.py"}


def test_the_render_worker_keeps_no_module_state() -> None:
    tree = ast.parse((SRC / "render" / "worker.py").read_text("utf-8"))
    assigned = [
        node
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and not (isinstance(node, ast.AnnAssign) and node.value is None)
    ]
    assert assigned == []
    assert not any(isinstance(node, ast.Global) for node in ast.walk(tree))


def test_every_cache_file_has_one_version_listed_in_cache_py() -> None:
    names = [f.name for f in CACHE_FILES]
    assert names == ["blobs.pickle", "status.pickle", "build.pickle"]
    literal = {
        rel
        for rel, tree in _modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in names
    }
    assert literal == {"cache.py"}  # everyone else names them through cache.py


def test_a_replaced_tree_is_deleted_by_a_thread_and_leaves_no_child(tmp_path: Path) -> None:
    from sastra.render import output

    old = tmp_path / "._site.old-1-2"
    for k in range(50):
        (old / f"d{k}").mkdir(parents=True)
        (old / f"d{k}" / "index.html").write_text("x")
    children = _children()
    output._remove_later(old)
    output.wait_for_removals()
    assert not old.exists()
    assert _children() == children  # no rm process (nor a zombie of one)
    assert not any(t.name == "sastra-remove" for t in threading.enumerate())


def _children() -> set[str]:
    found: set[str] = set()
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        try:
            found |= set((task / "children").read_text().split())
        except OSError:
            continue
    return found


def test_a_build_pickle_of_the_previous_layout_means_a_full_build(
    make_site: MakeSite, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_site({"content/km/a.md": KM, "content/en/a.md": EN})
    out = (root / "_site").absolute()
    previous = {  # what the version before BuildState wrote: a dict, format 3
        "format": 3, "out": str(out), "pages": {}, "images": {}, "site_key": "x",
        "outputs": [], "stamps": {}, "warnings": [],
    }  # fmt: skip
    save_sealed(root / ".sastra-cache" / BUILD.name, previous)
    with caplog.at_level(logging.INFO, logger="sastra"):
        result = run_cli("build", "-v", "--root", str(root))
    assert result.exit_code == 0, result.stderr
    assert "(8 rendered, 0 unchanged)" in result.stdout
    ignored = [r.getMessage() for r in caplog.records if "ignoring cache" in r.getMessage()]
    path = root / ".sastra-cache" / BUILD.name
    assert ignored == [f"ignoring cache {path}: not this version's shape"]
    again = run_cli("build", "--root", str(root))  # the new state is read back
    assert again.exit_code == 0 and "(0 rendered, 8 unchanged)" in again.stdout


def test_a_build_state_round_trips_through_its_file(tmp_path: Path) -> None:
    from sastra.render.state import BuildState, PageEntry, Stamp, load_state, save_state

    state = BuildState(
        out=str(tmp_path / "_site"),
        pages={"km/index.html": PageEntry("d1", (("km/a.jpg", "/src/a.jpg"),), ())},
        images={"img/b.jpg": "/src/b.jpg"},
        site_key="k",
        outputs=("km/index.html",),
        stamps={"km/index.html": Stamp(10, 20)},
        warnings=(Diagnostic(Location("a.md", 3), "w"),),
    )
    path = tmp_path / "build.pickle"
    save_state(path, state)
    assert load_state(path, tmp_path / "_site") == state
    assert load_state(path, tmp_path / "elsewhere") is None


def test_every_error_class_is_a_sastra_error_carrying_diagnostics() -> None:
    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, Exception)
    ]
    assert {c.__name__ for c in classes} == {
        "SastraError", "ConfigError", "BuildError", "EditError",
    }  # fmt: skip
    assert all(issubclass(c, errors.SastraError) for c in classes)
    error = errors.EditError("content/en/a.md", "frontmatter is never closed")
    assert error.diagnostics == (
        Diagnostic(Location("content/en/a.md"), "frontmatter is never closed"),
    )
    assert str(error) == "content/en/a.md: frontmatter is never closed"
    assert pickle.loads(pickle.dumps(errors.BuildError(error.diagnostics))).diagnostics


def test_an_unclosed_frontmatter_cannot_be_marked() -> None:
    from sastra.tracking.edit import set_l10n

    for text in ("+++\ntitle = 'a'\n", "---\ntitle: a\n"):
        with pytest.raises(errors.EditError) as caught:
            set_l10n(text, {"source": "km"}, path="content/en/a.md")
        assert str(caught.value) == "content/en/a.md: frontmatter is never closed"


def test_the_cli_catches_sastra_errors_in_one_place() -> None:
    handlers = set()
    for rel, tree in _modules().items():
        if not rel.startswith("cli/"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                names |= {n.attr for n in ast.walk(node.type) if isinstance(n, ast.Attribute)}
                if names & {"SastraError", "ConfigError", "BuildError", "EditError"}:
                    handlers.add((rel, tuple(sorted(names))))
    assert handlers == {("cli/__init__.py", ("SastraError",))}


def test_a_config_error_is_printed_by_the_group_with_exit_2(make_site: MakeSite) -> None:
    root = make_site({"content/km/a.md": KM}, 'languages = ["km", "en"]\nbogus = [\n')
    for command in (["status"], ["build"], ["review", "--all"], ["catalog", "compile"]):
        result = run_cli(*command, "--root", str(root))
        assert result.exit_code == 2, command
        assert result.stderr.startswith("sastra.toml:"), (command, result.stderr)
        assert len(result.stderr.splitlines()) == 1


def test_only_the_pure_khmer_functions_raise_value_error() -> None:
    """A bad argument to a text function (an unknown date style) is a caller's bug and
    stays a ValueError; anything a user's file or command causes is a SastraError."""
    raising = {
        rel
        for rel, tree in _modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and node.exc is not None
        and "ValueError" in ast.unparse(node.exc).split("(")[0]
    }
    assert raising and all(rel.startswith("khmer/") for rel in raising), raising
