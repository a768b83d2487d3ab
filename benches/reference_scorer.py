#!/usr/bin/env python3
"""The reference keyword scorer that `rehearse eval` is timed against.

For each graded row: the content words of the reference answer (lower case,
letters and digits, stop words and one-letter words left out) are looked for
in the student's answer with rapidfuzz's `partial_ratio`; a word counts as
covered at 80 or more. The score is the covered share, 0-100. One process
reads the whole JSON Lines file and prints the Pearson correlation with the
gold grades, so its time is comparable with one `rehearse eval FILE` run.

    pip install rapidfuzz
    python3 benches/reference_scorer.py ../shared/eval/mohler-dev.jsonl
"""

import json
import re
import sys

from rapidfuzz import fuzz

STOP = set(
    "a an the and or but if then else of to in on at by for with from as is are was were be been "
    "being it its this that these those there here which who whom what when where why how not no "
    "do does did can could should would may might will shall has have had i you he she we they them "
    "his her their our your my me us so than too very also into out up down over under about".split()
)
WORD = re.compile(r"[a-z0-9]+")


def content_words(text):
    seen = []
    for word in WORD.findall(text.lower()):
        if len(word) > 1 and word not in STOP and word not in seen:
            seen.append(word)
    return seen


def score(reference, answer):
    words = content_words(reference)
    if not words:
        return 0.0
    answer = answer.lower()
    covered = sum(1 for w in words if fuzz.partial_ratio(w, answer) >= 80)
    return 100.0 * covered / len(words)


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5 if sxx and syy else 0.0


def main(path):
    predicted, gold = [], []
    with open(path, encoding="utf-8") as rows:
        for line in rows:
            if line.strip():
                row = json.loads(line)
                predicted.append(score(row["reference"], row["answer"]))
                gold.append(float(row["score"]))
    print(f"rows {len(gold)}  pearson {pearson(predicted, gold):.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
