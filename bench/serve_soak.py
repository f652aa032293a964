"""A bounded soak of `i18n serve`: requests on 127.0.0.1 with rebuilds in between.

Run: ``.venv/bin/python -m bench.serve_soak [--requests N] [--seconds S] [--rebuild-every K]``

Serves a copy of the sample site (``bench/out/soak-site``) with the real build, on an
ephemeral port of 127.0.0.1 only, and sends at most ``--requests`` (≤ 500) requests in
at most ``--seconds`` (≤ 20): pages in both languages, images, the status and review
pages, missing pages, and hostile requests (``..`` traversal, an encoded NUL, a
300-byte path segment, bad percent-encoding, a foreign Host header). Every
``--rebuild-every`` requests an article is edited and the site rebuilt on another
thread while requests go on. An *error* is a request that failed, timed out, or got a
status other than the one its kind must get (200, 404, 400, 403). Prints the counts,
the latency percentiles and the rebuild times; exits 1 when there was any error.
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

OUT = Path(__file__).resolve().parent / "out" / "soak-site"
REPO = Path(__file__).resolve().parent.parent
MAX_REQUESTS, MAX_SECONDS = 500, 20.0

REQUESTS: list[tuple[str, str, dict[str, str], int]] = [
    # (kind, path, headers, the status it must get)
    ("page", "/km/", {}, 200),
    ("page", "/en/", {}, 200),
    ("page", "/km/news/", {}, 200),
    ("page", "/", {}, 200),
    ("page", "/sitemap.xml", {}, 200),
    ("tool", "/__sastra/status", {}, 200),
    ("missing", "/km/no-such-page/", {}, 404),
    ("hostile", "/../../../../etc/passwd", {}, 404),
    ("hostile", "/%2e%2e/%2e%2e/etc/passwd", {}, 404),
    ("hostile", "/km/%00/index.html", {}, 404),
    ("hostile", "/" + quote("ក" * 100) + "/", {}, 404),  # a 300-byte segment
    ("hostile", "/km/%ff%fe/", {}, 400),
    ("hostile", "/km/", {"Host": "evil.example"}, 403),
]


@dataclass
class Report:
    """What a soak saw."""

    sent: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    rebuilds: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    seconds: float = 0.0


def make_site(folder: Path = OUT) -> Path:
    """A fresh copy of the sample site (config, content, images, synced texts, glossary)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(REPO / "sastra.toml", folder / "sastra.toml")
    for name in ("content", "assets", "i18n"):
        shutil.copytree(REPO / name, folder / name)
    return folder


def _pages(root: Path) -> list[tuple[str, str, dict[str, str], int]]:
    """Every article page and image of the built site, as requests that must succeed."""
    out = root / "_site"
    found = []
    for path in sorted(out.rglob("index.html"))[:40]:
        found.append(("page", "/" + path.parent.relative_to(out).as_posix() + "/", {}, 200))
    for path in sorted((out / "assets").rglob("*.jpg"))[:10]:
        found.append(("asset", "/" + path.relative_to(out).as_posix(), {}, 200))
    return found


def _get(port: int, path: str, headers: dict[str, str]) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def soak(root: Path, requests: int, seconds: float, rebuild_every: int) -> Report:
    """Serve ``root`` and send the requests; bounded by both ``requests`` and ``seconds``."""
    from sastra.serve.server import DevServer

    requests, seconds = min(requests, MAX_REQUESTS), min(seconds, MAX_SECONDS)
    report = Report()
    server = DevServer(root, port=0, watch=False)
    server.start()
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    mix = REQUESTS + _pages(root)
    article = sorted((root / "content" / "en").rglob("*.md"))[0]
    original = article.read_text("utf-8")
    rebuilding: threading.Thread | None = None

    def rebuild(n: int) -> None:
        article.write_text(original + f"\nEdit {n} during the soak.\n", "utf-8")
        started = time.perf_counter()
        outcome = server.rebuild([str(article)])
        report.rebuilds.append(time.perf_counter() - started)
        if not outcome.ok:
            report.errors.append(f"rebuild {n} failed")

    started = time.perf_counter()
    try:
        for n in range(requests):
            if time.perf_counter() - started > seconds:
                break
            if rebuild_every and n % rebuild_every == rebuild_every - 1:
                if rebuilding is not None:
                    rebuilding.join()
                rebuilding = threading.Thread(target=rebuild, args=(n,))
                rebuilding.start()
            kind, path, headers, expected = mix[n % len(mix)]
            t0 = time.perf_counter()
            try:
                status = _get(port, path, headers)
            except Exception as exc:  # any failure to answer is what a soak looks for
                report.errors.append(f"{path}: {type(exc).__name__}: {exc}")
                continue
            finally:
                report.sent += 1
            report.latencies.setdefault(kind, []).append(time.perf_counter() - t0)
            report.statuses[status] += 1
            if status != expected:
                report.errors.append(f"{path}: status {status}, expected {expected}")
        if rebuilding is not None:
            rebuilding.join()
    finally:
        report.seconds = time.perf_counter() - started
        server.stop()
        article.write_text(original, "utf-8")
    return report


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=MAX_REQUESTS)
    parser.add_argument("--seconds", type=float, default=MAX_SECONDS)
    parser.add_argument("--rebuild-every", type=int, default=50)
    args = parser.parse_args()
    report = soak(make_site(), args.requests, args.seconds, args.rebuild_every)
    every = [x for xs in report.latencies.values() for x in xs]
    print(
        f"{report.sent} requests in {report.seconds:.1f} s on 127.0.0.1, "
        f"{len(report.rebuilds)} rebuilds in between; errors: {len(report.errors)}"
    )
    print("statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(report.statuses.items())))
    print(f"{'kind':<8} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, values in [*sorted(report.latencies.items()), ("all", every)]:
        print(f"{kind:<8} {len(values):>4} {_ms(values, 0.5):>8} {_ms(values, 0.95):>8} "
              f"{_ms(values, 1.0):>8}")  # fmt: skip
    if report.rebuilds:
        print(
            f"rebuild: median {statistics.median(report.rebuilds):.2f} s, "
            f"max {max(report.rebuilds):.2f} s"
        )
    for error in report.errors[:20]:
        print("error:", error)
    raise SystemExit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
