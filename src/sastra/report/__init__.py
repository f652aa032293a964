"""Views of results: terminal (rich), JSON and HTML. No computation, no I/O."""
