"""A documentation repository the shape of a real multilingual docs site, for ``bench.status``.

14 languages (English the source), 420 source pages of 4–20 KB of MDX: frontmatter
with nested fields, ``import`` lines, headings, paragraphs with links, inline code and
bold text, lists (nested, numbered), code fences, tables and JSX components (asides,
tabs holding fences). Each language translates 5–95% of the pages. About 12,000
commits: pages and translations added over time, source edits (a paragraph rewritten
or added, a fence or a table changed, a title reworded), translators syncing pages
with the current source and fixing typos, ≈5% formatter runs that re-wrap, re-mark and
re-pad 100+ files (the text stays the same), and ≈150 merges of short topic branches.

Built with one ``git fast-import`` (every file version is a marked blob), then
``git repack -a -d -f``: a fast-import pack reads ~30x slower than a clone's.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LANGS = ["en", "de", "es", "fr", "it", "ja", "ko", "pt-br", "ru", "zh-cn", "km", "vi", "id", "uk"]
SOURCE = "en"
SECTIONS = ["getting-started", "guides", "reference", "components", "deploy", "recipes"]
_VOCAB = {
    "en": "the build config page site route content file server output theme option plugin "
    "component value default project command user language link image style data cache "
    "sidebar search deploy preview update version release module schema field type list "
    "render layout template path folder import export script package install run test "
    "error warning setting environment variable header footer navigation markdown text",
    "de": "die Seite Inhalt Datei Server Ausgabe Thema Option Erweiterung Komponente Wert "
    "Projekt Befehl Sprache Verknüpfung Bild Daten Suche Vorschau Version Modul Feld",
    "es": "la página sitio ruta contenido archivo servidor salida tema opción complemento "
    "componente valor proyecto comando idioma enlace imagen datos búsqueda versión",
    "fr": "la page site route contenu fichier serveur sortie thème option extension "
    "composant valeur projet commande langue lien image données recherche version",
    "it": "la pagina sito percorso contenuto file server uscita tema opzione componente "
    "valore progetto comando lingua collegamento immagine dati ricerca versione",
    "ja": "ページ サイト ルート コンテンツ ファイル サーバー 出力 テーマ オプション "
    "コンポーネント 値 プロジェクト コマンド 言語 リンク 画像 データ 検索 設定 です",
    "ko": "페이지 사이트 경로 콘텐츠 파일 서버 출력 테마 옵션 컴포넌트 값 프로젝트 "
    "명령 언어 링크 이미지 데이터 검색 설정 합니다",
    "pt-br": "a página site rota conteúdo arquivo servidor saída tema opção componente "
    "valor projeto comando idioma link imagem dados pesquisa versão",
    "ru": "страница сайт маршрут содержимое файл сервер вывод тема параметр компонент "
    "значение проект команда язык ссылка изображение данные поиск версия",
    "zh-cn": "页面 站点 路由 内容 文件 服务器 输出 主题 选项 组件 值 项目 命令 语言 链接 "
    "图像 数据 搜索 配置 版本",
    "km": "ទំព័រ គេហទំព័រ ផ្លូវ មាតិកា ឯកសារ ម៉ាស៊ីនមេ លទ្ធផល ស្បែក ជម្រើស សមាសភាគ "
    "តម្លៃ គម្រោង ពាក្យបញ្ជា ភាសា តំណ រូបភាព ទិន្នន័យ ស្វែងរក កំណែ ការកំណត់",
    "vi": "trang web tuyến nội dung tệp máy chủ đầu ra chủ đề tùy chọn thành phần giá trị "
    "dự án lệnh ngôn ngữ liên kết hình ảnh dữ liệu tìm kiếm phiên bản",
    "id": "halaman situs rute konten berkas server keluaran tema opsi komponen nilai "
    "proyek perintah bahasa tautan gambar data pencarian versi",
    "uk": "сторінка сайт маршрут вміст файл сервер вивід тема параметр компонент "
    "значення проєкт команда мова посилання зображення дані пошук версія",
}
VOCAB = {lang: words.split() for lang, words in _VOCAB.items()}
NO_SPACES = {"ja", "zh-cn"}
CODE = [
    "npm install @acme/docs-kit",
    "pnpm astro build",
    "export default defineConfig({ site: 'https://example.org' });",
    "const routes = await getCollection('docs');",
    '{ "compilerOptions": { "strict": true } }',
    "import { defineConfig } from 'astro/config';",
    "yarn create docs-kit --template minimal",
    "curl -fsSL https://example.org/install.sh | sh",
]

Segs = tuple[tuple[object, ...], ...]
"""Inline text: ("w", word) | ("c", code) | ("l", words, url) | ("b", words)."""


def _segs(rng: random.Random, n: int, plain: bool = False) -> Segs:
    out: list[tuple[object, ...]] = []
    for _ in range(n):
        roll = 1.0 if plain else rng.random()
        word = rng.randrange(1000)
        if roll < 0.04:
            out.append(("c", rng.choice(["config", "site", "npm run dev", "base", "--force"])))
        elif roll < 0.07:
            words = tuple(rng.randrange(1000) for _ in range(rng.randint(1, 3)))
            out.append(("l", words, f"/{rng.choice(SECTIONS)}/page-{rng.randrange(420):03d}/"))
        elif roll < 0.09:
            out.append(("b", tuple(rng.randrange(1000) for _ in range(rng.randint(1, 2)))))
        else:
            out.append(("w", word))
    return tuple(out)


def _block(rng: random.Random) -> tuple[object, ...]:
    roll = rng.random()
    if roll < 0.45:
        return ("p", _segs(rng, rng.randint(25, 90)))
    if roll < 0.55:
        return ("h", rng.choice([2, 2, 3]), _segs(rng, rng.randint(2, 6)))
    if roll < 0.65:
        items = tuple(
            (1 if i and rng.random() < 0.2 else 0, _segs(rng, rng.randint(4, 18)))
            for i in range(rng.randint(3, 6))
        )
        return ("ol" if rng.random() < 0.3 else "ul", items)
    if roll < 0.78:
        lines = "\n".join(rng.choice(CODE) for _ in range(rng.randint(2, 14)))
        return ("fence", rng.choice(["sh", "js", "ts", "json", "mdx"]), lines)
    if roll < 0.86:
        cols = rng.randint(2, 4)
        head = tuple(_segs(rng, rng.randint(1, 2)) for _ in range(cols))
        rows = tuple(
            tuple(_segs(rng, rng.randint(1, 6)) for _ in range(cols))
            for _ in range(rng.randint(2, 8))
        )
        return ("table", head, rows)
    if roll < 0.94:
        return ("aside", rng.choice(["tip", "note", "caution"]), _segs(rng, rng.randint(10, 40)))
    tabs = tuple(
        (name, "\n".join(rng.choice(CODE) for _ in range(rng.randint(1, 3))))
        for name in ("npm", "pnpm", "yarn")
    )
    return ("tabs", tabs)


@dataclass(frozen=True)
class Page:
    title: Segs
    description: Segs
    label: Segs
    order: int
    blocks: tuple[tuple[object, ...], ...]


def _new_page(rng: random.Random) -> Page:
    blocks: list[tuple[object, ...]] = [("h", 2, _segs(rng, 3))]
    title, description, label = _segs(rng, 4, True), _segs(rng, 14, True), _segs(rng, 2, True)
    return Page(title, description, label, rng.randint(1, 40), tuple(blocks))


def _edit_page(page: Page, rng: random.Random) -> Page:
    """What a docs writer's commit does to a page."""
    blocks = list(page.blocks)
    roll = rng.random()
    if roll < 0.08:
        return Page(_segs(rng, 4, True), page.description, page.label, page.order, page.blocks)
    where = rng.randrange(1, len(blocks))
    if roll < 0.5:
        blocks[where] = ("p", _segs(rng, rng.randint(25, 90)))
    elif roll < 0.75:
        blocks.insert(where, _block(rng))
    elif roll < 0.85 and len(blocks) > 6:
        del blocks[where]
    else:
        blocks[where] = _block(rng)
    return Page(page.title, page.description, page.label, page.order, tuple(blocks))


# -- rendering ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Style:
    """What a formatter decides; every style renders the same visible text."""

    bullet: str = "-"
    strong: str = "**"
    wrap: int = 0
    pad_tables: bool = False


STYLES = [
    Style(),
    Style("*", "__", 80, True),
    Style("-", "**", 100, True),
    Style("*", "**", 0, False),
    Style("-", "__", 80, False),
]


def _word(lang: str, index: object) -> str:
    words = VOCAB[lang]
    assert isinstance(index, int)
    return words[index % len(words)]


def _inline(segs: Segs, lang: str, style: Style) -> str:
    sep = "" if lang in NO_SPACES else " "
    parts = []
    for seg in segs:
        kind = seg[0]
        if kind == "w":
            parts.append(_word(lang, seg[1]))
        elif kind == "c":
            parts.append(f"`{seg[1]}`")
        elif kind == "l":
            words = seg[1]
            assert isinstance(words, tuple)
            parts.append(f"[{sep.join(_word(lang, w) for w in words)}]({seg[2]})")
        else:
            words = seg[1]
            assert isinstance(words, tuple)
            parts.append(f"{style.strong}{sep.join(_word(lang, w) for w in words)}{style.strong}")
    text = sep.join(parts)
    return text[:1].upper() + text[1:]


def _wrap(text: str, width: int, indent: str = "") -> str:
    """Re-wrap at spaces, never before a character that could start a block."""
    if not width or len(text) <= width:
        return text
    lines, line = [], ""
    in_code = False
    for word in text.split(" "):
        breakable = not in_code and word[:1].isalpha()
        if line and breakable and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
        in_code ^= word.count("`") % 2 == 1
    lines.append(line)
    return f"\n{indent}".join(lines)


def render_block(block: tuple[object, ...], lang: str, style: Style) -> str:
    kind = block[0]
    if kind == "p":
        return _wrap(_inline(block[1], lang, style), style.wrap)  # type: ignore[arg-type]
    if kind == "h":
        return "#" * int(block[1]) + " " + _inline(block[2], lang, style)  # type: ignore[arg-type,call-overload]
    if kind in ("ul", "ol"):
        lines = []
        for n, (depth, segs) in enumerate(block[1], 1):  # type: ignore[arg-type]
            marker = f"{n}." if kind == "ol" and not depth else style.bullet
            indent = "   " * depth if kind == "ol" else "  " * depth
            hang = indent + " " * (len(marker) + 1)
            text = _wrap(_inline(segs, lang, style), style.wrap, hang)
            lines.append(f"{indent}{marker} {text}")
        return "\n".join(lines)
    if kind == "fence":
        return f"```{block[1]}\n{block[2]}\n```"
    if kind == "table":
        head = [_inline(c, lang, style) for c in block[1]]  # type: ignore[attr-defined]
        rows = [[_inline(c, lang, style) for c in row] for row in block[2]]  # type: ignore[attr-defined]
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        pad = style.pad_tables

        def row(cells: list[str]) -> str:
            return (
                "| "
                + " | ".join(c.ljust(w) if pad else c for c, w in zip(cells, widths, strict=False))
                + " |"
            )

        rule = "| " + " | ".join("-" * (w if pad else 3) for w in widths) + " |"
        return "\n".join([row(head), rule, *(row(r) for r in rows)])
    if kind == "aside":
        text = _wrap(_inline(block[2], lang, style), style.wrap)  # type: ignore[arg-type]
        return f'<Aside type="{block[1]}">\n{text}\n</Aside>'
    parts = ["<Tabs>"]
    for name, code in block[1]:  # type: ignore[attr-defined]
        parts.append(f'  <TabItem label="{name}">\n\n```sh\n{code}\n```\n\n  </TabItem>')
    parts.append("</Tabs>")
    return "\n".join(parts)


_IMPORTS = (
    "import { Aside, Tabs, TabItem } from '@astrojs/starlight/components';\n"
    "import ReadMore from '~/components/ReadMore.astro';\n\n"
)


def render(page: Page, lang: str, style: Style, cache: dict[object, str]) -> bytes:
    def text(segs: Segs) -> str:
        return _inline(segs, lang, Style()).replace('"', "'")

    head = (
        f'---\ntitle: "{text(page.title)}"\ndescription: "{text(page.description)}"\n'
        f'sidebar:\n  label: "{text(page.label)}"\n  order: {page.order}\n'
        f"  badge:\n    text: New\n    variant: tip\n"
        f"tableOfContents:\n  minHeadingLevel: 2\n  maxHeadingLevel: 3\n---\n\n"
    )
    body = []
    for block in page.blocks:
        key = (block, lang, style)
        shown = cache.get(key)
        if shown is None:
            shown = cache[key] = render_block(block, lang, style)
        body.append(shown)
    return (head + _IMPORTS + "\n\n".join(body) + "\n").encode()


# -- history -----------------------------------------------------------------------------
class _Stream:
    """Writes a fast-import stream straight into ``git fast-import``."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            ["git", "-C", str(root), "fast-import", "--quiet"], stdin=subprocess.PIPE
        )
        assert self.proc.stdin is not None
        self.out = self.proc.stdin
        self.mark = 0
        self.time = 1_640_000_000

    def blob(self, data: bytes) -> int:
        self.mark += 1
        self.out.write(b"blob\nmark :%d\ndata %d\n%s\n" % (self.mark, len(data), data))
        return self.mark

    def commit(
        self, ref: str, parent: int | None, files: dict[str, int], message: str,
        merge: int | None = None,
    ) -> int:  # fmt: skip
        self.mark += 1
        self.time += 7_000
        msg = message.encode()
        out = [b"commit %s\nmark :%d\n" % (ref.encode(), self.mark)]
        out.append(b"committer Docs Bot <docs@example.org> %d +0000\n" % self.time)
        out.append(b"data %d\n%s\n" % (len(msg), msg))
        if parent is not None:
            out.append(b"from :%d\n" % parent)
        if merge is not None:
            out.append(b"merge :%d\n" % merge)
        out += [b"M 100644 :%d %s\n" % (blob, path.encode()) for path, blob in files.items()]
        self.out.write(b"".join(out) + b"\n")
        return self.mark

    def close(self) -> None:
        self.out.close()
        if self.proc.wait() != 0:
            raise RuntimeError("git fast-import failed")


class _Site:
    """The state of the docs while its history is written."""

    def __init__(self, rng: random.Random, stream: _Stream) -> None:
        self.rng = rng
        self.stream = stream
        self.pages: dict[str, Page] = {}  # by "section/slug"
        self.translations: dict[tuple[str, str], Page] = {}  # (lang, page) → synced copy
        self.coverage = {lang: rng.uniform(0.05, 0.95) for lang in LANGS if lang != SOURCE}
        self.style: dict[str, Style] = {}
        self.blob_of: dict[str, int] = {}
        self.cache: dict[object, str] = {}
        self.target: dict[str, int] = {}  # bytes each source page stays near (4–20 KB)

    def path(self, lang: str, page: str) -> str:
        return f"content/{lang}/{page}.mdx"

    def write(self, lang: str, page: str) -> tuple[str, int]:
        path = self.path(lang, page)
        content = self.pages[page] if lang == SOURCE else self.translations[(lang, page)]
        style = self.style.setdefault(path, STYLES[0])
        blob = self.stream.blob(render(content, lang, style, self.cache))
        self.blob_of[path] = blob
        return path, blob

    def add_page(self) -> dict[str, int]:
        name = f"{SECTIONS[len(self.pages) % len(SECTIONS)]}/page-{len(self.pages):03d}"
        self.target[name] = self.rng.randint(4_000, 20_000)
        self.pages[name] = self._sized(name, _new_page(self.rng))
        return dict([self.write(SOURCE, name)])

    def _sized(self, name: str, page: Page) -> Page:
        """``page`` with blocks added or dropped until its English is near its target."""
        blocks = list(page.blocks)

        def size() -> int:
            sized = Page(page.title, page.description, page.label, page.order, tuple(blocks))
            return len(render(sized, SOURCE, STYLES[0], self.cache))

        while size() < self.target[name]:
            blocks.append(_block(self.rng))
        while size() > self.target[name] * 1.15 and len(blocks) > 4:
            del blocks[self.rng.randrange(1, len(blocks))]
        return Page(page.title, page.description, page.label, page.order, tuple(blocks))

    def edit_sources(self, avoid: set[str]) -> dict[str, int]:
        files = {}
        for _ in range(self.rng.choice([1, 1, 1, 2, 3])):
            candidates = [p for p in self.pages if p not in avoid]
            if not candidates:  # (a small repo: every page is on the branch)
                continue
            page = self.rng.choice(candidates)
            self.pages[page] = self._sized(page, _edit_page(self.pages[page], self.rng))
            files.update([self.write(SOURCE, page)])
        return files

    def translate(self, avoid: set[str]) -> dict[str, int]:
        """A translator's commit: sync a few pages of one language, adding new ones
        while the language is below its coverage."""
        lang = self.rng.choice(list(self.coverage))
        have = [p for (lang_, p) in self.translations if lang_ == lang and p not in avoid]
        files = {}
        for _ in range(self.rng.randint(1, 5)):
            adding = len(have) < self.coverage[lang] * len(self.pages) and self.rng.random() < 0.6
            if adding:
                candidates = [p for p in self.pages if (lang, p) not in self.translations]
                candidates = [p for p in candidates if p not in avoid]
            else:
                candidates = have
            if not candidates:
                continue
            page = self.rng.choice(candidates)
            if self.rng.random() < 0.15 and (lang, page) in self.translations:  # a typo fix
                self.translations[(lang, page)] = _edit_page(
                    self.translations[(lang, page)], self.rng
                )
            else:
                self.translations[(lang, page)] = self.pages[page]
            files.update([self.write(lang, page)])
        return files

    def format(self) -> dict[str, int]:
        """A formatter run over 100+ files whose style differs from the new one."""
        style = self.rng.choice(STYLES)
        paths = [(SOURCE, p) for p in self.pages] + list(self.translations)
        self.rng.shuffle(paths)
        files: dict[str, int] = {}
        size = self.rng.randint(100, 250)
        for lang, page in paths:
            if self.style.get(self.path(lang, page), STYLES[0]) != style:
                self.style[self.path(lang, page)] = style
                files.update([self.write(lang, page)])
                if len(files) >= size:
                    break
        return files


def generate(root: Path, commits: int = 12_000, pages: int = 420, seed: int = 15) -> int:
    """Write the repository at ``root``; returns the number of commits."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    (root / "sastra.toml").write_text(
        f"languages = {LANGS!r}\nsource_language = {SOURCE!r}\n".replace("'", '"')
        + '\n[defaults]\ntranslatable = ["title", "description", "sidebar.label"]\n'
    )
    stream = _Stream(root)
    site = _Site(rng, stream)
    first = {}
    for _ in range(pages // 4):
        first.update(site.add_page())
    head = stream.commit("refs/heads/main", None, first, "docs: first pages")
    count = 1
    merges_left = 150 * commits // 12_000  # (≈150 in the full repo)
    for step in _schedule(rng, commits - 1, merges_left):
        if step == "merge":
            head, made = _topic_branch(site, head, count)
            count += made
            continue
        if step == "format":
            files = site.format()
            message = "chore: format"
        elif len(site.pages) < pages and rng.random() < 0.08:
            files = site.add_page()
            message = "docs: add page"
        elif rng.random() < 0.45:
            files = site.edit_sources(set())
            message = "docs: update"
        else:
            files = site.translate(set())
            message = "i18n: sync translations"
        if files:
            head = stream.commit("refs/heads/main", head, files, message)
            count += 1
    while len(site.pages) < pages:  # a short run: every page still gets written
        head = stream.commit("refs/heads/main", head, site.add_page(), "docs: add page")
        count += 1
    stream.close()
    # fast-import deltifies each blob against the one written before it, newest on top
    # of oldest, and its pack is 3x the size of a served one: reading the newest
    # versions costs ~1 ms a blob, ~30x what it costs in a clone. A clone's pack is made
    # by `git pack-objects` (newest versions whole, older ones deltas): what
    # git-fast-import(1), "Packfile optimization", recommends after an import.
    subprocess.run(["git", "-C", str(root), "repack", "-a", "-d", "-f", "-q"], check=True)
    subprocess.run(["git", "-C", str(root), "checkout", "-q", "-f", "main"], check=True)
    return count


def _schedule(rng: random.Random, commits: int, merges: int) -> Iterator[str]:
    """Kinds of steps: a merge step makes ~4 commits (its branch, main meanwhile, the
    merge), every other step one."""
    budget = commits
    while budget > 0:
        roll = rng.random()
        if merges and roll < merges * 5 / max(budget, 1):
            merges -= 1
            budget -= 5
            yield "merge"
        elif roll < 0.05 + 0.01:
            budget -= 1
            yield "format"
        else:
            budget -= 1
            yield "edit"


def _topic_branch(site: _Site, head: int, count: int) -> tuple[int, int]:
    """A short branch (1–3 commits) merged back while main got 0–2 other commits."""
    rng, stream = site.rng, site.stream
    ref = f"refs/heads/topic-{count}"
    tip = head
    touched: dict[str, int] = {}
    pages: set[str] = set()
    branch_commits = 0
    for _ in range(rng.randint(1, 3)):
        files = site.edit_sources(set()) if rng.random() < 0.6 else site.translate(set())
        if not files:
            continue
        tip = stream.commit(ref, tip, files, "docs: topic work")
        touched.update(files)
        pages.update(p.split("/", 2)[2].removesuffix(".mdx") for p in files)
        branch_commits += 1
    main_commits = 0
    for _ in range(rng.randint(0, 2)):
        files = site.edit_sources(pages) if rng.random() < 0.5 else site.translate(pages)
        if files:
            head = stream.commit("refs/heads/main", head, files, "docs: update")
            main_commits += 1
    if not touched:
        return head, main_commits
    merged = stream.commit(
        "refs/heads/main", head, touched, f"Merge branch 'topic-{count}'", merge=tip
    )
    return merged, branch_commits + main_commits + 1
