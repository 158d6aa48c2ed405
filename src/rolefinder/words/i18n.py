"""Every UI string in every language (see words/languages.py), and making values safe to show."""

from __future__ import annotations

from collections.abc import Mapping

from rolefinder.words.languages import Lang

MESSAGES: dict[str, Mapping[Lang, str]] = {
    # key: {language: text}; every key has a text in every language (tests/test_registry.py)
    "app_help": {
        "en": "A career quiz for social-media jobs: find out whether you are the creative, the "
        "strategic, the analytical or the people-facing kind, and which roles fit you.",
        "id": "Kuis karier untuk pekerjaan di media sosial: cari tahu apakah kamu tipe kreatif, "
        "strategis, analitis, atau komunikatif, dan profesi mana yang cocok untukmu.",
    },
    "quiz_help": {
        "en": "Take the quiz (arrow keys and Enter) and see which roles fit you, ranked.",
        "id": "Ikuti kuisnya (tombol panah dan Enter) dan lihat peringkat profesi yang cocok untukmu.",
    },
    "roles_help": {
        "en": "List every role in the catalogue.",
        "id": "Tampilkan semua profesi di katalog.",
    },
    "show_help": {
        "en": "Show one role: duties, skills, profile, level and related roles.",
        "id": "Tampilkan satu profesi: tugas, keterampilan, profil, level, dan profesi terkait.",
    },
    "validate_help": {
        "en": "Check a catalogue (default: the one in use) and list every problem with its line.",
        "id": "Periksa katalog (bawaan: yang sedang dipakai) dan tampilkan setiap masalah beserta barisnya.",
    },
    "arg_path": {
        "en": "The catalogue file to check (default: the one in use).",
        "id": "File katalog yang diperiksa (bawaan: yang sedang dipakai).",
    },
    "valid": {
        "en": "{source}: valid, {roles} roles and {questions} questions.",
        "id": "{source}: valid, {roles} profesi dan {questions} pertanyaan.",
    },
    "invalid": {
        "en": "{source}: {count} problem(s); nothing was loaded.",
        "id": "{source}: {count} masalah; katalog tidak dimuat.",
    },
    "warning": {"en": "warning", "id": "peringatan"},
    "interrupted": {"en": "Interrupted.", "id": "Dihentikan."},
    "output_closed": {
        "en": "standard output is closed, so nothing can be shown.",
        "id": "output standar tertutup, jadi tidak ada yang bisa ditampilkan.",
    },
    "output_failed": {
        "en": "the output could not be written: {reason}.",
        "id": "output tidak bisa ditulis: {reason}.",
    },
    "opt_lang": {
        "en": "The language, en or id (default: ROLEFINDER_LANG, then your locale).",
        "id": "Bahasanya, en atau id (bawaan: ROLEFINDER_LANG, lalu locale-mu).",
    },
    "opt_lang_result": {
        "en": "The language to show the result in, en or id (default: the one it was taken in).",
        "id": "Bahasa untuk menampilkan hasilnya, en atau id (bawaan: bahasa saat kuisnya "
        "diikuti).",
    },
    "opt_lang_compare": {
        "en": "The language, en or id (default: the one result A was taken in).",
        "id": "Bahasanya, en atau id (bawaan: bahasa saat kuis hasil A diikuti).",
    },
    "opt_catalogue": {
        "en": "Use this catalogue file instead of the shipped one (or set ROLEFINDER_CATALOGUE).",
        "id": "Pakai file katalog ini, bukan katalog bawaan (atau isi ROLEFINDER_CATALOGUE).",
    },
    "opt_catalogue_validate": {
        "en": "The catalogue to check when no FILE is given (or set ROLEFINDER_CATALOGUE; "
        "default: the shipped one).",
        "id": "Katalog yang diperiksa jika FILE tidak diberikan (atau isi ROLEFINDER_CATALOGUE; "
        "bawaan: katalog bawaan).",
    },
    "opt_top": {
        "en": "How many roles to list, best fit first: 1 or more (default 3).",
        "id": "Jumlah profesi yang ditampilkan, dari yang paling cocok: 1 atau lebih (bawaan: 3).",
    },
    "opt_trait": {
        "en": "Only roles whose main trait is this one (e.g. creative).",
        "id": "Hanya profesi dengan tipe utama ini (misalnya creative).",
    },
    "opt_json_result": {
        "en": "Print the result as JSON instead of the result screen.",
        "id": "Tampilkan hasilnya dalam format JSON, bukan layar hasil.",
    },
    "opt_json_compare": {
        "en": "Print the comparison as JSON instead of side by side.",
        "id": "Tampilkan perbandingannya dalam format JSON, bukan berdampingan.",
    },
    "opt_json_questions": {
        "en": "Print the questions and their answers' ids as JSON.",
        "id": "Tampilkan pertanyaan dan id jawabannya dalam format JSON.",
    },
    "opt_json_class": {
        "en": "Print the class summary as JSON instead of text (the files are written either way).",
        "id": "Tampilkan ringkasan kelas dalam format JSON, bukan teks (file-filenya tetap ditulis).",
    },
    "opt_json_roles": {
        "en": "Print the roles as JSON instead of a table.",
        "id": "Tampilkan daftar profesi dalam format JSON, bukan tabel.",
    },
    "opt_json_show": {
        "en": "Print the role as JSON.",
        "id": "Tampilkan profesinya dalam format JSON.",
    },
    "opt_json_history": {
        "en": "Print the saved results as JSON instead of a table.",
        "id": "Tampilkan hasil tersimpan dalam format JSON, bukan tabel.",
    },
    "metavar_lang": {"en": "LANG", "id": "BAHASA"},
    "metavar_code": {"en": "CODE", "id": "KODE"},
    "metavar_role": {"en": "ROLE", "id": "PROFESI"},
    "metavar_trait": {"en": "TRAIT", "id": "TIPE"},
    "metavar_form": {"en": "TOOL", "id": "TOOL"},
    "opt_version": {"en": "Show the version and exit.", "id": "Tampilkan versi lalu keluar."},
    "arg_role": {
        "en": "A role id or name, e.g. social-media-analyst.",
        "id": "id atau nama profesi, misalnya social-media-analyst.",
    },
    # quiz
    "progress": {
        "en": "Question {n} of at most {most}",
        "id": "Pertanyaan {n} dari maksimal {most}",
    },
    "back": {
        "en": "(back to the previous question)",
        "id": "(kembali ke pertanyaan sebelumnya)",
    },
    "skip": {"en": "(doesn't apply to me: skip)", "id": "(tidak relevan buatku: lewati)"},
    "why": {"en": "Why", "id": "Alasannya"},
    "progress_review": {"en": "Answer {n} of {total}", "id": "Jawaban {n} dari {total}"},
    "reason_trait_up": {
        "en": "Like this role, your answers lean {trait} ({you}% of them).",
        "id": "Seperti profesi ini, jawabanmu condong ke tipe {trait} ({you}% dari jawabanmu).",
    },
    "reason_trait_down": {
        "en": "Against it: {you}% of your answers are {trait}, and the role is only {role}% {trait}.",
        "id": "Kurang mendukung: {you}% jawabanmu bertipe {trait}, sedangkan profesi ini hanya {role}% {trait}.",
    },
    "reason_up": {
        "en": 'You chose "{answer}".',
        "id": 'Kamu memilih "{answer}".',
    },
    "reason_down": {
        "en": 'Against it: you chose "{answer}".',
        "id": 'Kurang mendukung: kamu memilih "{answer}".',
    },
    "points_one": {"en": "1 point", "id": "1 poin"},
    "points_many": {"en": "{n} points", "id": "{n} poin"},
    "flag_near_tie": {
        "en": "{a} and {b} fit your answers about equally well ({x} and {y}): read about both before you choose.",
        "id": "{a} dan {b} sama-sama cocok dengan jawabanmu ({x} dan {y}): pelajari keduanya sebelum memilih.",
    },
    "flag_unsure": {
        "en": "Unsure: {name} fits best, but your answers also fit other roles (about {x} sure). Read about the roles listed and talk them over with someone who knows you.",
        "id": "Belum pasti: {name} paling cocok, tetapi jawabanmu juga cocok dengan profesi lain (keyakinan sekitar {x}). Baca profesi-profesi di daftar dan diskusikan dengan orang yang mengenalmu.",
    },
    "flag_torn": {
        "en": "You said you are torn between paths: read about every role listed (rolefinder show ROLE), not only {name}.",
        "id": "Kamu bilang masih bimbang di antara beberapa arah: baca semua profesi di daftar (rolefinder show PROFESI), bukan hanya {name}.",
    },
    "flag_exploring": {
        "en": "You said you are still exploring: your answers lean to {name}, but a quiz cannot tell "
        "how much you would enjoy it. Try a short course, an internship or a talk with someone "
        "in the job first.",
        "id": "Kamu bilang masih menjajaki: jawabanmu condong ke {name}, tetapi kuis tidak bisa "
        "mengukur seberapa kamu akan menikmatinya. Coba kursus singkat, magang, atau ngobrol "
        "dengan orang yang menekuni profesi itu dulu.",
    },
    "how_sure_exploring": {
        "en": "How sure it is your best fit: low, since you are still exploring (though your answers point here)",
        "id": "Seberapa yakin ini yang paling cocok: rendah, karena kamu masih menjajaki (walau jawabanmu mengarah ke sini)",
    },
    "how_sure": {
        "en": "How sure it is your best fit: {band} (about {sure})",
        "id": "Seberapa yakin ini yang paling cocok: {band} (sekitar {sure})",
    },
    "band_strong": {
        "en": "high",
        "id": "tinggi",
    },
    "band_good": {
        "en": "fairly high",
        "id": "cukup tinggi",
    },
    "band_unsure": {
        "en": "low",
        "id": "rendah",
    },
    "what_if": {
        "en": 'Had you chosen "{answer}", {role} would come first.',
        "id": 'Seandainya kamu memilih "{answer}", {role} akan ada di urutan pertama.',
    },
    "path": {
        "en": "Way up: {steps}.",
        "id": "Jalur: {steps}.",
    },
    # between the steps of the way up in plain output, where an arrow would be read as symbols
    "path_then": {"en": ", then ", "id": ", lalu "},
    "opt_explain": {
        "en": "Show why each listed role matched.",
        "id": "Jelaskan alasan kecocokan setiap profesi dalam daftar.",
    },
    "opt_level": {
        "en": "Only roles at this level: entry, mid or senior.",
        "id": "Hanya profesi di level ini: entry (junior), mid (menengah), atau senior.",
    },
    "opt_audit": {
        "en": "Also run the simulated-respondent audit (fixed seed): recovery, retakes, confusions, fairness.",
        "id": "Jalankan juga audit dengan responden simulasi (seed tetap): ketepatan, konsistensi, profesi yang tertukar, keadilan.",
    },
    "audit_title": {
        "en": "Simulated respondents ({people} a role, model and setting) and {samples} random sittings",
        "id": "Responden simulasi ({people} per profesi, model, dan mode) dan {samples} sesi acak",
    },
    "audit_careful": {"en": "Careful", "id": "Cermat"},
    "audit_noisy": {
        "en": "Noisy",
        "id": "Kurang cermat",
    },
    "audit_all": {"en": "All roles", "id": "Semua profesi"},
    "audit_columns": {
        "en": "Each cell: own role first / the same first on a retake / told no clear pattern. Models: likelihood (the scoring's own form) and rules (another form).",
        "id": "Setiap sel: profesinya sendiri di urutan pertama / urutan pertama yang sama saat diulang / dinilai belum ada pola. Model: likelihood (bentuk penilaian itu sendiri) dan rules (bentuk lain).",
    },
    "audit_targets": {
        "en": "Targets: own role first {careful} careful, {noisy} noisy; the same first on a noisy retake {retake}; careful rules respondents told no clear pattern at most {flagged}.",
        "id": "Target: profesinya sendiri di urutan pertama {careful} cermat, {noisy} kurang cermat; urutan pertama yang sama saat responden kurang cermat mengulang {retake}; responden rules yang cermat dinilai belum ada pola paling banyak {flagged}.",
    },
    "audit_calibration": {
        "en": "How sure, as shown, against how often right ({model}): {bins}.",
        "id": "Tingkat keyakinan yang ditampilkan dibanding seberapa sering tepat ({model}): {bins}.",
    },
    "audit_lengths": {
        "en": "Questions per sitting: {mean} on average, {low} to {high}.",
        "id": "Pertanyaan per sesi: rata-rata {mean}, antara {low} dan {high}.",
    },
    "audit_confused": {"en": "Most confused: {pairs}.", "id": "Paling sering tertukar: {pairs}."},
    "audit_passed": {
        "en": "Audit passed: every target is met.",
        "id": "Audit lolos: semua target tercapai.",
    },
    "audit_failed": {
        "en": "Audit failed: {missed}. Adjust the questions' options and fits, or the roles' profiles.",
        "id": "Audit gagal: {missed}. Sesuaikan pilihan jawaban dan fits, atau profil profesi.",
    },
    "review_title": {
        "en": "Your answers. Change any of them, or confirm to see your result.",
        "id": "Ini jawabanmu. Ubah mana pun yang kamu mau, atau konfirmasi untuk melihat hasilnya.",
    },
    "review_confirm": {
        "en": "These are right: show my result",
        "id": "Sudah benar: tampilkan hasilku",
    },
    "review_hint": {
        "en": "(arrow keys or an answer's number, two digits too, then Enter to change it; Enter on the last line confirms)",
        "id": "(tombol panah atau nomor jawaban, dua angka pun bisa, lalu Enter untuk mengubahnya; Enter di baris terakhir untuk konfirmasi)",
    },
    "instruction": {
        "en": "(arrow keys or a number, then Enter; Esc to stop)",
        "id": "(tombol panah atau angka, lalu Enter; Esc untuk berhenti)",
    },
    "plain_ask": {
        "en": "Type a number (1-{count}) and press Enter, or q to stop:",
        "id": "Ketik angka (1-{count}) lalu tekan Enter, atau q untuk berhenti:",
    },
    "plain_again": {
        "en": "Please type a number from 1 to {count}.",
        "id": "Ketik angka dari 1 sampai {count}.",
    },
    "intro": {
        "en": "About {low} to {high} short questions; the quiz stops once your result is clear. "
        "There are no wrong answers: pick what you would rather do, not what sounds impressive.",
        "id": "Sekitar {low} sampai {high} pertanyaan singkat; kuis berhenti begitu hasilmu sudah jelas. "
        "Tidak ada jawaban yang salah: pilih yang paling kamu sukai, bukan yang kedengarannya keren.",
    },
    # result
    "flag_torn_one": {
        "en": "You said you are torn between paths: your answers point to {name} alone, so read about the roles near it too (rolefinder roles) before you choose.",
        "id": "Kamu bilang masih bimbang di antara beberapa arah: jawabanmu hanya mengarah ke {name}, jadi baca juga profesi-profesi yang dekat dengannya (rolefinder roles) sebelum memilih.",
    },
    "history_kept_short": {
        "en": "Kept in this computer's history; --no-history keeps nothing.",
        "id": "Disimpan di riwayat komputer ini; --no-history: tidak disimpan.",
    },
    "plain_earlier": {
        "en": "Your earlier answer was {n}.",
        "id": "Jawabanmu sebelumnya: {n}.",
    },
    "progress_extra": {
        "en": "Question {n}: a few more, as some answers were skipped",
        "id": "Pertanyaan {n}: beberapa lagi, karena ada jawaban yang dilewati",
    },
    "source_job-ads": {
        "en": "(level and way in: common practice in job ads; the articles are silent)",
        "id": "(level dan cara masuk: kebiasaan umum di lowongan kerja; artikel sumber tidak menyebutnya)",
    },
    "source_articles": {
        "en": "(level and way in from the source articles)",
        "id": "(level dan cara masuk dari artikel sumber)",
    },
    "junior_form": {
        "en": "Junior or internship posts: {junior}",
        "id": "Lowongan junior atau magang: {junior}",
    },
    "audit_levels": {
        "en": "Own role first at each experience answer, the same sittings re-ranked ({model}, careful / noisy): {levels}.",
        "id": "Profesinya sendiri di urutan pertama untuk setiap jawaban pengalaman, sesi yang sama dinilai ulang ({model}, cermat / kurang cermat): {levels}.",
    },
    "why_named": {
        "en": '{n} of your {m} answers about the work point to this role, such as "{answer}".',
        "id": '{n} dari {m} jawabanmu tentang pekerjaan mengarah ke profesi ini, misalnya "{answer}".',
    },
    "your_match_one": {
        "en": "The role your answers fit (no other comes close)",
        "id": "Profesi yang paling cocok dengan jawabanmu (yang lain jauh di bawahnya)",
    },
    "audit_random": {
        "en": "Random sittings: {confident} told high or fairly high (target at most {confident_max}), {warned} told no clear pattern or low (target at least {warned_min}); always the same position: {caught} caught.",
        "id": "Sesi acak: {confident} dinilai tinggi atau cukup tinggi (target paling banyak {confident_max}), {warned} dinilai belum ada pola atau rendah (target minimal {warned_min}); selalu urutan yang sama: {caught} tertangkap.",
    },
    "fit_legend": {
        "en": "Fit: how closely your answers match each role's work, out of 100.",
        "id": "Kecocokan: seberapa dekat jawabanmu dengan pekerjaan tiap profesi, dari 100.",
    },
    "way_in": {
        "en": "Way in: {text}",
        "id": "Cara masuk: {text}",
    },
    "ready_adjacent": {
        "en": "Your related experience (volunteering, your own channel or community, customer service...) counts: name it when you apply.",
        "id": "Pengalaman terkaitmu (relawan, channel atau komunitas sendiri, layanan pelanggan...) ada nilainya: sebutkan saat melamar.",
    },
    "ready_unknown": {
        "en": "What it usually asks: {level}.",
        "id": "Yang biasanya diminta: {level}.",
    },
    "ready_later": {
        "en": "Can you apply? Not yet: it usually asks for more experience ({level}).",
        "id": "Bisa melamar? Belum: profesi ini biasanya meminta pengalaman lebih ({level}).",
    },
    "ready_junior": {
        "en": "Can you apply? Yes, for junior or internship posts now: {junior}. The full job usually asks for more ({level}).",
        "id": "Bisa melamar? Ya, untuk lowongan junior atau magang sekarang: {junior}. Pekerjaan penuhnya biasanya meminta lebih ({level}).",
    },
    "ready_now": {
        "en": "Can you apply? Yes, now.",
        "id": "Bisa melamar? Ya, sekarang.",
    },
    "ready_later_short": {
        "en": "later ({level})",
        "id": "nanti ({level})",
    },
    "ready_junior_short": {
        "en": "junior posts, now",
        "id": "lowongan junior, sekarang",
    },
    "ready_now_short": {
        "en": "yes, now",
        "id": "ya, sekarang",
    },
    "col_ready": {
        "en": "Can you apply?",
        "id": "Bisa melamar?",
    },
    "how_sure_no_pattern": {
        "en": "How sure it is your best fit: not at all (no clear pattern)",
        "id": "Seberapa yakin ini yang paling cocok: belum bisa (belum ada pola yang jelas)",
    },
    "flag_no_pattern_position": {
        "en": "No clear pattern: you chose by the place of the answer in the list (the same one, or a repeating order), not by what it says, so this is not advice yet. Take the quiz again, reading each answer.",
        "id": "Belum ada pola yang jelas: kamu memilih berdasarkan urutan jawaban di daftar (selalu yang sama, atau urutan yang berulang), bukan isinya, jadi hasil ini belum bisa dijadikan saran. Ulangi kuisnya dan baca setiap jawaban.",
    },
    "flag_no_pattern_random": {
        "en": "No clear pattern: your answers are about as likely from clicking at random as from any role, so this is not advice yet. Take the quiz again slowly, choosing what you would really enjoy.",
        "id": "Belum ada pola yang jelas: jawabanmu bisa saja muncul dari memilih secara acak, jadi hasil ini belum bisa dijadikan saran. Ulangi kuisnya pelan-pelan dan pilih yang benar-benar kamu sukai.",
    },
    "points_suffix": {
        "en": "({points})",
        "id": "({points})",
    },
    "your_profile": {"en": "Your profile", "id": "Profilmu"},
    "traits_where": {
        "en": "(what each one means: the --explain command below)",
        "id": "(arti tiap tipe: lihat perintah --explain di bawah)",
    },
    "pager_hint": {
        "en": "Press q to leave; space, the arrow keys or PgDn to scroll.",
        "id": "Tekan q untuk keluar; spasi, tombol panah, atau PgDn untuk menggulir.",
    },
    "your_matches": {
        "en": "Roles your answers fit",
        "id": "Profesi yang cocok dengan jawabanmu",
    },
    "col_rank": {"en": "#", "id": "#"},
    "col_role": {"en": "Role", "id": "Profesi"},
    "col_match": {
        "en": "Fit",
        "id": "Kecocokan",
    },
    "col_level": {"en": "Level", "id": "Level"},
    "col_trait_level": {"en": "Trait, level", "id": "Tipe, level"},
    "col_summary": {"en": "Summary", "id": "Ringkasan"},
    "best_match": {
        "en": "Best fit: {name}",
        "id": "Paling cocok: {name}",
    },
    "duties": {"en": "Duties", "id": "Tugas"},
    "skills": {"en": "Skills", "id": "Keterampilan"},
    "profile": {"en": "Profile", "id": "Profil"},
    "related": {"en": "Related roles", "id": "Profesi terkait"},
    "next_step": {"en": "Next step", "id": "Langkah berikutnya"},
    "note": {"en": "Note", "id": "Catatan"},
    "roles_title": {"en": "Social media roles", "id": "Profesi di media sosial"},
    "no_roles": {
        "en": "No role fits those filters.",
        "id": "Tidak ada profesi yang sesuai dengan filter itu.",
    },
    "more_about": {"en": "More: rolefinder show {id}", "id": "Selengkapnya: rolefinder show {id}"},
    # A role's level as the screens show it; `--level` takes these words too (lookup.level_words).
    "level_entry": {"en": "entry-level", "id": "junior"},
    "level_mid": {"en": "mid-level", "id": "menengah"},
    "level_senior": {"en": "senior", "id": "senior"},
    "years": {"en": "{years} yrs", "id": "{years} thn"},
    # errors
    "error": {"en": "Error", "id": "Error"},
    "unknown_role": {"en": "Unknown role '{query}'.", "id": "Profesi '{query}' tidak ditemukan."},
    "did_you_mean": {"en": "Did you mean {names}?", "id": "Maksudmu {names}?"},
    "or": {"en": "or", "id": "atau"},
    "list_roles": {
        "en": "Run 'rolefinder roles' to list every role.",
        "id": "Jalankan 'rolefinder roles' untuk melihat semua profesi.",
    },
    "unknown_trait": {
        "en": "Unknown trait '{trait}'. Choose one of: {known}.",
        "id": "Tipe '{trait}' tidak dikenal. Pilih salah satu: {known}.",
    },
    "cancelled": {"en": "Quiz cancelled.", "id": "Kuis dibatalkan."},
    "stopped": {
        "en": "Quiz stopped ({signal}); nothing was saved.",
        "id": "Kuis dihentikan ({signal}); tidak ada yang disimpan.",
    },
    "unknown_question": {
        "en": "Unknown question '{question}' (the questions are: {known}).",
        "id": "Pertanyaan '{question}' tidak dikenal (pertanyaan yang ada: {known}).",
    },
    "unknown_question_near": {
        "en": "Unknown question '{question}'. Did you mean {near}? (The questions are: {known}.)",
        "id": "Pertanyaan '{question}' tidak dikenal. Maksudmu {near}? (Pertanyaan yang ada: {known}.)",
    },
    "unknown_option": {
        "en": "Question '{question}' has no option '{option}' (choose one of: {known}).",
        "id": "Pertanyaan '{question}' tidak punya pilihan '{option}' (pilih salah satu: {known}).",
    },
    "unknown_option_near": {
        "en": "Question '{question}' has no option '{option}'. Did you mean {near}? (Choose one of: {known}.)",
        "id": "Pertanyaan '{question}' tidak punya pilihan '{option}'. Maksudmu {near}? (Pilih salah satu: {known}.)",
    },
    "unknown_option_number": {
        "en": "Question '{question}' has no option '{option}': answer with an option's id, not its number. Choose one of: {known}.",
        "id": "Pertanyaan '{question}' tidak punya pilihan '{option}': jawab dengan id pilihan, bukan nomornya. Pilih salah satu: {known}.",
    },
    "too_few_answers": {
        "en": "Too few answers to rank the roles: {have} of the {need} needed (skipped questions do not count); answer {more} more.",
        "id": "Jawaban belum cukup untuk menyusun peringkat profesi: baru {have} dari {need} yang dibutuhkan (pertanyaan yang dilewati tidak dihitung); jawab {more} pertanyaan lagi.",
    },
    "opt_all_questions": {
        "en": "Ask every question in the bank instead of stopping once the result is clear.",
        "id": "Ajukan semua pertanyaan yang ada, bukan berhenti begitu hasilnya sudah jelas.",
    },
    "bad_sheet": {"en": "{problem}", "id": "{problem}"},
    "sheet_not_mapping": {
        "en": "{source}: an answer sheet maps question ids to option ids, e.g. 'monday: numbers'.",
        "id": "{source}: lembar jawaban memasangkan id pertanyaan dengan id pilihan, misalnya 'monday: numbers'.",
    },
    "opt_save": {
        "en": "Also save the result: .json, .md, .html or .svg (by extension).",
        "id": "Simpan juga hasilnya: .json, .md, .html, atau .svg (sesuai ekstensi file).",
    },
    "opt_force": {
        "en": "Replace the --save file if it exists.",
        "id": "Timpa file --save jika sudah ada.",
    },
    "opt_name_column": {
        "en": "The title of the column that holds the students' names, when it is not found by itself.",
        "id": "Judul kolom yang berisi nama siswa, kalau kolom itu tidak ditemukan dengan sendirinya.",
    },
    "opt_force_class": {
        "en": "Write into the --out folder even if it exists, replacing the results files in it.",
        "id": "Tulis ke folder --out walaupun sudah ada, dan timpa file hasil di dalamnya.",
    },
    "save_format": {
        "en": "Cannot save to {path}: use a file ending in {formats}.",
        "id": "Tidak bisa menyimpan ke {path}: pakai nama file berakhiran {formats}.",
    },
    "save_no_folder": {
        "en": "Cannot save to {path}: the folder {folder} does not exist.",
        "id": "Tidak bisa menyimpan ke {path}: folder {folder} tidak ada.",
    },
    "save_is_folder": {
        "en": "Cannot save to {path}: it is a folder.",
        "id": "Tidak bisa menyimpan ke {path}: itu adalah folder.",
    },
    "save_exists": {
        "en": "{path} already exists; use --force to replace it, or choose another name.",
        "id": "{path} sudah ada; pakai --force untuk menimpanya, atau pilih nama lain.",
    },
    "save_denied": {
        "en": "Cannot write {path}: permission denied.",
        "id": "Tidak bisa menulis ke {path}: akses ditolak.",
    },
    "save_read_only": {
        "en": "Cannot write {path}: the disk is read-only. Nothing was changed.",
        "id": "Tidak bisa menulis ke {path}: disknya hanya bisa dibaca. Tidak ada yang diubah.",
    },
    "save_full": {
        "en": "Cannot write {path}: the disk is full. Nothing was changed.",
        "id": "Tidak bisa menulis ke {path}: disknya penuh. Tidak ada yang diubah.",
    },
    "save_name_too_long": {
        "en": "Cannot write {path}: the file name is too long; choose a shorter one.",
        "id": "Tidak bisa menulis ke {path}: nama file-nya terlalu panjang; pilih nama yang lebih pendek.",
    },
    "save_failed": {
        "en": "Cannot write {path}: {reason}. Nothing was changed.",
        "id": "Tidak bisa menulis ke {path}: {reason}. Tidak ada yang diubah.",
    },
    "saved": {"en": "Saved to {path}", "id": "Disimpan di {path}"},
    # --- rolefinder class and questions --form (classroom/forms.py, classroom/batch.py) ---
    "form_skip": {"en": "Doesn't apply to me", "id": "Tidak relevan buatku"},
    "form_intro": {
        "en": "The quiz as a form: {count} questions. In Google Forms or Microsoft Forms, make each one a\n"
        "multiple-choice question with these options, in this order, and add a short-answer\n"
        "question for the student's name first. Copy the texts as they are (case, spacing and\n"
        "punctuation do not matter). Then download the answers as CSV and run:\n"
        "  rolefinder class answers.csv\n"
        "To have the form built instead: rolefinder questions --form google (or microsoft).",
        "id": "Kuis dalam bentuk formulir: {count} pertanyaan. Di Google Forms atau Microsoft Forms,\n"
        "jadikan tiap pertanyaan pilihan ganda dengan pilihan-pilihan ini, dengan urutan yang sama,\n"
        "dan tambahkan pertanyaan jawaban singkat untuk nama siswa di awal. Salin teksnya apa\n"
        "adanya (huruf besar-kecil, spasi, dan tanda baca tidak berpengaruh). Lalu unduh jawabannya\n"
        "sebagai CSV dan jalankan:\n"
        "  rolefinder class jawaban.csv\n"
        "Supaya formulirnya dibuatkan: rolefinder questions --form google (atau microsoft).",
    },
    # The name question's title: `class` takes the student's name from the column it heads.
    "form_name_question": {"en": "Your name", "id": "Nama kamu"},
    "form_title": {
        "en": "Which social-media job fits you?",
        "id": "Profesi media sosial mana yang cocok untukmu?",
    },
    "form_description": {
        "en": "For each question, choose the answer closest to you; there are no right or wrong "
        'answers. Where a question does not fit you, choose "{skip}".',
        "id": "Di setiap pertanyaan, pilih jawaban yang paling sesuai denganmu; tidak ada jawaban "
        'yang benar atau salah. Kalau pertanyaannya tidak cocok untukmu, pilih "{skip}".',
    },
    "form_google_steps": {
        "en": "rolefinder {version}: this script makes the quiz a Google Form: a name question,\n"
        "then {count} multiple-choice questions, all required.\n"
        "1. Open script.google.com and click New project.\n"
        "2. Delete what is in the editor, paste all of this in its place, and click Save.\n"
        "3. Click Run. The first time, Google asks for permission to manage your forms:\n"
        "   Review permissions, choose your account, then Allow (if Google says it has not\n"
        "   verified the app: Advanced, then Go to the project).\n"
        "4. The Execution log shows two links: one to edit the form (keep it to yourself)\n"
        "   and one to send your students.\n"
        "5. After the lesson, download the responses (Responses > Download responses) and run:\n"
        "   rolefinder class FILE\n"
        "Keep the form's texts as they are: rolefinder class knows the questions and options\n"
        "by them.",
        "id": "rolefinder {version}: skrip ini membuat kuisnya menjadi Google Form: pertanyaan\n"
        "nama, lalu {count} pertanyaan pilihan ganda, semuanya wajib diisi.\n"
        "1. Buka script.google.com, lalu klik Proyek baru (New project).\n"
        "2. Hapus isi editornya, tempel seluruh skrip ini sebagai gantinya, lalu klik Simpan.\n"
        "3. Klik Jalankan (Run). Pertama kali, Google meminta izin untuk mengelola formulirmu:\n"
        "   Tinjau izin (Review permissions), pilih akunmu, lalu Izinkan (Allow). Kalau Google\n"
        "   bilang aplikasinya belum diverifikasi: Lanjutan (Advanced), lalu buka proyeknya.\n"
        "4. Log eksekusi (Execution log) menampilkan dua link: satu untuk mengedit formulirnya\n"
        "   (simpan untukmu sendiri) dan satu untuk dikirim ke siswamu.\n"
        "5. Setelah pelajaran, unduh jawabannya (tab Jawaban > Download jawaban) dan jalankan:\n"
        "   rolefinder class FILE\n"
        "Jangan ubah teks formulirnya: rolefinder class mengenali pertanyaan dan pilihannya\n"
        "dari teks itu.",
    },
    "form_google_edit": {
        "en": "Edit the form (keep this link to yourself):",
        "id": "Edit formulirnya (link ini untukmu sendiri):",
    },
    "form_google_send": {
        "en": "Send your students this link:",
        "id": "Kirim link ini ke siswamu:",
    },
    "form_microsoft_steps": {
        "en": "For Microsoft Forms: save this as a file (rolefinder questions --form microsoft > "
        "form.txt), open it in Word and save it as a Word document (.docx), then in Microsoft "
        "Forms choose Quick import and upload that document. Check the form it makes: every "
        "question a Choice question with Required on, the name question a Text question, the "
        "texts as they are.",
        "id": "Untuk Microsoft Forms: simpan ini sebagai file (rolefinder questions --form "
        "microsoft > formulir.txt), buka di Word dan simpan sebagai dokumen Word (.docx), lalu "
        "di Microsoft Forms pilih Quick import dan unggah dokumen itu. Periksa formulir "
        "hasilnya: setiap pertanyaan berjenis Choice dengan Required aktif, pertanyaan nama "
        "berjenis Text, dan teksnya tidak berubah.",
    },
    "form_name_column": {"en": "name", "id": "nama"},
    "form_where": {"en": "{source} row {row}", "id": "{source} baris {row}"},
    "form_no_name_column": {
        "en": "{source}: no column is titled {column}; the students are named from the name or e-mail columns found.",
        "id": "{source}: tidak ada kolom berjudul {column}; nama siswa diambil dari kolom nama atau email yang ditemukan.",
    },
    "form_spreadsheet": {
        "en": "{source}: this kind of spreadsheet cannot be read; save it as .xlsx or CSV UTF-8 "
        "first (in Excel: File > Save As).",
        "id": "{source}: jenis spreadsheet ini tidak bisa dibaca; simpan dulu sebagai .xlsx atau "
        "CSV UTF-8 (di Excel: File > Save As).",
    },
    "form_mismatch": {
        "en": "{source}: the name says {named}, but the file holds {found}; nothing was read from it. {fix}",
        "id": "{source}: dari namanya, ini {named}, tetapi isinya {found}; tidak ada yang dibaca dari file ini. {fix}",
    },
    "form_named_text": {"en": "a CSV or text file", "id": "file CSV atau teks"},
    "form_named_zip": {"en": "a zip file", "id": "file zip"},
    "form_named_xlsx": {"en": "an Excel workbook (.xlsx)", "id": "file Excel (.xlsx)"},
    "form_found_text": {"en": "text", "id": "teks"},
    "form_found_zip": {"en": "a zip file", "id": "file zip"},
    "form_found_xlsx": {"en": "an Excel workbook (.xlsx)", "id": "file Excel (.xlsx)"},
    "form_found_xls": {"en": "an old Excel workbook (.xls)", "id": "file Excel versi lama (.xls)"},
    "form_found_ods": {
        "en": "an OpenDocument spreadsheet (.ods)",
        "id": "spreadsheet OpenDocument (.ods)",
    },
    "form_found_binary": {"en": "binary data, not text", "id": "data biner, bukan teks"},
    "form_fix_text": {
        "en": "If it is a form export, rename it to end in .csv.",
        "id": "Kalau ini ekspor formulir, ganti namanya agar berakhiran .csv.",
    },
    "form_fix_zip": {
        "en": "Give the zip as Google Forms downloaded it (ending in .zip), or unzip it and give the .csv inside.",
        "id": "Berikan file zip-nya seperti saat diunduh dari Google Forms (berakhiran .zip), atau ekstrak dulu lalu berikan file .csv di dalamnya.",
    },
    "form_fix_xlsx": {
        "en": "Rename it to end in .xlsx.",
        "id": "Ganti namanya agar berakhiran .xlsx.",
    },
    "form_fix_old": {
        "en": "Open it in a spreadsheet and save it as .xlsx or CSV UTF-8.",
        "id": "Buka di aplikasi spreadsheet, lalu simpan sebagai .xlsx atau CSV UTF-8.",
    },
    "form_fix_binary": {
        "en": "Download the answers again (as .csv, .xlsx or .zip) and give that file.",
        "id": "Unduh lagi jawabannya (sebagai .csv, .xlsx, atau .zip) dan berikan file itu.",
    },
    "form_damaged": {
        "en": "{source}: the file is damaged and cannot be read ({reason}); download it again.",
        "id": "{source}: file ini rusak dan tidak bisa dibaca ({reason}); unduh lagi.",
    },
    "form_not_whole": {"en": "it is incomplete", "id": "isinya tidak lengkap"},
    "form_damaged_at": {
        "en": "{where}: the file is damaged from here on ({reason}); the rows after it were not read.",
        "id": "{where}: file ini rusak mulai dari sini ({reason}); baris sesudahnya tidak dibaca.",
    },
    "form_zip_many": {
        "en": "{source}: it holds {count} files, more than a form's download ever does ({most} at most); it was not read. Unzip it and give the .csv file.",
        "id": "{source}: isinya {count} file, lebih banyak daripada unduhan formulir mana pun (paling banyak {most}); file ini tidak dibaca. Ekstrak dulu, lalu berikan file .csv-nya.",
    },
    "form_zip_big": {
        "en": "{source}: it would unpack to over 1 GiB, or to far more than its own size; it was not read (a damaged or hostile file).",
        "id": "{source}: kalau diekstrak, isinya lebih dari 1 GiB atau jauh melebihi ukuran file-nya sendiri; file ini tidak dibaca (rusak atau berbahaya).",
    },
    "form_zip_tables": {
        "en": "{source}: the zip holds {count} CSV files; a form's download holds exactly one. Unzip it and give the CSV files.",
        "id": "{source}: file zip ini berisi {count} file CSV, padahal unduhan formulir berisi tepat satu. Ekstrak dulu, lalu berikan file-file CSV-nya.",
    },
    "form_encoding": {
        "en": "{where}: the text is not in a known encoding; save it as CSV UTF-8.",
        "id": "{where}: encoding teksnya tidak dikenali; simpan sebagai CSV UTF-8.",
    },
    "form_empty_folder": {
        "en": "{source}: no answer sheets (.yaml, .yml, .json) in this folder.",
        "id": "{source}: tidak ada lembar jawaban (.yaml, .yml, .json) di folder ini.",
    },
    "form_empty": {"en": "{source}: the file is empty.", "id": "{source}: file ini kosong."},
    "form_no_rows": {
        "en": "{source}: no student's answers below the header.",
        "id": "{source}: tidak ada jawaban siswa di bawah baris judul.",
    },
    "form_not_file": {
        "en": "{source}: not a file or a folder (a pipe or a device); nothing was read from it.",
        "id": "{source}: bukan file atau folder (pipe atau perangkat); tidak ada yang dibaca.",
    },
    "form_not_sheet": {
        "en": "{source}: not a file (a pipe, a device or a folder); it was not opened.",
        "id": "{source}: bukan file (pipe, perangkat, atau folder); file ini tidak dibuka.",
    },
    "form_link_nowhere": {
        "en": "{source}: a link to a file that is not there; nothing was read from it.",
        "id": "{source}: link ke file yang tidak ada; tidak ada yang dibaca darinya.",
    },
    "form_link_loop": {
        "en": "{source}: a link that leads back to itself (a loop of links); nothing was "
        "read from it.",
        "id": "{source}: link yang berputar kembali ke dirinya sendiri; tidak ada yang dibaca "
        "darinya.",
    },
    "form_again": {
        "en": "{source}: given more than once; read once.",
        "id": "{source}: diberikan lebih dari sekali; dibaca sekali saja.",
    },
    "form_bad_row": {
        "en": "this row cannot be read as CSV ({reason})",
        "id": "baris ini tidak bisa dibaca sebagai CSV ({reason})",
    },
    "form_cell_long": {
        "en": "a cell is over {size} characters, longer than any answer",
        "id": "ada sel yang lebih dari {size} karakter, lebih panjang dari jawaban mana pun",
    },
    "form_row_long": {
        "en": "the row is over {size} characters, longer than any form's row",
        "id": "barisnya lebih dari {size} karakter, lebih panjang dari baris formulir mana pun",
    },
    "form_quote_open": {
        "en": "a quote opens a cell and nothing closes it, so the rest of the file is that "
        "cell: no row after it was read",
        "id": "ada tanda kutip yang membuka sel tapi tidak pernah ditutup, jadi sisa file "
        "masuk ke sel itu: tidak ada baris sesudahnya yang dibaca",
    },
    "class_out_is_input": {
        "en": "{path} is one of the files or folders to read; choose another --out.",
        "id": "{path} termasuk file atau folder yang dibaca; pilih --out yang lain.",
    },
    "class_no_input": {
        "en": "File not found: {sources}. None of the files given exists; check the paths.",
        "id": "File tidak ditemukan: {sources}. Tidak satu pun file yang diberikan ada; periksa path-nya.",
    },
    "form_broken": {
        "en": "{where}: the CSV is broken ({reason}); the rows after it were not read.",
        "id": "{where}: CSV-nya rusak ({reason}); baris sesudahnya tidak dibaca.",
    },
    "form_no_questions": {
        "en": "{source}: no column is a question of the quiz. Make the form from "
        "'rolefinder questions --form', keeping its texts.",
        "id": "{source}: tidak ada kolom yang berisi pertanyaan kuis. Buat formulirnya dari "
        "'rolefinder questions --form' dan pakai teksnya apa adanya.",
    },
    "form_ignored": {
        "en": "{source}: {count} column(s) ignored, not questions of the quiz: {columns}",
        "id": "{source}: {count} kolom diabaikan karena bukan pertanyaan kuis: {columns}",
    },
    "form_too_wide": {
        "en": "{source}: the header has {count} columns, more than a spreadsheet holds "
        "({most}); this is no form export, and nothing was read from it.",
        "id": "{source}: baris judulnya punya {count} kolom, lebih banyak dari yang muat di "
        "spreadsheet ({most}); ini bukan hasil ekspor formulir, jadi tidak ada yang dibaca.",
    },
    "form_kept_many": {
        "en": "{source}: {count} more column(s) of names, e-mails, classes or times were "
        "ignored; only the first {most} are kept.",
        "id": "{source}: {count} kolom nama, email, kelas, atau waktu lainnya diabaikan; "
        "hanya {most} kolom pertama yang disimpan.",
    },
    "form_duplicate": {
        "en": "{source}: question {question} is in more than one column ({columns}); "
        "the first answer given counts.",
        "id": "{source}: pertanyaan {question} ada di lebih dari satu kolom ({columns}); "
        "jawaban pertama yang diisi yang dihitung.",
    },
    "form_columns_more": {"en": "and {count} more", "id": "dan {count} lainnya"},
    "form_missing": {
        "en": "{source}: the form leaves out {count} question(s) of the quiz: {questions}",
        "id": "{source}: formulir ini tidak memuat {count} pertanyaan kuis: {questions}",
    },
    "form_cell_missing": {
        "en": "column {column} is missing from this row",
        "id": "kolom {column} tidak ada di baris ini",
    },
    "form_column": {
        "en": "{source}, column {column}: {parts}",
        "id": "{source}, kolom {column}: {parts}",
    },
    "form_near": {
        "en": '"{typed}" was read as "{option}" ({rows} row(s))',
        "id": '"{typed}" dibaca sebagai "{option}" ({rows} baris)',
    },
    "form_near_more": {"en": "and {count} more spelling(s)", "id": "dan {count} ejaan lain"},
    "form_near_fix": {
        "en": "{spellings}. Correct the option in the form so that it matches exactly.",
        "id": "{spellings}. Perbaiki teks pilihan itu di formulir agar sama persis.",
    },
    "form_unread_unknown": {
        "en": '{rows} answer(s) match no option and count as unanswered: {examples}. If the question offers "Other", turn it off; if its options were changed, make them again from "rolefinder questions --form".',
        "id": '{rows} jawaban tidak cocok dengan pilihan mana pun, jadi dihitung tidak dijawab: {examples}. Kalau pertanyaan ini punya pilihan "Lainnya", matikan; kalau pilihannya sudah diubah, samakan lagi dengan "rolefinder questions --form".',
    },
    "form_unread_several": {
        "en": "{rows} answer(s) pick several options and count as unanswered: {examples}. Make it a multiple-choice question (one answer), not checkboxes.",
        "id": "{rows} jawaban memilih beberapa pilihan sekaligus, jadi dihitung tidak dijawab: {examples}. Ubah jadi pertanyaan pilihan ganda (satu jawaban), bukan kotak centang.",
    },
    "form_disagree": {
        "en": "columns {columns} hold the same question with different answers",
        "id": "kolom {columns} berisi pertanyaan yang sama dengan jawaban berbeda",
    },
    "class_out_exists": {
        "en": "{path} already exists; add --force to write the class's files into it.",
        "id": "{path} sudah ada; tambahkan --force untuk menulis file kelas ke sana.",
    },
    "class_out_not_folder": {
        "en": "{path} is a file, not a folder.",
        "id": "{path} adalah file, bukan folder.",
    },
    "class_stopped": {
        "en": "Stopped ({signal}) before the results were written; {path} is as it was.",
        "id": "Dihentikan ({signal}) sebelum hasilnya ditulis; {path} tidak berubah.",
    },
    "class_stopped_written": {
        "en": "Stopped ({signal}) just after the results were written into {path}.",
        "id": "Dihentikan ({signal}) tepat setelah hasilnya ditulis ke {path}.",
    },
    "class_note_torn": {
        "en": "Said they are torn between a few directions: go through the roles listed, not only the first.",
        "id": "Mengaku bimbang di antara beberapa arah: bahas profesi-profesi di daftarnya, bukan hanya yang pertama.",
    },
    "class_twice": {
        "en": "{where}: {name} sent the form again later ({kept}); only the later answers are counted.",
        "id": "{where}: {name} mengirim formulir lagi setelahnya ({kept}); hanya jawaban yang terakhir yang dihitung.",
    },
    "class_note_twice": {
        "en": "Sent the form more than once: these are the latest answers.",
        "id": "Mengirim formulir lebih dari sekali: ini jawaban yang terakhir.",
    },
    "class_sheet": {"en": "Results", "id": "Hasil"},
    "class_col_name": {"en": "name", "id": "nama"},
    "class_col_answered": {"en": "answered", "id": "dijawab"},
    "class_col_duplicate": {"en": "sent twice", "id": "kirim dua kali"},
    "class_col_source": {"en": "source", "id": "sumber"},
    "class_col_row": {"en": "row", "id": "baris"},
    "class_col_best": {"en": "best fit", "id": "paling cocok"},
    "class_col_fit": {"en": "fit (of 100)", "id": "kecocokan (dari 100)"},
    "class_col_role": {"en": "role {n}", "id": "profesi {n}"},
    "class_col_fit_n": {"en": "fit {n}", "id": "kecocokan {n}"},
    "class_col_sure": {"en": "how sure (%)", "id": "seberapa yakin (%)"},
    "class_col_ready": {"en": "can apply?", "id": "bisa melamar?"},
    "class_col_way_in": {"en": "way in", "id": "cara masuk"},
    "class_col_no_pattern": {"en": "no clear pattern", "id": "tanpa pola jelas"},
    "class_col_rushed": {"en": "rushed", "id": "terburu-buru"},
    "class_col_incomplete": {"en": "incomplete", "id": "tidak lengkap"},
    "class_yes": {"en": "yes", "id": "ya"},
    "class_no": {"en": "no", "id": "tidak"},
    "class_col_code": {"en": "result code", "id": "kode hasil"},
    "class_col_note": {"en": "note", "id": "catatan"},
    "class_failed_row": {"en": "{where}: {problem}", "id": "{where}: {problem}"},
    "class_more_problems": {
        "en": "And {count} more; every row's problem is in results.csv.",
        "id": "Dan {count} lagi; masalah tiap baris ada di results.csv.",
    },
    "class_title": {"en": "Class results", "id": "Hasil kelas"},
    "class_students": {
        "en": "{students} students: {scored} scored, {too_few} with too few answers, "
        "{failed} could not be scored.",
        "id": "{students} siswa: {scored} mendapat hasil, {too_few} jawabannya terlalu sedikit, "
        "{failed} tidak bisa diproses.",
    },
    "class_unsure": {
        "en": "{unsure} of {scored} results are unsure.",
        "id": "{unsure} dari {scored} hasil belum pasti.",
    },
    "class_no_pattern": {
        "en": "{count} of {scored} results show no clear pattern in the answers.",
        "id": "{count} dari {scored} hasil tidak menunjukkan pola jawaban yang jelas.",
    },
    "class_rushed": {
        "en": "{count} of {timed} students with start and completion times rushed the form.",
        "id": "{count} dari {timed} siswa yang tercatat waktu mulai dan selesainya mengisi formulir terburu-buru.",
    },
    "class_first_roles": {"en": "Roles that came first", "id": "Profesi yang paling cocok"},
    "class_profile": {"en": "The class's average profile", "id": "Rata-rata profil kelas"},
    "class_talk_first": {"en": "Talk to these students first", "id": "Ajak bicara siswa ini dulu"},
    "class_talk_more": {
        "en": "And {count} more: see results.csv.",
        "id": "Dan {count} lagi: lihat results.csv.",
    },
    "class_nobody": {
        "en": "Nobody could be scored.",
        "id": "Tidak ada siswa yang mendapat hasil.",
    },
    "class_written": {
        "en": "Written to {path}: results.xlsx, results.csv, results.json, summary.md, "
        "summary.html, class.html",
        "id": "Ditulis ke {path}: results.xlsx, results.csv, results.json, summary.md, "
        "summary.html, class.html",
    },
    "class_not_written": {
        "en": "Nothing could be read, so nothing was written to {path}.",
        "id": "Tidak ada yang bisa dibaca, jadi tidak ada yang ditulis ke {path}.",
    },
    "class_reading": {"en": "Reading {source}", "id": "Membaca {source}"},
    "class_help": {
        "en": "Score a whole class from a Google Forms or Microsoft Forms export (CSV, Excel or "
        "zip, as downloaded), answer sheets or result codes, and write results and a summary "
        "into a folder.",
        "id": "Hitung hasil satu kelas dari ekspor Google Forms atau Microsoft Forms (CSV, Excel, "
        "atau zip, apa adanya seperti saat diunduh), lembar jawaban, atau kode hasil, lalu tulis "
        "hasil dan ringkasannya ke sebuah folder.",
    },
    "arg_class_files": {
        "en": "Form exports (.csv, .tsv, .txt, .xlsx, .zip), answer sheets (.yaml, .json) or "
        "folders of them, and files of result codes (one a line).",
        "id": "Ekspor formulir (.csv, .tsv, .txt, .xlsx, .zip), lembar jawaban (.yaml, .json) "
        "atau folder berisi lembar jawaban, dan file kode hasil (satu per baris).",
    },
    "opt_out": {
        "en": "The folder to write results.xlsx, results.csv, results.json, summary.md, "
        "summary.html and class.html into (default: FILE-results beside where you are).",
        "id": "Folder tempat menulis results.xlsx, results.csv, results.json, summary.md, "
        "summary.html, dan class.html (bawaan: FILE-results di folder tempatmu sekarang).",
    },
    "opt_form": {
        "en": "Print the quiz as a form: google, a script that builds the Google Form; "
        "microsoft, a document for Microsoft Forms' Quick import; text (also --form alone), "
        "the questions and options as plain text to type into a form tool.",
        "id": "Cetak kuis sebagai formulir: google, skrip yang membuat Google Form; microsoft, "
        "dokumen untuk Quick import di Microsoft Forms; text (juga --form saja), pertanyaan dan "
        "pilihannya sebagai teks biasa untuk diketik di aplikasi formulir.",
    },
    "examples_class": {
        "en": "# The questions as text, to build a Google or Microsoft form from\n"
        "rolefinder questions --form > form.txt\n"
        "# Score the form's export (CSV) into the folder answers-results\n"
        "rolefinder class answers.csv\n"
        "# Several files at once, into a folder you name, replacing its results\n"
        "rolefinder class answers.csv codes.txt sheets/ --out class-9a --force",
        "id": "# Pertanyaan sebagai teks, untuk membuat formulir Google atau Microsoft\n"
        "rolefinder questions --form > formulir.txt\n"
        "# Hitung hasil ekspor formulirnya (CSV) ke folder jawaban-results\n"
        "rolefinder class jawaban.csv\n"
        "# Beberapa file sekaligus, ke folder pilihanmu, menimpa hasil di dalamnya\n"
        "rolefinder class jawaban.csv kode.txt lembar/ --out kelas-9a --force",
    },
    "code_mangled": {
        "en": "'{code}' is not a valid result code: check it for typos, or copy it again from the result that showed it.",
        "id": "'{code}' bukan kode hasil yang valid: periksa apakah ada salah ketik, atau salin lagi dari hasil yang menampilkannya.",
    },
    "code_other_catalogue": {
        "en": "The result code '{code}' was made with another catalogue or another version of it; use the same catalogue (--catalogue).",
        "id": "Kode hasil '{code}' dibuat dengan katalog lain atau versi lain; pakai katalog yang sama (--catalogue).",
    },
    "code_old_version": {
        "en": "The result code '{code}' comes from an older rolefinder whose codes cannot be read any more; take the quiz again.",
        "id": "Kode hasil '{code}' berasal dari rolefinder versi lama yang kodenya tidak bisa dibaca lagi; ulangi kuisnya.",
    },
    "result_code": {
        "en": "Result code {code}. To see this result again:\n  rolefinder result {again}",
        "id": "Kode hasil {code}. Untuk melihat hasil ini lagi:\n  rolefinder result {again}",
    },
    "result_help": {
        "en": "Show again the result a result code stands for.",
        "id": "Tampilkan lagi hasil dari sebuah kode hasil.",
    },
    "arg_code": {
        "en": "A result code, as printed under a result (its groups may be typed with spaces).",
        "id": "Kode hasil, yang tertera di bawah setiap hasil (kelompok hurufnya boleh dipisah spasi).",
    },
    # compare: two results side by side
    "compare_help": {
        "en": "Put two results side by side (result codes or saved results): both profiles, "
        "the roles each lists with their fit, what moved and why.",
        "id": "Bandingkan dua hasil berdampingan (kode hasil atau hasil tersimpan): profil dan "
        "profesi yang cocok beserta kecocokannya masing-masing, apa yang berubah, dan alasannya.",
    },
    "arg_compare_a": {
        "en": "The first result (A): a result code, or a saved result's number as 'rolefinder history' lists it, or 'last'.",
        "id": "Hasil pertama (A): kode hasil, atau nomor hasil tersimpan seperti yang ditampilkan 'rolefinder history', atau 'last'.",
    },
    "arg_compare_b": {
        "en": "The second result (B), given the same way.",
        "id": "Hasil kedua (B), ditulis dengan cara yang sama.",
    },
    "compare_title": {"en": "Two results side by side", "id": "Dua hasil berdampingan"},
    "compare_profiles": {"en": "Profiles", "id": "Profil"},
    "compare_matches": {
        "en": "Roles the answers fit",
        "id": "Profesi yang cocok dengan jawabannya",
    },
    "compare_what_moved": {"en": "What moved", "id": "Yang berubah"},
    "compare_place": {"en": "#{place} ({fit})", "id": "#{place} ({fit})"},
    "compare_place_plain": {"en": "place {place} ({fit})", "id": "urutan ke-{place} ({fit})"},
    "compare_off_list": {
        "en": "off the list ({fit})",
        "id": "di luar daftar ({fit})",
    },
    "compare_moved": {"en": "{role}: from {a} to {b}", "id": "{role}: dari {a} ke {b}"},
    "compare_same": {
        "en": "A and B are the same result: the same answers to every question.",
        "id": "A dan B adalah hasil yang sama: jawabannya sama untuk setiap pertanyaan.",
    },
    "compare_nothing_moved": {
        "en": "The roles listed did not move: the same roles, in the same places, with the same fit.",
        "id": "Profesi dalam daftar tidak berubah: profesinya, urutannya, dan kecocokannya tetap sama.",
    },
    "compare_why_one": {"en": "One answer differs:", "id": "Satu jawaban berbeda:"},
    "compare_why_many": {
        "en": "{count} answers differ; the ones that counted most:",
        "id": "{count} jawaban berbeda; yang paling berpengaruh:",
    },
    "compare_why_one_small": {
        "en": "One answer differs, and it moved the roles above by less than a point.",
        "id": "Satu jawaban berbeda, dan pengaruhnya pada profesi di atas kurang dari 1 poin.",
    },
    "compare_why_many_small": {
        "en": "{count} answers differ, and none moved the roles above by a point or more.",
        "id": "{count} jawaban berbeda, dan tidak ada yang memengaruhi profesi di atas sampai 1 poin.",
    },
    "compare_chose": {"en": 'chose "{answer}"', "id": 'memilih "{answer}"'},
    "compare_skipped": {"en": "skipped it", "id": "melewatinya"},
    "compare_not_asked": {"en": "was not asked it", "id": "tidak mendapat pertanyaan ini"},
    "compare_reason": {
        "en": "{question}: A {a}, B {b}, which gives {ahead} {points} more than {behind}.",
        "id": "{question}: A {a}, B {b}, sehingga {ahead} mendapat {points} lebih banyak daripada {behind}.",
    },
    "compare_reason_even": {
        "en": "{question}: A {a}, B {b}, which changes little between the roles above.",
        "id": "{question}: A {a}, B {b}, yang pengaruhnya kecil pada profesi di atas.",
    },
    # {who}: "A" or "B", with what the user gave in brackets: "B (#3, 2026-11-24)".
    "compare_too_few": {
        "en": "Result {who} has too few answers to rank the roles: {have} of the {need} needed (skipped questions do not count), so the two cannot be compared.",
        "id": "Hasil {who}: jawabannya belum cukup untuk menyusun peringkat profesi: baru {have} dari {need} yang dibutuhkan (pertanyaan yang dilewati tidak dihitung), jadi keduanya tidak bisa dibandingkan.",
    },
    # One line a problem, each saying which result it is about: the error label leads every
    # line of a message, so a heading line of its own would read "Error: ...: Error: ...".
    "compare_cannot_rank": {
        "en": "Result {who} cannot be ranked: {problem}",
        "id": "Peringkat untuk hasil {who} tidak bisa disusun: {problem}",
    },
    "history_other_catalogue": {
        "en": "Saved result {number} was taken with another catalogue or another version of it, so it cannot be scored again with this one; use the same catalogue (--catalogue).",
        "id": "Hasil tersimpan nomor {number} berasal dari kuis dengan katalog lain atau versi lain, jadi tidak bisa dinilai ulang dengan katalog ini; pakai katalog yang sama (--catalogue).",
    },
    "schema_help": {
        "en": "Print the catalogue format as a JSON Schema, for editors.",
        "id": "Cetak format katalog sebagai JSON Schema, untuk editor.",
    },
    "opt_answers": {
        "en": "Answer sheet (YAML or JSON: question id -> option id); '-' reads standard input.",
        "id": "Lembar jawaban (YAML atau JSON: id pertanyaan -> id pilihan); '-' membaca input standar.",
    },
    "no_terminal": {
        "en": "The quiz needs a terminal to ask its questions: run 'rolefinder quiz' in a terminal window, "
        "or give your answers with --answers FILE. To keep a result in a file, use --save FILE.",
        "id": "Kuis ini butuh terminal untuk mengajukan pertanyaan: jalankan 'rolefinder quiz' di jendela "
        "terminal, atau berikan jawabanmu dengan --answers FILE. Untuk menyimpan hasil ke file, pakai --save FILE.",
    },
    "windows_console": {
        "en": "This window is not a console the quiz can draw in. On Windows, run it in Windows Terminal, "
        "PowerShell or cmd.exe (in Git Bash, prefix it with 'winpty').",
        "id": "Kuis tidak bisa tampil di jendela ini. Di Windows, jalankan di Windows Terminal, "
        "PowerShell, atau cmd.exe (di Git Bash, awali dengan 'winpty').",
    },
    # --- the result history (history/store.py; `rolefinder history`, `quiz --no-history`)
    "history_help": {
        "en": "List the quiz results kept on this computer, or forget them all.",
        "id": "Tampilkan hasil kuis yang tersimpan di komputer ini, atau hapus semuanya.",
    },
    "history_kept_here": {
        "en": "Kept in this computer's history ({path}); to keep nothing: --no-history, or "
        "{env}=off for every quiz.",
        "id": "Disimpan di riwayat komputer ini ({path}); agar tidak disimpan: --no-history, "
        "atau {env}=off untuk semua kuis.",
    },
    "opt_no_history": {
        "en": "Do not keep this result in your history (or set ROLEFINDER_HISTORY=0).",
        "id": "Jangan simpan hasil ini di riwayatmu (atau isi ROLEFINDER_HISTORY=0).",
    },
    "opt_forget": {
        "en": "Delete every saved result (after asking you).",
        "id": "Hapus semua hasil tersimpan (setelah bertanya dulu).",
    },
    "opt_yes": {
        "en": "With --forget: delete without asking.",
        "id": "Dengan --forget: hapus tanpa bertanya.",
    },
    "opt_history_limit": {
        "en": "List only the latest N results (on screen the latest 20 unless --all; --json lists every one unless --limit).",
        "id": "Tampilkan hanya N hasil terakhir (di layar 20 hasil terakhir, kecuali dengan --all; --json menampilkan semuanya, kecuali dengan --limit).",
    },
    "opt_history_all": {
        "en": "List every saved result, not only the latest 20.",
        "id": "Tampilkan semua hasil tersimpan, bukan hanya 20 hasil terakhir.",
    },
    "history_latest": {
        "en": "These are the latest {shown} of your {count} saved results: --limit N lists the latest N, --all every one.",
        "id": "Ini {shown} hasil terakhir dari {count} hasil tersimpanmu: --limit N menampilkan N hasil terakhir, --all semuanya.",
    },
    "history_limit_and_all": {
        "en": "--limit and --all cannot go together: give one of them.",
        "id": "--limit dan --all tidak bisa dipakai bersamaan: pilih salah satu.",
    },
    "history_title": {"en": "Your saved results", "id": "Hasil tersimpanmu"},
    "col_date": {"en": "Date", "id": "Tanggal"},
    "col_lang": {"en": "Language", "id": "Bahasa"},
    "col_best": {"en": "Best match, result code", "id": "Paling cocok, kode hasil"},
    "history_marked_other": {
        "en": "* taken with another catalogue or another version of it; the role names are today's.",
        "id": "* kuis diikuti dengan katalog lain atau versi lain; nama profesinya dari katalog yang sekarang.",
    },
    # plain output (screen readers): the mark in words, where "*" would be read as a symbol
    "history_other": {"en": "another catalogue", "id": "katalog lain"},
    "history_marked_other_plain": {
        "en": "Another catalogue: taken with another catalogue or another version of it; the role names are today's.",
        "id": "Katalog lain: kuis diikuti dengan katalog lain atau versi lain; nama profesinya dari katalog yang sekarang.",
    },
    "history_where": {
        "en": "Kept in {path}. To see one again: rolefinder result CODE",
        "id": "Disimpan di {path}. Untuk melihatnya lagi: rolefinder result KODE",
    },
    "history_empty": {
        "en": "No saved results yet: every quiz you finish is kept here (rolefinder quiz).",
        "id": "Belum ada hasil yang tersimpan: setiap kuis yang kamu selesaikan akan disimpan di sini (rolefinder quiz).",
    },
    "history_off": {
        "en": "The history is off ({env}={value}): no result is kept.",
        "id": "Riwayat dimatikan ({env}={value}): hasil tidak disimpan.",
    },
    "history_skipped": {
        "en": "Saved result {number} could not be read and was skipped.",
        "id": "Hasil tersimpan nomor {number} tidak bisa dibaca, jadi dilewati.",
    },
    "history_entry_unreadable": {
        "en": "Saved result {number} cannot be read.",
        "id": "Hasil tersimpan nomor {number} tidak bisa dibaca.",
    },
    "history_no_entry": {
        "en": "There is no saved result '{ref}'; 'rolefinder history' lists them.",
        "id": "Tidak ada hasil tersimpan '{ref}'; 'rolefinder history' menampilkan daftarnya.",
    },
    "history_bad_ref": {
        "en": "'{ref}' does not name a saved result: give its number (see 'rolefinder history') or 'last'.",
        "id": "'{ref}' tidak menunjuk hasil tersimpan: berikan nomornya (lihat 'rolefinder history') atau 'last'.",
    },
    "history_not_kept": {
        "en": "This result was not kept in your history: {path}: {why}.",
        "id": "Hasil ini tidak disimpan di riwayatmu: {path}: {why}.",
    },
    "history_damaged_kept": {
        "en": "Your history {path} was damaged: it is kept aside as {kept}, and a new history starts with this result.",
        "id": "Riwayatmu {path} rusak: file itu disisihkan sebagai {kept}, dan riwayat baru dimulai dengan hasil ini.",
    },
    "history_damaged": {
        "en": "Your history {path} was damaged: it is kept aside as {kept}, and your next quiz starts a new one.",
        "id": "Riwayatmu {path} rusak: file itu disisihkan sebagai {kept}, dan kuis berikutnya akan memulai riwayat baru.",
    },
    "history_unreadable": {
        "en": "Cannot read your history {path}: {why}.",
        "id": "Riwayatmu {path} tidak bisa dibaca: {why}.",
    },
    "why_denied": {"en": "permission denied", "id": "akses ditolak"},
    "why_read_only": {"en": "the disk is read-only", "id": "disknya hanya bisa dibaca"},
    "why_full": {"en": "the disk is full", "id": "disknya penuh"},
    "why_cannot_write": {
        "en": "it cannot be written there (no permission, or a read-only disk)",
        "id": "file itu tidak bisa ditulis di sana (tidak ada izin, atau disknya hanya bisa dibaca)",
    },
    "why_busy": {
        "en": "another rolefinder kept it busy for {seconds} seconds",
        "id": "rolefinder lain memakainya selama {seconds} detik",
    },
    "why_no_folder": {
        "en": "its folder cannot be made there",
        "id": "foldernya tidak bisa dibuat di sana",
    },
    "why_not_file": {"en": "it is not a regular file", "id": "itu bukan file biasa"},
    # Why a history in a place someone else could have prepared is refused; {place} is the
    # folder or file at fault, which may be a folder above the history's own.
    "why_link": {
        "en": "{place} is a symbolic link, and the history never follows one",
        "id": "{place} adalah tautan simbolis (symlink), dan riwayat tidak pernah mengikutinya",
    },
    "why_owner": {
        "en": "{place} belongs to another user (uid {owner}), who could read or change your results",
        "id": "{place} milik pengguna lain (uid {owner}), yang bisa membaca atau mengubah hasilmu",
    },
    "why_others_write": {
        "en": "{place} can be changed by other users",
        "id": "{place} bisa diubah oleh pengguna lain",
    },
    "why_swapped": {
        "en": "it was replaced while it was being opened",
        "id": "file itu diganti saat sedang dibuka",
    },
    "why_newer": {
        "en": "it was written by a newer rolefinder (history layout {found}; this one knows up to {ours}), so it is left as it is",
        "id": "file itu ditulis oleh rolefinder yang lebih baru (format riwayat {found}; versi ini hanya mengenal sampai {ours}), jadi dibiarkan apa adanya",
    },
    "why_not_ours": {
        "en": "it is another program's database, so it is left as it is",
        "id": "itu database milik program lain, jadi dibiarkan apa adanya",
    },
    "why_not_sqlite": {
        "en": "it holds something else, not a rolefinder history, so it is left as it is",
        "id": "isinya hal lain, bukan riwayat rolefinder, jadi dibiarkan apa adanya",
    },
    "why_damaged": {
        "en": "it is damaged, and a new one could not be started",
        "id": "file itu rusak, dan riwayat baru tidak bisa dimulai",
    },
    # {reason} is the system's own English text, kept as it is (unquoted, in both languages).
    "why_other": {"en": "{reason}", "id": "{reason}"},
    "history_forget_ask": {
        "en": "Delete all {count} saved results? [y/N] ",
        "id": "Hapus semua {count} hasil tersimpan? [y/N] ",
    },
    "history_forget_ask_one": {
        "en": "Delete your 1 saved result? [y/N] ",
        "id": "Hapus 1 hasil tersimpanmu? [y/N] ",
    },
    "history_forgot": {
        "en": "Deleted {count} saved results.",
        "id": "{count} hasil tersimpan sudah dihapus.",
    },
    "history_forgot_one": {
        "en": "Deleted 1 saved result.",
        "id": "1 hasil tersimpan sudah dihapus.",
    },
    "history_forget_kept": {"en": "Nothing was deleted.", "id": "Tidak ada yang dihapus."},
    "history_forget_none": {
        "en": "There are no saved results to delete.",
        "id": "Tidak ada hasil tersimpan yang perlu dihapus.",
    },
    "history_forget_no_terminal": {
        "en": "Deleting every saved result needs your yes: run it in a terminal to be asked, or add --yes.",
        "id": "Menghapus semua hasil tersimpan perlu persetujuanmu: jalankan di terminal agar bisa ditanya, atau tambahkan --yes.",
    },
    "history_forget_json": {
        "en": "--forget lists nothing: leave out --json.",
        "id": "--forget tidak menampilkan daftar: jangan pakai --json.",
    },
    "history_forget_list": {
        "en": "--forget deletes every saved result and lists nothing: leave out {option}.",
        "id": "--forget menghapus semua hasil tersimpan dan tidak menampilkan daftar: jangan pakai {option}.",
    },
    # result cards (--save .html, .svg, .md)
    "card_kicker": {"en": "rolefinder quiz result", "id": "Hasil kuis rolefinder"},
    "card_title": {"en": "{name}: my rolefinder result", "id": "{name}: hasil rolefinder-ku"},
    "card_desc": {
        "en": "A rolefinder quiz result. {best}. {band}.",
        "id": "Hasil kuis rolefinder. {best}. {band}.",
    },
    "card_why_role": {"en": "Why {name}", "id": "Kenapa {name}"},
    "card_ready": {"en": "How to get started", "id": "Cara memulainya"},
    "card_duties": {"en": "Duties of the {name}", "id": "Tugas seorang {name}"},
    "card_code": {"en": "Result code", "id": "Kode hasil"},
    "card_replay": {
        "en": "See this result again: {command}",
        "id": "Lihat hasil ini lagi: {command}",
    },
    "card_footer": {
        "en": "Made with rolefinder {version}, a career quiz for social-media jobs.",
        "id": "Dibuat dengan rolefinder {version}, kuis karier untuk pekerjaan di media sosial.",
    },
    # class summaries (rolefinder class --out DIR: summary.md and summary.html), for teachers
    "summary_kicker": {"en": "rolefinder class summary", "id": "Ringkasan kelas rolefinder"},
    "summary_title": {"en": "Class results", "id": "Hasil kelas"},
    "summary_sources": {"en": "Read from: {files}", "id": "Dibaca dari: {files}"},
    "summary_file_notes": {
        "en": "About the files read:",
        "id": "Catatan tentang file yang dibaca:",
    },
    "summary_desc": {
        "en": "rolefinder class results: {students} students, {scored} of them scored.",
        "id": "Hasil kelas rolefinder: {students} siswa, {scored} di antaranya mendapat hasil.",
    },
    "summary_students": {"en": "Students", "id": "Siswa"},
    "summary_scored": {"en": "Scored", "id": "Mendapat hasil"},
    "summary_too_few": {"en": "Too few answers", "id": "Jawaban terlalu sedikit"},
    "summary_failed": {"en": "Could not be scored", "id": "Tidak bisa diproses"},
    "summary_unsure": {"en": "Unsure results", "id": "Hasil belum pasti"},
    "summary_no_pattern": {"en": "No clear pattern", "id": "Tanpa pola jelas"},
    "summary_rushed": {"en": "Rushed", "id": "Terburu-buru"},
    "summary_unsure_share": {
        "en": "{share} of the results are unsure.",
        "id": "{share} dari hasil yang ada belum pasti.",
    },
    "summary_unsure_meaning": {
        "en": "Unsure means the result is not very sure of the best fit (how sure: low): the student's answers fit other roles too, so the first role is a starting point, not an answer; go through the roles listed together.",
        "id": "Belum pasti artinya hasilnya kurang yakin pada profesi yang paling cocok (seberapa yakin: rendah): jawaban siswa juga cocok dengan profesi lain, jadi profesi pertama baru titik awal, bukan jawaban; bahas profesi-profesi di daftarnya bersama siswa itu.",
    },
    "summary_failed_note": {
        "en": "results.csv gives the reason for each row that could not be scored.",
        "id": "Alasan setiap baris yang tidak bisa diproses ada di results.csv.",
    },
    "summary_none_read": {
        "en": "No student's answers were read, so there is nothing to show yet.",
        "id": "Belum ada jawaban siswa yang terbaca, jadi belum ada yang bisa ditampilkan.",
    },
    "summary_none_scored": {
        "en": "Nobody was scored: every student gave too few answers or could not be scored, so there are no charts.",
        "id": "Belum ada siswa yang mendapat hasil: jawaban setiap siswa terlalu sedikit atau tidak bisa diproses, jadi belum ada grafik.",
    },
    "summary_first_heading": {
        "en": "Best fits in the class",
        "id": "Profesi paling cocok di kelas ini",
    },
    "summary_first_intro": {
        "en": "How many students have each role as their best fit, of the {scored} scored.",
        "id": "Jumlah siswa yang paling cocok dengan setiap profesi, dari {scored} siswa yang mendapat hasil.",
    },
    "summary_profile_heading": {
        "en": "The class's average profile",
        "id": "Rata-rata profil kelas",
    },
    "summary_profile_intro": {
        "en": "Each trait's share of the answers, averaged over the {scored} students scored.",
        "id": "Porsi setiap tipe dalam jawaban, dirata-rata dari {scored} siswa yang mendapat hasil.",
    },
    "summary_chart_desc": {"en": "Bar chart: {figures}.", "id": "Diagram batang: {figures}."},
    "summary_col_role": {"en": "Role", "id": "Profesi"},
    "summary_col_trait": {"en": "Trait", "id": "Tipe"},
    "summary_col_share": {"en": "Share", "id": "Persentase"},
    "summary_groups_heading": {"en": "By class", "id": "Per kelas"},
    "summary_files_heading": {"en": "By file", "id": "Per file"},
    "summary_col_group": {"en": "Class", "id": "Kelas"},
    "summary_col_file": {"en": "File", "id": "Nama file"},
    "summary_col_first": {"en": "Best fits", "id": "Paling cocok"},
    "summary_no_group": {"en": "(no class given)", "id": "(kelas tidak diisi)"},
    "summary_duplicates": {"en": "Sent twice", "id": "Kirim dua kali"},
    "summary_talk_heading": {
        "en": "Talk to these students first",
        "id": "Ajak bicara siswa berikut lebih dulu",
    },
    "summary_talk_intro": {
        "en": "Their results should not be read from the first role alone. Too few answers come first, then answers with no clear pattern, rushed forms and half-empty ones, then unsure results, students still exploring the field, and near ties.",
        "id": "Hasil mereka jangan dibaca dari profesi pertamanya saja. Yang jawabannya terlalu sedikit ada di urutan pertama, lalu yang jawabannya tanpa pola jelas, yang mengisi terburu-buru dan yang formulirnya setengah kosong, lalu yang hasilnya belum pasti, yang masih menjajaki bidang ini, dan yang bersaing ketat.",
    },
    "summary_talk_none": {
        "en": "Nobody: every student gave enough answers, none rushed, and every result shows a clear pattern and is neither unsure nor a near tie.",
        "id": "Tidak ada: setiap siswa menjawab cukup banyak pertanyaan, tidak ada yang terburu-buru, dan setiap hasil menunjukkan pola yang jelas, tidak belum pasti, dan tidak bersaing ketat.",
    },
    "summary_where_row": {"en": "{source}, row {row}", "id": "{source}, baris {row}"},
    "summary_reason_too_few": {
        "en": "Too few answers: {have} of the {need} needed, so no ranking yet.",
        "id": "Jawaban terlalu sedikit: baru {have} dari {need} yang dibutuhkan, jadi belum ada peringkat.",
    },
    "summary_reason_no_pattern": {
        "en": "No clear pattern: the answers look like random clicks or follow the order of the options, so the result is not advice yet; ask the student to take the quiz again.",
        "id": "Tanpa pola jelas: jawabannya seperti dipilih acak atau mengikuti urutan pilihan, jadi hasilnya belum bisa dijadikan saran; minta siswa mengulang kuisnya.",
    },
    "summary_reason_rushed": {
        "en": "Rushed: the whole form took about {seconds} seconds, under {limit} seconds an answer, so the questions may not have been read.",
        "id": "Terburu-buru: seluruh formulir diisi dalam sekitar {seconds} detik, kurang dari {limit} detik per jawaban, jadi pertanyaannya mungkin tidak dibaca.",
    },
    "summary_reason_half_empty": {
        "en": "Half-empty form: real answers to only {have} of the {asked} questions about the work, so the result rests on few answers.",
        "id": "Formulir setengah kosong: hanya {have} dari {asked} pertanyaan tentang pekerjaan yang dijawab sungguh-sungguh, jadi hasilnya berdasar pada sedikit jawaban.",
    },
    "summary_reason_unsure": {
        "en": "Unsure: {name} fits best ({fit}), but only about {sure} sure.",
        "id": "Belum pasti: {name} paling cocok ({fit}), tetapi keyakinannya hanya sekitar {sure}.",
    },
    "summary_reason_exploring": {
        "en": "Still exploring the field: {name} fits best ({fit}), but treat it as a "
        "starting point.",
        "id": "Masih menjajaki bidang ini: {name} paling cocok ({fit}), tapi anggap saja "
        "sebagai titik awal.",
    },
    "summary_reason_near_tie": {
        "en": "Near tie: {a} ({x}) and {b} ({y}) fit about equally well.",
        "id": "Bersaing ketat: {a} ({x}) dan {b} ({y}) hampir sama cocok.",
    },
    "summary_talk_more": {
        "en": "... and {count} more: see results.csv.",
        "id": "... dan {count} siswa lagi: lihat results.csv.",
    },
    # --- the printed roster, a page per student, and the class view without names
    "summary_roster_heading": {"en": "The class roster", "id": "Daftar siswa"},
    "summary_roster_intro": {
        "en": "Each student's best fit, how sure it is and whether they can apply; the last "
        "column says whom to talk to first and why. A page for each student follows.",
        "id": "Profesi yang paling cocok untuk tiap siswa, seberapa yakin hasilnya, dan "
        "apakah mereka sudah bisa melamar; kolom terakhir menunjukkan siswa yang perlu diajak "
        "bicara lebih dulu dan alasannya. Setelah ini ada satu halaman untuk tiap siswa.",
    },
    "summary_col_name": {"en": "Name", "id": "Nama"},
    "summary_col_best": {"en": "Best fit", "id": "Paling cocok"},
    "summary_col_fit": {"en": "Fit", "id": "Kecocokan"},
    "summary_col_sure": {"en": "How sure", "id": "Seberapa yakin"},
    "summary_col_ready": {"en": "Can apply?", "id": "Bisa melamar?"},
    "summary_col_talk": {"en": "Talk to first", "id": "Ajak bicara dulu"},
    "summary_mark_too_few": {"en": "too few answers", "id": "jawaban terlalu sedikit"},
    "summary_mark_no_pattern": {"en": "no clear pattern", "id": "tanpa pola jelas"},
    "summary_mark_rushed": {"en": "rushed", "id": "terburu-buru"},
    "summary_mark_half_empty": {"en": "half-empty form", "id": "formulir setengah kosong"},
    "summary_mark_unsure": {"en": "unsure", "id": "belum pasti"},
    "summary_mark_exploring": {"en": "still exploring", "id": "masih menjajaki"},
    "summary_mark_near_tie": {"en": "near tie", "id": "bersaing ketat"},
    "summary_mark_failed": {"en": "row not read", "id": "baris tidak terbaca"},
    "summary_no_result": {"en": "no result", "id": "belum ada hasil"},
    "summary_class_view": {
        "en": "The class picture without names, to show on a projector: class.html.",
        "id": "Gambaran kelas tanpa nama, untuk ditayangkan di proyektor: class.html.",
    },
    "summary_pages_heading": {"en": "A page for each student", "id": "Satu halaman per siswa"},
    "summary_student_best": {
        "en": "Best fit: {name}, fit {fit}, about {sure} sure.",
        "id": "Paling cocok: {name}, kecocokan {fit}, keyakinan sekitar {sure}.",
    },
    "summary_student_ready": {"en": "Can apply? {ready}.", "id": "Bisa melamar? {ready}."},
    "summary_student_roles": {"en": "Roles listed", "id": "Profesi di daftar"},
    "summary_student_why": {"en": "Why: {text}", "id": "Alasannya: {text}"},
    "summary_student_notes": {"en": "Notes", "id": "Catatan"},
    "summary_student_none": {
        "en": "Nothing to add: the result is clear.",
        "id": "Tidak ada catatan: hasilnya jelas.",
    },
    "class_view_title": {"en": "The class at a glance", "id": "Gambaran kelas"},
    "class_view_desc": {
        "en": "rolefinder class picture, without names: {students} students, {scored} of them "
        "scored.",
        "id": "Gambaran kelas rolefinder, tanpa nama: {students} siswa, {scored} di antaranya "
        "mendapat hasil.",
    },
    "summary_footer": {
        "en": "Made with rolefinder {version}, a career quiz for social-media jobs.",
        "id": "Dibuat dengan rolefinder {version}, kuis karier untuk pekerjaan di media sosial.",
    },
    # --- the command line's own words (click's texts are English; these stand in for them)
    "opt_help": {"en": "Show this help and exit.", "id": "Tampilkan bantuan ini lalu keluar."},
    "opt_install_completion": {
        "en": "Install tab completion for the current shell.",
        "id": "Pasang pelengkapan otomatis (Tab) untuk shell ini.",
    },
    "opt_show_completion": {
        "en": "Print the tab-completion script for the current shell, to copy or adjust it.",
        "id": "Cetak skrip pelengkapan otomatis (Tab) untuk shell ini, untuk disalin atau diubah.",
    },
    "opt_plain_output": {
        "en": "Plain output for screen readers: words instead of symbols, no colour, bars or "
        "borders (chosen by itself when TERM=dumb).",
        "id": "Tampilan sederhana untuk pembaca layar: kata-kata, bukan simbol; tanpa warna, "
        "grafik batang, atau garis tepi (otomatis dipakai jika TERM=dumb).",
    },
    "opt_plain": {
        "en": "Plain prompts: numbered choices, type a number and Enter; no colour or cursor movement "
        "(for screen readers; chosen by itself when TERM=dumb).",
        "id": "Tampilan sederhana: pilihan bernomor, ketik angka lalu Enter; tanpa warna dan gerakan "
        "kursor (untuk pembaca layar; otomatis dipakai jika TERM=dumb).",
    },
    "opt_plain_class": {
        "en": "A plain summary: figures without bars (for screen readers; chosen by itself when "
        "TERM=dumb).",
        "id": "Ringkasan sederhana: angka tanpa grafik batang (untuk pembaca layar; otomatis "
        "dipakai jika TERM=dumb).",
    },
    "result_more": {
        "en": "Result code {code}. Every reason and duty:\n  rolefinder result {again} --explain",
        "id": "Kode hasil {code}. Semua alasan dan tugas:\n  rolefinder result {again} --explain",
    },
    "questions_help": {
        "en": "List every question with its id and its answers' ids, to write an answer sheet.",
        "id": "Tampilkan semua pertanyaan beserta id-nya dan id setiap jawaban, untuk menulis "
        "lembar jawaban.",
    },
    "opt_template": {
        "en": "Print an answer sheet to fill in: every question as a comment, each answer 'skip' "
        "until you put an answer's id there.",
        "id": "Cetak lembar jawaban untuk diisi: setiap pertanyaan sebagai komentar, setiap jawaban "
        "'skip' sampai kamu menggantinya dengan id jawaban.",
    },
    "questions_footer": {
        "en": "An answer sheet maps question ids to answer ids (YAML or JSON), e.g. 'monday: numbers'. "
        "Start from 'rolefinder questions --template', then: rolefinder quiz --answers FILE",
        "id": "Lembar jawaban memetakan id pertanyaan ke id jawaban (YAML atau JSON), misalnya "
        "'monday: numbers'. Mulai dari 'rolefinder questions --template', lalu: "
        "rolefinder quiz --answers FILE",
    },
    "template_intro": {
        "en": "rolefinder answer sheet. Under each question, replace {skip} with the id of the answer\n"
        "you would choose ({skip}: it does not apply to you). At least 8 real answers are needed.\n"
        "Then run: rolefinder quiz --answers THIS-FILE",
        "id": "Lembar jawaban rolefinder. Di bawah setiap pertanyaan, ganti {skip} dengan id jawaban\n"
        "yang kamu pilih ({skip}: tidak relevan buatmu). Minimal 8 jawaban sungguhan.\n"
        "Lalu jalankan: rolefinder quiz --answers FILE-INI",
    },
    "click_usage": {"en": "Usage", "id": "Penggunaan"},
    "click_options": {"en": "Options", "id": "Opsi"},
    "click_arguments": {"en": "Arguments", "id": "Argumen"},
    "click_commands": {"en": "Commands", "id": "Perintah"},
    "click_required": {"en": "[required]", "id": "[wajib]"},
    "click_options_metavar": {"en": "[OPTIONS]", "id": "[OPSI]"},
    "click_command_metavar": {"en": "COMMAND [ARGS]...", "id": "PERINTAH [ARGUMEN]..."},
    "click_try": {
        "en": "Try '{command} {option}' for help.",
        "id": "Coba '{command} {option}' untuk bantuan.",
    },
    "click_invalid_for": {
        "en": "Invalid value for {param}: {message}",
        "id": "Nilai tidak valid untuk {param}: {message}",
    },
    "click_invalid": {"en": "Invalid value: {message}", "id": "Nilai tidak valid: {message}"},
    "click_not_one_of": {
        "en": "{value} is not one of {choices}.",
        "id": "{value} bukan salah satu dari {choices}.",
    },
    "click_not_in_range": {
        "en": "{value} is not in the range {range}.",
        "id": "{value} di luar rentang {range}.",
    },
    "click_not_integer": {
        "en": "{value} is not a valid integer.",
        "id": "{value} bukan bilangan bulat.",
    },
    "click_not_valid": {
        "en": "{value} is not a valid {kind}.",
        "id": "{value} bukan {kind} yang valid.",
    },
    "click_no_such_option": {
        "en": "No such option: {option}",
        "id": "Opsi tidak dikenal: {option}",
    },
    "click_no_such_option_hint": {
        "en": "No such option: {option} Did you mean {hint}?",
        "id": "Opsi tidak dikenal: {option} Mungkin maksudmu {hint}?",
    },
    "click_possible": {
        "en": "No such option: {option} (Possible options: {hint})",
        "id": "Opsi tidak dikenal: {option} (Opsi yang ada: {hint})",
    },
    "click_missing_argument": {
        "en": "Missing argument {name}.",
        "id": "Argumen {name} belum diisi.",
    },
    "click_missing_option": {"en": "Missing option {name}.", "id": "Opsi {name} belum diisi."},
    "click_extra": {
        "en": "Got unexpected extra argument(s) ({args})",
        "id": "Ada argumen tambahan yang tidak dikenal ({args})",
    },
    "click_extra_quotes": {
        "en": 'A role name or result code with spaces goes in quotes, as one argument: rolefinder show "head of marketing".',
        "id": 'Nama profesi atau kode hasil yang berisi spasi diapit tanda kutip, sebagai satu argumen: rolefinder show "head of marketing".',
    },
    "click_no_such_command": {"en": "No such command {name}.", "id": "Perintah {name} tidak ada."},
    "click_no_such_command_hint": {
        "en": "No such command {name}. Did you mean {hint}?",
        "id": "Perintah {name} tidak ada. Mungkin maksudmu {hint}?",
    },
    "click_needs_value": {
        "en": "Option {option} requires an argument.",
        "id": "Opsi {option} perlu diberi nilai.",
    },
    "click_takes_no_value": {
        "en": "Option {option} does not take a value.",
        "id": "Opsi {option} tidak menerima nilai.",
    },
    "click_missing_command": {"en": "Missing command.", "id": "Perintah belum diberikan."},
    "click_too_small": {
        "en": "{value} is less than {least}.",
        "id": "{value} kurang dari {least}.",
    },
    "unknown_lang": {
        "en": "{env}={value} is not a language rolefinder has (en, id); using English.",
        "id": "{env}={value} bukan bahasa yang tersedia (en, id); memakai bahasa Inggris.",
    },
    # --- examples at the end of each command's --help
    "examples": {"en": "Examples", "id": "Contoh"},
    # Lines starting with "#" say what the command line after them does. Every example runs
    # as shown (tests/test_help.py): the result codes are the personas' graphic designer and
    # analyst (tests/personas.py), taken in the help's language, and change with the catalogue.
    "examples_app": {
        "en": "# Take the quiz (arrow keys and Enter)\n"
        "rolefinder quiz\n"
        "# The quiz in Indonesian, with numbered choices to type\n"
        "rolefinder --lang id quiz --plain\n"
        "# The creative roles, then one role in full\n"
        "rolefinder roles --trait creative\n"
        "rolefinder show social-media-analyst",
        "id": "# Ikuti kuisnya (tombol panah dan Enter)\n"
        "rolefinder quiz\n"
        "# Kuis dalam bahasa Indonesia, dengan pilihan bernomor untuk diketik\n"
        "rolefinder --lang id quiz --plain\n"
        "# Profesi bertipe kreatif, lalu satu profesi selengkapnya\n"
        "rolefinder roles --trait creative\n"
        "rolefinder show social-media-analyst",
    },
    "examples_quiz": {
        "en": "rolefinder quiz\n"
        "# Numbered choices to type, in Indonesian\n"
        "rolefinder quiz --plain --lang id\n"
        "# On paper: print an answer sheet, fill it in, then score it and save the result as a "
        "web page\n"
        "rolefinder questions --template > answers.yaml\n"
        "rolefinder quiz --answers answers.yaml --save result.html",
        "id": "rolefinder quiz\n"
        "# Pilihan bernomor untuk diketik, dalam bahasa Indonesia\n"
        "rolefinder quiz --plain --lang id\n"
        "# Di atas kertas: cetak lembar jawaban, isi, lalu hitung hasilnya dan simpan sebagai "
        "halaman web\n"
        "rolefinder questions --template > jawaban.yaml\n"
        "rolefinder quiz --answers jawaban.yaml --save hasil.html",
    },
    "examples_result": {
        "en": "# A result again, with the reasons for each role\n"
        "rolefinder result --explain 5C30-S97C-B002-8ZDW-G3B0-9TKA-9HC7-1\n"
        "# The same result as JSON, for another program\n"
        "rolefinder result --json 5C30-S97C-B002-8ZDW-G3B0-9TKA-9HC7-1",
        "id": "# Lihat lagi sebuah hasil, beserta alasan untuk setiap profesi\n"
        "rolefinder result --explain 5C30-S97C-B102-8ZDW-G3B0-9TKA-9HC0-9\n"
        "# Hasil yang sama dalam format JSON, untuk program lain\n"
        "rolefinder result --json 5C30-S97C-B102-8ZDW-G3B0-9TKA-9HC0-9",
    },
    "examples_schema": {
        "en": "# Save it where your editor can use it to check a catalogue as you type\n"
        "rolefinder schema > roles.schema.json",
        "id": "# Simpan di tempat yang bisa dipakai editor untuk memeriksa katalog selagi kamu "
        "mengetik\n"
        "rolefinder schema > roles.schema.json",
    },
    "examples_roles": {
        "en": "rolefinder roles\n"
        "# The analytical roles open to beginners\n"
        "rolefinder roles --trait analytical --level entry\n"
        "rolefinder roles --json",
        "id": "rolefinder roles\n"
        "# Profesi bertipe analitis di level junior\n"
        "rolefinder roles --trait analytical --level entry\n"
        "rolefinder roles --json",
    },
    "examples_show": {
        "en": "rolefinder show social-media-analyst\n"
        "# A role by its name, in Indonesian\n"
        'rolefinder show "graphic designer" --lang id',
        "id": "rolefinder show social-media-analyst\n"
        "# Profesi yang dicari dengan namanya, dalam bahasa Indonesia\n"
        'rolefinder show "graphic designer" --lang id',
    },
    "examples_validate": {
        "en": "# Your own catalogue, before you use it with --catalogue\n"
        "rolefinder validate my-roles.yaml\n"
        "# The catalogue in use, with the simulated-respondent audit\n"
        "rolefinder validate --audit",
        "id": "# Katalog buatanmu sendiri, sebelum dipakai dengan --catalogue\n"
        "rolefinder validate katalogku.yaml\n"
        "# Katalog yang sedang dipakai, beserta audit dengan responden simulasi\n"
        "rolefinder validate --audit",
    },
    "examples_questions": {
        "en": "rolefinder questions\n"
        "rolefinder questions --json\n"
        "# An answer sheet to fill in, for 'rolefinder quiz --answers'\n"
        "rolefinder questions --template > answers.yaml\n"
        "# A script that builds the Google Form for a class (in Indonesian)\n"
        "rolefinder questions --form google --lang id > form.gs",
        "id": "rolefinder questions\n"
        "rolefinder questions --json\n"
        "# Lembar jawaban untuk diisi, untuk 'rolefinder quiz --answers'\n"
        "rolefinder questions --template > jawaban.yaml\n"
        "# Skrip yang membuat Google Form untuk satu kelas (dalam bahasa Indonesia)\n"
        "rolefinder questions --form google --lang id > formulir.gs",
    },
    "examples_history": {
        "en": "rolefinder history\n"
        "rolefinder history --all\n"
        "rolefinder history --json --limit 5\n"
        "# Delete every saved result (it asks first)\n"
        "rolefinder history --forget",
        "id": "rolefinder history\n"
        "rolefinder history --all\n"
        "rolefinder history --json --limit 5\n"
        "# Hapus semua hasil tersimpan (ada pertanyaan dulu)\n"
        "rolefinder history --forget",
    },
    "examples_compare": {
        "en": "# Your first saved result and your last one (numbers as 'rolefinder history' "
        "lists them)\n"
        "rolefinder compare 1 last\n"
        "# Your last result and a friend's, from their result code\n"
        "rolefinder compare last 5C30-S97C-B009-3XQJ-GDFE-SA2H-N8DG-7\n"
        "# Two result codes, as JSON\n"
        "rolefinder compare --json 5C30-S97C-B002-8ZDW-G3B0-9TKA-9HC7-1 5C30-S97C-B009-3XQJ-GDFE-SA2H-N8DG-7",
        "id": "# Hasil tersimpanmu yang pertama dan yang terakhir (nomornya seperti yang "
        "ditampilkan 'rolefinder history')\n"
        "rolefinder compare 1 last\n"
        "# Hasil terakhirmu dan hasil temanmu, dari kode hasilnya\n"
        "rolefinder compare last 5C30-S97C-B109-3XQJ-GDFE-SA2H-N8DQ-F\n"
        "# Dua kode hasil, dalam format JSON\n"
        "rolefinder compare --json 5C30-S97C-B102-8ZDW-G3B0-9TKA-9HC0-9 5C30-S97C-B109-3XQJ-GDFE-SA2H-N8DQ-F",
    },
    # catalogue problems, shown as SOURCE:LINE:COLUMN: path: message. Field names, ids, paths
    # and values from the file stay as written; problem_kind_... and the like are words inside
    # other problems.
    "problem_kind_mapping": {"en": "a mapping", "id": "mapping"},
    "problem_kind_list": {"en": "a list", "id": "list"},
    "problem_kind_text": {"en": "a text", "id": "teks"},
    "problem_kind_bool": {"en": "true/false", "id": "true/false"},
    "problem_kind_date": {"en": "a date", "id": "tanggal"},
    "problem_kind_empty": {"en": "empty", "id": "kosong"},
    "problem_kind_int": {"en": "a number", "id": "angka"},
    "problem_kind_float": {"en": "a number", "id": "angka"},
    "problem_kind_other": {"en": "a {name}", "id": "nilai {name}"},
    "problem_lang_en": {"en": "English", "id": "Inggris"},
    "problem_lang_id": {"en": "Indonesian", "id": "Indonesia"},
    "problem_item_trait": {"en": "trait", "id": "tipe"},
    "problem_item_role": {"en": "role", "id": "profesi"},
    "problem_item_question": {"en": "question", "id": "pertanyaan"},
    "problem_item_option": {"en": "option", "id": "pilihan"},
    "problem_expected_mapping": {
        "en": "expected a mapping, found {kind}",
        "id": "seharusnya berupa mapping, tetapi isinya {kind}",
    },
    "problem_unknown_field": {
        "en": "unknown field '{field}' (allowed: {allowed})",
        "id": "field '{field}' tidak dikenal (yang boleh: {allowed})",
    },
    "problem_missing_field": {
        "en": "missing required field {names}",
        "id": "field wajib {names} belum ada",
    },
    "problem_missing_fields": {
        "en": "missing required fields {names}",
        "id": "field wajib {names} belum ada",
    },
    "problem_expected_text": {
        "en": "expected a text, found {kind} ({value}); put it in quotes",
        "id": "seharusnya berupa teks, tetapi isinya {kind} ({value}); apit dengan tanda kutip",
    },
    "problem_empty": {"en": "must not be empty", "id": "tidak boleh kosong"},
    "problem_control_character": {
        "en": "contains the invisible or control character U+{code}; such characters (escape sequences, bidi overrides, zero-width spaces) could take over the terminal or hide text, so remove it",
        "id": "berisi karakter tak terlihat atau karakter kontrol U+{code}; karakter seperti ini (escape sequence, pembalik arah teks, spasi lebar nol) bisa mengambil alih terminal atau menyembunyikan teks, jadi hapus karakter itu",
    },
    "problem_bad_id": {
        "en": "'{id}' is not a valid id: use lower-case letters, digits and hyphens",
        "id": "'{id}' bukan id yang valid: pakai huruf kecil, angka, dan tanda hubung",
    },
    "problem_no_text": {
        "en": "needs an English (en) or Indonesian (id) text, or both",
        "id": "perlu teks bahasa Inggris (en) atau bahasa Indonesia (id), atau keduanya",
    },
    "problem_one_language": {
        "en": "only in {have}; {lacking} readers will see the {have} text",
        "id": "hanya dalam bahasa {have}; pembaca berbahasa {lacking} akan melihat teks bahasa {have}",
    },
    "problem_expected_number": {
        "en": "expected a number, found {kind} ({value})",
        "id": "seharusnya berupa angka, tetapi isinya {kind} ({value})",
    },
    "problem_bad_number": {
        "en": "must be a finite number of 0 or more, found {value}",
        "id": "harus berupa angka terhingga, 0 atau lebih, tetapi isinya {value}",
    },
    "problem_expected_list": {
        "en": "expected a list, found {kind}",
        "id": "seharusnya berupa list, tetapi isinya {kind}",
    },
    "problem_too_few_items": {
        "en": "needs at least {need} item(s), found {found}",
        "id": "perlu minimal {need} item, tetapi hanya ada {found}",
    },
    "problem_expected_weights": {
        "en": "expected a mapping of trait id to number, found {kind}",
        "id": "seharusnya berupa mapping dari id tipe ke angka, tetapi isinya {kind}",
    },
    "problem_unknown_trait": {
        "en": "unknown trait '{trait}' (known: {known})",
        "id": "tipe '{trait}' tidak dikenal (yang ada: {known})",
    },
    "problem_duplicate_id": {
        "en": "duplicate {what} id '{id}'",
        "id": "id {what} '{id}' muncul lebih dari sekali",
    },
    "problem_unknown_role": {"en": "unknown role '{role}'", "id": "profesi '{role}' tidak dikenal"},
    "problem_related_to_itself": {
        "en": "a role cannot be related to itself",
        "id": "sebuah profesi tidak bisa terkait dengan dirinya sendiri",
    },
    "problem_one_of_kind": {
        "en": "only one question may be of kind {kind}",
        "id": "hanya boleh ada satu pertanyaan dengan kind {kind}",
    },
    "problem_one_of": {"en": "must be one of {allowed}", "id": "harus salah satu dari {allowed}"},
    "problem_one_of_found": {
        "en": "must be one of {allowed}, found {value}",
        "id": "harus salah satu dari {allowed}, tetapi isinya {value}",
    },
    "problem_zero_profile": {
        "en": "needs at least one trait with a weight above 0",
        "id": "perlu minimal satu tipe dengan bobot di atas 0",
    },
    "problem_bad_min": {
        "en": "expected a whole number of 0 or more, found {value}",
        "id": "seharusnya bilangan bulat 0 atau lebih, tetapi isinya {value}",
    },
    "problem_bad_max": {
        "en": "expected a whole number of at least {low}, found {value}",
        "id": "seharusnya bilangan bulat minimal {low}, tetapi isinya {value}",
    },
    "problem_reserved_id": {
        "en": "'{id}' is reserved; choose another option id",
        "id": "'{id}' adalah id khusus; pilih id pilihan yang lain",
    },
    "problem_stopped": {
        "en": "stopped reading after {count} problems; fix these first",
        "id": "berhenti membaca setelah {count} masalah; perbaiki yang ini dulu",
    },
    "problem_key_not_text": {
        "en": "keys must be plain text, found {value}",
        "id": "kunci harus berupa teks biasa, tetapi isinya {value}",
    },
    "problem_key_container": {
        "en": "keys must be plain text, not a list or mapping",
        "id": "kunci harus berupa teks biasa, bukan list atau mapping",
    },
    "problem_duplicate_key": {
        "en": "duplicate key '{name}' (first on line {line}); YAML would silently keep only the last one: merge or rename them",
        "id": "kunci '{name}' muncul lebih dari sekali (pertama di baris {line}); YAML diam-diam hanya akan menyimpan yang terakhir: gabungkan atau ganti namanya",
    },
    "problem_one_document": {
        "en": "only one YAML document is allowed; remove the '---' and what follows",
        "id": "hanya boleh ada satu dokumen YAML; hapus '---' dan semua yang ada sesudahnya",
    },
    "problem_alias": {
        "en": "aliases (*{anchor}) are not allowed: they let a small file expand into a huge one (an 'alias bomb'); write the value out in full",
        "id": "alias (*{anchor}) tidak diizinkan: alias bisa membuat file kecil membengkak jadi sangat besar ('alias bomb'); tulis nilainya secara lengkap",
    },
    "problem_anchor": {
        "en": "anchors (&{anchor}) are not allowed; write each value out in full",
        "id": "anchor (&{anchor}) tidak diizinkan; tulis setiap nilai secara lengkap",
    },
    "problem_tag": {
        "en": "tags ({tag}) are not allowed; remove it",
        "id": "tag ({tag}) tidak diizinkan; hapus tag itu",
    },
    "problem_too_deep": {
        "en": "nested more than {depth} levels deep; no catalogue needs that",
        "id": "bersarang lebih dari {depth} tingkat; tidak ada katalog yang butuh sedalam itu",
    },
    # {problem} and {error} are PyYAML's own English text, kept as it is (quoted in Indonesian).
    "problem_yaml_syntax": {
        "en": "YAML syntax error: {problem}",
        "id": 'kesalahan sintaks YAML: "{problem}"',
    },
    "problem_yaml_invalid": {
        "en": "YAML syntax error: invalid YAML",
        "id": "kesalahan sintaks YAML: YAML tidak valid",
    },
    "problem_yaml_error": {"en": "YAML error: {error}", "id": 'kesalahan YAML: "{error}"'},
    "problem_more": {
        "en": "... and {count} more problem(s) not shown",
        "id": "... dan {count} masalah lain tidak ditampilkan",
    },
    "problem_answer_not_text": {
        "en": "the answer to '{question}' must be an option id, found {value}; put it in quotes",
        "id": "jawaban untuk '{question}' harus berupa id pilihan, tetapi isinya {value}; apit dengan tanda kutip",
    },
    "problem_not_found": {
        "en": "file not found; check the path",
        "id": "file tidak ditemukan; periksa path-nya",
    },
    "problem_is_folder": {
        "en": "is a folder, not a catalogue file",
        "id": "berupa folder, bukan file katalog",
    },
    "problem_permission": {
        "en": "cannot be read: permission denied",
        "id": "tidak bisa dibaca: akses ditolak",
    },
    "problem_unreadable": {"en": "cannot be read: {reason}", "id": "tidak bisa dibaca: {reason}"},
    "problem_too_large": {
        "en": "is larger than {limit}; no catalogue or answer sheet needs that",
        "id": "lebih besar dari {limit}; tidak ada katalog atau lembar jawaban yang butuh sebesar itu",
    },
    "problem_no_stdin": {
        "en": "standard input is closed; give the answer sheet as a file instead",
        "id": "input standar tertutup; berikan lembar jawaban sebagai file saja",
    },
    "problem_not_utf8": {
        "en": "is not UTF-8 text (bad byte at offset {offset}); save it as UTF-8",
        "id": "bukan teks UTF-8 (byte tidak valid di offset {offset}); simpan sebagai UTF-8",
    },
}

# click's own messages (English in typer's vendored click), matched whole and told again in
# the user's language: (pattern, key). Groups are values, translated in their turn.
# click's words for arguments left over (older clicks: "argument"/"arguments", typer's: "argument(s)").
EXTRA_ARGUMENTS = r"Got unexpected extra argument(?:s|\(s\))?"
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
    (EXTRA_ARGUMENTS + r" \((?P<args>.*)\)$", "click_extra"),
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
    template = MESSAGES[key][lang]
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


def json_visible(text: str) -> str:
    """JSON text with every hidden character written as a ``\\u`` escape, as JSON allows in a
    string: the same value, nothing a terminal acts on or a reader cannot see.

    json.dumps escapes only the C0 controls; DEL, the C1 controls (U+009B starts a CSI),
    bidi overrides, zero-width characters and lone surrogates it writes as they are. Outside
    strings JSON holds only spaces and the line breaks of its indent, which are kept.
    """
    if all(line.isprintable() for line in text.split("\n")):  # the usual case, decided in C
        return text
    import re
    import unicodedata

    def escaped(found: re.Match[str]) -> str:
        char = found[0]
        if unicodedata.category(char) not in HIDDEN_CATEGORIES:
            return char
        code = ord(char)
        if code > 0xFFFF:  # JSON writes it as its UTF-16 surrogate pair
            code -= 0x10000
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return f"\\u{code:04x}"

    return re.sub(r"[^\n\x20-\x7e]", escaped, text)  # what is not plain ASCII, line breaks kept


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
