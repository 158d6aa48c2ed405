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
    "progress": ("Question {n}, about {left} left", "Pertanyaan {n}, kira-kira {left} lagi"),
    "back": ("<- Back to the previous question", "<- Kembali ke pertanyaan sebelumnya"),
    "skip": ("(doesn't apply to me: skip)", "(tidak sesuai untukku: lewati)"),
    "why": ("Why", "Alasannya"),
    "progress_last": ("Question {n}, the last one", "Pertanyaan {n}, yang terakhir"),
    "progress_review": ("Answer {n} of {total}", "Jawaban {n} dari {total}"),
    "reason_trait_up": (
        "Your {trait} answers ({you}% of them) raised it by {points}; the role is {role}% {trait}.",
        "Jawabanmu yang bertipe {trait} ({you}% dari semuanya) menaikkan skornya {points}; posisi ini {role}% {trait}.",
    ),
    "reason_trait_down": (
        "Counted against it: your {trait} answers ({you}% of them) lowered it by {points}; the role is {role}% {trait}.",
        "Mengurangi skornya: jawabanmu yang bertipe {trait} ({you}% dari semuanya) menurunkannya {points}; posisi ini {role}% {trait}.",
    ),
    "reason_up": (
        'You chose "{answer}": that raised it by {points}.',
        'Kamu memilih "{answer}": itu menaikkan skornya {points}.',
    ),
    "reason_down": (
        'Counted against it: you chose "{answer}", which lowered it by {points}.',
        'Mengurangi skornya: kamu memilih "{answer}", yang menurunkannya {points}.',
    ),
    "points_one": ("1 point", "1 poin"),
    "points_many": ("{n} points", "{n} poin"),
    "flag_near_tie": (
        "{a} and {b} are close ({x} and {y}): read about both before you choose.",
        "{a} dan {b} hampir sama kuat ({x} dan {y}): pelajari keduanya sebelum memilih.",
    ),
    "flag_unsure": (
        "This result is unsure: your answers fit several roles about equally, and {name} leads with only {x}. Read about the top three, talk them over with someone who knows you, or take the quiz again choosing what you would really enjoy.",
        "Hasil ini belum pasti: jawabanmu cocok dengan beberapa posisi yang hampir sama kuat, dan {name} hanya unggul dengan {x}. Baca tiga posisi teratas, diskusikan dengan orang yang mengenalmu, atau ulangi kuis dengan memilih yang benar-benar kamu sukai.",
    ),
    "flag_torn": (
        "You said you are torn between paths: read about your top three (rolefinder show ROLE), not only {name}.",
        "Kamu bilang masih bimbang di antara beberapa jalur: baca tiga posisi teratasmu (rolefinder show ROLE), bukan hanya {name}.",
    ),
    "flag_exploring": (
        "You said you are still exploring, so treat this result as unsure: your answers lean to {name}, but a quiz cannot tell how much you would enjoy it. Try a short course, an internship or a talk with someone in the job before you decide.",
        "Kamu bilang masih menjajaki pilihan, jadi anggap hasil ini belum pasti: jawabanmu condong ke {name}, tetapi kuis tidak bisa mengukur seberapa kamu akan menikmatinya. Coba kursus singkat, magang, atau ngobrol dengan orang yang bekerja di posisi itu sebelum memutuskan.",
    ),
    "how_sure_exploring": (
        "How sure: unsure, since you are still exploring (your answers alone point here at {chance})",
        "Seberapa yakin: belum pasti, karena kamu masih menjajaki (jawabanmu sendiri mengarah ke sini {chance})",
    ),
    "how_sure": ("How sure: {band} ({chance})", "Seberapa yakin: {band} ({chance})"),
    "band_strong": ("a strong fit", "sangat cocok"),
    "band_good": ("a good fit", "cukup cocok"),
    "band_unsure": ("unsure", "belum pasti"),
    "goals": (
        "Your answers also point to (goals for later, they need more experience):",
        "Jawabanmu juga mengarah ke (target ke depan, perlu pengalaman lebih):",
    ),
    "what_if": (
        'Had you chosen "{answer}", {role} would come first.',
        'Seandainya kamu memilih "{answer}", {role} akan berada di urutan pertama.',
    ),
    "path": ("path {steps}", "jalur {steps}"),
    "opt_explain": (
        "Show why each listed role matched.",
        "Tampilkan alasan kecocokan setiap peran yang ditampilkan.",
    ),
    "opt_level": (
        "Only roles at this level: entry, mid or senior.",
        "Hanya peran di level ini: entry, mid, atau senior.",
    ),
    "opt_audit": (
        "Also run the simulated-respondent audit (fixed seed): recovery, retakes, confusions, fairness.",
        "Jalankan juga audit responden simulasi (seed tetap): ketepatan, ulangan, kekeliruan, keadilan.",
    ),
    "audit_title": (
        "Simulated respondents ({people} a role and setting) and {samples} random sittings",
        "Responden simulasi ({people} per posisi dan mode) dan {samples} sesi acak",
    ),
    "audit_careful": ("Careful", "Cermat"),
    "audit_noisy": ("Noisy", "Asal-asalan"),
    "audit_all": ("All roles", "Semua posisi"),
    "audit_columns": (
        "Careful and noisy: their own role first / in the top 3 / the same #1 on a retake. First for: share of random sittings where the role comes first.",
        "Cermat dan asal-asalan: posisinya sendiri di urutan pertama / di tiga besar / urutan pertama yang sama saat diulang. Teratas untuk: bagian sesi acak yang menempatkan posisi itu pertama.",
    ),
    "audit_targets": (
        "Targets: careful {careful}, noisy {noisy}; every role at least {every} first when careful; each role first for {low}-{high}% of random sittings.",
        "Target: cermat {careful}, asal-asalan {noisy}; setiap posisi minimal {every} di urutan pertama saat cermat; setiap posisi teratas untuk {low}-{high}% sesi acak.",
    ),
    "audit_calibration": (
        "Mean chance shown for the #1: careful {careful} (right {careful_right}), noisy {noisy} (right {noisy_right}).",
        "Rata-rata peluang posisi teratas: cermat {careful} (tepat {careful_right}), asal-asalan {noisy} (tepat {noisy_right}).",
    ),
    "audit_lengths": (
        "Questions per sitting: {mean} on average, {low} to {high}.",
        "Pertanyaan per sesi: rata-rata {mean}, antara {low} dan {high}.",
    ),
    "audit_confused": ("Most confused: {pairs}.", "Paling sering tertukar: {pairs}."),
    "audit_information": (
        "Least informative questions (bits about the role): {bits}.",
        "Pertanyaan yang paling sedikit memberi informasi (bit tentang posisi): {bits}.",
    ),
    "audit_share": ("First for", "Teratas untuk"),
    "audit_passed": ("Audit passed: every target is met.", "Audit lolos: semua target tercapai."),
    "audit_failed": (
        "Audit failed: {missed}. Adjust the questions' options and fits, or the roles' profiles.",
        "Audit gagal: {missed}. Sesuaikan pilihan jawaban dan fits, atau profil posisi.",
    ),
    "review_title": (
        "Your answers. Change any of them, or confirm to see your result.",
        "Jawabanmu. Ubah yang mana saja, atau konfirmasi untuk melihat hasil.",
    ),
    "review_confirm": ("These are right: show my result", "Sudah benar: tampilkan hasilku"),
    "review_hint": ("(Enter on an answer to change it)", "(Enter pada jawaban untuk mengubahnya)"),
    "instruction": ("(arrow keys, then Enter)", "(tombol panah, lalu Enter)"),
    "intro": (
        "About {low} to {high} short questions; the quiz stops once your result is clear. "
        "There are no wrong answers: pick what you would rather do, not what sounds impressive.",
        "Sekitar {low} sampai {high} pertanyaan singkat; kuis berhenti begitu hasilmu sudah jelas. "
        "Tidak ada jawaban yang salah: pilih yang memang lebih ingin kamu lakukan, bukan yang terdengar keren.",
    ),
    # result
    "your_profile": ("Your profile", "Profil kamu"),
    "your_matches": ("Your best matches", "Peran yang paling cocok"),
    "col_rank": ("#", "#"),
    "col_role": ("Role", "Peran"),
    "col_match": ("Chance", "Peluang"),
    "col_level": ("Level", "Level"),
    "col_trait_level": ("Trait, level", "Sifat, level"),
    "col_summary": ("Summary", "Ringkasan"),
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
    "too_few_answers": (
        "Too few answers to rank the roles: {have} of the {need} needed (skipped questions do not count); answer {more} more.",
        "Jawaban belum cukup untuk menyusun peringkat: baru {have} dari {need} yang dibutuhkan (pertanyaan yang dilewati tidak dihitung); jawab {more} lagi.",
    ),
    "opt_all_questions": (
        "Ask every question in the bank instead of stopping once the result is clear.",
        "Ajukan semua pertanyaan, bukan berhenti begitu hasilnya sudah jelas.",
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
    "code_old_version": (
        "The result code '{code}' comes from an older rolefinder whose codes cannot be read any more; take the quiz again.",
        "Kode hasil '{code}' berasal dari rolefinder versi lama yang kodenya tidak bisa dibaca lagi; ulangi kuisnya.",
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
