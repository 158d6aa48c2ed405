"""Every UI string in English and Indonesian, and choosing the language."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

Lang = Literal["en", "id"]
LANGS: tuple[Lang, ...] = ("en", "id")

LANG_ENV = "ROLEFINDER_LANG"

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (English, Indonesian)
    "app_help": (
        "A career quiz for social-media jobs: find out whether you are the creative, the "
        "strategic or the analytical kind, and which roles fit you.",
        "Kuis karier untuk pekerjaan di media sosial: cari tahu apakah kamu tipe kreatif, "
        "strategis, atau analitis, dan peran mana yang cocok untukmu.",
    ),
    "quiz_help": (
        "Take the quiz (arrow keys and Enter) and see which roles fit you, ranked.",
        "Ikuti kuisnya (tombol panah dan Enter) dan lihat peringkat peran yang cocok untukmu.",
    ),
    "roles_help": ("List every role in the catalogue.", "Tampilkan semua peran di katalog."),
    "show_help": (
        "Show one role: duties, skills, profile, level and related roles.",
        "Tampilkan satu peran: tugas, keterampilan, profil, level, dan peran terkait.",
    ),
    "validate_help": (
        "Check a catalogue (default: the one in use) and list every problem with its line.",
        "Periksa katalog (bawaan: yang sedang dipakai) dan tampilkan setiap masalah beserta barisnya.",
    ),
    "arg_path": ("The catalogue file to check.", "File katalog yang diperiksa."),
    "valid": (
        "{source}: valid, {roles} roles and {questions} questions.",
        "{source}: valid, {roles} peran dan {questions} pertanyaan.",
    ),
    "invalid": (
        "{source}: {count} problem(s); nothing was loaded.",
        "{source}: {count} masalah; katalog tidak dimuat.",
    ),
    "warning": ("warning", "peringatan"),
    "interrupted": ("Interrupted.", "Dihentikan."),
    "opt_lang": ("Language: en or id.", "Bahasa: en (Inggris) atau id (Indonesia)."),
    "opt_catalogue": (
        "Use this catalogue file instead of the shipped one.",
        "Pakai file katalog ini, bukan katalog bawaan.",
    ),
    "opt_top": ("How many top roles to list.", "Berapa banyak peran teratas yang ditampilkan."),
    "opt_trait": (
        "Only roles whose main trait is this one (e.g. creative).",
        "Hanya peran dengan sifat utama ini (misalnya creative).",
    ),
    "opt_json": ("Print JSON instead of a table.", "Cetak JSON, bukan tabel."),
    "opt_version": ("Show the version and exit.", "Tampilkan versi lalu keluar."),
    "arg_role": (
        "A role id or name, e.g. social-media-analyst.",
        "Id atau nama peran, misalnya social-media-analyst.",
    ),
    # quiz
    "progress": ("Question {n} of {total}", "Pertanyaan {n} dari {total}"),
    "back": ("<- Back to the previous question", "<- Kembali ke pertanyaan sebelumnya"),
    "skip": ("(doesn't apply to me: skip)", "(tidak sesuai untukku: lewati)"),
    "why": ("Why", "Alasannya"),
    "reason_close": (
        "{trait}: you {you}%, this role {role}%, a close fit.",
        "{trait}: kamu {you}%, peran ini {role}%, cukup mirip.",
    ),
    "reason_apart": (
        "{trait}: you {you}%, this role {role}%, far apart.",
        "{trait}: kamu {you}%, peran ini {role}%, berbeda jauh.",
    ),
    "reason_up": (
        'Your answer to question {n} ("{answer}") raised this match by {points}.',
        'Jawabanmu untuk pertanyaan {n} ("{answer}") menaikkan kecocokan ini {points}.',
    ),
    "reason_down": (
        'Your answer to question {n} ("{answer}") lowered this match by {points}.',
        'Jawabanmu untuk pertanyaan {n} ("{answer}") menurunkan kecocokan ini {points}.',
    ),
    "points_one": ("1 point", "1 poin"),
    "points_many": ("{n} points", "{n} poin"),
    "flag_near_tie": (
        "{a} and {b} fit you almost equally ({x}% and {y}%): read about both.",
        "{a} dan {b} hampir sama cocoknya untukmu ({x}% dan {y}%): pelajari keduanya.",
    ),
    "flag_flat_profile": (
        "Your answers spread almost evenly over the traits, so no role stands out clearly: you may be an all-rounder. Retake the quiz choosing what you enjoy most, or read about both creative and analytical roles.",
        "Jawabanmu tersebar hampir merata di semua sifat, jadi tidak ada peran yang menonjol: mungkin kamu serba bisa. Ulangi kuis dengan memilih yang paling kamu sukai, atau pelajari peran kreatif dan analitis sekaligus.",
    ),
    "flag_few_answers": (
        "You skipped {n} of {total} questions, so this result rests on few answers; answer more of them for a surer result.",
        "Kamu melewati {n} dari {total} pertanyaan, jadi hasil ini bertumpu pada sedikit jawaban; jawab lebih banyak agar hasilnya lebih pasti.",
    ),
    "what_if": (
        'Had you chosen "{answer}" in question {n}, {role} would lead.',
        'Seandainya kamu memilih "{answer}" di pertanyaan {n}, {role} akan berada di posisi teratas.',
    ),
    "path": (
        "Path: {steps}. Start as {start} ({match}% match).",
        "Jalur: {steps}. Mulailah sebagai {start} (cocok {match}%).",
    ),
    "opt_explain": (
        "Show why each listed role matched.",
        "Tampilkan alasan kecocokan setiap peran yang ditampilkan.",
    ),
    "opt_level": (
        "Only roles at this level: entry, mid or senior.",
        "Hanya peran di level ini: entry, mid, atau senior.",
    ),
    "opt_audit": (
        "Also check that every role can come first and none dominates (10,000 random answer sheets).",
        "Periksa juga bahwa setiap peran bisa menjadi teratas dan tidak ada yang mendominasi (10.000 lembar jawaban acak).",
    ),
    "audit_title": (
        "Top match over {samples} random answer sheets",
        "Peran teratas dari {samples} lembar jawaban acak",
    ),
    "audit_share": ("First for", "Teratas untuk"),
    "audit_unreachable": (
        "no answer sheet puts it first",
        "tidak ada lembar jawaban yang menempatkannya teratas",
    ),
    "audit_too_rare": ("under {low}%", "di bawah {low}%"),
    "audit_too_common": ("over {high}%", "di atas {high}%"),
    "audit_passed": (
        "Audit passed: every role can come first, and each is first for {low}-{high}% of random sheets.",
        "Audit lolos: setiap peran bisa menjadi teratas, dan masing-masing teratas untuk {low}-{high}% lembar acak.",
    ),
    "audit_failed": (
        "Audit failed: adjust the questions' weights or the roles' profiles so every role can come first for {low}-{high}% of random sheets.",
        "Audit gagal: sesuaikan bobot pertanyaan atau profil peran agar setiap peran teratas untuk {low}-{high}% lembar acak.",
    ),
    "review_title": (
        "Your answers. Change any of them, or confirm to see your result.",
        "Jawabanmu. Ubah yang mana saja, atau konfirmasi untuk melihat hasil.",
    ),
    "review_confirm": ("These are right: show my result", "Sudah benar: tampilkan hasilku"),
    "review_hint": ("(Enter on an answer to change it)", "(Enter pada jawaban untuk mengubahnya)"),
    "instruction": ("(arrow keys, then Enter)", "(tombol panah, lalu Enter)"),
    "intro": (
        "Answer {total} short questions; there are no wrong answers. Pick what you would "
        "rather do, not what sounds impressive.",
        "Jawab {total} pertanyaan singkat; tidak ada jawaban yang salah. Pilih yang memang "
        "lebih ingin kamu lakukan, bukan yang terdengar keren.",
    ),
    # result
    "your_profile": ("Your profile", "Profil kamu"),
    "your_matches": ("Your best matches", "Peran yang paling cocok"),
    "col_rank": ("#", "#"),
    "col_role": ("Role", "Peran"),
    "col_match": ("Match", "Kecocokan"),
    "col_level": ("Level", "Level"),
    "col_trait_level": ("Trait, level", "Sifat, level"),
    "col_summary": ("Summary", "Ringkasan"),
    "stretch": ("stretch", "tantangan"),
    "stretch_note": (
        "This role usually asks for more experience than you have now: a goal to grow into.",
        "Peran ini biasanya butuh pengalaman lebih dari yang kamu punya sekarang: target untuk dikejar.",
    ),
    "best_match": ("Best match: {name}", "Paling cocok: {name}"),
    "duties": ("Duties", "Tugas"),
    "skills": ("Skills", "Keterampilan"),
    "profile": ("Profile", "Profil"),
    "related": ("Related roles", "Peran terkait"),
    "next_step": ("Next step", "Langkah berikutnya"),
    "note": ("Note", "Catatan"),
    "roles_title": ("Social media roles", "Peran di media sosial"),
    "no_roles": ("No role fits those filters.", "Tidak ada peran yang sesuai dengan filter itu."),
    "more_about": ("More: rolefinder show {id}", "Selengkapnya: rolefinder show {id}"),
    "level_entry": ("entry", "pemula"),
    "level_mid": ("mid", "menengah"),
    "level_senior": ("senior", "senior"),
    "years": ("{years} yrs", "{years} thn"),
    # errors
    "error": ("Error", "Galat"),
    "unknown_role": ("Unknown role '{query}'.", "Peran '{query}' tidak ditemukan."),
    "did_you_mean": ("Did you mean {names}?", "Maksudmu {names}?"),
    "or": ("or", "atau"),
    "list_roles": (
        "Run 'rolefinder roles' to list every role.",
        "Jalankan 'rolefinder roles' untuk melihat semua peran.",
    ),
    "unknown_trait": (
        "Unknown trait '{trait}'. Choose one of: {known}.",
        "Sifat '{trait}' tidak dikenal. Pilih salah satu: {known}.",
    ),
    "cancelled": ("Quiz cancelled.", "Kuis dibatalkan."),
    "unknown_question": (
        "Unknown question '{question}' (the questions are: {known}).",
        "Pertanyaan '{question}' tidak dikenal (pertanyaan yang ada: {known}).",
    ),
    "unknown_option": (
        "Question '{question}' has no option '{option}' (choose one of: {known}).",
        "Pertanyaan '{question}' tidak punya pilihan '{option}' (pilih salah satu: {known}).",
    ),
    "missing_answers": (
        "The answer sheet leaves out: {questions}. Add them, or run the quiz in a terminal to be asked.",
        "Lembar jawaban belum menjawab: {questions}. Tambahkan, atau jalankan kuis di terminal agar ditanyakan.",
    ),
    "bad_sheet": ("{problem}", "{problem}"),
    "sheet_not_mapping": (
        "{source}: an answer sheet maps question ids to option ids, e.g. 'monday: numbers'.",
        "{source}: lembar jawaban berisi id pertanyaan dan id pilihan, misalnya 'monday: numbers'.",
    ),
    "opt_save": (
        "Also save the result: .json, .md, .html or .svg (by extension).",
        "Simpan juga hasilnya: .json, .md, .html, atau .svg (menurut ekstensi).",
    ),
    "opt_force": ("Replace the --save file if it exists.", "Timpa file --save jika sudah ada."),
    "save_format": (
        "Cannot save to {path}: use a file ending in {formats}.",
        "Tidak bisa menyimpan ke {path}: pakai nama file berakhiran {formats}.",
    ),
    "save_no_folder": (
        "Cannot save to {path}: the folder {folder} does not exist.",
        "Tidak bisa menyimpan ke {path}: folder {folder} tidak ada.",
    ),
    "save_is_folder": (
        "Cannot save to {path}: it is a folder.",
        "Tidak bisa menyimpan ke {path}: itu sebuah folder.",
    ),
    "save_exists": (
        "{path} already exists; use --force to replace it, or choose another name.",
        "{path} sudah ada; pakai --force untuk menimpanya, atau pilih nama lain.",
    ),
    "save_denied": (
        "Cannot write {path}: permission denied.",
        "Tidak bisa menulis {path}: izin ditolak.",
    ),
    "save_failed": (
        "Cannot write {path}: {reason}. Nothing was changed.",
        "Tidak bisa menulis {path}: {reason}. Tidak ada yang diubah.",
    ),
    "saved": ("Saved to {path}", "Disimpan di {path}"),
    "code_mangled": (
        "'{code}' is not a valid result code: check it for typos (codes look like K7Q2-M4XJ-9AC).",
        "'{code}' bukan kode hasil yang valid: periksa salah ketik (kode berbentuk seperti K7Q2-M4XJ-9AC).",
    ),
    "code_other_catalogue": (
        "The result code '{code}' was made with another catalogue or another version of it; use the same catalogue (--catalogue).",
        "Kode hasil '{code}' dibuat dengan katalog lain atau versi lain; pakai katalog yang sama (--catalogue).",
    ),
    "result_code": (
        "Result code: {code}  (see it again: rolefinder result {code})",
        "Kode hasil: {code}  (lihat lagi: rolefinder result {code})",
    ),
    "result_help": (
        "Show again the result a result code stands for.",
        "Tampilkan lagi hasil dari sebuah kode hasil.",
    ),
    "arg_code": (
        "A result code, as printed under a result.",
        "Kode hasil, seperti yang tercetak di bawah hasil.",
    ),
    "schema_help": (
        "Print the catalogue format as a JSON Schema, for editors.",
        "Cetak format katalog sebagai JSON Schema, untuk editor.",
    ),
    "opt_answers": (
        "Answer sheet (YAML or JSON: question id -> option id); '-' reads standard input.",
        "Lembar jawaban (YAML atau JSON: id pertanyaan -> id pilihan); '-' membaca input standar.",
    ),
    "no_terminal": (
        "The quiz needs a terminal to ask its questions: run 'rolefinder quiz' in a terminal window, "
        "or give your answers with --answers FILE. To keep a result in a file, use --save PATH.",
        "Kuis ini butuh terminal untuk mengajukan pertanyaan: jalankan 'rolefinder quiz' di jendela "
        "terminal, atau berikan jawabanmu dengan --answers FILE. Untuk menyimpan hasil ke file, pakai --save PATH.",
    ),
    "windows_console": (
        "This window is not a console the quiz can draw in. On Windows, run it in Windows Terminal, "
        "PowerShell or cmd.exe (in Git Bash, prefix it with 'winpty').",
        "Jendela ini bukan konsol yang bisa dipakai kuis. Di Windows, jalankan di Windows Terminal, "
        "PowerShell, atau cmd.exe (di Git Bash, awali dengan 'winpty').",
    ),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The UI string ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    en, id_ = MESSAGES[key]
    template = id_ if lang == "id" else en
    return template.format(**values) if values else template


def detect_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language to use when none is given: ROLEFINDER_LANG, else the locale, else English."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip().lower()
    if chosen in LANGS:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:  # the first one set wins, as in POSIX
            language = value.split(".")[0].split("_")[0].split("-")[0].lower()
            return "id" if language == "id" else "en"
    return "en"
