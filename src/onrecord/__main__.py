"""``python -m onrecord``: the same as the ``onrecord`` command."""

from onrecord.cli import app

if __name__ == "__main__":
    app()
