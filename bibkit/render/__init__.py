"""Render references in CSL styles through citeproc-py, with bibkit's fixes.

Public API: `render_bibliography`, `render_citations`, `render_notes`, `render_document`;
`CiteRef` for a cite with a locator; `Problem` for an item that failed to render;
`styles.resolve`, `styles.search` for style lookup.
"""

from bibkit.render.api import (
    render_bibliography,
    render_citations,
    render_document,
    render_notes,
)
from bibkit.render.engine import CiteRef, Problem

__all__ = ["CiteRef", "Problem", "render_bibliography", "render_citations", "render_document", "render_notes"]
