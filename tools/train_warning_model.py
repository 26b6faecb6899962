#!/usr/bin/env python3
"""Train the warning-sign model milkbot embeds (content/warning-model.bin).

The red-flag triggers of the content files catch the warning signs phrased as the lists they
were written from; messages put in words nobody listed slip past about one time in five. This
model is the second net: a multinomial logistic regression over hashed character n-grams and
words (see FEATURES), one per language, with a class per red-flag topic and one for "no
warning sign". The bot applies it in src/domain/faq/warning_model.rs, with the same features.

What it learns from (all of it tuning data; the frozen and fresh test sets are never read):
- warning signs: the content's red-flag example questions, the red flags of
  tests/data/faq_tuning*.toml and tests/data/faq_safety_tuning*.toml, and the warning signs
  of tests/data/warning_signs*.toml;
- no warning sign: every other example question, paraphrase and title of the content, its
  not_ours questions, the out-of-scope questions of those lists, and the near misses of
  tests/data/warning_signs*.toml ("not_red_flags").

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn==1.9.1
    /tmp/venv/bin/python tools/train_warning_model.py          # writes the model
    /tmp/venv/bin/python tools/train_warning_model.py --folds  # cross-validated figures

The file starts with the SHA-256 of every input (this script included), which a unit test
recomputes: change an input and the test asks for this script to be run again. Each language
also carries a few probe texts with the probability this script computed for them, so the
unit tests prove the Rust features are these.
"""

import argparse
import hashlib
import struct
import sys
import tomllib
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "content" / "warning-model.bin"
MAGIC = b"milkbot warning model 1\n"
LANGS = ["en", "es", "ru"]
# The classes, in order: class 0 is "no warning sign".
NONE = "(none)"
# The red-flag topics of the English content, in file order (every language has the same).
RED_FLAGS = [
    t["id"]
    for t in tomllib.loads((ROOT / "content" / "faq.toml").read_text())["topic"]
    if t.get("red_flag")
]
BITS = 13
C = 30.0
FEATURES = "words, word pairs and the 3- to 5-letter pieces of ' word ', hashed (FNV-1a 64) into 2^13"
FOLD = str.maketrans(
    {
        "á": "a", "à": "a", "â": "a", "ä": "a", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "í": "i", "ì": "i", "î": "i", "ï": "i", "ó": "o", "ò": "o", "ô": "o", "ö": "o",
        "ú": "u", "ù": "u", "û": "u", "ü": "u", "ñ": "n", "ç": "c", "ё": "е",
    }
)
PROBES = [
    "my baby is breathing really fast and her lips look blue",
    "how long can pumped milk stay in the fridge?",
    "Tengo 38,5 de fiebre y un bulto rojo en el pecho 😣",
    "малыш почти не писает и всё время спит",
    "Ça va? ÑANDÚ 100.4°F l'été",
]


def suffix(lang):
    return "" if lang == "en" else "." + lang


def inputs():
    """Every file the model is learned from, in the order the hash reads them."""
    files = []
    for lang in LANGS:
        files.append(ROOT / "content" / f"faq{suffix(lang)}.toml")
        files.append(ROOT / "tests" / "data" / f"faq_tuning{suffix(lang)}.toml")
        files.append(ROOT / "tests" / "data" / f"faq_safety_tuning{suffix(lang)}.toml")
        files.append(ROOT / "tests" / "data" / f"warning_signs{suffix(lang)}.toml")
    files.append(Path(__file__).resolve())
    return files


def inputs_hash():
    h = hashlib.sha256()
    for f in inputs():
        data = f.read_bytes()
        h.update(struct.pack("<Q", len(data)))
        h.update(data)
    return h.digest()


def words(text):
    t = text.lower().replace("’", "").replace("'", "").translate(FOLD)
    return "".join(c if c.isalnum() else " " for c in t).split()


def features(text):
    ws = words(text)
    f = set()
    for w in ws:
        f.add("w " + w)
        p = " " + w + " "
        chars = list(p)
        for n in range(3, 6):
            for i in range(len(chars) - n + 1):
                f.add("c " + "".join(chars[i : i + n]))
    for a, b in zip(ws, ws[1:]):
        f.add("b " + a + " " + b)
    return f


def fnv1a(s):
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def matrix(texts):
    rows, cols, vals = [], [], []
    for r, t in enumerate(texts):
        f = features(t)
        v = 1.0 / np.sqrt(max(len(f), 1))
        for k in f:
            rows.append(r)
            cols.append(fnv1a(k) & ((1 << BITS) - 1))
            vals.append(v)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << BITS))


def load(lang):
    """(texts, labels, groups): label 0 is no warning sign, i + 1 is RED_FLAGS[i]."""
    texts, labels, groups = [], [], []

    def add(text, label, group):
        texts.append(text)
        labels.append(0 if label == NONE else 1 + RED_FLAGS.index(label))
        groups.append(group)

    content = tomllib.loads((ROOT / "content" / f"faq{suffix(lang)}.toml").read_text())
    for t in content["topic"]:
        if t.get("red_flag"):
            for q in t.get("questions", []):
                add(q, t["id"], "warning sign")
        else:
            for q in [t["title"]] + t.get("questions", []) + t.get("paraphrases", []):
                add(q, NONE, "content question")
    for q in content.get("not_ours", []):
        add(q, NONE, "out of scope")
    for name in ["faq_tuning", "faq_safety_tuning", "warning_signs"]:
        lists = tomllib.loads((ROOT / "tests" / "data" / f"{name}{suffix(lang)}.toml").read_text())
        for q, topic in lists.get("red_flags", []):
            add(q, topic, "warning sign")
        for q in lists.get("out_of_scope", []):
            add(q, NONE, "out of scope")
        for q in lists.get("not_red_flags", []):
            add(q, NONE, "near miss")
    return texts, np.array(labels), groups


def fit(x, y):
    """The regression, with the warning signs weighted so that together they count as much as
    the texts with none (they are fewer)."""
    positives = max(int((y > 0).sum()), 1)
    weight = np.where(y > 0, (y == 0).sum() / positives, 1.0)
    return LogisticRegression(C=C, max_iter=5000).fit(x, y, sample_weight=weight)


def folds(lang):
    """Five-fold cross-validated P(warning sign) of every text, with the share of each group
    above a few thresholds."""
    texts, y, groups = load(lang)
    x = matrix(texts)
    p = np.zeros(len(texts))
    right = np.zeros(len(texts), dtype=bool)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, y):
        probs = fit(x[train], y[train]).predict_proba(x[test])
        p[test] = 1.0 - probs[:, 0]
        right[test] = probs[:, 1:].argmax(axis=1) + 1 == y[test]
    g = np.array(groups)
    for t in [0.5, 0.6, 0.7, 0.8, 0.9]:
        line = [f"{lang} P >= {t}:"]
        for name in ["warning sign", "content question", "out of scope", "near miss"]:
            mask = g == name
            hits = (p >= t) & mask
            if name == "warning sign":
                hits &= right
                line.append(f"warning signs caught on the right topic {hits.sum()}/{mask.sum()};")
            else:
                line.append(f"{name} {hits.sum()}/{mask.sum()};")
        print(" ".join(line))


def write():
    out = bytearray(MAGIC)
    out += inputs_hash()
    out += bytes([BITS, len(LANGS)])
    for lang in LANGS:
        texts, y, _ = load(lang)
        model = fit(matrix(texts), y)
        classes = [NONE] + RED_FLAGS
        if list(model.classes_) != list(range(len(classes))):
            sys.exit(f"{lang}: some red-flag topic has no example")
        # Bucket-major f16 weights, and the probabilities they give (not the f32 model's).
        w = model.coef_.T.astype(np.float16)
        b = model.intercept_.astype(np.float32)
        out += bytes([len(lang)]) + lang.encode()
        out += bytes([len(classes)])
        for c in classes:
            out += bytes([len(c.encode())]) + c.encode()
        out += b.astype("<f4").tobytes()
        out += w.astype("<f2").tobytes()
        out += struct.pack("<H", len(PROBES))
        xp = matrix(PROBES)
        logits = xp @ w.astype(np.float64) + b.astype(np.float64)
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        for text, pr in zip(PROBES, probs):
            enc = text.encode()
            out += struct.pack("<H", len(enc)) + enc + struct.pack("<f", 1.0 - pr[0])
        print(f"{lang}: {len(texts)} texts, {int((y > 0).sum())} warning signs")
    OUT.write_bytes(bytes(out))
    print(f"wrote {OUT.relative_to(ROOT)} ({len(out)} bytes)")


if __name__ == "__main__":
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--folds", action="store_true", help="print cross-validated figures")
    if args.parse_args().folds:
        for lang in LANGS:
            folds(lang)
    else:
        write()
