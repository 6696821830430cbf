#!/usr/bin/env python3
"""Builds the offline engine's Indonesian -> English lexicon.

Inputs (see README.md in this folder):
  * FreeDict eng-ind (Debian package dict-freedict-eng-ind, CC-BY-SA-3.0): English -> Indonesian, inverted here.
  * hunspell-id (Debian package hunspell-id, LGPL-3): Indonesian stems, used as the set of known lemmas so that the
    morphology can tell a real stem from a stripped fragment.
  * core.tsv and phrases.tsv in this folder: entries written for this project (function words, news vocabulary,
    multi-word expressions). They win over FreeDict.

Output:
  src/main/resources/offline/lexicon.tsv.gz (CC-BY-SA-3.0), one entry a line: indonesian<TAB>english<TAB>source<TAB>pos
    source: c = own entry (core.tsv), f = FreeDict.
  src/main/resources/offline/stems.txt.gz (LGPL-3): hunspell stems the lexicon has no rendering for, one a line;
    the morphology treats them as known words so it does not strip them into a wrong stem.
  pos: n, pn (proper noun: place, language), adj, v, adv, num, prep, conj, pron, det, intj, part, or empty.

Rerun: python3 src/lexicon/build_lexicon.py  (from the repository root). Deterministic: same inputs, same output.
"""
import collections
import gzip
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
FREEDICT = '/usr/share/dictd/freedict-eng-ind.dict.dz'
HUNSPELL = '/usr/share/hunspell/id_ID.dic'
OUT = os.path.join(ROOT, 'src', 'main', 'resources', 'offline', 'lexicon.tsv.gz')
# Hunspell stems go to a file of their own: they carry a different licence (LGPL-3) from the lexicon (CC-BY-SA-3.0).
STEMS_OUT = os.path.join(ROOT, 'src', 'main', 'resources', 'offline', 'stems.txt.gz')

HEADWORD = re.compile(r'^(?P<word>[^/<]+?)\s+(?:/.*/\s+)?<(?P<pos>[a-z ]+)>$')
SENSE_START = re.compile(r'^(?:(?P<n>\d+)\.\s+)?(?P<body>.+?)(?:\s+\d+\.)?$')
IND_OK = re.compile(r"^[a-zA-Z][a-zA-Z\- ']*[a-zA-Z]$")
ENG_OK = re.compile(r"^[A-Za-z][A-Za-z\- ']*[A-Za-z]$")
# Proper nouns worth keeping: places and languages, not people's given names (a name is kept as written).
PN_KEEP = re.compile(r'\b(country|continent|capital|city|sea|ocean|island|islands|province|state|region|language|'
                     r'river|mountain|desert|religion|planet|month|day of the week|people)\b', re.I)
# Parts of speech kept in the lexicon, short: the reordering rules need nouns, adjectives, verbs and places.
POS = {'n': 'n', 'pn': 'pn', 'adj': 'adj', 'v': 'v', 'adv': 'adv', 'numeral': 'num', 'preposition': 'prep',
       'conjunction': 'conj', 'pronoun': 'pron', 'determiner': 'det', 'interjection': 'intj', 'particle': 'part',
       'article': 'det'}
SKIP_POS = {'prefix', 'suffix', 'proverb', 'symbol'}


def read_freedict(path):
    """Yields (english, pos, sense_no, position, n_translations, translations, gloss) per sense."""
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        lines = f.read().split('\n')
    entry = None
    expect_translation = False
    for line in lines:
        m = HEADWORD.match(line)
        if m and not line.startswith(' '):
            if entry:
                yield from finish(entry)
            entry = {'word': m.group('word').strip(), 'pos': m.group('pos'), 'senses': []}
            expect_translation = True
            continue
        if entry is None:
            continue
        numbered = re.match(r'^(\d+)\.\s+(.+)$', line)
        if expect_translation or numbered:
            body = numbered.group(2) if numbered else line
            body = re.sub(r'\s+\d+\.$', '', body)
            entry['senses'].append({'translations': [t.strip() for t in body.split(',') if t.strip()], 'gloss': ''})
            expect_translation = False
        elif entry['senses'] and not re.match(r'^\s*\d+\.$', line):
            entry['senses'][-1]['gloss'] += ' ' + line.strip()
    if entry:
        yield from finish(entry)


def finish(entry):
    for i, sense in enumerate(entry['senses']):
        for j, t in enumerate(sense['translations']):
            yield entry['word'], entry['pos'], i, j, len(sense['translations']), t, sense['gloss']


def english_frequencies(path):
    """Word counts over FreeDict's English glosses: a rough proxy for how common an English word is."""
    counts = collections.Counter()
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if HEADWORD.match(line):
                continue
            for w in re.findall(r"[a-z]+", line.lower()):
                counts[w] += 1
    return counts


def read_tsv(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = line.split('\t')
            if len(parts) not in (2, 3) or not parts[0].strip() or not parts[1].strip():
                sys.exit(f'{path}:{number}: expected "indonesian<TAB>english[<TAB>pos]", got {line!r}')
            pos = parts[2].strip() if len(parts) == 3 else ''
            if pos and pos not in POS.values():
                sys.exit(f'{path}:{number}: unknown part of speech {pos!r}, use one of {sorted(POS.values())}')
            entries.append((parts[0].strip().lower(), parts[1].strip(), pos))
    return entries


def main():
    for path in (FREEDICT, HUNSPELL):
        if not os.path.exists(path):
            sys.exit(f'missing {path}: apt-get install -y dict-freedict-eng-ind hunspell-id')
    freq = english_frequencies(FREEDICT)
    candidates = collections.defaultdict(list)
    for english, pos, sense, position, n, indonesian, gloss in read_freedict(FREEDICT):
        if pos in SKIP_POS or not ENG_OK.match(english) or english.count(' ') > 2:
            continue
        if not IND_OK.match(indonesian) or indonesian.count(' ') > 3:
            continue
        if pos == 'pn' and not PN_KEEP.search(gloss):
            continue
        if pos != 'pn' and english[0].isupper() and not english.isupper():
            continue
        key = indonesian.lower()
        words = english.split()
        common = sum(freq[w.lower()] for w in words) / len(words)
        # Lower is better: first sense, first in its list, the only translation, a common and short English word.
        score = sense * 2.0 + position * 1.0 + (0.5 if n > 1 else 0.0) + len(words) * 1.5 - min(common, 400) / 100.0
        if english.lower() == key:  # loanword identical in both languages: a safe choice
            score -= 1.0
        candidates[key].append((score, english, POS.get(pos, '')))

    lexicon = {}
    for key, options in candidates.items():
        options.sort()
        lexicon[key] = (options[0][1], 'f', options[0][2])

    for name in ('core.tsv', 'phrases.tsv'):
        for key, english, pos in read_tsv(os.path.join(HERE, name)):
            if not pos and key in lexicon:
                pos = lexicon[key][2]
            lexicon[key] = (english, 'c', pos)

    with open(HUNSPELL, encoding='iso-8859-1') as f:
        next(f)  # first line holds the stem count
        for line in f:
            stem = line.strip().split('/')[0].lower()
            if stem and stem not in lexicon and re.match(r'^[a-z][a-z\-]*$', stem):
                lexicon[stem] = ('', 'h', '')

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    # mtime=0 keeps the gzip bytes identical between runs on the same inputs.
    with open(OUT, 'wb') as raw, gzip.GzipFile(fileobj=raw, mode='wb', mtime=0) as gz:
        for key in sorted(lexicon):
            english, source, pos = lexicon[key]
            if source != 'h':
                gz.write(f'{key}\t{english}\t{source}\t{pos}\n'.encode('utf-8'))
    with open(STEMS_OUT, 'wb') as raw, gzip.GzipFile(fileobj=raw, mode='wb', mtime=0) as gz:
        for key in sorted(lexicon):
            if lexicon[key][1] == 'h':
                gz.write(f'{key}\n'.encode('utf-8'))
    counts = collections.Counter(source for _, source, _ in lexicon.values())
    translated = counts['c'] + counts['f']
    words = sum(1 for k, v in lexicon.items() if v[1] != 'h' and ' ' not in k)
    print(f'wrote {OUT}: {translated} entries with an English rendering ({words} single words, '
          f'{translated - words} multi-word; own {counts["c"]}, FreeDict {counts["f"]})')
    print(f'wrote {STEMS_OUT}: {counts["h"]} hunspell stems without a rendering (known lemmas only)')


if __name__ == '__main__':
    main()
