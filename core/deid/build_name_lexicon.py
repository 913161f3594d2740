"""Build ``name_lexicon.txt`` from names-dataset (a build step, never run by the app).

names-dataset 3.3 (Apache-2.0, Philippe Remy; first and last names of 105 countries from a
public social-network dump) is a 56 MB wheel that needs about 3 GB of memory to load, so the
app cannot use it directly. This keeps every first name ranked in the top 1,000 and every
surname in the top 2,000 of any country, and marks which of them are also everyday words
(English or Spanish): those need a cue before they count as a person ("hour", "will", "rose",
"dolores"). Run once with the wheel unpacked and wordfreq importable:

    python -m core.deid.build_name_lexicon NAMES_DATASET_DIR EN_WORDS ES_WORDS > core/deid/name_lexicon.txt

EN_WORDS / ES_WORDS: one word a line (Debian's wamerican / wspanish word lists).
Output lines: ``name<TAB>kinds`` with kinds from f (first name), l (surname), w (needs a cue),
s (needs a cue in Spanish text), d (a dictionary word of either language, however rare:
"forklift", "pallet"; the export gate's second look does not flag those alone, decision 0154).

Adding d to an existing lexicon (no names-dataset needed):

    python -m core.deid.build_name_lexicon --mark-dictionary LEXICON EN_WORDS ES_WORDS > new.txt
"""

from __future__ import annotations

import gzip
import pickle
import sys
import unicodedata
from pathlib import Path

FIRST_RANK = 1000
LAST_RANK = 2000
# Tokens of chat and speech that the dump holds as "names".
_SPEECH = set("""ok okay yeah yea yep nope nah bro haha jaja jajaja xd lol im ll um uh mm hmm hey hi
oye pues bueno mijo mija amigo amiga señor señora don doña gonna wanna gotta kinda sorta yall
güey guey wey órale orale ándale andale neta chamba jefe jefa patrón patron compa carnal ahorita
ajá aja ay ey eh mande sale va vale híjole hijole chido padre madre tío tía abuela abuelo
iba iban daba daban decía decían hacía hacían tenía tenían quería querían podía podían sabía sabían
van vamos dan den fueron eran estaban tienen dicen hacen ponen salen vienen llegan""".split())  # noqa: SIM905


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _pick(path: Path, limit: int) -> dict[str, int]:
    with gzip.open(path) as fh:
        data = pickle.load(fh)  # the names-dataset wheel's own file, read at build time
    out: dict[str, int] = {}
    for name, info in data.items():
        ranks = [r for r in (info.get("rank") or {}).values() if r]
        if ranks and min(ranks) <= limit and name.isalpha():
            low = name.lower()
            out[low] = min(out.get(low, limit), min(ranks))
    return out


def mark_dictionary(lexicon: Path, en_path: Path, es_path: Path) -> str:
    """The lexicon with "d" added to every name that a word list holds in lower case."""
    from core.deid.lexicon import COMMON_SURNAMES
    en_lines = en_path.read_text(encoding="utf-8").splitlines()
    en = {w.strip() for w in en_lines if w[:1].islower()}
    # wspanish lists surnames in lower case too ("garcía", "ortega"): a Spanish word counts
    # unless wamerican spells it as a proper noun or it is a common US surname.
    proper = {_fold(w.strip().lower()) for w in en_lines if w[:1].isupper()}
    es = {_fold(w.strip().lower()) for w in es_path.read_text(encoding="utf-8").splitlines() if w[:1].islower()}
    es -= proper | {_fold(n) for n in COMMON_SURNAMES}
    out = []
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, kinds = line.partition("\t")
            if (name in en or (_fold(name) in es and "f" not in kinds)) and "d" not in kinds:
                line = f"{name}\t{kinds}d"
        out.append(line)
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--mark-dictionary":
        sys.stdout.write(mark_dictionary(Path(argv[1]), Path(argv[2]), Path(argv[3])))
        return 0
    from wordfreq import zipf_frequency  # type: ignore[import-not-found]

    from core.deid.lexicon import COMMON_GIVEN_NAMES, COMMON_SURNAMES, EVERYDAY_ES, EVERYDAY_NAMES
    root, en_path, es_path = Path(argv[0]), Path(argv[1]), Path(argv[2])
    first = _pick(root / "names_dataset" / "v3" / "first_names.pkl.gz", FIRST_RANK)
    last = _pick(root / "names_dataset" / "v3" / "last_names.pkl.gz", LAST_RANK)
    en = {w.strip() for w in en_path.read_text(encoding="utf-8").splitlines() if w[:1].islower()}
    es = {_fold(w.strip().lower()) for w in es_path.read_text(encoding="utf-8").splitlines()}
    # wspanish also lists surnames in lower case ("garcía", "ortega"); wamerican spells proper
    # nouns with a capital, so a word it has only capitalised is a name, not a Spanish word.
    en_lines = en_path.read_text(encoding="utf-8").splitlines()
    proper = {_fold(w.strip().lower()) for w in en_lines if w[:1].isupper()} - {w.strip() for w in en_lines}
    # The hand-picked given names are names first, even when also rare words ("maria");
    # surnames alone are not (white, long, hall).
    hand = COMMON_GIVEN_NAMES - EVERYDAY_NAMES
    rows = []
    for name in sorted(set(first) | set(last)):
        kinds = ("f" if name in first else "") + ("l" if name in last else "")
        folded = _fold(name)
        wordlike = (name in EVERYDAY_NAMES or name in _SPEECH or len(name) <= 2
                    or (name in en and zipf_frequency(name, "en") >= 3.0)
                    or (folded in es and folded not in COMMON_SURNAMES and zipf_frequency(name, "es") >= 3.0
                        # a proper noun in wamerican ("Iban") is still a Spanish word ("iban",
                        # they went) when Spanish uses it far more than English does
                        and (folded not in proper or zipf_frequency(name, "es") >= zipf_frequency(name, "en") + 1.5))
                    or zipf_frequency(name, "en") >= 4.3 or zipf_frequency(name, "es") >= 5.0)
        if wordlike and name not in hand and folded not in hand:
            kinds += "w"
        elif name in EVERYDAY_ES:
            kinds += "s"  # a word in Spanish text only
        rows.append(f"{name}\t{kinds}")
    sys.stdout.write("# name-lexicon v1: names-dataset 3.3.1 (Apache-2.0), see name_lexicon.LICENSE\n")
    sys.stdout.write("\n".join(rows) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
