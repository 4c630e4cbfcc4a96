"""A fitted linear model reduced to arrays: coefficients, intercepts, class names.

Prediction is reimplemented here from those arrays (a dot product and a sigmoid or a
softmax), so a model file never needs unpickling and the trained and the loaded model
share one code path.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse


@dataclass
class LinearModel:
    """``kind`` is "ovr" (one sigmoid per class, multi-label) or "softmax" (one label)."""

    kind: str
    classes: list[str]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)

    def decision(self, X: sparse.spmatrix | np.ndarray) -> np.ndarray:
        return np.asarray(X @ self.coef.T) + self.intercept

    def predict_proba(self, X: sparse.spmatrix | np.ndarray) -> np.ndarray:
        z = self.decision(X)
        if self.kind == "ovr":
            return 1.0 / (1.0 + np.exp(-z))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        # float32 halves the file; the rounding moves probabilities by ~1e-7
        return {f"{prefix}.coef": self.coef.astype(np.float32), f"{prefix}.intercept": self.intercept.astype(np.float64)}

    def to_meta(self) -> dict:
        return {"kind": self.kind, "classes": self.classes}

    @classmethod
    def from_parts(cls, meta: dict, arrays: dict[str, np.ndarray], prefix: str) -> LinearModel:
        return cls(meta["kind"], list(meta["classes"]), np.asarray(arrays[f"{prefix}.coef"], dtype=np.float64),
                   np.asarray(arrays[f"{prefix}.intercept"], dtype=np.float64))

    def rounded(self) -> LinearModel:
        """The model as it will be after saving (float32 coefficients), for identical predictions."""
        return LinearModel(self.kind, self.classes, self.coef.astype(np.float32).astype(np.float64), self.intercept)
