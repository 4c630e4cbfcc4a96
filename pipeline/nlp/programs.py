"""Named programmes (a gazetteer) and unnamed initiatives (a pattern over the lexicon).

Programmes match their aliases on whole tokens, so "menjajaki" can never be JAKI, and
case-sensitive aliases (JAKI, TJ) only in capitals. A programme marked ``fuzzy`` also
matches a close misspelling with the same first word and word count ("smart chance" →
Smart Change, 91.7) — but never a different second word such as "smart city" (63.6).

Programmes the gazetteer does not know are found by their form (``named_patterns`` in
``programs.yaml``): a capitalised or quoted name right after an introducer ("aplikasi
Surabaya Single Window", "program Lorong Wisata", "bernama …"), a name with its acronym
("Cepat Respons Masyarakat (CRM)": one programme, the acronym an alias), e-names
("e-Musrenbang") and Jak-names ("JakPantau"). Never a pillar name, a place, an institution
("Dinas …"), a generic word ("Smart City", "e-Government") or a lower-case word (so no
typo becomes a programme). Their pillar is the pillar named nearest in the sentence.

An initiative is an action noun plus a *facility* term of the pillar lexicon
("revitalisasi trotoar", "integrasi sarana transportasi"), or a facility right after a
building verb ("membuat penyeberangan ramah disabilitas"), with trailing modifiers.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import pipeline.nlp.extensions  # noqa: F401
from pipeline.lexicon import Lexicon, Program, load_lexicon
from pipeline.nlp.pillars import STUDY_PROGRAMME
from pipeline.nlp.tokens import Tokens, sentence_bounds, tokens
from pipeline.wordfreqs import zipf

_NEGATORS = {"belum", "tidak", "tak", "bukan"}
_PLACE_WORDS = frozenset({"kota", "kabupaten", "provinsi", "city", "regency", "province", "dki", "di"})
#: "Smart X" with these heads is a pillar or the generic concept, not a programme's name.
_GENERIC_SMART = frozenset({"city", "economy", "economic", "government", "governance", "people", "society",
                            "living", "mobility", "environment", "environmental", "nation", "province", "regency"})


@lru_cache(maxsize=200_000)
def name_like(word: str) -> bool:
    """A token that can be part of a name: capitalised, a digit, or an e-name ("e-Permit").

    (Punctuation never is: its first character is neither a letter nor a digit.)
    """
    return bool(word) and (word[0].isupper() or word[0].isdigit() or word.startswith(("e-", "E-")))


@lru_cache(maxsize=100_000)
def known_word(word: str) -> bool:
    """``word`` (lower case) is an ordinary Indonesian word (wordfreq Zipf ≥ 2.5)."""
    return zipf(word, "id") >= 2.5


@lru_cache(maxsize=100_000)
def common_english(word: str) -> bool:
    """``word`` (lower case) is frequent in English (wordfreq Zipf ≥ 3)."""
    return zipf(word, "en") >= 3.0


#: kinds of system that open the name of one city's system or facility ("Trans Padang", "BRT
#: Bandung Raya", "TPST Jungutbatu"); alone ("BRT", "TPST") they name a kind, not a programme
_SYSTEM_KINDS = frozenset({"Trans", "BRT", "LRT", "MRT", "TPST", "PLTSa", "ITF", "RDF"})
_SPEECH_WORDS = frozenset({"kami", "kita", "saya", "aku", "anda", "kamu", "mereka", "dia", "ia", "tidak",
                           "bukan", "sudah", "akan", "harus", "we", "i", "you", "they", "not", "is", "are"})
#: words that open a list of names ("yakni A, B dan C", "antara lain …", "Smart X dengan …")
_LIST_OPENERS = frozenset({"yakni", "yaitu", "seperti", ":", "antaranya", "diantaranya"})
_LIST_TRIGGERS = _LIST_OPENERS | {"antara", "dengan"}
_OPEN_QUOTES = frozenset({'"', "“", "'", "‘"})
_CLOSE_QUOTES = frozenset({'"', "”", "'", "’"})
#: nouns for people: a list after them names people ("tiga tokoh, yakni …")
_PERSON_NOUNS = frozenset({
    "tokoh", "orang", "warga", "pejabat", "narasumber", "pembicara", "peserta", "pemenang", "juara",
    "siswa", "mahasiswa", "guru", "atlet", "pemain", "penerima", "figur", "sosok", "pendiri",
    "penggagas", "inisiator", "pengurus", "anggota", "people", "figures", "speakers", "winners",
    "officials", "founders", "members", "relawan", "pengembang", "developer", "dokter", "petugas", "pemuda",
    "seorang", "nelayan", "petani", "pedagang", "volunteer", "resident",
})
#: roles a person's name is followed by in brackets ("(Tenaga Ahli Media)", "(Observer Smart City)")
_ROLES = frozenset({
    "tenaga", "ahli", "observer", "person", "pic", "kepala", "staf", "staff", "fotografer", "penulis", "editor",
    "wartawan", "reporter", "koordinator", "ketua", "wakil", "sekretaris", "direktur", "manajer", "manager",
    "konsultan", "pranata", "analis", "pengamat", "dosen", "peneliti", "mentor", "fasilitator", "asisten", "plt",
    "plh", "kabid", "kasi", "kadis", "kasubag", "camat", "lurah", "bupati", "walikota", "gubernur", "founder", "ceo",
    "head", "director", "chairman", "coordinator", "expert", "advisor", "adviser", "researcher", "lecturer",
})
#: forms of address that also open coined programme names ("Kang Pisman", "Cak Ning", "Mbak
#: Ayu"): a name the text calls a programme may start with one; office titles never do
_ADDRESS_WORDS = frozenset({"kang", "cak", "mas", "mbak", "ning", "bang", "daeng", "uda", "uni", "teh", "mang"})
#: words that make a list one of a company's goods, not of public programmes
_COMMERCE = frozenset({"produk", "product", "products", "merek", "brand", "brands", "varian"})


#: programme nouns a number after which counts ("Program 100 hari kerja")
_COUNTED_NOUNS = frozenset({"program", "programme", "gerakan", "inovasi", "kegiatan", "proyek"})
#: governments and offices: after a programme's noun (or first) they say whose it is, not what it is called
_OWNER_WORDS = frozenset({"pemkot", "pemkab", "pemprov", "pemda", "dinas", "dinkes", "dishub", "diskominfo", "disdik",
                          "dinsos", "dlh", "bappeda", "kemenkes", "kemendagri", "kominfo", "komdigi", "pemdes"})


#: English programme nouns after a name ("the Trash Bank program", "the Lapor Warga feature")
#: of those, the plurals: they name programmes after a determiner ("the … programs"), they
#: introduce no name after a comma ("the programs, I …")
_PLURAL_PROGRAMME_NOUNS = frozenset({"programs", "programmes", "initiatives", "schemes", "apps", "projects",
                                     "campaigns"})
_ENGLISH_PROGRAMME_NOUNS = frozenset({"program", "programme", "app", "application", "platform", "initiative",
                                      "scheme", "feature", "project", "campaign", "system", "service", "portal",
                                      "network", "scholarship", "hotline", "helpline", "line", "movement"}) \
    | _PLURAL_PROGRAMME_NOUNS
#: of those, the nouns that also name kinds of thing ("the Learning Management system", "the
#: Google Maps service"): a name before them needs a place, a coined or an uncommon word
#: words that head institutions or places and also open programme names after a programme noun
_SOFT_HEADS = frozenset({"sekolah", "kota", "pusat", "unit", "forum", "kampung"})
#: the programme nouns that make such a name a programme's
_PROGRAMME_NOUNS_STRICT = frozenset({"program", "programme", "gerakan", "inovasi", "aplikasi"})
_KIND_NOUNS = frozenset({"system", "service", "portal", "network", "line"})
#: after a place's name, its own smart-city programme ("Tuban Smart City", "Kuningan Kota Cerdas")
#: (not "Smart City": "mewujudkan Lumajang Smart City", "Program Balikpapan Smart City" are a
#: programme to some training-page annotators and the generic concept to others, 9 to 14)
_SMART_PLACE_TAILS = frozenset({("smart", "province"), ("smart", "regency"), ("kota", "cerdas"),
                                ("kabupaten", "cerdas"), ("provinsi", "cerdas")})
#: adjectives between a programme noun and its name ("aplikasi terpadu Inter C")
_INTRO_ADJECTIVES = frozenset({"terpadu", "baru", "digital", "online", "daring", "andalan", "unggulan",
                               "terintegrasi", "mobile", "resmi"})
#: English programme nouns that end a description before its short name ("… Villages Program
#: (Sadewa)"); not "system": "Learning Management System (LMS)" names a kind of technology
_ENGLISH_SERVICE_TAILS = frozenset({"program", "programme"})
#: service words that also name kinds of thing ("sistem navigasi", "sistem tarif")
_KIND_HEADS = frozenset({"sistem", "platform", "portal"})
_ENGLISH_DETERMINERS = frozenset({"the", "'s", "’s", "its", "their", "our", "his", "her", "a", "an"})
_DETERMINERS_OR_QUOTES = _ENGLISH_DETERMINERS | _OPEN_QUOTES
#: "melalui Tangerang Satu Data": a name with a programme word after a word of means; not a
#: document, a road, a building or a waterway
_MEANS = frozenset({"melalui", "lewat", "via"})
#: words that end a lower-case description before a name: a preposition, a relative or a
#: demonstrative belongs to the sentence, not to the description ("layanan kesehatan di Puskesmas …")
_DESCRIPTION_STOPS = frozenset({"di", "ke", "dari", "yang", "untuk", "dan", "atau", "oleh", "ini", "itu", "tersebut",
                                "bagi", "dengan", "pada", "dalam", "milik", "seperti", "yakni", "yaitu", "antara",
                                "sebagai", "kepada", "the", "of", "for", "and", "in", "by", "to", "from", "with"})
#: how regional offices' names begin ("Bappedalitbang", "Diskominfo", "Disdukcapil")
_OFFICE_PREFIXES = ("dis", "dinas", "badan", "bappeda", "bapenda", "sekretariat", "bagian", "biro", "kantor", "bpbd",
                    "bpkad", "dpmptsp", "rsud", "puskesmas", "kecamatan", "kelurahan")
#: capitalised words of dates and phases, not of names ("kegiatan Tahun 2021", "tahap II")
_TIME_WORDS = frozenset({"tahun", "tahap", "bulan", "periode", "fase", "semester", "triwulan", "januari", "februari",
                         "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
                         "desember", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"})
#: capitalised words that make a known programme's variant its own name ("MPP Digital")
_VARIANTS = frozenset({"Digital", "Online", "Mobile", "Daring"})
#: launch verbs: a coined name right after one is what was launched ("resmi melaunching GITA
#: PAPEDA", "meluncurkan SiCantik"); an ordinary capitalised phrase is not ("meresmikan Gedung …")
_LAUNCHES = frozenset({"meluncurkan", "luncurkan", "melaunching", "launching", "melaunch",
                       "launch", "launched", "launches", "meresmikan", "resmikan", "memperkenalkan",
                       "mengenalkan", "introduced", "unveiled"})
#: first words that say what a programme is whatever the sentence names near it ("Trans
#: Semarang" beside "kawasan industri"); other first words ("Pasar Sampah") only fill a gap
_SYSTEM_FIRST_WORDS = frozenset({"trans", "brt", "lrt", "mrt", "bus", "angkot", "kereta", "puskesmas", "posyandu",
                                 "beasiswa"})
#: words that open a settlement's name: a programme only with a programme's word after them
_SETTLEMENTS = frozenset({"desa", "dusun", "gampong", "nagari", "kelurahan"})
#: the words that make a settlement's name a programme's ("Desa Digital Blambangan"; not
#: "Desa Kampung Baru", "Desa Bukit Hijau")
_SETTLEMENT_PROGRAMMES = frozenset({"digital", "cerdas", "pintar", "terhubung", "online", "daring", "smart",
                                    "internet", "broadband"})
#: a river, lake, island, bay or hill by name is a place ("kanal banjir Sungai Babura", "Pulau
#: Pari"), unless the words after say what a programme makes of it ("Kali Bersih", "Sungai Lestari")
_GEO_FEATURES = frozenset({"sungai", "kali", "danau", "pulau", "gunung", "teluk", "selat", "pantai", "bukit", "tanjung",
                           "muara", "waduk", "situ", "rawa", "river", "lake", "island", "bay", "mount"})
_GEO_PROGRAMMES = _SETTLEMENT_PROGRAMMES | frozenset({"bersih", "hijau", "sehat", "lestari", "asri", "resik", "bebas",
                                                      "indah", "clean", "green", "watch"})
#: words before a person's name: "Menurut Budi Santoso, salah satu program …"
_SAYING = frozenset({"menurut", "kata", "ujar", "ungkap", "jelas", "tutur", "said", "says", "according", "to", "oleh",
                     "by", "bapak", "ibu", "pak", "bu"})
#: verbs that give a name: a lower-case e-name after them is one ("We call this e-musrenbang")
#: (not "disebut": "yang disebut e-waste" is a so-called common term)
_NAMING = frozenset({"call", "calls", "dubbed", "dinamakan", "dinamai", "bernama", "namanya", "menamainya"})
_NOT_MEANS_NAMES = frozenset({
    "sk", "perda", "perwal", "pergub", "perbup", "jalan", "jl", "jln", "gedung", "jembatan", "gerbang", "pintu",
    "tol", "kawasan", "pelabuhan", "bandara", "stasiun", "terminal", "sungai", "kali", "selat", "laut",
    "bendungan", "bendung", "waduk", "embung", "masjid", "gereja", "monumen", "patung", "museum",
    "stadion", "pasar", "rumah", "taman", "hotel", "rs", "puskesmas", "sekolah", "galaxy", "iphone",
})


def _e_name(t: Tokens, j: int) -> bool:
    """Tokens ``j, j+1, j+2`` are an e-name the tokenizer split ("e - lapor", "E - Berindah")."""
    return j + 2 < len(t) and t.lower[j] == "e" and t.text[j + 1] == "-" and t.alpha[j + 2] \
        and len(t.text[j + 2]) >= 3 and not t.space[j] and not t.tok[j].whitespace_ and not t.tok[j + 1].whitespace_


#: a place's anniversary is an occasion, not a programme ("Hari Jadi Sinjai", "Hari Ulang Tahun …")
_ANNIVERSARIES = ("hari jadi", "hari ulang tahun")


#: a city's bus system written as one word ("Transmusi", "Transpakuan", "TransJateng") and the
#: transit words that must stand near it (not "Transmigration", "transaksional")
_TRANS_NAME = re.compile(r"Trans[A-Za-z]{3,}$")
_TRANSIT_WORDS = frozenset({"bus", "bis", "biskita", "koridor", "halte", "armada", "angkutan", "penumpang", "rute",
                            "feeder", "naik", "menumpang", "trayek", "passengers", "route", "routes", "corridor",
                            "fleet", "ridership", "buses", "shelter", "transportasi", "transport"})
#: words after "atau" that rename rather than gloss ("BPNT atau yang kini disebut …")
_RENAMING = frozenset({"yang", "yg", "dikenal", "biasa", "disebut", "disingkat", "kini", "sekarang"})


def _glossed_as_common_noun(doc: Doc, end: int) -> bool:
    """Is the name ending at ``end`` glossed by a common noun phrase ("Early Warning System (EWS)
    atau sistem peringatan dini", "Corporate Social Responsibility (CSR) atau bantuan dana
    sosial")? An English term translated is no programme's name (the caller checks that its
    words are ordinary English: "SIP Banget atau sistem informasi pariwisata Batu" is a coined
    name and the service it names)."""
    n = len(doc)
    if end < n and doc[end].text == "(":
        while end < n and doc[end].text != ")":
            end += 1
        end += 1
    elif end < n and doc[end].text == ")":
        end += 1
    if end + 2 >= n or doc[end].lower_ != "atau":
        return False
    a, b = doc[end + 1], doc[end + 2]
    return a.is_alpha and a.is_lower and b.is_alpha and b.is_lower and a.lower_ not in _RENAMING


#: capitalised words that open a place's name: what follows them is the rest of it
#: ("Terminal Bandar Raya Payung Sekaki (BRPS)" is a bus terminal, not a programme)
_VENUE_HEADS = frozenset({"terminal", "stasiun", "bandara", "pelabuhan", "halte", "gedung", "hotel", "stadion",
                          "pasar", "masjid", "museum", "jalan", "jl", "jembatan", "bendungan", "waduk"})
#: words of an events hall's name ("Jakarta Convention Center", "Jogja Expo Center")
_HALLS = frozenset({"convention", "exhibition", "expo"})
#: the first letters of an agency's short name ("Dinperpusar", "Diskominfo", "Dispendukcapil")
_AGENCY_SHORT = ("din", "dis")

#: words before a street's name ("jalan raya By Pass", "Jl. Merdeka", "gang Kelinci")
_STREET_WORDS = frozenset({"jalan", "jl", "jl.", "jln", "jln.", "gang", "gg", "gg.", "street", "road"})


def _street_name(doc: Doc, start: int) -> bool:
    """Does a lower-case street word stand before ``start`` ("rute sepanjang jalan raya By Pass")?
    A capitalised one may open a programme's name ("Jalan Sehat"), so only lower case counts."""
    for k in (start - 1, start - 2):
        if k < 0:
            return False
        w = doc[k].text
        if w.lower() in _STREET_WORDS and w.islower():
            return True
        if w not in {"raya", "protokol", "utama"}:
            return False
    return False


class _TitleCase:
    """Is a token in a title-case sentence (a headline: most words capitalised)? Decided per
    sentence on first asking: most documents never ask."""

    __slots__ = ("t", "starts", "bounds", "seen")

    def __init__(self, t: Tokens, bounds: list[tuple[int, int]]) -> None:
        self.t, self.bounds, self.starts = t, bounds, [lo for lo, _ in bounds]
        self.seen: dict[int, bool] = {}

    def __contains__(self, i: int) -> bool:
        k = bisect.bisect_right(self.starts, i) - 1
        if k < 0:
            return False
        if k not in self.seen:
            t = self.t
            lo, hi = self.bounds[k]
            words = [j for j in range(lo, hi) if t.alpha[j] and len(t.text[j]) > 3]
            # a headline capitalises its content words; a long lower-case word ("meluncurkan")
            # says the sentence is running text with many names in it
            self.seen[k] = len(words) >= 3 and sum(t.text[j][:1].isupper() for j in words) >= 0.75 * len(words) \
                and not any(t.text[j].islower() and len(t.text[j]) >= 6 for j in words)
        return self.seen[k]


class ProgramTagger:
    """Store programme and initiative spans in ``doc.spans["programs"]``."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.by_key: dict[int, Program] = {}
        self.fuzzy: list[tuple[list[str], Program]] = []
        for prog in lexicon.programs:
            key = nlp.vocab.strings.add(f"program|{prog.name}")
            self.by_key[key] = prog
            for alias in prog.aliases:
                exact = prog.case_sensitive or alias in prog.case_sensitive_aliases
                (self.exact if exact else self.lower).add(f"program|{prog.name}", [nlp.make_doc(alias)])
                words = [t.lower_ for t in nlp.make_doc(alias)]
                if prog.fuzzy and len(words) >= 2:
                    self.fuzzy.append((words, prog))
        cfg = lexicon.program_cfg
        self.threshold = float(cfg.get("fuzzy_threshold", 88))
        ini = cfg.get("initiatives", {})
        self.action_nouns = {w.lower() for w in ini.get("action_nouns", [])}
        self.build_verbs = {w.lower() for w in ini.get("build_verbs", [])}
        self.modifiers = {w.lower() for w in ini.get("modifiers_after", [])}
        self.max_gap = int(ini.get("max_gap", 2))
        named = cfg.get("named_patterns", {})
        self.introducers = {w.lower() for w in named.get("introducers", [])}
        self.generic = {w.lower() for w in named.get("generic", [])}
        self.tails = {w.lower() for w in named.get("tails", [])}
        #: the generic names' words, by first word (checked for every candidate name)
        self._generic_by_first: dict[str, list[list[str]]] = {}
        for g in self.generic:
            self._generic_by_first.setdefault(g.split()[0], []).append(g.split())
        # a name's first word that tells its pillar when no pillar is named near it ("Trans
        # Semanggi Suroboyo" is a bus line)
        self.name_pillars = {w.lower(): p for w, p in (named.get("name_pillars") or {}).items()}
        self.heads = set(lexicon.institution_heads) | {w.lower() for w in named.get("not_heads", [])}
        self.places = {a.lower() for aliases in lexicon.actors.values() for a in aliases} | \
            {w.lower() for w in named.get("place_names", [])} | \
            {w.lower() for w in (lexicon.actor_context.get("known_places") or [])}
        #: a capitalised name opened by one of these is a programme when the rest holds a place,
        #: a coined word or a programme's adjective ("Beasiswa Situbondo Cerdas", "Bank Sampah
        #: Induk Ngrowo", "Bus Mbojo")
        self.front_heads = {tuple(w.lower().split()) for w in named.get("front_heads", [])}
        self.name_adjectives = {w.lower() for w in named.get("name_adjectives", [])}
        self.front_head_not_next = {w.lower() for w in named.get("front_head_not_next", [])}
        #: things a weak introducer names ("bus listrik pengumpan bernama Bus Panji Sakti")
        self.named_things = {w.lower() for w in named.get("named_things", [])}
        self.weak_introducers = {w.lower() for w in named.get("weak_introducers", [])}
        self.strong_introducers = self.introducers - self.weak_introducers
        self.smart_heads = {w.lower() for w in (lexicon.pillar_words or {})} | set(_GENERIC_SMART)
        self.titles = {w.lower() for w in named.get("person_titles", [])}
        self.not_programs = {w.lower() for w in named.get("not_programs", [])}
        self.not_tails = {w.lower() for w in named.get("not_tails", [])}
        self.agency_sectors = {w.lower() for w in named.get("agency_sectors", [])}
        self.possessive_introducers = {"program", "programnya", "programme"}
        #: first words of a service's long name ("Sistem Informasi …", "Unit Layanan …")
        self.service_heads = {w.lower() for w in named.get("service_heads", [])}
        #: words that open an office's name ("Dinas", "Badan", "Direktorat"), not a service's
        self.office_heads = set(lexicon.institution_heads) - self.service_heads
        term_words = {w for t in lexicon.terms if t.term for w in t.term.lower().split() if len(w) > 3}
        #: the words of a service or programme themselves ("layanan", "aduan", "sistem")
        self.service_words = {w.lower() for w in named.get("program_words", [])}
        self.program_words = term_words | self.service_words

    @staticmethod
    def _program_span(doc: Doc, start: int, end: int, prog: Program, method: str, score: float) -> Span:
        span = Span(doc, start, end, label="PROGRAM")
        x = span._
        x.program = prog.name
        x.kind = prog.kind
        x.pillar = prog.pillar
        x.method = method
        x.score = score
        return span

    def _fuzzy_matches(self, doc: Doc, taken: set[int]) -> list[Span]:
        out: list[Span] = []
        if not self.fuzzy:
            return out
        t = tokens(doc)
        lowers = t.lower
        firsts = {words[0] for words, _ in self.fuzzy}
        if not firsts.intersection(lowers):
            return out
        for words, prog in self.fuzzy:
            n = len(words)
            for i in range(len(doc) - n + 1):
                if lowers[i] != words[0] or i in taken or any(t.space[j] or t.punct[j] for j in range(i, i + n)):
                    continue
                cand = " ".join(lowers[i : i + n])
                score = fuzz.ratio(cand, " ".join(words))
                if score >= self.threshold:
                    out.append(self._program_span(doc, i, i + n, prog, "fuzzy", score / 100))
        return out

    def _extend_modifiers(self, t: Tokens, end: int) -> int:
        if end < len(t) and t.lower[end] in self.modifiers:
            end += 1
            if t.lower[end - 1] in {"ramah", "berbasis"} and end < len(t) and t.tok[end].is_alpha:
                end += 1
        return end

    def _initiatives(self, doc: Doc) -> list[Span]:
        out = []
        t = tokens(doc)
        for fac in doc.spans.get("pillars", []):
            if not fac._.facility:
                continue
            start, end = fac.start, fac.end
            if t.lower[start] in self.action_nouns:
                begin = start
            else:
                begin = None
                for j in range(start - 1, max(start - 2 - self.max_gap, -1), -1):
                    if t.punct[j] or t.space[j]:
                        break
                    if t.lower[j] in self.action_nouns:
                        begin = j
                        break
                if begin is None:
                    verbs = [j for j in range(max(start - 2, 0), start) if not t.space[j] and t.lower[j] in self.build_verbs]
                    if not verbs:
                        continue
                    before = t.lower[verbs[0] - 1] if verbs[0] > 0 else ""
                    if before in _NEGATORS:  # "belum menyediakan transportasi publik": none built
                        continue
                    begin = start
            end = self._extend_modifiers(t, end)
            span = Span(doc, begin, end, label="INITIATIVE")
            span._.program = " ".join(t.lower[j] for j in range(begin, end) if not t.space[j])
            span._.kind = "initiative"
            span._.pillar = fac._.pillar
            span._.method = "pattern"
            out.append(span)
        return out

    # -- names by their form ------------------------------------------------------------------
    _ENAME = re.compile(r"^(?:e-[A-Z][A-Za-z]{2,}|Jak[A-Z][A-Za-z]{2,})$")

    def _acceptable(self, words: list[str], *, service: bool = False, named: bool = False) -> bool:
        """Could ``words`` name a programme? ``service``: a long service name, which may open
        with a word that also heads institutions ("Unit Layanan Aduan …", "Pusat Data …");
        ``named``: the text says it is a name ("sistem bernama Nomor Pelayanan Publik")."""
        low = " ".join(w.lower() for w in words)
        joined = "".join(w.lower() for w in words)  # "e - Government" as the tokenizer splits it
        if not words or low in self.generic or low in self.places or low in self.not_programs \
                or joined in self.generic or low.startswith(_ANNIVERSARIES):
            return False
        if any(not ch.isalnum() and ch not in "-&'’." for w in words for ch in w):
            return False  # a quote or bracket inside: a tokenizer slip, not a name
        rest = [w.lower() for w in words]
        for gw in self._generic_by_first.get(rest[0], ()):  # "Smart City Kota Semarang": the generic concept of a place
            if rest[: len(gw)] == gw and all(w in self.places or w in _PLACE_WORDS for w in rest[len(gw):]):
                return False
        opens_service = (service and words[0].lower() in self.service_heads) or named
        if (words[0].lower() in self.heads and not opens_service) or all(w.lower() in self.places for w in words):
            return False
        if (words[0].lower().rstrip(".") in self.titles
                and not (named and len(words) >= 2 and words[0].lower() in _ADDRESS_WORDS)) \
                or words[-1].lower() in self.not_tails:
            return False  # "Presiden Prabowo", "Asian Development Bank"; not "bernama Kang Pisman"
        if any(w.lower() in _HALLS for w in words[1:]):
            return False  # "Jakarta Convention Center", "Jogja Expo Center": a hall for events
        if rest[0] in _SETTLEMENTS and not any(w in _SETTLEMENT_PROGRAMMES for w in rest[1:]):
            return False  # "Desa Jangkar Asam" is a village; "Desa Digital Blambangan" a programme
        if rest[0] in _GEO_FEATURES and not any(w in _GEO_PROGRAMMES for w in rest[1:]):
            return False  # "Sungai Babura" is a river; "Kali Bersih" a programme
        if len(words) >= 2 and rest[0] in _COUNTED_NOUNS \
                and all(w.replace(".", "").replace(",", "").isdigit() for w in words[1:]):
            return False  # "Program 100 (hari kerja)": a count, not a name (unlike "Jogja 112")
        if len(words) >= 2 and (rest[0] in _OWNER_WORDS or rest[1] in _OWNER_WORDS):
            return False  # "Aplikasi Pemkot Surabaya", "Inovasi Dinas Kesehatan": whose, not which
        if len(words) >= 2 and words[-2].lower() == "meeting":
            return False  # "Manganti Praja Meeting Room": a room where people meet
        if len(words) >= 2 and rest[-1] in {"service", "office", "department", "agency"} \
                and (any(w in self.agency_sectors for w in rest[:-1]) or rest[-2] in {"regency", "city", "provincial"}):
            return False  # "Jakarta Environmental Service", "Mukomuko Regency Service": an agency
        if len(words) == 1 and len(rest[0]) >= 6 and rest[0].startswith(_AGENCY_SHORT) and words[0][1:].islower() \
                and not known_word(rest[0]) and not known_word(re.sub(r"(?:ku|mu|nya|kita)$", "", rest[0])):
            return False  # "Dinperpusar", "Dispendukcapil": an agency's short name
        if len(words) >= 2 and words[0].lower() == "smart" and (
                words[1].lower() in _GENERIC_SMART or self._pillar_like(words[1])) \
                and not (len(words) >= 3 and words[-1].lower() in self.tails):  # "Smart City Command Centre"
            return False
        return any(ch.isalpha() for ch in low)

    def _pillar_like(self, word: str) -> bool:
        """A pillar head or a misspelling of one ("Economi", "Ekonomi", "Enviroment")."""
        w = word.lower()
        return any(fuzz.ratio(w, h) >= 80 for h in self.smart_heads)

    @staticmethod
    def _common_english(word: str) -> bool:
        """A common English word ("Education", "Command"): a concept, not a coined name."""
        return common_english(word.lower())

    @staticmethod
    def _coined(word: str) -> bool:
        """A coined one-word name: an acronym (JAKI), a digit (Jakarta112), inner capitals (LaporGub)."""
        return word.isupper() or any(ch.isdigit() for ch in word) or any(ch.isupper() for ch in word[1:])

    def _coined_short(self, word: str) -> bool:
        """A short name a text coins for a service: "ULAS", "Sidemang", "Simral" (not a word)."""
        return 3 <= len(word) <= 12 and word[:1].isupper() and word.isalpha() \
            and word.lower() not in self.places and not common_english(word.lower()) and not known_word(word.lower())

    def _bracketed_name(self, t: Tokens, i: int, taken: set[int], opens: set[int]) -> int | None:
        """The start of a name of two or three capitalised words that the brackets at ``i``
        expand or translate: "Si Tali Merah (Relokasi Pertambangan Liar ke Wilayah …)", "Akses
        Bang Dali (Akses Pengendalian Pelaksanaan Pembangunan Infrastruktur)", an English page's
        "Sedekah Oksigen (Oxygen Donation)". A coined word in the name and a programme's words in
        the expansion, or an Indonesian name and an English translation; not a place, an
        office or a person ("Badan Pusat Statistik (BPS)": one word inside)."""
        text, n = t.text, len(t)
        if i < 2 or not name_like(text[i - 1]) or taken.intersection(range(i - 3, i)):
            return None
        k0 = i - 1
        while k0 > 0 and name_like(text[k0 - 1]) and i - k0 < 3:
            k0 -= 1
        if k0 > 0 and name_like(text[k0 - 1]) or i - k0 < 2:
            return None  # a longer capitalised run (an office's name) or a single word
        end = i + 1
        while end < n and end - i <= 14 and text[end] not in {")", "("}:
            end += 1
        inner = [w for w in text[i + 1 : end] if w.isalpha()]
        if end >= n or text[end] != ")" or len(inner) < 2:
            return None
        if known_word(text[k0].lower()) and not self._coined(text[k0]) and t.lower[k0] not in self.service_heads \
                and (k0 == 0 or t.punct[k0 - 1] or k0 in opens):
            k0 += 1  # "Menurut BPS (…)": an ordinary word that opens the sentence
        words = text[k0:i]
        if len(words) < 2 or inner[0].lower() in self.heads:
            return None  # one word, or an office's name inside ("BPS (Badan Pusat Statistik)")
        if inner[0].lower() in _ROLES or inner[0].lower() in _PERSON_NOUNS:
            return None  # a person and the role in brackets ("Fitrah Kautsar (Tenaga Ahli Smart City)")
        if not all(w[:1].isupper() or w.lower() in _DESCRIPTION_STOPS for w in inner) \
                or not self._acceptable(words) or self._after_title(t, k0) \
                or any(w.lower() in self.places for w in words[:1]):
            return None
        english = all(self._common_english(w.lower()) or w.lower() in _DESCRIPTION_STOPS for w in inner)
        if english and not any(self._common_english(w.lower()) for w in words):
            return k0  # an Indonesian name and its English translation
        coined = any(self._coined(w) and len(w) >= 2 or self._coined_short(w) for w in words)
        # a name made of syllables of its expansion shares none of its words ("Si Tali Merah")
        syllables = len(inner) >= 4 and not {w.lower() for w in words} & {w.lower() for w in inner}
        if (coined or syllables) and len(inner) >= 3 and self._programmish(inner):
            return k0  # a coined name and the service it stands for
        return None

    def _front_head(self, lower: list[str], s0: int, k: int) -> int:
        """How many words of ``lower[s0:k]`` are a front head ("beasiswa", "bank sampah"), with
        at least one word of name after them; 0 when none."""
        for size in (2, 1):
            if k - s0 > size and tuple(lower[s0 : s0 + size]) in self.front_heads:
                return 0 if lower[s0 + size] in self.front_head_not_next else size
        return 0

    def _coined_name(self, word: str) -> bool:
        """A word a text coins as a name: an acronym, digits or inner capitals of three
        characters or more ("GITA", "Jakarta112"), or a short capitalised non-word ("Sidemang")."""
        return (self._coined(word) and len(word) >= 3) or self._coined_short(word)

    def _programmish(self, words: list[str]) -> bool:
        """A name found without an introducer must hold a word of a service or programme."""
        return any(w.lower().strip("-") in self.program_words for w in words)

    def _after_title(self, t: Tokens, start: int) -> bool:
        """A person's title or a verb of saying just before: "Menko AHY", "kata Edi Suharto". An
        English article right before opens a thing, not a person ("… said the Atap Surya
        Nusantara programme")."""
        if start > 0 and t.lower[start - 1] in ("the", "a", "an"):
            return False
        before = [j for j in range(max(start - 2, 0), start) if not t.punct[j] and not t.space[j]]
        return any(t.lower[j].rstrip(".") in self.titles for j in before[-2:])

    _DEFINES = frozenset({"yaitu", "yakni", "adalah", "merupakan", "ialah", "is", "was"})
    _ARTICLES = frozenset({"sebuah", "suatu", "salah", "satu", "a", "an", "the"})

    def _defined_as_programme(self, t: Tokens, k: int, s0: int) -> bool:
        """The name ``s0:k`` defined right after as an app, programme or service: "Picodep yaitu
        aplikasi pencatatan …", "Rojak merupakan salah satu program …", "Simral is an
        application …", or in apposition: "Curhat Ning Ita, sebuah layanan pengaduan …" (two
        words at least, not a sentence's opening word, not a person named after a title, a
        comma or a verb of saying: "Namun, salah satu layanan …", "Menurut Budi Santoso,
        salah satu program …")."""
        j = k
        if j + 1 < len(t) and t.text[j] == "," and t.lower[j + 1] in ("sebuah", "suatu", "salah", "a", "an", "the"):
            after_comma_or_saying = s0 > 0 and (t.punct[s0 - 1] or t.lower[s0 - 1] in _SAYING)
            if k - s0 < 2 or after_comma_or_saying:
                return False
            if self._after_title(t, s0) or not self._acceptable(t.text[s0:k]):
                return False
            j += 1  # an apposition: "Curhat Ning Ita, sebuah layanan pengaduan satu pintu"
        elif j >= len(t) or t.lower[j] not in self._DEFINES:
            return False
        else:
            j += 1
        while j < len(t) and j - k <= 3 and t.lower[j] in self._ARTICLES:
            j += 1
        english = k + 1 < len(t) and t.lower[k + 1] in ("the", "a", "an")
        if english and j < len(t) and t.lower[j] not in self.strong_introducers:
            # English: "Tegal Bersih, the city's waste bank app, …", "Pasar Tanpa Plastik, a
            # plastic-free market scheme": the programme noun ends a short description
            end = min(len(t), j + 5)
            while j < end and (t.lower[j] in ("'s", "’s") or (not t.punct[j] and t.text[j][:1].islower())) \
                    and t.lower[j] not in self.strong_introducers:
                j += 1
        return j < len(t) and t.lower[j] in self.strong_introducers and t.text[j][:1].islower()

    def _described_short_name(self, t: Tokens, i: int, taken: set[int]) -> int | None:
        """Token ``i`` is "(" after a service described in ordinary words ("sistem informasi
        kependudukan … online (SiKancil)", "aplikasi penilaian kinerja elektronik (Ape Keje)",
        "Hundred Tourism Villages Program (Sadewa)"): the end of the coined name in brackets,
        else None. The description opens with a service word within ten words before."""
        n = len(t)
        k = i + 1
        while k < n and k - i <= 3 and name_like(t.text[k]) and t.text[k] != ")":
            k += 1
        if k == i + 1 or k >= n or t.text[k] != ")" or any(x in taken for x in range(i + 1, k)):
            return None
        words = t.text[i + 1 : k]
        if not (len(words) >= 2 or self._coined(words[0]) or self._coined_short(words[0])) \
                or not self._acceptable(words) or " ".join(w.lower() for w in words) in self.places:
            return None
        acronym = all(w.isupper() for w in words)
        if i > 0 and t.lower[i - 1] in _ENGLISH_SERVICE_TAILS:
            # "… Villages Program (Sadewa)": an English programme noun right before; not an
            # agency's name, and not a kind of technology ("Learning Management System (LMS)")
            before = [j for j in range(max(i - 6, 0), i - 1) if t.alpha[j]]
            return k if not any(t.lower[j] in self.office_heads or t.lower[j] == "pt" for j in before) else None
        for j in range(i - 1, max(i - 11, -1), -1):
            if not (t.alpha[j] or t.text[j] == "-") or t.lower[j] in self.office_heads:
                return None  # a comma, a bracket or an institution's word: not one description
            if t.lower[j] in self.service_heads:
                # the description is in ordinary lower-case words ("sistem aplikasi persandian"),
                # not the capitalised name of an office ("Dinas … Pelayanan Terpadu Satu Pintu")
                ordinary = all(t.text[x].islower() or t.text[x] == "-" for x in range(j + 1, i))
                office = j > 0 and t.lower[j - 1] in self.office_heads  # "badan layanan umum (BLU)"
                # "sistem navigasi berbasis satelit (ECDIS)", "sistem tarif … (TER)": a kind of
                # system and its acronym; a coined name ("… (SiKancil)", "(Pindai)") is a service's
                kind_of_system = t.lower[j] in _KIND_HEADS and acronym
                return k if j < i - 1 and ordinary and not office and not kind_of_system else None
        return None

    def _capitalised_introduces(self, t: Tokens, i: int, opens: set[int]) -> bool:
        """A capitalised introducer ("Aplikasi", "Program") opens the name ``j:k`` only where it
        does not sit inside a longer name ("Direktorat Jenderal Aplikasi Informatika", "Badan
        Riset dan Inovasi Daerah", "Top 99 Inovasi Pelayanan Publik"; a capitalised ordinary
        word opening the sentence does not count: "Sesuai Program Asta Cita") and the name holds a
        coined word (an acronym, an unknown word, a place): "Aplikasi Malang Mbois", not
        "Sistem Informasi Pemerintahan"."""
        before = [x for x in range(max(i - 2, 0), i) if not t.space[x]]
        opener = before and (before[-1] in opens or t.punct[before[-1] - 1]) and known_word(t.lower[before[-1]])
        if before and not opener and (name_like(t.text[before[-1]]) or (
                t.lower[before[-1]] in {"dan", "&", "and"} and len(before) > 1 and name_like(t.text[before[-2]]))):
            return False
        if _e_name(t, i + 1):
            return "".join(t.lower[i + 1 : i + 4]) not in self.generic
        k = i + 1
        while k < len(t) and k - i <= 5 and name_like(t.text[k]):
            k += 1
        words = [w for w in t.text[i + 1 : k] if w.lower() not in self.generic]
        name_words = t.lower[i + 1 : k]
        if i in opens and len(words) >= 2 and k < len(t) and t.text[k][:1].islower() \
                and not any(w in self.generic for w in name_words) and " ".join(name_words[:2]) not in self.generic \
                and self._acceptable(t.text[i + 1 : k], named=t.lower[i] in ("program", "gerakan", "programme")):
            return True  # the sentence's capital: "Aplikasi Sapa Warga belum bisa diakses …"
        return any(len(w) >= 2 and (self._coined(w) or self._coined_short(w) or w.lower() in self.places) for w in words)

    def _introduced(self, t: Tokens, i: int, title: _TitleCase | frozenset[int] = frozenset()) -> bool:
        """Is token ``i`` an introducer? A weak one ("bernama") needs a programme noun before it.

        A capitalised strong introducer counts too ("Aplikasi Malang Mbois yang …", "oleh
        Program E-Berindah"), except in a title-case sentence (``title``: its tokens), where
        every word is capitalised ("Pemkot Luncurkan Aplikasi Baru Untuk Warga").
        """
        low = t.lower[i]
        if low not in self.introducers:
            return False
        if not t.text[i][:1].islower():
            return low in self.strong_introducers and i not in title and t.text[i][1:].islower() \
                and i + 1 < len(t) and t.lower[i + 1] not in STUDY_PROGRAMME
        if low in self.weak_introducers:
            before = range(max(i - 3, 0), i)
            if any(t.lower[j] in _PERSON_NOUNS for j in before):
                return False  # "relawan program bernama Kang Asep": a person
            return any(t.lower[j] in self.strong_introducers or t.lower[j] in self.named_things for j in before)
        return True

    def _named(self, doc: Doc, taken: set[int], acronyms: dict[str, str]) -> list[Span]:
        out: list[Span] = []
        t = tokens(doc)
        text, lower = t.text, t.lower
        # capitalised words, digits, e-names: computed once for the document
        name = list(map(name_like, text))
        starters = self.introducers
        opens = {lo for lo, _ in sentence_bounds(doc)}  # sentence-initial tokens
        n = len(doc)
        title = _TitleCase(t, sentence_bounds(doc))
        # where something can start: a name, a bracket, an "e" of "e-Permit", an introducer
        # (most tokens are none of these, and are never looked at)
        candidates = [i for i, (nm, w, low) in enumerate(zip(name, text, lower, strict=True))
                      if nm or w == "(" or low in ("e", "m", "atau") or low in starters]
        free = 0  # tokens before this one are inside a name already found
        for i in candidates:
            if i < free:
                continue
            start = None
            launched = False
            fronted = False  # a front head opens the name ("Bank Sampah Induk Ngrowo")
            headed = False  # an English programme noun follows the name
            introduced = self._introduced(t, i, title)
            if introduced and i + 1 < n and (
                    text[i][:1].islower() or self._capitalised_introduces(t, i, opens)):  # "Layanan X" capitalised is a name
                j = i + 1
                if lower[j] in _INTRO_ADJECTIVES and j + 1 < n and name[j + 1] and text[i][:1].islower():
                    j += 1  # "aplikasi terpadu Inter C", "layanan baru Sapa Warga"
                elif text[i][:1].islower() and not name[j]:
                    # a description in ordinary lower-case words before the name: "kanal aduan
                    # Lapor Gub", "platform rekam medis elektronik Rekam Sehat Nusantara"
                    d = j
                    while d < n and d - j < 3 and t.alpha[d] and text[d].islower() and lower[d] not in _DESCRIPTION_STOPS:
                        d += 1
                    if d > j and d + 1 < n and name[d] and (
                            (t.alpha[d] and name[d + 1] and t.alpha[d + 1]) or self._coined_short(text[d])
                            or (text[d].isupper() and text[d].isalpha() and len(text[d]) >= 5 and lower[d] not in self.generic)) \
                            and lower[d] not in self.heads and lower[d] not in self.titles and lower[d] not in _TIME_WORDS:
                        j = d  # (not an acronym of a sector after a description: "pemberdayaan UMKM")
                if _e_name(t, j):  # "layanan e-lapor": an e-name, even in lower case
                    k = j + 3  # "E-Village Budgeting"
                    while k < n and k - j < 6 and name[k] and lower[k] not in self.heads and lower[k] not in self.titles:
                        k += 1
                    start, end = j, k
                elif text[j] in {'"', "“", "'", "‘"}:  # a quoted name
                    k = j + 1
                    while k < n and k - j <= 6 and text[k] not in {'"', "”", "'", "’"}:
                        k += 1
                    if k < n and k > j + 1 and text[k] in {'"', "”", "'", "’"}:
                        start, end = j + 1, k  # closed within six words: a name, not a quote
                elif name[j]:
                    k = j
                    while k < n and k - j < 5 and (k == j or (lower[k] not in self.heads and lower[k] not in self.titles)
                                                   or self._title_inside(t, j, k)
                                                   or (lower[k] in _PLACE_WORDS and k + 2 < n and lower[k + 1] in self.places
                                                       and name[k + 2] and lower[k + 2] not in self.heads)) and (name[k] or
                                                   (text[k] in {"-", "&"} and k + 1 < n and name[k + 1])):
                        k += 1
                    start, end = j, k
                    if k - j == 1 and lower[i] in self.possessive_introducers and not self._coined(text[j]):
                        start = None  # "program Jokowi" is a person's programme, not a name
                    elif k - j == 1 and self._common_english(text[j]) and not self._coined(text[j]):
                        start = None  # "fitur Feedback": a feature's ordinary English label
                if start is not None and not text[i][:1].islower():
                    start = i  # a capitalised "Aplikasi Malang Mbois" is written as one name
            elif self._ENAME.match(text[i]):
                start, end = i, i + 1
            elif text[i] in _SYSTEM_KINDS and i + 1 < n and name[i + 1]:
                # "Trans Padang", "Trans Metro Pasundan", "BRT Bandung Raya": a city's bus system
                k = i + 1
                while k < n and k - i <= 3 and name[k] and lower[k] not in self.heads:
                    k += 1
                start, end = i, k
            elif _TRANS_NAME.match(text[i]) and not known_word(lower[i]) and not common_english(lower[i]) \
                    and any(lower[j] in _TRANSIT_WORDS for j in range(max(0, i - 4), min(n, i + 6))):
                # "bus Transmusi", "Biskita Transpakuan": a city's bus system in one coined word
                start, end = i, i + 1
            elif lower[i] in ("e", "m") and i + 2 < n and text[i + 1] == "-" and t.alpha[i + 2] \
                    and len(text[i + 2]) >= 3 and not t.tok[i].whitespace_ and not t.tok[i + 1].whitespace_ \
                    and (text[i + 2][:1].isupper() or (i > 0 and lower[i - 1] in _MEANS)
                         or any(lower[j] in _NAMING for j in range(max(i - 2, 0), i))) \
                    and "".join(lower[i : i + 3]) not in self.generic:
                # the tokenizer splits "e-Permit", "m-Musrenbang"; in lower case only as the
                # means of a clause ("lewat e-musrenbang") or after a naming verb ("We call this
                # e-musrenbang", "disebut e-pasar")
                start, end = i, i + 3
            elif name[i] and (i == 0 or not name[i - 1]):
                # "Bandung Command Center", "Suroboyo Bus": capitalised words ending in a tail noun;
                # an ordinary word capitalised only because it opens the sentence is not part
                # of the name ("Menunya Sistem …")
                s0 = i + 1 if i + 1 < n and name[i + 1] and i in opens and known_word(lower[i]) \
                    and lower[i] not in self.places and not self._front_head(lower, i, n) else i
                k = s0
                while k < n and k - s0 < 5 and name[k] and (k == s0 or lower[k] not in self.heads):
                    k += 1  # "Operation Room | Gedung Induk": a building's name starts a new name
                if self._defined_as_programme(t, k, s0):
                    start, end = s0, k  # "Picodep yaitu aplikasi pencatatan …"
                elif k - s0 >= 3 and lower[k - 1] in self.tails and lower[s0] == "smart" and not self._after_title(t, s0):
                    start, end = s0, k  # "Smart City Command Centre": a city's own facility
                elif k - s0 >= 2 and (lower[k - 1] in self.tails or (
                        lower[k - 1] in self.places and any(lower[j] in self.tails for j in range(s0 + 1, k - 1)))) and \
                        any(lower[j] in self.places or self._coined(text[j]) or not self._common_english(text[j])
                            for j in range(s0, k) if lower[j] not in self.tails):
                    # "Bandung Command Center", "TOSS Center", "Command Center Cerdas Manado" (a
                    # place after the tail); not a bare "Command Center"
                    start, end = s0, k
                elif s0 > 0 and lower[s0 - 1] in _DETERMINERS_OR_QUOTES and \
                        (kq := k + 1 if k + 1 < n and text[k] in _CLOSE_QUOTES
                         else k + 3 if k + 3 < n and text[k] == "(" and text[k + 2] == ")" and text[k + 1].isupper()
                         # one lower-case word between ("the Manado Siaga 112 emergency hotline")
                         # (an English noun, not a verb: "… Post implements programs")
                         else k + 1 if k + 1 < n and text[k].isalpha() and text[k].islower()
                         and lower[k + 1] in _ENGLISH_PROGRAMME_NOUNS and lower[k] not in _ENGLISH_PROGRAMME_NOUNS
                         and common_english(lower[k]) and not lower[k].endswith(("s", "ed"))
                         else k) < n \
                        and lower[kq] in _ENGLISH_PROGRAMME_NOUNS and text[kq].islower() and (
                        k - s0 >= 2 or self._coined(text[s0]) or self._coined_short(text[s0])) \
                        and lower[s0] not in self.heads and (lower[kq] not in _KIND_NOUNS or (k - s0 >= 2 and any(
                            lower[j] in self.places or self._coined(text[j]) or not self._common_english(text[j])
                            for j in range(s0, k)))):
                    start, end = s0, k  # "the Trash Bank program", "JAKI's “Lapor Warga” feature"
                    headed = True  # its programme noun says it is a name ("the Kang Pisman programme")
                elif s0 >= 2 and text[s0 - 1] == "," and lower[s0 - 2] in _ENGLISH_PROGRAMME_NOUNS \
                        and lower[s0 - 2] not in _PLURAL_PROGRAMME_NOUNS \
                        and text[s0 - 2].islower() and (k - s0 >= 2 or self._coined(text[s0])) \
                        and lower[s0] not in self.heads and (lower[s0 - 2] not in _KIND_NOUNS or any(
                            lower[j] in self.places or self._coined(text[j]) or not self._common_english(text[j])
                            for j in range(s0, k))):
                    start, end = s0, k  # "through a new app, Lapor Mataram", "a record system, Bandung Sehat Terpadu"
                    headed = True
                elif (head := self._front_head(lower, s0, k)) and not self._after_title(t, s0) \
                        and self._acceptable(text[s0:k], named=True) and any(
                            lower[j] in self.places or lower[j] in self.name_adjectives
                            or self._coined_name(text[j])
                            for j in range(s0 + head, k)):
                    start, end = s0, k  # "Beasiswa Situbondo Cerdas", "Bank Sampah Induk Ngrowo"
                    fronted = True
                elif s0 > 0 and lower[s0 - 1] in _MEANS and k - s0 >= 2 and lower[s0] not in _NOT_MEANS_NAMES \
                        and self._programmish(text[s0:k]) and any(
                            lower[j] in self.places or self._coined(text[j]) for j in range(s0, k)):
                    start, end = s0, k  # "melalui Tangerang Satu Data"
                elif s0 > 0 and lower[s0 - 1] in _LAUNCHES and lower[s0] not in _NOT_MEANS_NAMES \
                        and lower[s0] not in self.heads and lower[s0] not in self.generic \
                        and (any(self._coined_name(text[j])
                                 for j in range(s0, k)) or (
                            k - s0 >= 2 and self._programmish(text[s0:k])
                            and any(lower[j] in self.places for j in range(s0, k)))) and self._acceptable(text[s0:k]) \
                        and not any(any(c.isdigit() for c in w) and any(c.isalpha() for c in w) for w in text[s0:k]):
                    # (a product's model number is no programme: "meluncurkan Galaxy S24 Ultra")
                    start, end = s0, k  # "resmi melaunching GITA PAPEDA (…)"
                    launched = True  # the verb, not a title, stands before it ("Bupati meluncurkan …")
                elif k - s0 == 2 and lower[s0] == "smart" and not self._common_english(text[s0 + 1]) \
                        and not self._after_title(t, s0):
                    start, end = s0, k  # "Smart Kampung": a coined name, not "Smart Education"
            if lower[i] == "atau":
                # "SIP Banget atau sistem informasi pariwisata Batu": a coined name, then "atau"
                # and the service it names in ordinary words
                k0 = i
                while k0 > 0 and name[k0 - 1] and i - k0 < 3:
                    k0 -= 1
                if 0 < i - k0 and (k0 == 0 or not name[k0 - 1]) and i + 1 < n and lower[i + 1] in self.service_heads \
                        and text[i + 1].islower() and not taken.intersection(range(k0, i)) \
                        and any(self._coined_name(w) for w in text[k0:i]) \
                        and self._acceptable(text[k0:i]) and not self._after_title(t, k0):
                    out.append(self._named_span(doc, k0, i, doc[k0:i].text))
                    taken.update(range(k0, i))
                continue
            if start is None and text[i] == "(" and (named := self._bracketed_name(t, i, taken, opens)) is not None:
                out.append(self._named_span(doc, named, i, doc[named:i].text))
                taken.update(range(named, i))
                continue
            if start is None:
                # "Cepat Respons Masyarakat (CRM)": capitalised words whose initials make the acronym
                if text[i] == "(" and i + 2 < n and text[i + 2] == ")" and len(text[i + 1]) >= 2 and \
                        (text[i + 1].isupper() or self._coined_short(text[i + 1])):
                    acro = text[i + 1]
                    k = i - len(acro) if acro.lower() not in self.generic else -1  # "(SKPD)": an administrative term
                    inside = self._rest_of_a_name(lower, name, k)
                    if k >= 0 and not inside and text[i + 1].isupper() and all(name[j] for j in range(k, i)) and \
                            "".join(w[0] for w in text[k:i]).upper() == acro and \
                            self._acceptable(text[k:i]) and \
                            self._programmish(text[k:i]) and not self._after_title(t, k):
                        if not any(x in taken for x in range(k, i)):
                            out.append(self._named_span(doc, k, i, doc[k:i].text))
                            acronyms[acro] = doc[k:i].text
                            taken.update(range(k, i + 3))
                            continue
                    # "Sistem Informasi … Kota Palembang (Sidemang)": a service's long name and
                    # its coined short one, whose letters need not be the initials; a head that
                    # also opens offices ("Unit", "Pusat") needs a service's word after it
                    # ("Unit Perangkat Daerah (UPD)" is an office)
                    k = i - 1
                    while k > 0 and i - k < 9 and name[k - 1] and text[k - 1] != ")":
                        k -= 1
                    # the name opens at its first service word ("Menunya Sistem …" → "Sistem …")
                    k = next((j for j in range(k, i - 1) if lower[j] in self.service_heads), k)
                    inside = self._rest_of_a_name(lower, name, k)
                    if i - k >= 2 and not inside and lower[k] in self.service_heads and self._coined_short(acro) \
                            and acro.lower() not in self.generic \
                            and (lower[k] not in self.heads or lower[k] in _PROGRAMME_NOUNS_STRICT
                                 or any(w in self.service_words for w in lower[k + 1 : i])) \
                            and self._acceptable(text[k:i], service=True) and not self._after_title(t, k) \
                            and not any(x in taken for x in range(k, i + 3)):
                        out.append(self._named_span(doc, k, i, doc[k:i].text))
                        acronyms[acro] = doc[k:i].text
                        taken.update(range(k, i + 3))
                        continue
                # "sistem aplikasi persandian (Pindai)", "… Villages Program (Sadewa)": a
                # service described in ordinary words, then its coined short name
                short = self._described_short_name(t, i, taken) if text[i] == "(" else None
                if short is not None:
                    out.append(self._named_span(doc, i + 1, short, doc[i + 1 : short].text))
                    taken.update(range(i + 1, short))
                    continue
                # "ULAS (Unit Layanan Aduan Surakarta)": the short name first, then its expansion
                if text[i] == "(" and i > 0 and name[i - 1] and \
                        ((text[i - 1].isupper() and 2 <= len(text[i - 1]) <= 8) or self._coined_short(text[i - 1])) \
                        and (i < 2 or not name[i - 2]) and i - 1 not in taken:
                    k = i + 1
                    service = i + 1 < n and lower[i + 1] in self.service_heads
                    # a service's expansion may list its parts: "Simral (Sistem Informasi
                    # Manajemen Perencanaan, Penganggaran, dan Pelaporan)"
                    while k < n and k - i <= (14 if service else 8) and (name[k] or (
                            service and k > i + 2 and lower[k] in {",", "dan", "&", "serta", "and"}
                            and k + 1 < n and (name[k + 1] or lower[k + 1] in {"dan", "serta", "and"}))):
                        k += 1
                    expansion = [w for w in text[i + 1 : k] if w.lower() not in {",", "dan", "&", "serta", "and"}]
                    short = text[i - 1]
                    initials = "".join(w[0] for w in expansion).upper()
                    if k < n and text[k] == ")" and len(expansion) >= 2 and short.lower() not in self.generic and \
                            (initials == short.upper() or service) and \
                            self._acceptable(expansion, service=service) and \
                            self._programmish(expansion):
                        out.append(self._named_span(doc, i + 1, k, doc[i + 1 : k].text))
                        acronyms[short] = doc[i + 1 : k].text
                        taken.update(range(i - 1, k + 1))
                if name[i] and (i == 0 or not name[i - 1]) and i + 2 < n and lower[i + 1] == "milik" \
                        and name[i + 2] and (lower[i + 2] in self.office_heads or text[i + 2].isupper()
                                             or lower[i + 2].startswith(_OFFICE_PREFIXES)) \
                        and (self._coined_short(text[i]) or (self._coined(text[i]) and len(text[i]) >= 4)) \
                        and i not in taken and self._acceptable([text[i]]):
                    # "Simasda milik Sekretariat DPRD": a coined name an office owns
                    out.append(self._named_span(doc, i, i + 1, text[i]))
                    taken.add(i)
                continue
            words = text[start:end]
            if start > 0 and lower[start - 1] in self.heads and name[start - 1] and \
                    not (start - 1 == i and introduced) and lower[start - 1] not in _ENGLISH_DETERMINERS:
                # (an article is no institution's head: "The Kang Pisman programme, launched …")
                continue  # "Direktorat Layanan Aplikasi …": the rest of an institution's name
            if end > start and self._acceptable(words, service=start == i and lower[i] in self.introducers,
                                                named=fronted or headed
                                                or (start == i + 1 and lower[i] in self.weak_introducers)
                                                or (start == i + 1 and self._soft_headed(t, i, start, end))) \
                    and (launched or not self._after_title(t, start)) \
                    and not any(x in taken for x in range(start, end)):
                out.append(self._named_span(doc, start, end, doc[start:end].text))
                taken.update(range(start, end))
                free = end
                # "layanan Jempol dan Konstan": a coined name coordinated with an introduced one
                if introduced and end + 1 < n and lower[end] in ("dan", "serta", "&", "and") and name[end + 1] \
                        and (end + 2 >= n or not name[end + 2]) and end + 1 not in taken \
                        and (self._coined_short(text[end + 1]) or (self._coined(text[end + 1]) and len(text[end + 1]) >= 4)) \
                        and self._acceptable([text[end + 1]]):
                    out.append(self._named_span(doc, end + 1, end + 2, text[end + 1]))
                    taken.add(end + 1)
                    free = end + 2
        return out

    def _rest_of_a_name(self, lower: list[str], name: list[bool], k: int) -> bool:
        """Do the words from ``k`` continue an office's or a place's capitalised name ("Direktorat
        …", "Terminal Bandar Raya …")?"""
        return k > 0 and name[k - 1] and (lower[k - 1] in self.heads or lower[k - 1] in _VENUE_HEADS)

    def _title_inside(self, t: Tokens, j: int, k: int) -> bool:
        """A title inside a name after its first word, where no person's name follows it: "Halo
        Bupati Sikka", "Lapor Gubernur" (not "Sapa Warga Gubernur Ridwan Kamil")."""
        if k == j or t.lower[k] not in self.titles or t.lower[j] in self.titles:
            return False
        after = k + 1
        return after >= len(t) or not name_like(t.text[after]) or t.lower[after] in self.places

    def _soft_headed(self, t: Tokens, i: int, start: int, end: int) -> bool:
        """A lower-case programme noun before a name that opens with a word that also heads
        institutions or places: "program Sekolah Surya", "program Kota Tanpa Kumuh" (not
        "program Kota Bandung": a place)."""
        first = t.lower[start]
        if first not in _SOFT_HEADS or t.lower[i] not in _PROGRAMME_NOUNS_STRICT or not t.text[i].islower():
            return False
        return any(t.lower[j] not in self.places and t.lower[j] not in _PLACE_WORDS for j in range(start + 1, end))

    def _list_opener(self, lower: list[str], i: int) -> int | None:
        """The first token of a list that token ``i`` opens ("yakni", "antara lain", "dengan"
        after a named pillar), when a programme noun or a named pillar comes just before."""
        low = lower[i]
        if low in _LIST_OPENERS:
            end = i + 1
        elif low == "antara" and i + 1 < len(lower) and lower[i + 1] == "lain":
            end = i + 2
        elif low == "dengan" and i >= 2 and lower[i - 2] == "smart":
            return i + 1  # "Smart Economy dengan Kampung Mandiri Siantan Hulu"
        else:
            return None
        before = lower[max(0, i - (3 if low == ":" else 8)) : i]
        if any(w in _COMMERCE for w in before):
            return None  # "dua inovasi produk terbaru: Mizone …": a company's products
        last = max((k for k, w in enumerate(before) if w in self.strong_introducers), default=None)
        if last is None or any(w in _PERSON_NOUNS for w in before[last + 1 :]):
            return None  # "program itu digagas tiga tokoh, yakni Budi …": people, not names of programmes
        return end

    def _listed(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Names listed after a programme noun: "tiga program percepatan, yakni Aplikasi
        Magelang Cerdas, E-Retribusi, dan Rojak (Ronda Jam Kerja)"; "Smart Living dengan
        Public Safety Center". Each capitalised item is a programme; the list ends at the
        first item that is not a name."""
        t = tokens(doc)
        text, lower, n = t.text, t.lower, len(doc)
        out: list[Span] = []
        for i in [i for i, w in enumerate(lower) if w in _LIST_TRIGGERS]:
            j = self._list_opener(lower, i)
            if j is None:
                continue
            for _ in range(10):
                k = j + 3 if _e_name(t, j) else j  # "e - planing": an e-name, even in lower case
                while k < n and k - j < 6 and (name_like(text[k]) or (
                        k > j and text[k] in {"-", "&"} and k + 1 < n and name_like(text[k + 1]))):
                    k += 1
                if k == j:
                    # a common noun among the items ("e-lapor, Wali Kota Menjawab, perizinan,
                    # open data dan SEKEJAP"): skip it, the list goes on after a separator
                    while k < n and k - j < 5 and (t.alpha[k] or text[k] == "-") and not text[k][:1].isupper() \
                            and lower[k] not in {"dan", "serta", "and"}:
                        k += 1
                    if k > j and k + 2 < n and text[k] == "(" and text[k + 2] == ")" and text[k + 1].isupper() \
                            and 2 <= len(text[k + 1]) <= 8 and text[k + 1].isalpha() and k + 1 not in taken:
                        # "sistem kependudukan elektronik (SIAK)": the item's short name
                        out.append(self._named_span(doc, k + 1, k + 2, text[k + 1]))
                        taken.add(k + 1)
                        k += 3
                    if k == j or k >= n or not (text[k] in {",", ";"} or lower[k] in {"dan", "serta", "and"}):
                        break
                    words = []
                else:
                    words = text[j:k]
                expanded = k < n and text[k] == "("
                if words and self._acceptable(words, service=lower[j] in self.service_heads) and not self._after_title(t, j) \
                        and not any(x in taken for x in range(j, k)) \
                        and (k - j >= 2 or expanded or self._coined(text[j]) or self._coined_short(text[j])):
                    out.append(self._named_span(doc, j, k, doc[j:k].text))
                    taken.update(range(j, k))
                if k < n and text[k] == ":":  # "E-Retribusi: Bakul Pasar": a name and its label
                    while k + 1 < n and name_like(text[k + 1]):
                        k += 1
                    k += 1
                if k < n and text[k] == "(":  # "Rojak (Ronda Jam Kerja)"
                    close = next((x for x in range(k, min(n, k + 12)) if text[x] == ")"), None)
                    k = close + 1 if close is not None else k
                joined = False
                if k < n and text[k] in {",", ";"}:
                    k, joined = k + 1, True
                if k < n and lower[k] in {"dan", "serta", "and"}:
                    k, joined = k + 1, True
                if not joined:
                    break
                j = k
        return out

    def _quoted_defined(self, doc: Doc, taken: set[int]) -> list[Span]:
        """A quoted name the text then defines: '"easy tax" yaitu peningkatan pendapatan …',
        "'zero waste city' yaitu pengelolaan sampah …" (a city's named initiative, lower case)."""
        t = tokens(doc)
        text, lower, n = t.text, t.lower, len(doc)
        out: list[Span] = []
        for i in [i for i, w in enumerate(text[: n - 2]) if w in _OPEN_QUOTES]:
            k = next((k for k in range(i + 2, min(n, i + 7)) if text[k] in _CLOSE_QUOTES), None)
            if k is None or k + 1 >= n or lower[k + 1] not in self._DEFINES:
                continue
            words = text[i + 1 : k]
            if any(x in taken for x in range(i + 1, k)) or not all(w[:1].isalnum() for w in words) \
                    or any(w.lower() in _SPEECH_WORDS for w in words):
                continue  # '"kami siap" adalah …': a quoted saying, not a name
            if len(words) == 1 and words[0].islower() and known_word(words[0]):
                continue  # 'satu "rumah" yakni Diskominfo': an everyday word used as a figure
            if self._acceptable(words) and " ".join(w.lower() for w in words) not in self.places:
                out.append(self._named_span(doc, i + 1, k, doc[i + 1 : k].text))
                taken.update(range(i + 1, k))
        return out

    def _place_smart_city(self, doc: Doc, taken: set[int]) -> list[Span]:
        """A place's own smart-city programme: "menuju Kuningan Kota Cerdas", "Aceh Smart
        Province" (the place's brand for its programme, as the annotators read it; "Smart City
        Kota Semarang", the concept in a place, stays generic)."""
        t = tokens(doc)
        text, lower, n = t.text, t.lower, len(doc)
        out: list[Span] = []
        for i in range(n - 2):
            if i in taken or not text[i][:1].isupper() or lower[i] not in self.places or lower[i] in _PLACE_WORDS:
                continue
            if lower[max(0, i - 1)] in ("induk", "masterplan", "master") or lower[max(0, i - 2)] == "masterplan":
                continue  # "Rencana Induk Magelang Kota Cerdas": a plan document's title
            pair = (lower[i + 1], lower[i + 2])
            if pair in _SMART_PLACE_TAILS and (pair[0] == "smart" or text[i + 1][:1].isupper()) \
                    and not any(j in taken for j in (i + 1, i + 2)):
                name = f"{text[i]} {text[i + 1][:1].upper()}{text[i + 1][1:]} {text[i + 2][:1].upper()}{text[i + 2][1:]}"
                out.append(self._named_span(doc, i, i + 3, name))
                taken.update(range(i, i + 3))
        return out

    @staticmethod
    def _named_span(doc: Doc, start: int, end: int, name: str) -> Span:
        span = Span(doc, start, end, label="PROGRAM")
        span._.program = name
        span._.kind = "program"
        span._.method = "pattern"
        span._.score = 0.8
        # the pillar named nearest in the sentence
        bounds = sentence_bounds(doc)
        lo, hi = bounds[max(bisect.bisect_right(bounds, (start, len(doc) + 1)) - 1, 0)]
        near = [sp for sp in doc.spans.get("pillars", []) if lo <= sp.start < hi]
        span._.pillar = min(near, key=lambda sp: abs(sp.start - start))._.pillar if near else None
        return span

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.lower, self.exact):
            for key, start, end in matcher(doc):
                span = self._program_span(doc, start, end, self.by_key[key], "gazetteer", 1.0)
                if end < len(doc) and doc[end].text in _VARIANTS:
                    # "MPP Digital", "JKN Mobile": a programme's own variant, named as such
                    variant = self._named_span(doc, start, end + 1, doc[start : end + 1].text)
                    variant._.pillar = span._.pillar
                    span = variant
                spans.append(span)
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans += self._fuzzy_matches(doc, set(taken))
        acronyms: dict[str, str] = {}  # per document: the component is shared across threads
        named = self._named(doc, taken, acronyms)
        # a later bare acronym ("CRM") is the same programme
        if acronyms:
            for i, word in enumerate(tokens(doc).text):
                if word in acronyms and i not in taken:
                    named.append(self._named_span(doc, i, i + 1, acronyms[word]))
        # the tokens of names found so far; _listed and _quoted_defined add theirs to it
        named = [sp for sp in named if not (_glossed_as_common_noun(doc, sp.end) and all(
            common_english(w.lower_) for w in sp if w.is_alpha)) and not _street_name(doc, sp.start)]
        taken_now = taken | {i for sp in named for i in range(sp.start, sp.end)}
        named += self._listed(doc, taken_now)
        named += self._quoted_defined(doc, taken_now)
        named += self._place_smart_city(doc, taken_now)
        for sp in named:
            # a name's own first word says what it is ("Trans Semarang" is a bus system beside
            # "kawasan industri"); otherwise the pillar named nearest in its sentence
            first = sp._.program.split()[0].lower()
            own = self.name_pillars.get(first)
            if (own and first in _SYSTEM_FIRST_WORDS) or sp._.pillar is None:
                sp._.pillar = own
        spans += named
        spans += self._initiatives(doc)
        doc.spans["programs"] = sorted(filter_spans(spans), key=lambda s: s.start)
        self._program_pillar_mentions(doc)
        return doc

    @staticmethod
    def _program_pillar_mentions(doc: Doc) -> None:
        """A named programme of one pillar is a mention of that pillar ("MBG" → smart living)."""
        pillars = list(doc.spans.get("pillars", []))
        # a weak term inside the name ("Aplikasi" of "Aplikasi Sampurasun") gives way to the
        # programme: the name, not the generic noun, is the evidence
        covered = {i for sp in pillars if not sp._.weak for i in range(sp.start, sp.end)}
        added = False
        for prog in doc.spans["programs"]:
            if prog._.kind != "program" or not prog._.pillar:
                continue
            if any(i in covered for i in range(prog.start, prog.end)):
                continue
            pillars = [sp for sp in pillars if not (prog.start <= sp.start and sp.end <= prog.end)]
            span = Span(doc, prog.start, prog.end, label=prog._.pillar)
            span._.pillar = prog._.pillar
            span._.term = prog._.program
            span._.method = "program"
            span._.score = prog._.score
            pillars.append(span)
            added = True
        if added:
            doc.spans["pillars"] = sorted(pillars, key=lambda sp: sp.start)


@Language.factory("pilar_programs", default_config={"models_dir": None})
def make_program_tagger(nlp: Language, name: str, models_dir: str | None) -> ProgramTagger:
    return ProgramTagger(nlp, load_lexicon(models_dir))
