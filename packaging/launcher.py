"""PyInstaller entry script: the same `potstudio` command as the installed console script."""

from core.cli.main import main

raise SystemExit(main())
