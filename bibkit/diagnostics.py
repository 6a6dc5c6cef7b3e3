"""What reading or parsing returns: the records it could make and one diagnostic per problem
(`file:line: what is wrong`), shared by the format readers, the parser and the notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from bibkit.model import Reference


@dataclass
class Diagnostic:
    """One problem found while reading: where (`file:line`) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class ReadResult:
    references: list[Reference] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notices: list[Diagnostic] = field(default_factory=list)  # worth telling the user, yet no problem
