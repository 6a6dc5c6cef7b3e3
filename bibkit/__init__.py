"""bibkit: multilingual (English, Persian, Arabic) citation and bibliography manager."""

__version__ = "0.1.0"
