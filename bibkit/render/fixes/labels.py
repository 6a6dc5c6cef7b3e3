"""`cs:label` prints only when its variable has a value (CSL 1.0.2 "Label").

citeproc-py prints the term whatever the item holds: Chicago's newspaper entries end in
"January 27. Edition." because `<label variable="edition"/>` sits beside an empty
`<text variable="edition"/>`. A label for a missing variable (or `locator` with no locator)
now renders nothing. Labels inside `cs:names` are given their role and are left alone;
in sort keys no label prints ("Doe, John ed." sorts as "Doe, John").
Measured on `bench/render_compare.py` (chicago) and the suite categories `label`, `group`.
"""

from __future__ import annotations


class LabelNeedsVariable:
    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        if kwargs.get("sort_options") is not None:  # sort keys leave labels out (citeproc-js)
            return None
        if variable is None:
            name = self.get("variable", "")
            if name == "locator":
                if not getattr(item, "has_locator", False):
                    return None
                if plural is None and "\\-" in str(item.locator.identifier):
                    plural = False  # an escaped hyphen is no range
            elif name and name.replace("-", "_") not in item.reference:
                return None
        return super().process(item, variable, plural, context, **kwargs)


MIXINS: dict[str, tuple[type, ...]] = {"label": (LabelNeedsVariable,)}
