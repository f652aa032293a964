"""``i18n serve``: the development server.

:mod:`~sastra.serve.server` (:class:`~sastra.serve.server.DevServer`: build, watch,
rebuild) drives :mod:`~sastra.serve.http` (files, live reload, the ``/__sastra/`` tool
pages), which asks :mod:`~sastra.serve.views` for the status and review pages. Each
depends only on what is below it: the HTTP side and the views see the server through
small protocols (:class:`~sastra.serve.http.ServedSite`,
:class:`~sastra.serve.views.SiteHost`), and the result of a build is
:class:`~sastra.serve.outcome.BuildOutcome`.
"""
