"""``python -m sastra`` is the same as the ``i18n`` command."""

from sastra.cli import main

if __name__ == "__main__":
    main()
