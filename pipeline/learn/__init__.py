"""The learned tagger: features, models, safe model files, training, evaluation, agreement.

Plain Python and scikit-learn, no spaCy training. The lexicon pipeline (``pipeline.nlp``)
stays the backbone: its matches are features of the learned models, and its evidence
(sentence, term, status, cue) is what the combined tagger keeps when the model confirms it.

Modules, one concept each:

- ``data``: the gold labels of ``corpora/annotations`` joined with their texts;
- ``lexfeat``: the lexicon run on whole documents, mapped onto gold sentences;
- ``features``: TF-IDF and lexicon feature vectors, exportable as plain arrays;
- ``linear``: a linear model stored as arrays (no pickle) and its ``predict_proba``;
- ``models``: the pillar, status and relevance models and how they combine with the lexicon;
- ``persist``: JSON + NPZ files, a SHA-256 manifest, refusal of tampered files;
- ``train`` / ``evaluate`` / ``metrics`` / ``agreement``: the ``pilar train``/``evaluate`` work;
- ``tagger``: what ``pilar analyze --tagger`` runs.
"""

#: The seed of `pilar train` (the annotation sampling seed too).
DEFAULT_SEED = 20261130
