"""Agreement is computed from the annotation files, field by field."""

from pipeline.learn.agreement import agreement
from pipeline.schema import PILLARS


def test_agreement_fields():
    a = agreement()
    assert a["documents"] == 12 and a["sentences"] > 90
    assert set(a["pillar_presence"]) == set(PILLARS)
    for v in [*(x["kappa"] for x in a["pillar_presence"].values()), a["status"]["kappa"], a["relevance"]["kappa"]]:
        assert v is None or -1.0 <= v <= 1.0
    assert a["status"]["pairs"] > 0


def test_cli_agreement_json():
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", "--agreement", "--format", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "relevance" in json.loads(proc.stdout)["agreement"]
