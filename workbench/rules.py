"""Rules: what a table's description alone cannot say, as YAML a fact-checker edits (rules/README.md).

Entity aliases, tolerances, how periods are chosen, the plain-English words of comparison, ranking and
change, and event rules. Every file is validated at load. A file with an error is refused with file, line
and reason, and the other files still load; only safe YAML is read (no tags that build Python objects).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from workbench import rules_dir
from workbench.extract.vague import VAGUE_FILE_NAME, RuleFileError, load_vague_quantifiers

# what each kind of rule needs, and of which type
KINDS: dict[str, dict[str, type]] = {
    "event_dates": {"table": str},
}
OPTIONAL: dict[str, type] = {"description": str, "signals": list, "gatherings": list, "events": list,
                              "entity_words": list, "step_words": list, "ages": list}
EVENT_LISTS = ("events", "ages")  # lists of {event_id, words}, not of words
# the word lists of checking.yaml: section -> the keys it must have
WORD_SECTIONS: dict[str, tuple[str, ...]] = {
    "comparisons": ("below", "above", "at_or_above"),
    "ranks": ("high", "low"),
    "changes": ("rise", "fall"),
    "measure_objects": ("verbs", "prepositions"),
    "sources": ("attributions",),
    "periods": (),
}
WORD_SECTIONS_OPTIONAL: dict[str, tuple[str, ...]] = {  # lists added later: a rule file without them still loads
    "comparisons": ("differences",),
    "ranks": ("first_time", "over_time"),
    "changes": ("over_a_year",),
    "measure_objects": ("denominators",),
    "periods": ("now",),
    "sources": ("sayings",),
}
PERIOD_SOURCES = ("publication_period", "latest_available")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    params: dict
    file: str
    line: int

    def words(self, key: str) -> list[str]:
        return [str(w) for w in self.params.get(key) or []]


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (form, entity), longest form first
    approx_factor: dict[str, float] = field(default_factory=dict)
    nearly_share: float = 0.1
    period_order: tuple[str, ...] = PERIOD_SOURCES
    stale_after_years: int = 1
    words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # checking.yaml's word lists
    cutoffs: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()  # words after which a figure is a plan, a demand or a forecast
    errors: list[str] = field(default_factory=list)

    def word_list(self, section: str, key: str) -> tuple[str, ...]:
        return self.words.get(section, {}).get(key, ())


def _line_of(node: yaml.Node | None, *path: str | int) -> int:
    """The 1-based line of the node at `path` in a composed YAML document (or of its nearest parent)."""
    line = 1
    for step in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            node = None
    return node.start_mark.line + 1 if node is not None else line


MAX_RULE_FILE_BYTES = 1_000_000  # a rule file is a page of words; anything larger is a mistake or an attack


def _read_yaml(path: Path) -> tuple[object, yaml.Node | None]:
    try:
        if path.stat().st_size > MAX_RULE_FILE_BYTES:
            raise RuleFileError(f"{path}: larger than {MAX_RULE_FILE_BYTES // 1000} kB, not a rule file")
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text), yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(f"{path}: cannot be read ({error})") from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f", line {mark.line + 1}" if mark else ""
        raise RuleFileError(f"{path}{line}: {error.problem or error}") from error
    except yaml.YAMLError as error:
        raise RuleFileError(f"{path}: {error}") from error


def _check_rule(item: object, path: Path, line: int, seen: set[str]) -> Rule:
    where = f"{path}, line {line}"
    if not isinstance(item, dict):
        raise RuleFileError(f"{where}: a rule must be a mapping with an id and a kind")
    rule_id, kind = item.get("id"), item.get("kind")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleFileError(f"{where}: the rule needs an 'id'")
    if rule_id in seen:
        raise RuleFileError(f"{where}: rule id '{rule_id}' is used twice")
    if kind not in KINDS:
        raise RuleFileError(f"{where}: rule '{rule_id}' has kind {kind!r}; known kinds: {', '.join(KINDS)}")
    for key, wanted in KINDS[kind].items():
        if not isinstance(item.get(key), wanted):
            raise RuleFileError(f"{where}: rule '{rule_id}' needs '{key}' ({'a list' if wanted is list else 'text'})")
    for key, value in item.items():
        if key not in EVENT_LISTS and isinstance(value, list) and not all(isinstance(w, str) for w in value):
            raise RuleFileError(f"{where}: rule '{rule_id}': '{key}' must be a list of words")
    for key, value in item.items():
        if key in ("id", "kind") or key in KINDS[kind]:
            continue
        if key not in OPTIONAL:
            raise RuleFileError(f"{where}: rule '{rule_id}' has an unknown key '{key}'")
        if not isinstance(value, OPTIONAL[key]):
            raise RuleFileError(f"{where}: rule '{rule_id}': '{key}' must be {OPTIONAL[key].__name__}")
    if kind == "event_dates" and not (item.get("signals") or item.get("events") or item.get("entity_words")):
        raise RuleFileError(f"{where}: rule '{rule_id}' needs 'signals', 'events' or 'entity_words'")
    for key in EVENT_LISTS:
        for event in item.get(key) or []:
            if not (isinstance(event, dict) and isinstance(event.get("event_id"), str) and isinstance(
                    event.get("words"), list) and all(isinstance(w, str) for w in event["words"])):
                raise RuleFileError(f"{where}: rule '{rule_id}': each of '{key}' needs an 'event_id' and a list of "
                                    "'words'")
    seen.add(rule_id)
    return Rule(rule_id, kind, {k: v for k, v in item.items() if k not in ("id", "kind")}, path.name, line)


def _load_file(path: Path, ruleset: RuleSet, seen: set[str]) -> None:
    data, root = _read_yaml(path)
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}, line 1: expected a mapping of sections (rules, entities, tolerance...)")
    rules: list[Rule] = []
    for index, item in enumerate(data.get("rules") or []):
        rules.append(_check_rule(item, path, _line_of(root, "rules", index), seen))
    aliases: list[tuple[str, str]] = []
    for entity, forms in (data.get("entities") or {}).items():
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise RuleFileError(f"{path}, line {_line_of(root, 'entities', entity)}: "
                                f"entity '{entity}' needs a list of names")
        aliases.extend((form, str(entity)) for form in forms)
    words: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, keys in WORD_SECTIONS.items():
        if section not in data:
            continue
        lists = data[section]
        if not isinstance(lists, dict) or any(k not in lists for k in keys):
            raise RuleFileError(f"{path}, line {_line_of(root, section)}: '{section}' needs {', '.join(keys)}")
        keys = keys + tuple(k for k in WORD_SECTIONS_OPTIONAL.get(section, ()) if k in lists)
        for key in keys:
            if not isinstance(lists[key], list) or not all(isinstance(w, str) for w in lists[key]):
                raise RuleFileError(f"{path}, line {_line_of(root, section, key)}: '{section}.{key}' must be a "
                                    "list of words (quote yes/no/on/off)")
        words[section] = {k: tuple(lists[k]) for k in keys}
    plans = data.get("plans") or []
    if not isinstance(plans, list) or not all(isinstance(w, str) for w in plans):
        raise RuleFileError(f"{path}, line {_line_of(root, 'plans')}: 'plans' must be a list of words")
    cutoffs = data.get("cutoffs") or []
    if not isinstance(cutoffs, list) or not all(isinstance(w, str) for w in cutoffs):
        raise RuleFileError(f"{path}, line {_line_of(root, 'cutoffs')}: 'cutoffs' must be a list of words")
    periods = data.get("periods") or {}
    order = periods.get("order", list(PERIOD_SOURCES)) if isinstance(periods, dict) else None
    if not isinstance(order, list) or any(o not in PERIOD_SOURCES for o in order):
        raise RuleFileError(f"{path}, line {_line_of(root, 'periods', 'order')}: 'periods.order' must list some of "
                            f"{', '.join(PERIOD_SOURCES)}")
    stale = periods.get("stale_after_years", 1)
    if not isinstance(stale, int) or stale < 0:
        raise RuleFileError(f"{path}, line {_line_of(root, 'periods', 'stale_after_years')}: "
                            "'periods.stale_after_years' must be a whole number of years")
    tolerance = data.get("tolerance") or {}
    if not isinstance(tolerance, dict):
        raise RuleFileError(f"{path}, line {_line_of(root, 'tolerance')}: 'tolerance' must be a mapping")
    factors = tolerance.get("approx_factor", {})
    if not isinstance(factors, dict) or not all(isinstance(v, (int, float)) for v in factors.values()):
        raise RuleFileError(f"{path}, line {_line_of(root, 'tolerance', 'approx_factor')}: "
                            "approx_factor must map approx words to numbers")
    # the whole file is sound: only now does it change the rule set
    ruleset.rules.extend(rules)
    ruleset.aliases.extend(aliases)
    ruleset.approx_factor.update({str(k): float(v) for k, v in factors.items()})
    ruleset.words.update(words)
    ruleset.cutoffs += tuple(cutoffs)
    ruleset.plans += tuple(plans)
    if "periods" in data:
        ruleset.period_order, ruleset.stale_after_years = tuple(order), stale
    if "nearly_share" in tolerance:
        ruleset.nearly_share = float(tolerance["nearly_share"])


def load_rules(directory: Path | None = None) -> RuleSet:
    """All rule files of `directory`; `errors` names each refused file with line and reason."""
    directory = directory or rules_dir()
    ruleset = RuleSet()
    seen: set[str] = set()
    for path in sorted(directory.glob("*.yaml")):
        try:
            if path.name == VAGUE_FILE_NAME:
                load_vague_quantifiers(path)
            else:
                _load_file(path, ruleset, seen)
        except RuleFileError as error:
            ruleset.errors.append(str(error))
    ruleset.aliases.sort(key=lambda pair: len(pair[0]), reverse=True)
    return ruleset
