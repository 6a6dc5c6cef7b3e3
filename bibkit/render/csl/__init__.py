"""bibkit's own CSL styles (the repository's top-level styles/ links here)."""
