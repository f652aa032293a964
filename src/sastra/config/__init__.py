"""Site configuration: found, read and validated before anything runs.

* :mod:`~sastra.config.model`: the validated :class:`~sastra.config.model.Config`
  (frozen dataclasses, no I/O), which every stage reads;
* :mod:`~sastra.config.load`: :func:`~sastra.config.load.find_root` and
  :func:`~sastra.config.load.load_config` (reads ``sastra.toml`` or ``[tool.sastra]``);
* :mod:`~sastra.config.validate`: the typed-TOML checks, key by key;
* :mod:`~sastra.config.content`: the layout part (generator, ``[[content]]`` patterns);
* :mod:`~sastra.config.site`: site identity (``[site]``, a collection's display);
* :mod:`~sastra.config.detect`: the answer a generator's own config gives (Hugo,
  Docusaurus, mkdocs-static-i18n), shared by no-config detection and ``i18n init``.
"""
