"""The bilingual static site: Markdown, the Jinja2 theme, pages, feeds, and the build.

The only package that imports Jinja2. Entry point: :func:`sastra.render.build.build`.
"""
