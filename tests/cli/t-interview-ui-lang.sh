#!/bin/sh
# t-interview-ui-lang.sh: the screens' own text (key help, status line,
# titles, messages, and why an answer is refused) speaks the
# enumerator's language, read from the environment, while F2 switches
# only the questions. French from LANG=fr_FR.UTF-8 (a locale that need
# not be installed); Chinese from LCSURVEY_UI_LANG=zh, which wins over
# LC_ALL, at 40x12 where every line must still fit; Traditional Chinese
# from LANG=zh_TW.UTF-8; Spanish from a LANGUAGE list; English for LANG=C
# and for a language the catalogue lacks.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

SURVEY=$TOP/surveys/example.yaml

# ui_start W H ENV...: the interview on $T/db with exactly these locale
# variables (tmux_start's LC_ALL and any of the caller's are dropped).
ui_start() {
	_w=$1 _h=$2
	shift 2
	tmux_start "$_w" "$_h" env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE \
	    -u LCSURVEY_UI_LANG "$@" "'$LCSURVEY'" interview "'$SURVEY'" \
	    --db "'$T/db'"
}

# fits W: no line of the pane is wider than W display columns.
fits() {
	capture >"$T/pane"
	_max=$(LC_ALL=C.UTF-8 wc -L <"$T/pane")
	[ "$_max" -le "$1" ] || fail "a line $_max columns wide at $1"
}

# quit [PROMPT]: F10, and y once PROMPT (the confirmation an open
# interview asks for, in the screens' language) shows; the program must
# end cleanly, and the next ui_start gets a new server.
quit() {
	keys F10
	if [ $# -gt 0 ]; then
		wait_for "$1"
		keys y
	fi
	ended_ok "F10"
	tm kill-server >/dev/null 2>&1 || :
}

# --- French, from LANG -------------------------------------------------
ui_start 80 24 LANG=fr_FR.UTF-8
wait_for '^  \+ Nouvel entretien *$'
wait_for '^  Entretiens sur cet appareil \(0\) *$'
wait_for "Aucun pour l'instant : appuyez sur n pour en commencer un\\."
wait_for '^ Enter ouvrir  n nouvel entretien  r résultats  ↑↓ se déplacer'
wait_for '^ 0 partiel · 0 complet · en *$'
keys n
# The questionnaire stays in its own language (en) until F2.
answer '^   District *$'
wait_for '^ Enter sélectionner  ↑↓ se déplacer  1-2 choisir  F8 ne sait pas'
wait_for '^ question 1 sur 7 · Identification · en *$'
keys 7
wait_for '^   aucun choix ne porte le numéro 7 *$'
keys 1
answer '^   Enumeration area number *$'
wait_for '› +de 1 à 9999 *$'
wait_for '^ question 2 sur 7 · Identification · en *$'
# The engine refuses in the screens' language too, not the questions'.
send_text abc
keys Enter
wait_for "^   « abc » n'est pas un nombre entier *\$"
keys C-u 0 Enter
wait_for '^   la réponse doit être supérieure ou égale à 1 *$'
keys C-u
# F2: the questions in French, the furniture as it was.
keys F2
wait_for '^   Numéro de la zone de dénombrement *$'
wait_for '^ question 2 sur 7 · Identification · fr *$'
wait_for '^ Enter valider  PgUp retour  F4 relire  F2 langue  F10 quitter'
keys F10
wait_for "^ Quitter \\? L'entretien reste partiel et pourra être repris\\. y/n"
keys n
keys F4
wait_for '^ Relecture · Enquête exemple de ville apprenante +partiel *$'
wait_for '^ relecture · 1 sur 6 répondues · 4 obligatoires sans réponse · fr'
keys p
wait_for '^ entretien enregistré comme partiel *$'
wait_for '^  Ménage +Grappe +Début +Statut +Réponses *$'
wait_for '^  — +— +[0-9-]+ [0-9:]+ +partiel +[0-9]+ *$'
quit

# --- Chinese, from LCSURVEY_UI_LANG over LC_ALL, at 40x12 --------------
ui_start 40 12 LC_ALL=C.UTF-8 LANG=fr_FR.UTF-8 LCSURVEY_UI_LANG=zh
wait_for '^  \+ 新访谈 *$'
wait_for '^  本设备上的访谈（1） *$'
wait_for '^  住户 +状态 +答案数 *$'
# The status column is as wide as its widest word, the number flush
# right under its heading.
wait_for '^  — {10}未完成 {11}[0-9] *$'
wait_for '^ Enter 打开  n 新访谈  r 结果  ↑↓ 移动 *$'
wait_for '^ F2 语言  F10 退出 *$'
wait_for '^ 1 个未完成 · 0 个已完成 · en *$'
fits 40
keys n
answer '^ District *$'
wait_for '^ ›  1  North *$'
wait_for '^ Enter 选定  ↑↓ 移动  1-2 选择 *$'
wait_for '^ F8 不知道  F9 拒绝回答  PgUp 返回 *$'
wait_for '^ 第 1/7 题 · Identification · en *$'
fits 40
keys 1
answer '^ Enumeration area number *$'
wait_for '^ › +1 至 9999 *$'
send_text x
keys Enter
wait_for '^ “x”不是整数 *$'
keys C-u
wait_for '^ Enter 提交  PgUp 返回  F4 核对 *$'
fits 40
quit '^ 退出？访谈保存为未完成，可继续。y/n *$'

# --- Traditional Chinese, from a Taiwan locale ------------------------
rm -f "$T/db" "$T/db-wal" "$T/db-shm"
ui_start 80 24 LANG=zh_TW.UTF-8
wait_for '^  \+ 新訪談 *$'
wait_for '^  還沒有訪談：按 n 開始一個。 *$'
keys n
answer '^   District *$'
wait_for '^ 第 1/7 題 · Identification · en *$'
quit '^ 退出？訪談儲存為未完成，可繼續。y/n *$'

# --- Spanish, from LANGUAGE's list over LANG (as gettext) -------------
rm -f "$T/db" "$T/db-wal" "$T/db-shm"
ui_start 80 24 LANGUAGE=de:es:fr LANG=fr_FR.UTF-8
wait_for '^  \+ Nueva entrevista *$'
quit

# --- English: LANG=C, LC_ALL=C over LANG (and LANGUAGE), a language not
# translated, a LANGUAGE list with none --------------------------------
for env in LANG=C "LC_ALL=C.UTF-8 LANG=fr_FR.UTF-8" LANG=de_DE.UTF-8 \
    "LC_MESSAGES=POSIX LANG=es_ES.UTF-8" "LANGUAGE=fr LC_ALL=C.UTF-8" \
    "LANGUAGE=de:it LANG=fr_FR.UTF-8"; do
	rm -f "$T/db" "$T/db-wal" "$T/db-shm"
	# shellcheck disable=SC2086 # several assignments in one word
	ui_start 80 24 $env
	wait_for '^  \+ New interview *$'
	wait_for '^ Enter open  n new interview  r results  ↑↓ move  F2 language'
	wait_for '^ 0 partial · 0 complete · en *$'
	keys n
	answer '^   District *$'
	wait_for '^ question 1 of 7 · Identification · en *$'
	wait_for '^ Enter select  ↑↓ move  1-2 choose  F8 don.t know  F9 refused'
	quit 'Quit\? The interview stays partial and can be continued\. y/n'
done
echo "ok: the screens speak the enumerator's language"
