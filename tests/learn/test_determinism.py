"""Same seed, same data → byte-identical model files."""

from pipeline.classify.persist import MODEL_FILE, WEIGHTS_FILE
from pipeline.learn.train import train


def test_training_twice_gives_the_same_files(tmp_path, small_data):
    a = train(seed=3, folder=tmp_path / "a", data=small_data, trained_at="x")
    b = train(seed=3, folder=tmp_path / "b", data=small_data, trained_at="y")
    assert a.manifest["files"] == b.manifest["files"]
    for name in (MODEL_FILE, WEIGHTS_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_never_trains_on_test(small_data):
    from pipeline.learn.train import training_data

    ids = {s.doc_id for s in training_data(small_data).sentences}
    assert "thesis" not in ids  # the thesis is in the test split
    assert ids and all(i.startswith("written-") for i in ids)
