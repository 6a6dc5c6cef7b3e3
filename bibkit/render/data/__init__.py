"""Data files for rendering (collation fallback, language names)."""
