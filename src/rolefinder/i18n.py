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
        "strategis, atau analitis, dan profesi mana yang cocok untukmu.",
    ),
    "quiz_help": (
        "Take the quiz (arrow keys and Enter) and see which roles fit you, ranked.",
        "Ikuti kuisnya (tombol panah dan Enter) dan lihat peringkat profesi yang cocok untukmu.",
    ),
    "roles_help": ("List every role in the catalogue.", "Tampilkan semua profesi di katalog."),
    "show_help": (
        "Show one role: duties, skills, profile, level and related roles.",
        "Tampilkan satu profesi: tugas, keterampilan, profil, level, dan profesi terkait.",
    ),
    "validate_help": (
        "Check a catalogue (default: the one in use) and list every problem with its line.",
        "Periksa katalog (bawaan: yang sedang dipakai) dan tampilkan setiap masalah beserta barisnya.",
    ),
    "arg_path": ("The catalogue file to check.", "File katalog yang diperiksa."),
    "valid": (
        "{source}: valid, {roles} roles and {questions} questions.",
        "{source}: valid, {roles} profesi dan {questions} pertanyaan.",
    ),
    "invalid": (
        "{source}: {count} problem(s); nothing was loaded.",
        "{source}: {count} masalah; katalog tidak dimuat.",
    ),
    "warning": ("warning", "peringatan"),
    "interrupted": ("Interrupted.", "Dihentikan."),
    "output_closed": (
        "standard output is closed, so nothing can be shown.",
        "output standar tertutup, jadi tidak ada yang bisa ditampilkan.",
    ),
    "output_broken": (
        "the output was closed before everything was written (a pipe that ended early?).",
        "output ditutup sebelum semuanya tertulis (pipe yang berhenti lebih awal?).",
    ),
    "output_failed": (
        "the output could not be written: {reason}.",
        "output tidak bisa ditulis: {reason}.",
    ),
    "opt_lang": (
        "Language: en or id (default: ROLEFINDER_LANG, then your locale).",
        "Bahasa: en (Inggris) atau id (Indonesia); bawaannya ROLEFINDER_LANG, lalu locale-mu.",
    ),
    "opt_catalogue": (
        "Use this catalogue file instead of the shipped one (or set ROLEFINDER_CATALOGUE).",
        "Pakai file katalog ini, bukan katalog bawaan (atau isi ROLEFINDER_CATALOGUE).",
    ),
    "opt_top": (
        "How many top roles to list (default 3).",
        "Jumlah profesi teratas yang ditampilkan (bawaan: 3).",
    ),
    "opt_trait": (
        "Only roles whose main trait is this one (e.g. creative).",
        "Hanya profesi dengan tipe utama ini (misalnya creative).",
    ),
    "opt_json": ("Print JSON instead of a table.", "Tampilkan dalam format JSON, bukan tabel."),
    "opt_version": ("Show the version and exit.", "Tampilkan versi lalu keluar."),
    "arg_role": (
        "A role id or name, e.g. social-media-analyst.",
        "id atau nama profesi, misalnya social-media-analyst.",
    ),
    # quiz
    "progress": ("Question {n}, about {left} left", "Pertanyaan {n}, kira-kira {left} lagi"),
    "back": ("<- Back to the previous question", "<- Kembali ke pertanyaan sebelumnya"),
    "skip": ("(doesn't apply to me: skip)", "(tidak relevan buatku: lewati)"),
    "why": ("Why", "Alasannya"),
    "progress_last": ("Question {n}, the last one", "Pertanyaan {n}, yang terakhir"),
    "progress_review": ("Answer {n} of {total}", "Jawaban {n} dari {total}"),
    "reason_trait_up": (
        "Your {trait} answers ({you}% of them) raised it by {points}; the role is {role}% {trait}.",
        "Jawaban bertipe {trait} ({you}% dari jawabanmu) menaikkan skornya {points}; profesi ini {role}% {trait}.",
    ),
    "reason_trait_down": (
        "Counted against it: your {trait} answers ({you}% of them) lowered it by {points}; the role is {role}% {trait}.",
        "Mengurangi skor: jawaban bertipe {trait} ({you}% dari jawabanmu) menurunkannya {points}; profesi ini {role}% {trait}.",
    ),
    "reason_up": (
        'You chose "{answer}": that raised it by {points}.',
        'Kamu memilih "{answer}": skornya naik {points}.',
    ),
    "reason_down": (
        'Counted against it: you chose "{answer}", which lowered it by {points}.',
        'Mengurangi skor: kamu memilih "{answer}", sehingga skornya turun {points}.',
    ),
    "points_one": ("1 point", "1 poin"),
    "points_many": ("{n} points", "{n} poin"),
    "flag_near_tie": (
        "{a} and {b} are close ({x} and {y}): read about both before you choose.",
        "{a} dan {b} bersaing ketat ({x} dan {y}): pelajari keduanya sebelum memilih.",
    ),
    "flag_unsure": (
        "Unsure: {name} leads with only {x}, and your answers fit several roles almost as well. "
        "Read about the top three and talk them over with someone who knows you.",
        "Belum pasti: {name} hanya unggul dengan {x}, dan jawabanmu juga cocok dengan beberapa "
        "profesi lain. Baca tiga profesi teratas dan diskusikan dengan orang yang mengenalmu.",
    ),
    "flag_torn": (
        "You said you are torn between paths: read about your top three (rolefinder show ROLE), not only {name}.",
        "Kamu bilang masih bimbang di antara beberapa arah: baca tiga profesi teratasmu (rolefinder show ROLE), bukan hanya {name}.",
    ),
    "flag_exploring": (
        "You said you are still exploring: your answers lean to {name}, but a quiz cannot tell "
        "how much you would enjoy it. Try a short course, an internship or a talk with someone "
        "in the job first.",
        "Kamu bilang masih menjajaki: jawabanmu condong ke {name}, tetapi kuis tidak bisa "
        "mengukur seberapa kamu akan menikmatinya. Coba kursus singkat, magang, atau ngobrol "
        "dengan orang yang menekuni profesi itu dulu.",
    ),
    "how_sure_exploring": (
        "How sure: unsure, since you are still exploring (your answers alone point here at {chance})",
        "Tingkat kecocokan: belum pasti, karena kamu masih menjajaki (dari jawabanmu saja, peluangnya {chance})",
    ),
    "how_sure": ("How sure: {band} ({chance})", "Tingkat kecocokan: {band} ({chance})"),
    "band_strong": ("a strong fit", "sangat cocok"),
    "band_good": ("a good fit", "cukup cocok"),
    "band_unsure": ("unsure", "belum pasti"),
    "goals": (
        "Your answers also point to (goals for later, they need more experience):",
        "Jawabanmu juga mengarah ke profesi berikut (target ke depan, perlu pengalaman lebih):",
    ),
    "what_if": (
        'Had you chosen "{answer}", {role} would come first.',
        'Seandainya kamu memilih "{answer}", {role} akan ada di urutan pertama.',
    ),
    "path": ("path {steps}", "jalur karier {steps}"),
    "opt_explain": (
        "Show why each listed role matched.",
        "Jelaskan alasan kecocokan setiap profesi dalam daftar.",
    ),
    "opt_level": (
        "Only roles at this level: entry, mid or senior.",
        "Hanya profesi di level ini: entry, mid, atau senior.",
    ),
    "opt_audit": (
        "Also run the simulated-respondent audit (fixed seed): recovery, retakes, confusions, fairness.",
        "Jalankan juga audit dengan responden simulasi (seed tetap): ketepatan, konsistensi, profesi yang tertukar, keadilan.",
    ),
    "audit_title": (
        "Simulated respondents ({people} a role and setting) and {samples} random sittings",
        "Responden simulasi ({people} per profesi dan mode) dan {samples} sesi acak",
    ),
    "audit_careful": ("Careful", "Cermat"),
    "audit_noisy": ("Noisy", "Asal-asalan"),
    "audit_all": ("All roles", "Semua profesi"),
    "audit_columns": (
        "Careful and noisy: their own role first / in the top 3 / the same #1 on a retake. First for: share of random sittings where the role comes first.",
        "Cermat dan asal-asalan: profesinya sendiri di urutan pertama / di tiga besar / urutan pertama yang sama saat diulang. Teratas untuk: persentase sesi acak yang menempatkan profesi itu di urutan pertama.",
    ),
    "audit_targets": (
        "Targets: careful {careful}, noisy {noisy}; every role at least {every} first when careful; each role first for {low}-{high}% of random sittings.",
        "Target: cermat {careful}, asal-asalan {noisy}; setiap profesi minimal {every} di urutan pertama saat cermat; setiap profesi teratas untuk {low}-{high}% sesi acak.",
    ),
    "audit_calibration": (
        "Mean chance shown for the #1: careful {careful} (right {careful_right}), noisy {noisy} (right {noisy_right}).",
        "Rata-rata peluang profesi teratas: cermat {careful} (tepat {careful_right}), asal-asalan {noisy} (tepat {noisy_right}).",
    ),
    "audit_lengths": (
        "Questions per sitting: {mean} on average, {low} to {high}.",
        "Pertanyaan per sesi: rata-rata {mean}, antara {low} dan {high}.",
    ),
    "audit_confused": ("Most confused: {pairs}.", "Paling sering tertukar: {pairs}."),
    "audit_information": (
        "Least informative questions (bits about the role): {bits}.",
        "Pertanyaan yang paling sedikit informasinya (bit tentang profesi): {bits}.",
    ),
    "audit_share": ("First for", "Teratas untuk"),
    "audit_passed": ("Audit passed: every target is met.", "Audit lolos: semua target tercapai."),
    "audit_failed": (
        "Audit failed: {missed}. Adjust the questions' options and fits, or the roles' profiles.",
        "Audit gagal: {missed}. Sesuaikan pilihan jawaban dan fits, atau profil profesi.",
    ),
    "review_title": (
        "Your answers. Change any of them, or confirm to see your result.",
        "Ini jawabanmu. Ubah mana pun yang kamu mau, atau konfirmasi untuk melihat hasilnya.",
    ),
    "review_confirm": ("These are right: show my result", "Sudah benar: tampilkan hasilku"),
    "review_hint": (
        "(type an answer's number, or Enter on it, to change it)",
        "(ketik nomor jawaban, atau tekan Enter di jawaban itu, untuk mengubahnya)",
    ),
    "instruction": (
        "(arrow keys or a number, then Enter; Esc to stop)",
        "(tombol panah atau angka, lalu Enter; Esc untuk berhenti)",
    ),
    "plain_ask": (
        "Your choice (1-{count}, Enter for {default}, q to stop):",
        "Pilihanmu (1-{count}, Enter untuk {default}, q untuk berhenti):",
    ),
    "plain_again": (
        "Please type a number from 1 to {count}.",
        "Ketik angka dari 1 sampai {count}.",
    ),
    "intro": (
        "About {low} to {high} short questions; the quiz stops once your result is clear. "
        "There are no wrong answers: pick what you would rather do, not what sounds impressive.",
        "Sekitar {low} sampai {high} pertanyaan singkat; kuis berhenti begitu hasilmu sudah jelas. "
        "Tidak ada jawaban yang salah: pilih yang paling kamu sukai, bukan yang kedengarannya keren.",
    ),
    # result
    "your_profile": ("Your profile", "Profilmu"),
    "your_matches": ("Your best matches", "Profesi yang paling cocok"),
    "col_rank": ("#", "#"),
    "col_role": ("Role", "Profesi"),
    "col_match": ("Chance", "Kecocokan"),
    "col_level": ("Level", "Level"),
    "col_trait_level": ("Trait, level", "Tipe, level"),
    "col_summary": ("Summary", "Ringkasan"),
    "best_match": ("Best match: {name}", "Paling cocok: {name}"),
    "duties": ("Duties", "Tugas"),
    "skills": ("Skills", "Keterampilan"),
    "profile": ("Profile", "Profil"),
    "related": ("Related roles", "Profesi terkait"),
    "next_step": ("Next step", "Langkah berikutnya"),
    "note": ("Note", "Catatan"),
    "roles_title": ("Social media roles", "Profesi di media sosial"),
    "no_roles": ("No role fits those filters.", "Tidak ada profesi yang sesuai dengan filter itu."),
    "more_about": ("More: rolefinder show {id}", "Selengkapnya: rolefinder show {id}"),
    "level_entry": ("entry", "junior"),
    "level_mid": ("mid", "menengah"),
    "level_senior": ("senior", "senior"),
    "years": ("{years} yrs", "{years} thn"),
    # errors
    "error": ("Error", "Error"),
    "unknown_role": ("Unknown role '{query}'.", "Profesi '{query}' tidak ditemukan."),
    "did_you_mean": ("Did you mean {names}?", "Maksudmu {names}?"),
    "or": ("or", "atau"),
    "list_roles": (
        "Run 'rolefinder roles' to list every role.",
        "Jalankan 'rolefinder roles' untuk melihat semua profesi.",
    ),
    "unknown_trait": (
        "Unknown trait '{trait}'. Choose one of: {known}.",
        "Tipe '{trait}' tidak dikenal. Pilih salah satu: {known}.",
    ),
    "cancelled": ("Quiz cancelled.", "Kuis dibatalkan."),
    "stopped": (
        "Quiz stopped ({signal}); nothing was saved.",
        "Kuis dihentikan ({signal}); tidak ada yang disimpan.",
    ),
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
        "Jawaban belum cukup untuk menyusun peringkat profesi: baru {have} dari {need} yang dibutuhkan (pertanyaan yang dilewati tidak dihitung); jawab {more} pertanyaan lagi.",
    ),
    "opt_all_questions": (
        "Ask every question in the bank instead of stopping once the result is clear.",
        "Ajukan semua pertanyaan yang ada, bukan berhenti begitu hasilnya sudah jelas.",
    ),
    "bad_sheet": ("{problem}", "{problem}"),
    "sheet_not_mapping": (
        "{source}: an answer sheet maps question ids to option ids, e.g. 'monday: numbers'.",
        "{source}: lembar jawaban memasangkan id pertanyaan dengan id pilihan, misalnya 'monday: numbers'.",
    ),
    "opt_save": (
        "Also save the result: .json, .md, .html or .svg (by extension).",
        "Simpan juga hasilnya: .json, .md, .html, atau .svg (sesuai ekstensi file).",
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
        "Tidak bisa menyimpan ke {path}: itu adalah folder.",
    ),
    "save_exists": (
        "{path} already exists; use --force to replace it, or choose another name.",
        "{path} sudah ada; pakai --force untuk menimpanya, atau pilih nama lain.",
    ),
    "save_denied": (
        "Cannot write {path}: permission denied.",
        "Tidak bisa menulis ke {path}: akses ditolak.",
    ),
    "save_read_only": (
        "Cannot write {path}: the disk is read-only. Nothing was changed.",
        "Tidak bisa menulis ke {path}: disknya hanya bisa dibaca. Tidak ada yang diubah.",
    ),
    "save_full": (
        "Cannot write {path}: the disk is full. Nothing was changed.",
        "Tidak bisa menulis ke {path}: disknya penuh. Tidak ada yang diubah.",
    ),
    "save_name_too_long": (
        "Cannot write {path}: the file name is too long; choose a shorter one.",
        "Tidak bisa menulis ke {path}: nama file-nya terlalu panjang; pilih nama yang lebih pendek.",
    ),
    "save_failed": (
        "Cannot write {path}: {reason}. Nothing was changed.",
        "Tidak bisa menulis ke {path}: {reason}. Tidak ada yang diubah.",
    ),
    "saved": ("Saved to {path}", "Disimpan di {path}"),
    "code_mangled": (
        "'{code}' is not a valid result code: check it for typos, or copy it again from the result that showed it.",
        "'{code}' bukan kode hasil yang valid: periksa apakah ada salah ketik, atau salin lagi dari hasil yang menampilkannya.",
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
        "Kode hasil, yang tertera di bawah setiap hasil.",
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
        "Kuis tidak bisa tampil di jendela ini. Di Windows, jalankan di Windows Terminal, "
        "PowerShell, atau cmd.exe (di Git Bash, awali dengan 'winpty').",
    ),
    # result cards (--save .html, .svg, .md)
    "card_kicker": ("rolefinder quiz result", "Hasil kuis rolefinder"),
    "card_title": ("{name}: my rolefinder result", "{name}: hasil rolefinder-ku"),
    "card_desc": (
        "A rolefinder quiz result. {best}. {band}.",
        "Hasil kuis rolefinder. {best}. {band}.",
    ),
    "card_why_role": ("Why {name}", "Kenapa {name}"),
    "card_goals": ("Goals for later", "Target ke depan"),
    "card_duties": ("Duties of the {name}", "Tugas seorang {name}"),
    "card_code": ("Result code", "Kode hasil"),
    "card_replay": ("See this result again: {command}", "Lihat hasil ini lagi: {command}"),
    "card_footer": (
        "Made with rolefinder {version}, a career quiz for social-media jobs.",
        "Dibuat dengan rolefinder {version}, kuis karier untuk pekerjaan di media sosial.",
    ),
    # --- the command line's own words (click's texts are English; these stand in for them)
    "opt_help": ("Show this help and exit.", "Tampilkan bantuan ini lalu keluar."),
    "opt_install_completion": (
        "Install tab completion for the current shell.",
        "Pasang pelengkapan otomatis (Tab) untuk shell ini.",
    ),
    "opt_show_completion": (
        "Print the tab-completion script for the current shell, to copy or adjust it.",
        "Cetak skrip pelengkapan otomatis (Tab) untuk shell ini, untuk disalin atau diubah.",
    ),
    "opt_plain": (
        "Plain prompts: numbered choices, type a number and Enter; no colour or cursor movement "
        "(for screen readers; chosen by itself when TERM=dumb).",
        "Tampilan sederhana: pilihan bernomor, ketik angka lalu Enter; tanpa warna dan gerakan "
        "kursor (untuk pembaca layar; otomatis dipakai jika TERM=dumb).",
    ),
    "result_more": (
        "Result code {code}. Every reason and duty:\n  rolefinder result {code} --explain",
        "Kode hasil {code}. Semua alasan dan tugas:\n  rolefinder result {code} --explain",
    ),
    "questions_help": (
        "List every question with its id and its answers' ids, to write an answer sheet.",
        "Tampilkan semua pertanyaan beserta id-nya dan id setiap jawaban, untuk menulis "
        "lembar jawaban.",
    ),
    "opt_template": (
        "Print an answer sheet to fill in: every question as a comment, each answer 'skip' "
        "until you put an answer's id there.",
        "Cetak lembar jawaban untuk diisi: setiap pertanyaan sebagai komentar, setiap jawaban "
        "'skip' sampai kamu menggantinya dengan id jawaban.",
    ),
    "questions_footer": (
        "An answer sheet maps question ids to answer ids (YAML or JSON), e.g. 'monday: numbers'. "
        "Start from 'rolefinder questions --template', then: rolefinder quiz --answers FILE",
        "Lembar jawaban memetakan id pertanyaan ke id jawaban (YAML atau JSON), misalnya "
        "'monday: numbers'. Mulai dari 'rolefinder questions --template', lalu: "
        "rolefinder quiz --answers FILE",
    ),
    "template_intro": (
        "rolefinder answer sheet. Under each question, replace {skip} with the id of the answer\n"
        "you would choose ({skip}: it does not apply to you). At least 8 real answers are needed.\n"
        "Then run: rolefinder quiz --answers THIS-FILE",
        "Lembar jawaban rolefinder. Di bawah setiap pertanyaan, ganti {skip} dengan id jawaban\n"
        "yang kamu pilih ({skip}: tidak relevan buatmu). Minimal 8 jawaban sungguhan.\n"
        "Lalu jalankan: rolefinder quiz --answers FILE-INI",
    ),
    "goal_label": ("Goal for later:", "Target ke depan:"),
    "goals_short": (
        "Goals for later (need more experience):",
        "Target ke depan (perlu pengalaman lebih):",
    ),
    "click_usage": ("Usage", "Penggunaan"),
    "click_options": ("Options", "Opsi"),
    "click_arguments": ("Arguments", "Argumen"),
    "click_commands": ("Commands", "Perintah"),
    "click_required": ("[required]", "[wajib]"),
    "click_options_metavar": ("[OPTIONS]", "[OPSI]"),
    "click_command_metavar": ("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]..."),
    "click_try": ("Try '{command} {option}' for help.", "Coba '{command} {option}' untuk bantuan."),
    "click_invalid_for": (
        "Invalid value for {param}: {message}",
        "Nilai tidak valid untuk {param}: {message}",
    ),
    "click_invalid": ("Invalid value: {message}", "Nilai tidak valid: {message}"),
    "click_not_one_of": (
        "{value} is not one of {choices}.",
        "{value} bukan salah satu dari {choices}.",
    ),
    "click_not_in_range": (
        "{value} is not in the range {range}.",
        "{value} di luar rentang {range}.",
    ),
    "click_not_integer": ("{value} is not a valid integer.", "{value} bukan bilangan bulat."),
    "click_not_valid": ("{value} is not a valid {kind}.", "{value} bukan {kind} yang valid."),
    "click_no_such_option": ("No such option: {option}", "Opsi tidak dikenal: {option}"),
    "click_no_such_option_hint": (
        "No such option: {option} Did you mean {hint}?",
        "Opsi tidak dikenal: {option} Mungkin maksudmu {hint}?",
    ),
    "click_possible": (
        "No such option: {option} (Possible options: {hint})",
        "Opsi tidak dikenal: {option} (Opsi yang ada: {hint})",
    ),
    "click_missing_argument": ("Missing argument {name}.", "Argumen {name} belum diisi."),
    "click_missing_option": ("Missing option {name}.", "Opsi {name} belum diisi."),
    "click_extra": (
        "Got unexpected extra argument(s) ({args})",
        "Ada argumen tambahan yang tidak dikenal ({args})",
    ),
    "click_no_such_command": ("No such command {name}.", "Perintah {name} tidak ada."),
    "click_no_such_command_hint": (
        "No such command {name}. Did you mean {hint}?",
        "Perintah {name} tidak ada. Mungkin maksudmu {hint}?",
    ),
    "click_needs_value": (
        "Option {option} requires an argument.",
        "Opsi {option} perlu diberi nilai.",
    ),
    "click_takes_no_value": (
        "Option {option} does not take a value.",
        "Opsi {option} tidak menerima nilai.",
    ),
    "click_missing_command": ("Missing command.", "Perintah belum diberikan."),
    "unknown_lang": (
        "{env}={value} is not a language rolefinder has (en, id); using English.",
        "{env}={value} bukan bahasa yang tersedia (en, id); memakai bahasa Inggris.",
    ),
    # --- examples at the end of each command's --help
    "examples": ("Examples", "Contoh"),
    "examples_app": (
        "rolefinder quiz                     take the quiz\n"
        "rolefinder --lang id quiz --plain   in Indonesian, numbered choices\n"
        "rolefinder roles --trait creative   the creative roles\n"
        "rolefinder show social-media-analyst",
        "rolefinder quiz                     ikuti kuisnya\n"
        "rolefinder --lang id quiz --plain   dalam bahasa Indonesia, pilihan bernomor\n"
        "rolefinder roles --trait creative   profesi bertipe kreatif\n"
        "rolefinder show social-media-analyst",
    ),
    "examples_quiz": (
        "rolefinder quiz\n"
        "rolefinder quiz --plain --lang id\n"
        "rolefinder questions --template > answers.yaml\n"
        "rolefinder quiz --answers answers.yaml --save result.html",
        "rolefinder quiz\n"
        "rolefinder quiz --plain --lang id\n"
        "rolefinder questions --template > jawaban.yaml\n"
        "rolefinder quiz --answers jawaban.yaml --save hasil.html",
    ),
    "examples_result": (
        "rolefinder result 3ABC-0DEF-GH12 --explain\nrolefinder result 3ABC-0DEF-GH12 --json",
        "rolefinder result 3ABC-0DEF-GH12 --explain\nrolefinder result 3ABC-0DEF-GH12 --json",
    ),
    "examples_schema": (
        "rolefinder schema > roles.schema.json",
        "rolefinder schema > roles.schema.json",
    ),
    "examples_roles": (
        "rolefinder roles\nrolefinder roles --trait analytical --level entry\nrolefinder roles --json",
        "rolefinder roles\nrolefinder roles --trait analytical --level entry\nrolefinder roles --json",
    ),
    "examples_show": (
        'rolefinder show social-media-analyst\nrolefinder show "graphic designer" --lang id',
        'rolefinder show social-media-analyst\nrolefinder show "graphic designer" --lang id',
    ),
    "examples_validate": (
        "rolefinder validate my-roles.yaml\nrolefinder validate --audit",
        "rolefinder validate katalogku.yaml\nrolefinder validate --audit",
    ),
    "examples_questions": (
        "rolefinder questions\nrolefinder questions --json\nrolefinder questions --template > answers.yaml",
        "rolefinder questions\nrolefinder questions --json\nrolefinder questions --template > jawaban.yaml",
    ),
    # catalogue problems, shown as SOURCE:LINE:COLUMN: path: message. Field names, ids, paths
    # and values from the file stay as written; problem_kind_... and the like are words inside
    # other problems.
    "problem_kind_mapping": ("a mapping", "mapping"),
    "problem_kind_list": ("a list", "list"),
    "problem_kind_text": ("a text", "teks"),
    "problem_kind_bool": ("true/false", "true/false"),
    "problem_kind_date": ("a date", "tanggal"),
    "problem_kind_empty": ("empty", "kosong"),
    "problem_kind_int": ("a int", "bilangan bulat"),
    "problem_kind_float": ("a float", "bilangan desimal"),
    "problem_kind_other": ("a {name}", "nilai {name}"),
    "problem_lang_en": ("English", "Inggris"),
    "problem_lang_id": ("Indonesian", "Indonesia"),
    "problem_item_trait": ("trait", "tipe"),
    "problem_item_role": ("role", "profesi"),
    "problem_item_question": ("question", "pertanyaan"),
    "problem_item_option": ("option", "pilihan"),
    "problem_expected_mapping": (
        "expected a mapping, found {kind}",
        "seharusnya berupa mapping, tetapi isinya {kind}",
    ),
    "problem_unknown_field": (
        "unknown field '{field}' (allowed: {allowed})",
        "field '{field}' tidak dikenal (yang boleh: {allowed})",
    ),
    "problem_missing_field": (
        "missing required field {names}",
        "field wajib {names} belum ada",
    ),
    "problem_missing_fields": (
        "missing required fields {names}",
        "field wajib {names} belum ada",
    ),
    "problem_expected_text": (
        "expected a text, found {kind} ({value}); put it in quotes",
        "seharusnya berupa teks, tetapi isinya {kind} ({value}); apit dengan tanda kutip",
    ),
    "problem_empty": ("must not be empty", "tidak boleh kosong"),
    "problem_control_character": (
        "contains the invisible or control character U+{code}; such characters (escape sequences, bidi overrides, zero-width spaces) could take over the terminal or hide text, so remove it",
        "berisi karakter tak terlihat atau karakter kontrol U+{code}; karakter seperti ini (escape sequence, pembalik arah teks, spasi lebar nol) bisa mengambil alih terminal atau menyembunyikan teks, jadi hapus karakter itu",
    ),
    "problem_bad_id": (
        "'{id}' is not a valid id: use lower-case letters, digits and hyphens",
        "'{id}' bukan id yang valid: pakai huruf kecil, angka, dan tanda hubung",
    ),
    "problem_no_text": (
        "needs an English (en) or Indonesian (id) text, or both",
        "perlu teks bahasa Inggris (en) atau bahasa Indonesia (id), atau keduanya",
    ),
    "problem_one_language": (
        "only in {have}; {lacking} readers will see the {have} text",
        "hanya dalam bahasa {have}; pembaca berbahasa {lacking} akan melihat teks bahasa {have}",
    ),
    "problem_expected_number": (
        "expected a number, found {kind} ({value})",
        "seharusnya berupa angka, tetapi isinya {kind} ({value})",
    ),
    "problem_bad_number": (
        "must be a finite number of 0 or more, found {value}",
        "harus berupa angka terhingga, 0 atau lebih, tetapi isinya {value}",
    ),
    "problem_expected_list": (
        "expected a list, found {kind}",
        "seharusnya berupa list, tetapi isinya {kind}",
    ),
    "problem_too_few_items": (
        "needs at least {need} item(s), found {found}",
        "perlu minimal {need} item, tetapi hanya ada {found}",
    ),
    "problem_expected_weights": (
        "expected a mapping of trait id to number, found {kind}",
        "seharusnya berupa mapping dari id tipe ke angka, tetapi isinya {kind}",
    ),
    "problem_unknown_trait": (
        "unknown trait '{trait}' (known: {known})",
        "tipe '{trait}' tidak dikenal (yang ada: {known})",
    ),
    "problem_duplicate_id": (
        "duplicate {what} id '{id}'",
        "id {what} '{id}' muncul lebih dari sekali",
    ),
    "problem_unknown_role": ("unknown role '{role}'", "profesi '{role}' tidak dikenal"),
    "problem_related_to_itself": (
        "a role cannot be related to itself",
        "sebuah profesi tidak bisa terkait dengan dirinya sendiri",
    ),
    "problem_one_of_kind": (
        "only one question may be of kind {kind}",
        "hanya boleh ada satu pertanyaan dengan kind {kind}",
    ),
    "problem_one_of": ("must be one of {allowed}", "harus salah satu dari {allowed}"),
    "problem_one_of_found": (
        "must be one of {allowed}, found {value}",
        "harus salah satu dari {allowed}, tetapi isinya {value}",
    ),
    "problem_zero_profile": (
        "needs at least one trait with a weight above 0",
        "perlu minimal satu tipe dengan bobot di atas 0",
    ),
    "problem_bad_min": (
        "expected a whole number of 0 or more, found {value}",
        "seharusnya bilangan bulat 0 atau lebih, tetapi isinya {value}",
    ),
    "problem_bad_max": (
        "expected a whole number of at least {low}, found {value}",
        "seharusnya bilangan bulat minimal {low}, tetapi isinya {value}",
    ),
    "problem_reserved_id": (
        "'{id}' is reserved; choose another option id",
        "'{id}' adalah id khusus; pilih id pilihan yang lain",
    ),
    "problem_stopped": (
        "stopped reading after {count} problems; fix these first",
        "berhenti membaca setelah {count} masalah; perbaiki yang ini dulu",
    ),
    "problem_key_not_text": (
        "keys must be plain text, found {value}",
        "kunci harus berupa teks biasa, tetapi isinya {value}",
    ),
    "problem_key_container": (
        "keys must be plain text, not a list or mapping",
        "kunci harus berupa teks biasa, bukan list atau mapping",
    ),
    "problem_duplicate_key": (
        "duplicate key '{name}' (first on line {line}); YAML would silently keep only the last one: merge or rename them",
        "kunci '{name}' muncul lebih dari sekali (pertama di baris {line}); YAML diam-diam hanya akan menyimpan yang terakhir: gabungkan atau ganti namanya",
    ),
    "problem_one_document": (
        "only one YAML document is allowed; remove the '---' and what follows",
        "hanya boleh ada satu dokumen YAML; hapus '---' dan semua yang ada sesudahnya",
    ),
    "problem_alias": (
        "aliases (*{anchor}) are not allowed: they let a small file expand into a huge one (an 'alias bomb'); write the value out in full",
        "alias (*{anchor}) tidak diizinkan: alias bisa membuat file kecil membengkak jadi sangat besar ('alias bomb'); tulis nilainya secara lengkap",
    ),
    "problem_anchor": (
        "anchors (&{anchor}) are not allowed; write each value out in full",
        "anchor (&{anchor}) tidak diizinkan; tulis setiap nilai secara lengkap",
    ),
    "problem_tag": (
        "tags ({tag}) are not allowed; remove it",
        "tag ({tag}) tidak diizinkan; hapus tag itu",
    ),
    "problem_too_deep": (
        "nested more than {depth} levels deep; no catalogue needs that",
        "bersarang lebih dari {depth} tingkat; tidak ada katalog yang butuh sedalam itu",
    ),
    # {problem} and {error} are PyYAML's own English text, kept as it is (quoted in Indonesian).
    "problem_yaml_syntax": ("YAML syntax error: {problem}", 'kesalahan sintaks YAML: "{problem}"'),
    "problem_yaml_invalid": (
        "YAML syntax error: invalid YAML",
        "kesalahan sintaks YAML: YAML tidak valid",
    ),
    "problem_yaml_error": ("YAML error: {error}", 'kesalahan YAML: "{error}"'),
    "problem_more": (
        "... and {count} more problem(s) not shown",
        "... dan {count} masalah lain tidak ditampilkan",
    ),
    "problem_answer_not_text": (
        "the answer to '{question}' must be an option id, found {value}; put it in quotes",
        "jawaban untuk '{question}' harus berupa id pilihan, tetapi isinya {value}; apit dengan tanda kutip",
    ),
    "problem_not_found": (
        "file not found; check the path",
        "file tidak ditemukan; periksa path-nya",
    ),
    "problem_is_folder": (
        "is a folder, not a catalogue file",
        "berupa folder, bukan file katalog",
    ),
    "problem_permission": (
        "cannot be read: permission denied",
        "tidak bisa dibaca: akses ditolak",
    ),
    "problem_unreadable": ("cannot be read: {reason}", "tidak bisa dibaca: {reason}"),
    "problem_too_large": (
        "is larger than {limit}; no catalogue or answer sheet needs that",
        "lebih besar dari {limit}; tidak ada katalog atau lembar jawaban yang butuh sebesar itu",
    ),
    "problem_no_stdin": (
        "standard input is closed; give the answer sheet as a file instead",
        "input standar tertutup; berikan lembar jawaban sebagai file saja",
    ),
    "problem_not_utf8": (
        "is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8",
        "bukan teks UTF-8 (byte tidak valid di offset {offset}); simpan sebagai UTF-8",
    ),
}

# click's own messages (English in typer's vendored click), matched whole and told again in
# the user's language: (pattern, key). Groups are values, translated in their turn.
CLICK_TEXTS: tuple[tuple[str, str], ...] = (
    (r"Invalid value for (?P<param>.+?): (?P<message>.*)$", "click_invalid_for"),
    (r"Invalid value: (?P<message>.*)$", "click_invalid"),
    (r"(?P<value>.+) is not one of (?P<choices>.+)\.$", "click_not_one_of"),
    (r"(?P<value>.+) is not in the range (?P<range>.+)\.$", "click_not_in_range"),
    (r"(?P<value>.+) is not a valid (?:integer|int range)\.$", "click_not_integer"),
    (r"(?P<value>.+) is not a valid (?P<kind>[\w ]+)\.$", "click_not_valid"),
    (r"No such option: (?P<option>\S+) Did you mean (?P<hint>.+)\?$", "click_no_such_option_hint"),
    (r"No such option: (?P<option>\S+) \(Possible options: (?P<hint>.+)\)$", "click_possible"),
    (r"No such option: (?P<option>\S+)$", "click_no_such_option"),
    (r"Missing argument (?P<name>.+)\.$", "click_missing_argument"),
    (r"Missing option (?P<name>.+)\.$", "click_missing_option"),
    (r"Got unexpected extra arguments? \((?P<args>.*)\)$", "click_extra"),
    (r"No such command (?P<name>.+?)\. Did you mean (?P<hint>.+)\?$", "click_no_such_command_hint"),
    (r"No such command (?P<name>.+)\.$", "click_no_such_command"),
    (r"Option (?P<option>.+) requires an argument\.$", "click_needs_value"),
    (r"Option (?P<option>.+) does not take a value\.$", "click_takes_no_value"),
    (r"Missing command\.$", "click_missing_command"),
)


def t(key: str, lang: Lang, **values: object) -> str:
    """The UI string ``key`` in ``lang``, with ``{placeholders}`` filled in.

    Every value is made visible first (see visible): names from a file, a path, the command
    line or the environment can never reach the terminal as a control sequence.
    """
    en, id_ = MESSAGES[key]
    template = id_ if lang == "id" else en
    if not values:
        return template
    return template.format(**{name: visible(str(value)) for name, value in values.items()})


# What a terminal could act on or a reader could not see: controls (ESC, BEL, newline, ...),
# format characters (bidi overrides, zero-width spaces and joiners, the byte-order mark), line
# and paragraph separators, lone surrogates (undecodable bytes in a file name), unassigned ones.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})


def hidden_character(text: str, allowed: str = "") -> str | None:
    """The first character of ``text`` in HIDDEN_CATEGORIES and not in ``allowed``, if any."""
    if text.isprintable():  # the usual case, decided in C: no such character at all
        return None
    import unicodedata

    for char in text:
        if char not in allowed and unicodedata.category(char) in HIDDEN_CATEGORIES:
            return char
    return None


def visible(text: str) -> str:
    """``text`` with every hidden character written out as an escape (ESC as ``\\x1b``)."""
    if hidden_character(text) is None:
        return text
    import unicodedata

    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in HIDDEN_CATEGORIES
        else char
        for char in text
    )


def _language(value: str) -> str:
    """The language part of a locale name: 'id_ID.UTF-8' -> 'id', 'Indonesian_Indonesia' -> 'id'."""
    name = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()
    return {"indonesian": "id", "in": "id", "ind": "id", "english": "en", "eng": "en"}.get(
        name, name
    )


def parse_lang(value: str) -> Lang | None:
    """``value`` as one of LANGS ('ID', 'id_ID.UTF-8' and 'Indonesian' are all 'id'), or None."""
    language = _language(value)
    return language if language in LANGS else None


def unknown_lang(environ: Mapping[str, str] | None = None) -> str | None:
    """ROLEFINDER_LANG's value when it names no language rolefinder has, else None."""
    env = os.environ if environ is None else environ
    chosen = env.get(LANG_ENV, "").strip()
    return chosen if chosen and parse_lang(chosen) is None else None


def detect_lang(environ: Mapping[str, str] | None = None, system: str | None = None) -> Lang:
    """The language to use when none is given.

    ROLEFINDER_LANG first (an unknown value is passed over: see unknown_lang), then the
    locale as gettext reads it: LANGUAGE (a list, the first language we have wins), LC_ALL,
    LC_MESSAGES, LANG; then the platform's own setting (Windows keeps it outside the
    environment); English when nothing says otherwise. ``system`` stands in for the
    platform's setting in tests.
    """
    env = os.environ if environ is None else environ
    chosen = parse_lang(env.get(LANG_ENV, ""))
    if chosen is not None:
        return chosen
    for entry in env.get("LANGUAGE", "").split(":"):
        found = parse_lang(entry)
        if found is not None:
            return found
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:  # the first one set wins, as in POSIX
            return parse_lang(value) or "en"
    if system is None and environ is None and os.name == "nt":  # pragma: no cover - Windows
        import locale

        system = locale.getlocale()[0] or ""
    return parse_lang(system or "") or "en"


def number(value: float, lang: Lang, digits: int = 0) -> str:
    """``value`` written the way readers of ``lang`` write numbers: 10,000.5 or 10.000,5."""
    text = f"{value:,.{digits}f}"
    if lang == "id":
        text = text.translate(str.maketrans(",.", ".,"))
    return text
