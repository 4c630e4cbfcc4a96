"""Before a run plans anything: can the analysis it would run work at all?

A damaged models folder used to surface one document at a time, as 200 rejects of one
cause, and the run then committed what was left: empty tables. So a run checks every input
the analysis needs first and stops with one line when one is unusable:

- the models folder exists;
- the taxonomy and lexicons load and validate (:func:`pipeline.lexicon.load_lexicon`);
- for the ``model`` and ``combined`` taggers, the trained model files match their SHA-256
  manifest and load (:func:`pipeline.classify.tagger.get_bundle`, cached for the process);
- the whole Analyzer builds and analyses a short canary text (:func:`canary`): in this process
  for an in-process run, in each worker process for a run in workers
  (:mod:`pipeline.corpora.workers`).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.analyzer import Settings

CANARY = ("Pemerintah Provinsi DKI Jakarta telah meluncurkan aplikasi JAKI untuk layanan publik "
          "dan akan membangun jalur sepeda baru pada 2026.")


class PreflightError(RuntimeError):
    """An input the analysis needs is missing or unusable (one line, saying what to do)."""


def _short(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    if len(msg) > 200:
        msg = msg[:197] + "…"
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def check_inputs(settings: Settings) -> None:
    """Models folder, lexicons and (unless ``tagger="lexicon"``) the trained models.

    Raises:
        PreflightError: One of them is missing, altered or does not load.
    """
    from pipeline import config

    models = Path(settings.models_dir) if settings.models_dir else config.models_dir()
    if not models.is_dir():
        raise PreflightError(f"models folder {models} does not exist (PILAR_MODELS_DIR?)")
    try:
        from pipeline.lexicon import load_lexicon

        load_lexicon(settings.models_dir)
    except Exception as exc:
        raise PreflightError(f"the lexicons in {models} do not load ({_short(exc)}); restore models/ "
                             "from the checkout or the wheel") from None
    if settings.tagger == "lexicon":
        return
    from pipeline.classify.persist import ModelIntegrityError
    from pipeline.classify.tagger import get_bundle

    try:
        get_bundle(models_dir=settings.models_dir)
    except ModelIntegrityError as exc:
        raise PreflightError(str(exc)) from None
    except Exception as exc:
        raise PreflightError(f"the trained models in {models / 'classifier'} do not load ({_short(exc)}); "
                             "run `pilar train` to rebuild them") from None


def canary(settings: Settings) -> None:
    """Build this process's Analyzer and analyse a short text with it.

    Raises:
        PreflightError: The Analyzer cannot be built or fails on a plain sentence.
    """
    try:
        from pipeline.analyzer import get_analyzer
        from pipeline.ingest import document_from_text

        get_analyzer(settings).analyze(document_from_text(CANARY, source="<canary>"))
    except PreflightError:
        raise
    except Exception as exc:
        raise PreflightError(f"the analysis does not work in this environment ({_short(exc)})") from None
