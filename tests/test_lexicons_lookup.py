"""Lexicon lookups as the labeller's features see them: script variants fold together."""

from bibkit.parse.lexicons import entries_for, is_place, phrase_tags, tags_for


def test_places_match_in_script_and_romanized_with_punctuation():
    assert "place" in tags_for("(تهران:")
    assert "place" in tags_for("Tehrān,")
    assert "place" in tags_for("بيروت")  # Arabic yeh
    assert "place" in tags_for("بیروت")  # Persian yeh


def test_arabic_and_persian_letters_digits_and_zwnj_fold():
    assert tags_for("علي") == tags_for("علی")
    assert "cue:translator" in tags_for("ترجمهٔ")
    assert "cue:date" in tags_for("بی‌تا") and "cue:date" in tags_for("بیتا")
    assert "cue:edition" in tags_for("ط٢") and "cue:edition" in tags_for("ط۲")


def test_cue_words_per_label():
    assert "cue:pages" in tags_for("صص.")
    assert "cue:volume" in tags_for("Vol.")
    assert "cue:back-reference" in tags_for("Ibid.")
    assert "cue:back-reference" in tags_for("op.cit.")
    assert "cue:publisher" in tags_for("n.p.")


def test_particles_as_prefix_and_given_names():
    assert {"particle", "place"} <= tags_for("al-Najaf")
    assert "particle" in tags_for("ibn")
    assert "given" in tags_for("Mohammad-Reza")
    assert "honorific" in tags_for("Seyyed")
    assert tags_for("xyzzy") == frozenset()


def test_phrases_mark_every_token_inside():
    tags = phrase_tags("printed in New York by دار الكتب العلمية".split())
    assert tags[0] == frozenset() and tags[1] == frozenset()
    assert "place" in tags[2] and "place" in tags[3]
    assert all("publisher" in t for t in tags[5:8])


def test_zwnj_turned_into_space_still_matches():
    tags = phrase_tags(["تهران:", "بی", "نا،", "بی", "تا"])
    assert "cue:publisher" in tags[1] and "cue:publisher" in tags[2]
    assert "cue:date" in tags[4]


def test_entries_by_language_for_the_generator():
    assert any(e.form == "تهران" for e in entries_for("place", "fa"))
    assert all(e.lang == "ar" for e in entries_for("publisher", "ar"))


def test_every_spaced_european_particle_of_the_dictionary_splits_names() -> None:
    """The labeller's particle dictionary and the name splitter keep separate lists (the splitter
    is shared by the BibTeX reader, which must not load the parser); this keeps them in step."""
    from bibkit.namesplit import PARTICLES, name_from_string
    from bibkit.parse.lexicons import entries_for

    spaced = {form for e in entries_for("particle") if e.lang in ("en", "la")
              for form in (e.form, *e.variants) if form.isalpha() and form.islower()}
    assert spaced and spaced <= PARTICLES
    name = name_from_string("zu Guttenberg, Karl Theodor")
    assert (name.particle, name.family, name.given) == ("zu", "Guttenberg", "Karl Theodor")
    assert name_from_string("Karl Theodor zu Guttenberg").family == "Guttenberg"


def test_a_place_with_its_country_or_state_is_a_place_and_a_publisher_is_not():
    assert is_place("Paris, France") and is_place("Leiden, The Netherlands") and is_place("Princeton, NJ")
    assert is_place("Istanbul, Türkiye") and is_place("تهران")
    assert not is_place("Paris, Economica") and not is_place("Economica") and not is_place("")
