"""How well the text analysis finds quotes, people and organisations, against hand annotations.

    .venv/bin/python bench/extraction_eval.py [--set tuning heldout] [--verbose]

Each document of ``bench/extraction/<set>/`` is a ``*.txt`` in the archive's
layout with a ``*.json`` beside it, written by hand from the text before the
analysis was run on it (see ``bench/extraction/README.md``). The scorer parses
the document with ``newstext.parse_document``, as the importer does, and prints
recall and precision for each set:

* quotes with the right speaker: a found quote counts when its words match an
  annotated quote's (token F1 of at least ``QUOTE_MATCH``, so a dropped comma or
  a different join of a split quote does not matter) and its speaker is the
  annotated speaker;
* people: the humans named in the body, by full name (kind ``person``);
* organisations: the organisations quoted as speakers, by full name (kind
  ``organisation``);
* bylines: each byline's author names, in order (the article's and the related
  items' where annotated), counted per byline.

``--verbose`` lists every miss and every wrong find, per document.
"""

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newstext import ORGANISATION, PERSON, decode_document, parse_document  # noqa: E402

EXTRACTION = ROOT / "bench" / "extraction"
SETS = ("tuning", "heldout", "heldout2", "heldout3")
QUOTE_MATCH = 0.8  # token F1 above which a found quote's words are the annotated quote's
_WORD_RE = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFC", text).casefold())


def name_key(name: str) -> str:
    return " ".join(words(name.replace("’", "'")))


def overlap(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.found += other.found
        self.expected += other.expected
        self.right += other.right

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0


def score_names(found: list[str], expected: list[str]) -> Tally:
    found_keys = {name_key(name): name for name in found}
    expected_keys = {name_key(name): name for name in expected}
    tally = Tally(found=len(found_keys), expected=len(expected_keys))
    tally.right = len(found_keys.keys() & expected_keys.keys())
    tally.misses = [expected_keys[key] for key in expected_keys.keys() - found_keys.keys()]
    tally.wrong = [found_keys[key] for key in found_keys.keys() - expected_keys.keys()]
    return tally


def score_quotes(found: list[tuple[str, str]], expected: list[tuple[str, str]]) -> Tally:
    tally = Tally(found=len(found), expected=len(expected))
    unmatched = list(range(len(expected)))
    for speaker, text in found:
        tokens = words(text)
        best, best_score = None, QUOTE_MATCH
        for index in unmatched:
            score = overlap(tokens, words(expected[index][1]))
            if score >= best_score:
                best, best_score = index, score
        if best is not None and name_key(expected[best][0]) == name_key(speaker):
            unmatched.remove(best)
            tally.right += 1
        elif best is not None:
            unmatched.remove(best)
            tally.wrong.append(f"{speaker!r} for {expected[best][0]!r}: “{text[:60]}”")
            tally.misses.append(f"{expected[best][0]}: “{expected[best][1][:60]}” (given to {speaker})")
        else:
            tally.wrong.append(f"{speaker}: “{text[:60]}”")
    for index in unmatched:
        if not any(f"“{expected[index][1][:60]}”" in miss for miss in tally.misses):
            tally.misses.append(f"{expected[index][0]}: “{expected[index][1][:60]}”")
    return tally


def score_bylines(document, gold: dict) -> Tally:
    pairs = [([a.name for a in document.authors], gold.get("authors"))]
    related = gold.get("related_authors")
    if related is not None:
        pairs += [
            ([a.name for a in item.authors], names)
            for item, names in zip(document.related, related, strict=True)
        ]
    tally = Tally()
    for found, expected in pairs:
        if expected is None:
            continue
        tally.found += 1
        tally.expected += 1
        if found == expected:
            tally.right += 1
        else:
            tally.misses.append(f"{expected} read as {found}")
    return tally


KINDS = ("quotes", "people", "organisations", "bylines")


def score_document(path: Path) -> dict[str, Tally]:
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    document = parse_document(decode_document(path.read_bytes()))
    return {
        "quotes": score_quotes(
            [(quote.speaker, quote.text) for quote in document.quotes],
            [(quote["speaker"], quote["text"]) for quote in gold["quotes"]],
        ),
        "people": score_names([m.name for m in document.people if m.kind == PERSON], gold["people"]),
        "organisations": score_names(
            [m.name for m in document.people if m.kind == ORGANISATION], gold["organisations"]
        ),
        "bylines": score_bylines(document, gold),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", nargs="+", choices=SETS, default=list(SETS), dest="sets")
    parser.add_argument("--verbose", action="store_true", help="list every miss and wrong find")
    args = parser.parse_args()
    print(f"{'set':<9} {'docs':>4}  " + "  ".join(f"{kind:>22}" for kind in KINDS))
    print(f"{'':<9} {'':>4}  " + "  ".join(f"{'recall  precision':>22}" for _ in KINDS))
    for name in args.sets:
        paths = sorted((EXTRACTION / name).glob("*.txt"))
        totals = {kind: Tally() for kind in KINDS}
        started = time.perf_counter()
        report = []
        for path in paths:
            scores = score_document(path)
            for kind, tally in scores.items():
                totals[kind].add(tally)
                for miss in tally.misses:
                    report.append(f"  {path.stem}  {kind} missed: {miss}")
                for wrong in tally.wrong:
                    report.append(f"  {path.stem}  {kind} wrong:  {wrong}")
        elapsed = time.perf_counter() - started
        cells = "  ".join(
            f"{t.recall:>6.3f} {t.precision:>6.3f} ({t.right}/{t.expected}/{t.found})"
            for t in (totals[kind] for kind in KINDS)
        )
        print(f"{name:<9} {len(paths):>4}  {cells}   {elapsed * 1000 / max(1, len(paths)):.1f} ms/doc")
        if args.verbose:
            print("\n".join(report))
    print("(right/annotated/found)")


if __name__ == "__main__":
    main()
