"""Country names: the indexed lookup gives what country_converter's whole list of patterns gives."""

import csv
import re

import yaml

from workbench import PROJECT_DIR
from workbench.entities import _NAME_RUN, EntityIndex, country_code, country_data_path

ROWS = [r for r in csv.DictReader(country_data_path().read_text(encoding="utf-8").splitlines(), delimiter="\t")]
LISTED = [r for r in ROWS if r.get("regex") and r.get("ISO3")]
EVERY_PATTERN = re.compile("|".join(f"(?P<c{i}>{r['regex']})" for i, r in enumerate(LISTED)), re.IGNORECASE)


def read_by_every_pattern(name: str) -> str | None:
    """The reading the index must reproduce: one search over all the patterns, leftmost and first listed."""
    found = EVERY_PATTERN.search(name) if 2 <= len(name) <= 80 else None
    return LISTED[int(found.lastgroup[1:])]["ISO3"] if found and found.lastgroup else None


def names_to_try() -> list[str]:
    """Every spelling in the country list, the capitalised runs of the real-news sentences (up to four
    words, as entities.py reads them), and those names in other cases and with words around them."""
    names = {value for row in ROWS for value in row.values() if value}
    for path in sorted((PROJECT_DIR / "tests" / "realnews").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            for run in _NAME_RUN.finditer(" ".join([item["sentence"], *(item.get("context") or [])])):
                words = run.group(0).split()
                names.update(" ".join(words[i:j]) for i in range(len(words))
                             for j in range(i + 1, min(len(words), i + 4) + 1))
    varied = set(names)
    for name in sorted(names):
        varied.update((name.upper(), f"South {name}", f"Britain and {name}’s"))
    return sorted(varied)


def test_the_indexed_lookup_reads_every_name_as_the_whole_list_of_patterns_does():
    names = names_to_try()
    assert len(names) > 10_000
    assert [(n, country_code(n)) for n in names if country_code(n) != read_by_every_pattern(n)] == []


def test_spellings_with_letters_beyond_ascii_and_odd_lengths():
    for name, code in (("Türkiye", "TUR"), ("Curaçao", "CUW"), ("Åland Islands", "ALA"), ("Côte d'Ivoire", "CIV"),
                       ("Réunion", "REU"), ("UK", "GBR"), ("U.S.", "USA"), ("DR Congo", "COD"), ("Niger", "NER"),
                       ("Nigeria", "NGA"), ("Guinea-Bissau", "GNB"), ("Papua New Guinea", "PNG"), ("Poland’s", "POL"),
                       ("Ruſſia", "RUS"), ("Türkıye", "TUR"), ("Tıbet and Chına", "CHN"), ("\u212aenya", "KEN")):
        assert country_code(name) == read_by_every_pattern(name) == code, name
    assert country_code("X") is None and country_code("Poland" * 20) is None


def test_a_tables_own_names_are_read_in_lower_case_but_a_country_keeps_its_capital():
    index = EntityIndex(["Manufacturing", "Education and health services", "Turkey", "NATO Total"],
                        aliases=[("NATO", "NATO Total")])
    found = [(s.names, text[s.start:s.end]) for text in (
        "In December 2015, manufacturing employed 11.9 million workers, education and health services 22.3 million.",
        "The turkey was roasted; NaTo said nothing.") for s in index.find(text)]
    assert found == [(("Manufacturing",), "manufacturing"),
                     (("Education and health services",), "education and health services")]


def test_an_acronym_is_also_read_as_british_copy_writes_it():
    index = EntityIndex(["Manufacturing", "NATO Total"], aliases=[("NATO", "NATO Total")])
    text = "Nato and NATO met; NaTo and Manufacturing did not."
    found = [text[s.start:s.end] for s in index.find(text)]
    assert found == ["Nato", "NATO", "Manufacturing"]


def test_a_total_whose_name_holds_a_country_is_not_that_country():
    index = EntityIndex(["Peru", "Andes and Peru"], aliases=[("Andean members and Peru", "Andes and Peru")],
                        totals=["Andes and Peru"])
    text = "Andean members and Peru grew, Peru fastest; the Andes and Peru total rose."
    assert [(s.names, text[s.start:s.end]) for s in index.find(text)] == [
        (("Andes and Peru",), "Andean members and Peru"), (("Peru",), "Peru"), (("Andes and Peru",), "Andes and Peru")]
    # without `totals` the country list reads the total as Peru too (how "Europe and Canada" became Canada)
    assert ("Andes and Peru", "Peru") in {s.names for s in EntityIndex(["Peru", "Andes and Peru"]).find(text)}
