"""Fill catalog entries from a JSON file of Spanish translations, and the English catalog with its own msgids.

Usage: fill_translations.py [es.json]   where the JSON maps "msgid" (or "context\x04msgid") to the Spanish text.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def key(entry) -> str:
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def fill_english():
    po = polib.pofile(str(ROOT / "locale/en/LC_MESSAGES/django.po"))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()


def fill_spanish(translations: dict[str, str]):
    po = polib.pofile(str(ROOT / "locale/es/LC_MESSAGES/django.po"))
    for entry in po:
        if key(entry) in translations:
            entry.msgstr = translations[key(entry)]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        fill_spanish(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
    fill_english()
