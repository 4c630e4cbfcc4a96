"""Language per document: Indonesian told from Malay, other languages and mixtures flagged."""

from pipeline.analyze import analyze_paths
from pipeline.ingest.language import detect_language

ID = ("Pemerintah kota sudah meluncurkan layanan transportasi publik terintegrasi karena kemacetan "
      "makin parah. Setelah uji coba tahun lalu, warga bisa membayar dengan uang elektronik. "
      "Kepala dinas mengatakan program itu merupakan bagian dari rencana kota pintar.")
MS = ("Kerajaan negeri akan melaksanakan projek pengangkutan awam bersepadu bagi mengurangkan kesesakan "
      "lalu lintas di bandar raya. Menteri Besar berkata kerana itu kerajaan memperuntukkan wang sebanyak "
      "RM50 juta tahun lepas. Selepas projek itu siap, penduduk boleh menggunakan perkhidmatan bas percuma sahaja.")
EN = ("The city government launched an integrated public transport service because congestion keeps "
      "getting worse. After a pilot last year, residents can pay with electronic money. The head of the "
      "agency said the programme is part of the smart city plan.")


def test_indonesian_malay_english():
    assert detect_language(ID).language == "id"
    assert detect_language(MS).language == "ms"
    assert detect_language(EN).language == "en"


def test_mixed_document_flagged():
    res = detect_language(ID + "\n\n" + EN + "\n\n" + ID)
    assert res.language == "id" and res.mixed


def test_non_indonesian_documents_are_analysed_and_say_their_language(tmp_path):
    en = tmp_path / "en.txt"
    en.write_text(EN + " Smart mobility has been implemented.", encoding="utf-8")
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(ID + "\n\n" + EN + "\n\n" + ID, encoding="utf-8")
    (r_en, r_mixed), rejected = analyze_paths([str(en), str(mixed)])
    assert rejected == 0
    assert r_en["language"] == "en" and "pillars" in r_en
    assert r_mixed["language"] == "id" and r_mixed["language_mixed"] is True
