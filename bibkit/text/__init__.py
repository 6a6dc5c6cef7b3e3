"""Text foundations for English, Persian and Arabic: normalization, script and language,
calendars, collation and name variants. Each job lives in its own module; import from there
(`from bibkit.text.normalize import fold`)."""
