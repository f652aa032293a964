"""Translation state of every language version, exactly as the README defines "stale".

Source language of a pair: a translation's ``l10n.source``; else the configured
``source_language`` (per collection, then site-wide); with ``"auto"``, the
language whose file entered git history first; else the only (or the first
configured) language present.

Baseline of a translation, in order:

1. ``l10n.source_hash`` in its frontmatter: stale iff it differs from the
   source's fingerprint now;
2. git history, read as a graph: the baseline commit is the commit that wrote
   the translation's current text (:mod:`sastra.tracking.baseline`); stale iff
   the source's fingerprint at that commit differs from now. When a clean merge
   combined the text from its parents' versions, their baselines count: up to
   date if the source at any of them is the source now, else stale since the
   newest of them. An uncommitted edit of the translation that changes its text
   counts as a sync with the current source. A baseline at a shallow clone's
   boundary, or a baseline source version git cannot give, is ``unknown``, never
   ``up_to_date``;
3. none: ``untracked`` (never guessed from file times).
"""

from __future__ import annotations

from collections.abc import Callable

from sastra.cache import BlobCache
from sastra.config.model import Config
from sastra.model import (
    Article,
    ArticleStatus,
    BaselineKind,
    Pair,
    State,
    VersionStatus,
)
from sastra.tracking import CHANGES, COUNTERPARTS, FINGERPRINT_VERSION, fp_key
from sastra.tracking.baseline import RETIRED, remembered_baseline, source_then
from sastra.tracking.changes import (
    ALIGNED,
    Aligner,
    Change,
    Shape,
    shapes,
    summary_of,
    with_counterparts,
)
from sastra.tracking.edit import in_progress
from sastra.tracking.fingerprint import (
    VisibleText,
    article_text,
    bytes_fingerprint,
    bytes_text,
    compare,
    legacy_fingerprint,
)
from sastra.tracking.history import GitHistory
from sastra.tracking.synced import SyncedStore


class Tracker:
    """Computes :class:`ArticleStatus` values; caches fingerprints by blob id (:func:`fp_key`)."""

    def __init__(
        self,
        config: Config,
        history: GitHistory | None = None,
        cache: BlobCache | None = None,
        synced: SyncedStore | None = None,
        aligner: Aligner | None = None,
    ) -> None:
        self.config = config
        self.history = history
        self.cache = cache
        self.synced = synced
        self.aligner = aligner
        """Says which old source paragraphs the translation has a counterpart for."""
        self._namespaces: dict[str, str] = {}
        if cache is not None:
            for namespace in RETIRED:  # (what an older release kept, and nothing reads)
                cache.clear(namespace)

    # -- text and fingerprints -------------------------------------------------------------
    # Fingerprints are cached by blob id (and MDX-ness: ``fp_key``); the visible text
    # itself is recomputed when needed (a cache miss, a new stale comparison, --diff),
    # which keeps the cache small.
    def fp_namespace(self, collection: str) -> str:
        """The cache namespace of fingerprints for a collection's translatable fields."""
        found = self._namespaces.get(collection)
        if found is None:
            fields = ",".join(self.config.collection(collection).translatable)
            found = self._namespaces[collection] = f"fp:{FINGERPRINT_VERSION}:{fields}"
        return found

    def text(self, article: Article) -> VisibleText:
        """Visible text of a version on disk."""
        translatable = self.config.collection(article.key.collection).translatable
        text = article_text(article, translatable)
        self._remember(article.key.collection, article.blob, article.path, text)
        return text

    def _remember(self, collection: str, blob: str, path: str, text: VisibleText) -> None:
        if self.cache is not None and blob:
            self.cache.put(self.fp_namespace(collection), fp_key(blob, path), text.fingerprint)

    def fingerprint(self, article: Article) -> str:
        """Fingerprint of a version on disk (cached by :func:`fp_key`)."""
        cached = (
            self.cache.get(
                self.fp_namespace(article.key.collection), fp_key(article.blob, article.path)
            )
            if self.cache
            else None
        )
        return cached if isinstance(cached, str) else self.text(article).fingerprint

    def blob_fingerprint(self, blob: str, path: str, collection: str) -> str | None:
        """Fingerprint of a committed blob at ``path`` (cached by :func:`fp_key`)."""
        key = fp_key(blob, path)
        cached = self.cache.get(self.fp_namespace(collection), key) if self.cache else None
        if isinstance(cached, str):
            return cached
        # Only the fingerprint: no paragraph objects (a history walk asks for many).
        data = self.history.read_blob(blob) if self.history is not None else None
        if data is None:
            return None
        found = bytes_fingerprint(data, path, self.config.collection(collection).translatable)
        if found is not None and self.cache is not None:
            self.cache.put(self.fp_namespace(collection), key, found)
        return found

    def blob_text(self, blob: str, path: str, collection: str) -> VisibleText | None:
        """Visible text of a committed blob; ``None`` if unreadable."""
        if self.history is None:
            return None
        data = self.history.read_blob(blob)
        if data is None:
            return None
        text = bytes_text(data, path, self.config.collection(collection).translatable)
        if text is None:
            return None
        self._remember(collection, blob, path, text)
        return text

    def remember_change(self, old_fingerprint: str, new_fingerprint: str, change: Change) -> None:
        """Cache what changed between two fingerprints of a source (see :meth:`_stale`)."""
        if self.cache is not None:
            self.cache.put(CHANGES, f"{old_fingerprint}>{new_fingerprint}", change, packed=True)

    # -- direction --------------------------------------------------------------------------
    def source_language(self, pair: Pair) -> str:
        """The language the pair's translations are made from."""
        for article in pair.versions.values():
            declared = article.l10n.source
            if declared and declared != article.lang and declared in pair.versions:
                return declared
        configured = self.config.source_language_of(pair.key.collection)
        if configured == "auto" and self.history is not None:
            seen = {
                lang: first
                for lang, a in pair.versions.items()
                if (first := self.history.first_seen(a.path)) is not None
            }
            if seen:  # the oldest; of versions a commit added together, the first configured
                oldest = self.history.oldest(seen.values())
                return next(lang for lang in self.config.languages if seen.get(lang) == oldest)
        if configured and configured in pair.versions:
            return configured
        return next(lang for lang in self.config.languages if lang in pair.versions)

    # -- state --------------------------------------------------------------------------------
    def status(self, pair: Pair, *, diff: bool = False) -> ArticleStatus:
        """State of every configured language of one article."""
        source_lang = self.source_language(pair)
        source = pair.versions[source_lang]
        versions: dict[str, VersionStatus] = {}
        for lang in self.config.languages:
            article = pair.versions.get(lang)
            if lang == source_lang:
                versions[lang] = VersionStatus(lang, State.SOURCE, source.path)
            elif article is None and lang in pair.unreadable:
                versions[lang] = VersionStatus(lang, State.UNREADABLE, pair.unreadable[lang])
            elif article is None:
                versions[lang] = VersionStatus(lang, State.MISSING)
            elif in_progress(article):
                versions[lang] = VersionStatus(lang, State.IN_PROGRESS, article.path)
            else:
                versions[lang] = self._translation(article, source, diff)
        return ArticleStatus(pair.key, source_lang, versions)

    def _legacy_fingerprint(self, source: Article) -> str | None:
        """The source's fingerprint as an older Sastra stored it when its body has a
        shortcode (:func:`~sastra.tracking.fingerprint.legacy_fingerprint`)."""
        translatable = self.config.collection(source.key.collection).translatable
        return legacy_fingerprint(source, translatable)

    def _translation(self, article: Article, source: Article, diff: bool) -> VersionStatus:
        recorded = article.l10n.source_hash
        if recorded:
            now = self.fingerprint(source)
            if recorded == now or recorded == self._legacy_fingerprint(source):
                return VersionStatus(
                    article.lang, State.UP_TO_DATE, article.path, BaselineKind.FRONTMATTER,
                    article.l10n.source_commit,
                )  # fmt: skip
            commit = article.l10n.source_commit
            return self._stale(
                article,
                source,
                BaselineKind.FRONTMATTER,
                commit,
                recorded,
                lambda: self._old_source_text(source, recorded, commit),
                diff,
            )
        if self.history is not None and self.config.tracking.git:
            return self._from_git(article, source, diff)
        return VersionStatus(article.lang, State.UNTRACKED, article.path)

    def _from_git(self, article: Article, source: Article, diff: bool) -> VersionStatus:
        assert self.history is not None
        history = self.history
        head = history.at_head(article.path)
        if head is None or head.blob is None:
            return VersionStatus(article.lang, State.UNTRACKED, article.path)
        coll = article.key.collection
        current = self.fingerprint(article)
        if head.blob != article.blob:
            committed = self.blob_fingerprint(head.blob, article.path, coll)
            if committed != current:
                # The translator is editing it now: a sync with the current source.
                return VersionStatus(article.lang, State.UP_TO_DATE, article.path, BaselineKind.GIT)

        own = fp_key(article.blob, article.path)

        def fingerprint(blob: str, path: str) -> str | None:
            return current if fp_key(blob, path) == own else self.blob_fingerprint(blob, path, coll)

        found = remembered_baseline(
            history, article.path, current, fingerprint, self.cache, self.fp_namespace(coll)
        )
        if not found:  # no committed version of this text could be read
            return VersionStatus(article.lang, State.UNTRACKED, article.path)
        # Several baselines when a clean merge combined the text: up to date if the
        # source at any of them is the source now; else stale since the newest.
        unknown = False
        for baseline in found:
            synced = None if baseline.cut else self._synced_at(source, baseline.position, coll)
            if synced:
                commit = history.commits[baseline.position][0]
                return VersionStatus(
                    article.lang, State.UP_TO_DATE, article.path, BaselineKind.GIT, commit
                )
            unknown = unknown or synced is None
        commit = history.commits[found[0].position][0]
        if unknown:  # the history before a baseline is not here, or a blob is missing
            return VersionStatus(
                article.lang, State.UNKNOWN, article.path, BaselineKind.GIT, commit
            )
        then = source_then(history, source.path, found[0].position)
        if then is None:  # the source's version then is not known
            return self._stale(article, source, BaselineKind.GIT, commit, None, lambda: None, diff)
        name, then_blob = then
        return self._stale(
            article,
            source,
            BaselineKind.GIT,
            commit,
            self.blob_fingerprint(then_blob, name, coll),
            lambda: self.blob_text(then_blob, name, coll),
            diff,
        )

    def _synced_at(self, source: Article, position: int, collection: str) -> bool | None:
        """The source's version at commit ``position`` (:func:`source_then`) has the text
        it has now (``False`` when there is none; ``None`` when it cannot be read)."""
        assert self.history is not None
        then = source_then(self.history, source.path, position)
        if then is None:
            return False
        name, blob = then
        if fp_key(blob, name) == fp_key(source.blob, source.path):
            return True
        then_fp = self.blob_fingerprint(blob, name, collection)
        return None if then_fp is None else then_fp == self.fingerprint(source)

    def counterparts(
        self, article: Article, old_fingerprint: str | None, old_shapes: tuple[Shape, ...]
    ) -> tuple[bool, ...] | None:
        """Which paragraphs of the old source the translation has a counterpart for
        (cached by the old source's and the translation's fingerprints)."""
        if self.aligner is None:
            return None
        key = f"{old_fingerprint}>{self.fingerprint(article)}" if old_fingerprint else ""
        cached = self.cache.get(COUNTERPARTS, key) if self.cache and key else None
        if isinstance(cached, tuple):
            return cached
        found = self.aligner(old_shapes, shapes(self.text(article)))
        if self.cache is not None and key:
            self.cache.put(COUNTERPARTS, key, found)
        return found

    def _old_source_text(
        self, source: Article, recorded: str, commit: str | None
    ) -> VisibleText | None:
        """The source text a frontmatter baseline refers to: synced store, else git."""
        if self.synced is not None:
            stored = self.synced.get(recorded)
            if stored is not None:
                return stored
        if self.history is None or not self.config.tracking.git:
            return None
        coll = source.key.collection
        history = self.history
        candidates = [(name, v.blob) for name, v in history.changes(source.path) if v.blob]
        if commit and (index := history.find_commit(commit)) is not None:
            at = history.blob_at(source.path, index)
            candidates = [at, *candidates] if at else candidates
        for name, blob in candidates:
            if self.blob_fingerprint(blob, name, coll) == recorded:
                return self.blob_text(blob, name, coll)
        return None

    def _stale(
        self,
        article: Article,
        source: Article,
        kind: BaselineKind,
        commit: str | None,
        old_fingerprint: str | None,
        old_text: Callable[[], VisibleText | None],
        diff: bool,
    ) -> VersionStatus:
        """A stale version, with what changed when the old source text can be had.

        The paragraph-level summary is cached by the pair of fingerprints, so a warm
        run neither re-reads the old text nor re-runs the comparison (``--diff`` does).
        """
        key = f"{old_fingerprint}>{self.fingerprint(source)}"
        cached = self.cache.get(CHANGES, key) if self.cache and old_fingerprint else None
        text = None
        if isinstance(cached, tuple) and len(cached) == len(Change._fields) and not diff:
            summary = Change(*cached)
        else:
            old = old_text()
            if old is None:
                return VersionStatus(article.lang, State.STALE, article.path, kind, commit)
            label = f"{source.path}@{commit[:7]}" if commit else f"{source.path}@baseline"
            new = self.text(source)
            change = compare(old, new, label, source.path)
            summary = summary_of(old, new, change)
            text = change.diff if diff else None
            if old_fingerprint:
                self.remember_change(old_fingerprint, self.fingerprint(source), summary)
        kinds = summary.kinds
        if any(c.kind in ALIGNED for c in kinds):
            found = self.counterparts(article, old_fingerprint, summary.old_shapes)
            if found is not None:
                kinds = with_counterparts(kinds, found)
        return VersionStatus(
            article.lang,
            State.STALE,
            article.path,
            kind,
            commit,
            changed_paragraphs=summary.paragraphs,
            changed_fields=summary.fields,
            removed_paragraphs=summary.removed,
            diff=text if diff else None,
            changes=kinds,
        )
