"""``python -m cluster.services up|down|status|build|endpoints [names...]``."""

from .cli import main

if __name__ == "__main__":
    main()
