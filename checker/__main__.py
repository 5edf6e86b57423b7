"""`python -m checker` runs the termcheck command line."""

from checker.cli import main

if __name__ == "__main__":
    main()
