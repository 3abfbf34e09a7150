"""Numbers that are part of a name or an identifier, so never a mention.

"Article 5", "F-35", "S-400", "G7", "COVID-19", "UN Resolution 2202", phone numbers, clock times,
web addresses. Each pattern here has examples in corpus/negatives.yaml.
"""

from __future__ import annotations

import re

from workbench.extract.quantities import ISO_CODES

# A capitalised label followed by its number: the number names the thing, it does not count it.
_LABELS = (
    r"Article|Art\.|Articles|Resolution|Resolutions|Chapter|Section|Clause|Paragraph|Para\.|Amendment|"
    r"Protocol|Rule|Title|No\.|Nos\.|Number|Room|Route|Highway|Interstate|Gate|Terminal|Platform|Flight|"
    r"Unit|Brigade|Division|Regiment|Battalion|Squadron|Corps|Army|Fleet|Page|Volume|Vol\.|Episode|"
    r"Season|Phase|Stage|Level|Category|Class|Type|Model|Version|Block|Line|Bus|Track|Apollo|Soyuz|"
    r"Windows|iPhone|Galaxy|Formula|Leopard|Challenger|Patriot|War|Pier|Lot|Zone|Sector|District|Ward|"
    r"Bill|Directive|Regulation|Decree|Order|Case|Exhibit|Annex|Appendix|Table|Figure|Fig\.|Place|Places|Grade|"
    r"Russell"  # the Russell indexes, named by a number that could be a year ("the Russell 2000 rose")
)
_MAIL = r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+"
# Makers and product lines whose number is a model ("Boeing 737", "Lumia 920", "Max 10"), and stock indexes
# named by their number of members ("S&P 500", "FTSE 100"); a year after them is still a year ("Airbus 2024
# deliveries").
_MAKERS = (r"Boeing|Airbus|Embraer|Lumia|Pixel|PlayStation|Xbox|iOS|Android|macOS|Series|Max|MAX|Ultra|Fold|Flip|"
           r"S&P|Poor's|Poor’s|FTSE|Nikkei|Stoxx|CAC|DAX|Nifty|Sensex")
# what follows a model's number in its name: "iPhone 15 Pro Max", "16 Plus", "737 MAX 9"
_MODEL_WORDS = r"Pro|Plus|Max|MAX|Ultra|Lite|XL"
_PATTERNS = [
    # "Article 5", "UN Resolution 2202", "Articles 4 and 5", "No. 10", "World War 2", "Boeing 787-9s"
    rf"\b(?:{_LABELS}|(?:{_MAKERS})(?=\s+(?!(?:19|20)\d\d\b)))\s+\d+(?:[.\-/]\d+)*[A-Za-z]?"
    r"(?:\s*(?:and|or|,|&)\s*\d+(?!\s*%))*",
    # "F-35", "S-400", "Su-57", "COVID-19", "PAC-3", "B-52H", "T-72B3"; not "mid-2025", "pre-2014"
    r"\b(?!(?:mid|early|late|pre|post|end|start|year|the|and|or|to|by|in|on|of)-)"
    r"[A-Za-z]{1,8}-\d+[A-Za-z0-9]*(?:-\d+)?",
    # "G7", "MH17", "A400M", "P8", "HIMARS2"; not "Q2" (a quarter) nor currencies ("USD5", "RM12.40")
    r"\b(?!Q[1-4]\b)(?!(?:US|Rs|RM|Rp|R|C|A|S|NZ|HK|" + "|".join(ISO_CODES) + r")\$?\d)"
    r"[A-Z]{1,6}\d+[A-Za-z0-9]*\b",
    # numbers named by what follows them (one alternative, so a position without a digit is passed at once):
    r"\b(?=\d)(?:"
    # Boeing's 7x7 airliners and their variants: "787-9s", "737-800", "777-300ER", "its newest 737 model"
    r"7[0-8]7(?:-\d{1,3}[A-Za-z]*|(?=\s+(?:models?|jets?|jetliners?|airliners?|planes?|aircraft|freighters?|"
    r"fleets?|family|program|programme)\b))"
    # the words of a model's name: "16 Pro", "15 Plus", "737 MAX 9"
    rf"|\d+\s+(?:{_MODEL_WORDS})(?![\w-])(?:\s+\d+\b)?"
    # "5G", "4K", "3D" and the like: digits glued to capital letters that are not a known suffix
    r"|\d+(?!(?:bn|BN|Bn|m|M|K|k|tn|TN|pc|pp|km|kg|mm|cm|st|nd|rd|th|s|e|mn|MW|GW|kW|TWh|GWh|MWh|"
    r"KB|MB|GB|TB|PB|Kbps|Mbps|Gbps|MHz|GHz|MP|mAh|Wh|kWh|C|F)\b)"
    r"[A-Z][A-Za-z]*\b"
    # letters dialled after digits: "78-CRIME", "1-800-FLOWERS" (read from the start of the run of digits and dashes:
    # from each digit inside "1-1-1-..." it was quadratic)
    r"|(?<![\d-])\d+(?:-\d+)*-(?!(?:MPH|KPH|RPM)\b)[A-Z]{3,}\b"
    # a thing named by its number alone, told by its singular verb: "the 928 is an update", "the 928 ups its
    # predecessor" (a count takes a plural one: "the 300 were evacuated"); never a year
    r"|(?<=\b[Tt]he\s)(?!(?:1[89]|20)\d\d\b)\d{2,5}(?=\s+(?:is|was|has|does|isn't|wasn't|hasn't|doesn't|remains|"
    r"comes|costs|offers|features|packs|boasts|weighs|sports|ups|adds|gets|looks|uses|runs|sits|starts|ships)\b))",
    # phone numbers: "+44 20 7946 0958", "(555) 123-4567", "555-123-4567"
    r"(?:\+\d{1,3}[\s.\-]?)?\(?\d{2,4}\)?[\s.\-]\d{3,4}[\s.\-]\d{3,4}(?![\d%])",
    r"\+\d{1,3}[\s.\-]?\d{2,4}(?:[\s.\-]\d{2,4}){1,3}",
    # clock times: "17:00", "5 p.m.", "9am", "10.30pm"
    r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|CET\b|CEST\b|BST\b|EST\b|ET\b|GMT)",
    r"\b\d{1,2}:\d{2}(?::\d{2})?\b",
    # a wire service's 24-hour clock: "by 7:40 p.m. (2030 GMT)", never a year
    r"\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC)\b",
    # a footnote's mark: "price(2)"
    r"(?<=[A-Za-z])\(\d{1,2}\)",
    # web and mail addresses, hashtags, handles, version strings
    r"(?:https?://|www\.)\S+|" + _MAIL + r"|[#@]\w+",
    r"\bv?\d+\.\d+\.\d+(?:\.\d+)*\b",
]
IDENTIFIER = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# the same without the mail address, which looks up to 64 characters ahead of every word character for an "@": the
# scan of a sentence without one (a tenth of the time)
_IDENTIFIER_NO_MAIL = re.compile("|".join(f"(?:{p.replace(_MAIL + '|', '')})" for p in _PATTERNS))


def identifier_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of `sentence` that are names or identifiers, where no mention may start."""
    pattern = IDENTIFIER if "@" in sentence else _IDENTIFIER_NO_MAIL
    return [m.span() for m in pattern.finditer(sentence)]
