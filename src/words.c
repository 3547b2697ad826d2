/*
 * words.c: the catalogue of lcsurvey's own text, one row a message with
 * its five translations side by side, so that a missing or stale
 * translation shows when the row is read (and test_words checks that
 * every row has all five, with the same placeholders).
 */
#include "words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ZH is Simplified Chinese, ZH_HANT Traditional (Taiwan's usage, from
 * OpenCC's s2twp, then read through). */
enum { EN, FR, ES, ZH, ZH_HANT, NLANGS };

static const char *const lang_codes[NLANGS] = { "en", "fr", "es", "zh",
	"zh-Hant" };

/* Keys' names (Enter, F2, PgUp...) are what is printed on the keyboard:
 * they stay as they are in every language. */
static const char *const words[WORDS__N][NLANGS] = {
	/* Key help. */
	[WORDS_SELECT] = { "select", "sélectionner", "seleccionar", "选定",
	    "選定" },
	[WORDS_CONFIRM] = { "confirm", "valider", "confirmar", "确认",
	    "確認" },
	[WORDS_SUBMIT] = { "submit", "valider", "registrar", "提交",
	    "提交" },
	[WORDS_CHOOSE] = { "choose", "choisir", "elegir", "选择",
	    "選擇" },
	[WORDS_MOVE] = { "move", "se déplacer", "moverse", "移动",
	    "移動" },
	[WORDS_TICK] = { "tick", "cocher", "marcar", "勾选",
	    "勾選" },
	[WORDS_BACK] = { "back", "retour", "atrás", "返回",
	    "返回" },
	[WORDS_CONTINUE] = { "continue", "continuer", "continuar", "继续",
	    "繼續" },
	[WORDS_KEEP] = { "keep answer", "garder la réponse",
	    "mantener la respuesta", "保留回答",
	    "保留回答" },
	[WORDS_NEXT] = { "next", "suivante", "siguiente", "下一题",
	    "下一題" },
	[WORDS_REVIEW] = { "review", "relire", "revisar", "核对",
	    "核對" },
	[WORDS_LANGUAGE] = { "language", "langue", "idioma", "语言",
	    "語言" },
	[WORDS_QUIT] = { "quit", "quitter", "salir", "退出",
	    "退出" },
	[WORDS_OPEN] = { "open", "ouvrir", "abrir", "打开",
	    "開啟" },
	[WORDS_NEW] = { "new interview", "nouvel entretien",
	    "nueva entrevista", "新访谈",
	    "新訪談" },
	[WORDS_RESULTS] = { "results", "résultats", "resultados", "结果",
	    "結果" },
	[WORDS_CHANGE] = { "change", "modifier", "cambiar", "修改",
	    "修改" },
	[WORDS_MARK_COMPLETE] = { "mark complete", "marquer complet",
	    "marcar completa", "标记完成",
	    "標記完成" },
	[WORDS_LEAVE_PARTIAL] = { "leave partial", "laisser partiel",
	    "dejar parcial", "保存为未完成",
	    "儲存為未完成" },
	[WORDS_BACK_TO_LIST] = { "back to the list", "retour à la liste",
	    "volver a la lista", "返回列表",
	    "返回列表" },
	[WORDS_CHANGE_ANSWER] = { "change the answer", "modifier la réponse",
	    "cambiar la respuesta", "修改答案",
	    "修改答案" },
	[WORDS_CANCEL] = { "cancel", "annuler", "cancelar", "取消",
	    "取消" },
	[WORDS_GROUP] = { "group", "groupe", "grupo", "分组",
	    "分組" },
	[WORDS_SCROLL] = { "scroll", "défiler", "desplazar", "滚动",
	    "捲動" },
	[WORDS_RECOMPUTE] = { "recompute", "recalculer", "recalcular",
	    "重新计算",
	    "重新計算" },

	/* Answers that are not values, and interview statuses. */
	[WORDS_DONT_KNOW] = { "don't know", "ne sait pas", "no sabe",
	    "不知道",
	    "不知道" },
	[WORDS_REFUSED] = { "refused", "refus", "no responde", "拒绝回答",
	    "拒絕回答" },
	[WORDS_PARTIAL] = { "partial", "partiel", "parcial", "未完成",
	    "未完成" },
	[WORDS_COMPLETE] = { "complete", "complet", "completa", "已完成",
	    "已完成" },
	[WORDS_ABANDONED] = { "abandoned", "abandonné", "abandonada",
	    "已放弃",
	    "已放棄" },

	/* The whole program. */
	[WORDS_TOO_SMALL] = { "window too small", "fenêtre trop petite",
	    "ventana demasiado pequeña", "窗口太小",
	    "視窗太小" },
	[WORDS_QUIT_CONFIRM] = {
	    "Quit? The interview stays partial and can be continued. y/n",
	    "Quitter ? L'entretien reste partiel et pourra être repris. y/n",
	    "¿Salir? La entrevista queda parcial y se podrá continuar. y/n",
	    "退出？访谈保存为未完成，可继续。y/n",
	    "退出？訪談儲存為未完成，可繼續。y/n" },
	[WORDS_ONE_LANGUAGE] = { "this questionnaire has one language",
	    "ce questionnaire n'a qu'une langue",
	    "este cuestionario tiene un solo idioma", "此问卷只有一种语言",
	    "此問卷只有一種語言" },
	[WORDS_LANG_NOT_RECORDED] = { "the language could not be recorded: {1}",
	    "la langue n'a pas pu être enregistrée : {1}",
	    "no se pudo registrar el idioma: {1}", "无法记录语言：{1}",
	    "無法記錄語言：{1}" },
	[WORDS_MEMBER] = { "member {1}", "membre {1}", "miembro {1}",
	    "成员 {1}",
	    "成員 {1}" },
	[WORDS_CANNOT_START] = { "cannot start an interview: {1}",
	    "impossible de commencer un entretien : {1}",
	    "no se puede empezar una entrevista: {1}", "无法开始访谈：{1}",
	    "無法開始訪談：{1}" },

	/* Question screen. */
	[WORDS_QUESTION_N] = { "question {1} of {2}", "question {1} sur {2}",
	    "pregunta {1} de {2}", "第 {1}/{2} 题",
	    "第 {1}/{2} 題" },
	[WORDS_MEMBER_N] = { "member {1} of {2}", "membre {1} sur {2}",
	    "miembro {1} de {2}", "成员 {1}/{2}",
	    "成員 {1}/{2}" },
	[WORDS_QUESTIONS_ABOUT] = { "Questions about: {1}",
	    "Questions sur : {1}", "Preguntas sobre: {1}",
	    "以下问题关于：{1}",
	    "以下問題關於：{1}" },
	[WORDS_PRESS_ENTER] = { "Press Enter to continue",
	    "Appuyez sur Enter pour continuer", "Pulse Enter para continuar",
	    "按 Enter 继续",
	    "按 Enter 繼續" },
	[WORDS_ENTER_KEEPS] = { "Enter keeps the answer",
	    "Enter garde la réponse", "Enter mantiene la respuesta",
	    "按 Enter 保留回答",
	    "按 Enter 保留回答" },
	[WORDS_ANSWER_GIVEN] = { "Answer given: {1}", "Réponse donnée : {1}",
	    "Respuesta dada: {1}", "已答：{1}",
	    "已答：{1}" },
	[WORDS_NO_DONT_KNOW] = { "\"don't know\" is not allowed for this "
	    "question", "« ne sait pas » n'est pas admis pour cette question",
	    "«no sabe» no se admite en esta pregunta",
	    "此题不允许回答“不知道”",
	    "此題不允許回答「不知道」" },
	[WORDS_NO_REFUSED] = { "\"refused\" is not allowed for this question",
	    "« refus » n'est pas admis pour cette question",
	    "«no responde» no se admite en esta pregunta",
	    "此题不允许“拒绝回答”",
	    "此題不允許「拒絕回答」" },
	[WORDS_FIRST_QUESTION] = { "this is the first question",
	    "c'est la première question", "esta es la primera pregunta",
	    "这是第一题",
	    "這是第一題" },
	[WORDS_NO_CHOICE] = { "no choice has the number {1}",
	    "aucun choix ne porte le numéro {1}",
	    "ninguna opción tiene el número {1}", "没有编号为 {1} 的选项",
	    "沒有編號為 {1} 的選項" },
	[WORDS_AT_MOST_CHARS] = { "at most {1} characters",
	    "{1} caractères au plus", "{1} caracteres como máximo",
	    "最多 {1} 个字符",
	    "最多 {1} 個字元" },
	[WORDS_NEEDS_ANSWER] = { "this question needs an answer first",
	    "cette question demande d'abord une réponse",
	    "esta pregunta necesita antes una respuesta", "请先回答此题",
	    "請先回答此題" },
	/* Dates are typed with digits in this order whatever the language;
	 * the letters say which part is which. */
	[WORDS_HINT_DATE] = { "YYYY-MM-DD", "AAAA-MM-JJ", "AAAA-MM-DD",
	    "YYYY-MM-DD",
	    "YYYY-MM-DD" },
	[WORDS_HINT_UP_TO] = { "up to {1} characters", "{1} caractères au plus",
	    "hasta {1} caracteres", "最多 {1} 个字符",
	    "最多 {1} 個字元" },
	[WORDS_HINT_RANGE] = { "{1} to {2}", "de {1} à {2}", "de {1} a {2}",
	    "{1} 至 {2}",
	    "{1} 至 {2}" },
	[WORDS_HINT_AT_LEAST] = { "at least {1}", "au moins {1}",
	    "al menos {1}", "至少 {1}",
	    "至少 {1}" },
	[WORDS_HINT_AT_MOST] = { "at most {1}", "au plus {1}",
	    "como máximo {1}", "最多 {1}",
	    "最多 {1}" },
	[WORDS_HINT_WHOLE] = { "whole number", "nombre entier",
	    "número entero", "整数",
	    "整數" },
	/* The point, not a comma: answers are read with '.' everywhere. */
	[WORDS_HINT_DECIMAL] = { "number, e.g. 2.5", "nombre, p. ex. 2.5",
	    "número, p. ej. 2.5", "数字，例如 2.5",
	    "數字，例如 2.5" },

	/* Refusals. Quotation marks as each language writes them around a
	 * quoted answer; the date's letters as in WORDS_HINT_DATE. */
	[WORDS_E_NOT_A_CHOICE] = { "'{1}' is not one of the choices",
	    "« {1} » ne fait pas partie des choix",
	    "«{1}» no es una de las opciones", "“{1}”不是可选的选项",
	    "「{1}」不是可選的選項" },
	[WORDS_E_NOT_A_CODE] = { "'{1}' is not a choice code",
	    "« {1} » n'est pas un code de choix",
	    "«{1}» no es un código de opción", "“{1}”不是选项编号",
	    "「{1}」不是選項編號" },
	[WORDS_E_YES_NO] = { "answer 1 for yes or 0 for no",
	    "répondez 1 pour oui ou 0 pour non",
	    "responda 1 para sí o 0 para no", "请回答 1（是）或 0（否）",
	    "請回答 1（是）或 0（否）" },
	[WORDS_E_NOT_UTF8] = { "the text is not valid UTF-8",
	    "le texte n'est pas de l'UTF-8 valide",
	    "el texto no es UTF-8 válido", "文本不是有效的 UTF-8",
	    "文字不是有效的 UTF-8" },
	[WORDS_E_NOT_WHOLE] = { "'{1}' is not a whole number",
	    "« {1} » n'est pas un nombre entier",
	    "«{1}» no es un número entero", "“{1}”不是整数",
	    "「{1}」不是整數" },
	[WORDS_E_NOT_NUMBER] = { "'{1}' is not a number (use '.' for "
	    "decimals)", "« {1} » n'est pas un nombre (utilisez « . » pour "
	    "les décimales)", "«{1}» no es un número (use «.» para los "
	    "decimales)", "“{1}”不是数字（小数点请用“.”）",
	    "「{1}」不是數字（小數點請用「.」）" },
	[WORDS_E_NOT_DATE] = { "'{1}' is not a date (use YYYY-MM-DD)",
	    "« {1} » n'est pas une date (utilisez AAAA-MM-JJ)",
	    "«{1}» no es una fecha (use AAAA-MM-DD)",
	    "“{1}”不是日期（格式为 YYYY-MM-DD）",
	    "「{1}」不是日期（格式為 YYYY-MM-DD）" },
	[WORDS_E_TAKES_NONE] = { "this question takes no answer",
	    "cette question n'attend pas de réponse",
	    "esta pregunta no admite respuesta", "此题无需作答",
	    "此題無需作答" },
	[WORDS_E_AT_END] = { "the interview is at its end",
	    "l'entretien est arrivé à sa fin",
	    "la entrevista ha llegado al final", "访谈已到结尾",
	    "訪談已到結尾" },
	[WORDS_E_AT_LEAST] = { "the answer must be at least {1}",
	    "la réponse doit être supérieure ou égale à {1}",
	    "la respuesta debe ser como mínimo {1}", "答案不能小于 {1}",
	    "答案不能小於 {1}" },
	[WORDS_E_AT_MOST] = { "the answer must be at most {1}",
	    "la réponse doit être inférieure ou égale à {1}",
	    "la respuesta debe ser como máximo {1}", "答案不能大于 {1}",
	    "答案不能大於 {1}" },
	[WORDS_E_NO_DONT_KNOW] = { "\"don't know\" is not allowed here",
	    "« ne sait pas » n'est pas admis ici",
	    "«no sabe» no se admite aquí", "此处不允许回答“不知道”",
	    "此處不允許回答「不知道」" },
	[WORDS_E_NO_REFUSED] = { "\"refused\" is not allowed here",
	    "« refus » n'est pas admis ici",
	    "«no responde» no se admite aquí", "此处不允许“拒绝回答”",
	    "此處不允許「拒絕回答」" },
	[WORDS_E_REQUIRED] = { "an answer is required",
	    "une réponse est obligatoire", "la respuesta es obligatoria",
	    "此题必须作答",
	    "此題必須作答" },
	[WORDS_E_TOO_LONG] = { "the answer is longer than {1} characters",
	    "la réponse dépasse {1} caractères",
	    "la respuesta tiene más de {1} caracteres",
	    "答案超过 {1} 个字符",
	    "答案超過 {1} 個字元" },
	[WORDS_E_INCONSISTENT] = {
	    "the answer is not consistent with earlier answers",
	    "la réponse n'est pas cohérente avec les réponses précédentes",
	    "la respuesta no es coherente con las respuestas anteriores",
	    "答案与之前的回答不一致",
	    "答案與之前的回答不一致" },
	[WORDS_E_UNUSUAL] = {
	    "this answer is unusual; confirm it or correct it",
	    "cette réponse est inhabituelle : confirmez-la ou corrigez-la",
	    "esta respuesta es inusual: confírmela o corríjala",
	    "此答案不同寻常，请确认或更正",
	    "此答案不同尋常，請確認或更正" },
	[WORDS_E_UNSAVED] = { "the answer could not be saved",
	    "la réponse n'a pas pu être enregistrée",
	    "no se pudo guardar la respuesta", "答案无法保存",
	    "答案無法儲存" },
	[WORDS_E_DEP_UNSAVED] = { "a dependent answer could not be saved",
	    "une réponse qui en dépend n'a pas pu être enregistrée",
	    "no se pudo guardar una respuesta que depende de esta",
	    "一个相关的答案无法保存",
	    "一個相關的答案無法儲存" },
	/* {1} is one of the two above, {2} the database file. */
	[WORDS_E_IN_FILE] = { "{1} in '{2}'", "{1} dans '{2}'",
	    "{1} en '{2}'", "{1}（文件 '{2}'）",
	    "{1}（檔案 '{2}'）" },
	/* {1} is WORDS_COMPLETE or WORDS_ABANDONED. */
	[WORDS_E_CLOSED] = { "the interview is {1}: reopen it, giving a "
	    "reason, to change an answer", "l'entretien est {1} : rouvrez-le, "
	    "en indiquant un motif, pour modifier une réponse",
	    "la entrevista está {1}: reábrala, indicando un motivo, para "
	    "cambiar una respuesta", "访谈{1}：如需修改答案，请说明原因并"
	    "重新打开",
	    "訪談{1}：如需修改答案，請說明原因並重新開啟" },
	[WORDS_E_NOTHING_PENDING] = {
	    "there is no answer waiting for confirmation",
	    "aucune réponse n'attend de confirmation",
	    "no hay ninguna respuesta pendiente de confirmación",
	    "没有待确认的答案",
	    "沒有待確認的答案" },

	/* Start screen. */
	[WORDS_COL_HOUSEHOLD] = { "Household", "Ménage", "Hogar", "住户",
	    "住戶" },
	[WORDS_COL_CLUSTER] = { "Cluster", "Grappe", "Conglomerado",
	    "抽样群",
	    "抽樣群" },
	[WORDS_COL_STARTED] = { "Started", "Début", "Inicio", "开始时间",
	    "開始時間" },
	[WORDS_COL_STATUS] = { "Status", "Statut", "Estado", "状态",
	    "狀態" },
	[WORDS_COL_ANSWERS] = { "Answers", "Réponses", "Respuestas",
	    "答案数",
	    "答案數" },
	[WORDS_NEW_INTERVIEW] = { "+ New interview", "+ Nouvel entretien",
	    "+ Nueva entrevista", "+ 新访谈",
	    "+ 新訪談" },
	[WORDS_ON_DEVICE] = { "Interviews on this device ({1})",
	    "Entretiens sur cet appareil ({1})",
	    "Entrevistas en este dispositivo ({1})", "本设备上的访谈（{1}）",
	    "本裝置上的訪談（{1}）" },
	[WORDS_NONE_YET] = { "None yet: press n to begin one.",
	    "Aucun pour l'instant : appuyez sur n pour en commencer un.",
	    "Ninguna todavía: pulse n para empezar una.",
	    "还没有访谈：按 n 开始一个。",
	    "還沒有訪談：按 n 開始一個。" },
	[WORDS_N_PARTIAL] = { "{1} partial", "{1} partiel", "{1} parcial",
	    "{1} 个未完成",
	    "{1} 個未完成" },
	[WORDS_N_PARTIAL_PL] = { "{1} partial", "{1} partiels",
	    "{1} parciales", "{1} 个未完成",
	    "{1} 個未完成" },
	[WORDS_N_COMPLETE] = { "{1} complete", "{1} complet", "{1} completa",
	    "{1} 个已完成",
	    "{1} 個已完成" },
	[WORDS_N_COMPLETE_PL] = { "{1} complete", "{1} complets",
	    "{1} completas", "{1} 个已完成",
	    "{1} 個已完成" },
	[WORDS_ENUMERATOR] = { "enumerator {1}", "enquêteur {1}",
	    "encuestador {1}", "调查员 {1}",
	    "調查員 {1}" },
	[WORDS_CANNOT_LIST] = { "cannot list the interviews: {1}",
	    "impossible de lister les entretiens : {1}",
	    "no se pueden listar las entrevistas: {1}", "无法列出访谈：{1}",
	    "無法列出訪談：{1}" },
	[WORDS_CANNOT_OPEN] = { "cannot open the interview: {1}",
	    "impossible d'ouvrir l'entretien : {1}",
	    "no se puede abrir la entrevista: {1}", "无法打开访谈：{1}",
	    "無法開啟訪談：{1}" },
	[WORDS_KEEPS_VERSION] = {
	    "this interview keeps the questionnaire version it began with",
	    "cet entretien garde la version du questionnaire de son début",
	    "esta entrevista conserva la versión del cuestionario con la que "
	    "empezó", "此访谈沿用开始时的问卷版本",
	    "此訪談沿用開始時的問卷版本" },

	/* Review and reason screens. */
	[WORDS_REVIEW_TITLE] = { "Review", "Relecture", "Revisión",
	    "核对答案",
	    "核對答案" },
	[WORDS_REVIEW_STATUS] = { "review", "relecture", "revisión", "核对",
	    "核對" },
	[WORDS_NO_ANSWER] = { "(no answer)", "(sans réponse)",
	    "(sin respuesta)", "（未回答）",
	    "（未回答）" },
	[WORDS_N_ANSWERED] = { "{1} of {2} answered", "{1} sur {2} répondues",
	    "{1} de {2} respondidas", "已答 {1}/{2}",
	    "已答 {1}/{2}" },
	[WORDS_N_MISSING] = { "{1} required without an answer",
	    "{1} obligatoire sans réponse", "{1} obligatoria sin respuesta",
	    "{1} 道必答题未答",
	    "{1} 道必答題未答" },
	[WORDS_N_MISSING_PL] = { "{1} required without an answer",
	    "{1} obligatoires sans réponse", "{1} obligatorias sin respuesta",
	    "{1} 道必答题未答",
	    "{1} 道必答題未答" },
	[WORDS_NO_LONGER_ASKED] = { "that question is no longer asked",
	    "cette question n'est plus posée", "esa pregunta ya no se hace",
	    "该题已不再询问",
	    "該題已不再詢問" },
	[WORDS_NEEDS_ANSWER_COMPLETE] = {
	    "this question needs an answer before the interview is complete",
	    "cette question demande une réponse avant que l'entretien soit "
	    "complet", "esta pregunta necesita una respuesta antes de "
	    "completar la entrevista", "完成访谈前须先回答此题",
	    "完成訪談前須先回答此題" },
	[WORDS_CANNOT_COMPLETE] = { "cannot mark the interview complete: {1}",
	    "impossible de marquer l'entretien complet : {1}",
	    "no se puede marcar la entrevista como completa: {1}",
	    "无法将访谈标记为完成：{1}",
	    "無法將訪談標記為完成：{1}" },
	[WORDS_SAVED_COMPLETE] = { "interview complete and saved",
	    "entretien complet et enregistré",
	    "entrevista completa y guardada", "访谈已完成并保存",
	    "訪談已完成並儲存" },
	[WORDS_CLOSED] = { "interview closed", "entretien fermé",
	    "entrevista cerrada", "访谈已关闭",
	    "訪談已關閉" },
	[WORDS_SAVED_PARTIAL] = { "interview saved as partial",
	    "entretien enregistré comme partiel",
	    "entrevista guardada como parcial", "访谈已保存为未完成",
	    "訪談已儲存為未完成" },
	[WORDS_REASON_TITLE] = { "Change a completed interview",
	    "Modifier un entretien terminé",
	    "Cambiar una entrevista completada", "修改已完成的访谈",
	    "修改已完成的訪談" },
	[WORDS_QUESTION_IS] = { "Question: {1}", "Question : {1}",
	    "Pregunta: {1}", "问题：{1}",
	    "問題：{1}" },
	[WORDS_ANSWER_NOW] = { "Answer now: {1}", "Réponse actuelle : {1}",
	    "Respuesta actual: {1}", "当前答案：{1}",
	    "目前答案：{1}" },
	[WORDS_WHY_COMPLETED] = {
	    "Why are you changing this completed interview?",
	    "Pourquoi modifiez-vous cet entretien terminé ?",
	    "¿Por qué cambia esta entrevista completada?",
	    "为什么要修改这份已完成的访谈？",
	    "為什麼要修改這份已完成的訪談？" },
	[WORDS_WHY_ABANDONED] = {
	    "Why are you changing this abandoned interview?",
	    "Pourquoi modifiez-vous cet entretien abandonné ?",
	    "¿Por qué cambia esta entrevista abandonada?",
	    "为什么要修改这份已放弃的访谈？",
	    "為什麼要修改這份已放棄的訪談？" },
	[WORDS_REASON_KEPT] = {
	    "The reason is kept in the interview's audit trail with every "
	    "change until it is complete again.",
	    "Le motif est gardé dans le journal d'audit de l'entretien avec "
	    "chaque modification, jusqu'à ce qu'il soit de nouveau complet.",
	    "El motivo se guarda en el registro de auditoría de la entrevista "
	    "con cada cambio, hasta que vuelva a estar completa.",
	    "在访谈再次完成之前，每次修改都会连同此原因记入访谈的审计记录。",
	    "在訪談再次完成之前，每次修改都會連同此原因記入訪談的稽核紀錄。" },
	[WORDS_REASON_STATUS] = { "reason for the change",
	    "motif de la modification", "motivo del cambio", "修改原因",
	    "修改原因" },
	[WORDS_REASON_NEEDED] = {
	    "a reason is needed to change a completed interview (Esc cancels)",
	    "un motif est nécessaire pour modifier un entretien terminé "
	    "(Esc annule)", "hace falta un motivo para cambiar una entrevista "
	    "completada (Esc cancela)", "修改已完成的访谈须说明原因（Esc 取消）",
	    "修改已完成的訪談須說明原因（Esc 取消）" },
	[WORDS_CANNOT_REOPEN] = { "cannot reopen the interview: {1}",
	    "impossible de rouvrir l'entretien : {1}",
	    "no se puede reabrir la entrevista: {1}", "无法重新打开访谈：{1}",
	    "無法重新開啟訪談：{1}" },
	[WORDS_REOPENED] = {
	    "interview reopened: mark it complete again when done",
	    "entretien rouvert : marquez-le de nouveau complet une fois fini",
	    "entrevista reabierta: márquela de nuevo como completa al terminar",
	    "访谈已重新打开：修改后请再次标记完成",
	    "訪談已重新開啟：修改後請再次標記完成" },
	[WORDS_NO_CHANGE] = { "no change: the interview stays complete",
	    "aucune modification : l'entretien reste complet",
	    "sin cambios: la entrevista sigue completa",
	    "未修改：访谈仍为已完成",
	    "未修改：訪談仍為已完成" },

	/* Results screen. "Key Feature" is UNESCO's term in each language
	 * (Key Features of Learning Cities). */
	[WORDS_RESULTS_TITLE] = { "Results", "Résultats", "Resultados",
	    "结果",
	    "結果" },
	[WORDS_TOTAL] = { "Total", "Total", "Total", "总计",
	    "總計" },
	[WORDS_GROUP_LABEL] = { "Group:", "Groupe :", "Grupo:", "分组：",
	    "分組：" },
	[WORDS_NO_KEY_FEATURE] = { "(no Key Feature)",
	    "(sans caractéristique clé)", "(sin característica clave)",
	    "（无关键特征）",
	    "（無關鍵特徵）" },
	[WORDS_BY_RATING] = { ", % by rating", ", % par note",
	    ", % por valoración", "，按评分的百分比",
	    "，按評分的百分比" },
	[WORDS_TOTAL_ONLY] = { "not broken down (Total only)",
	    "non ventilé (Total seulement)", "sin desglose (solo Total)",
	    "未细分（仅总计）",
	    "未細分（僅總計）" },
	[WORDS_NOT_BROKEN_BY] = { "not broken down by {1}",
	    "non ventilé par {1}", "sin desglose por {1}", "未按 {1} 细分",
	    "未按 {1} 細分" },
	[WORDS_NO_ESTIMATE] = { "no estimate for {1}",
	    "pas d'estimation pour {1}", "sin estimación para {1}",
	    "{1} 没有估计值",
	    "{1} 沒有估計值" },
	[WORDS_COMPUTING] = { "computing the results…",
	    "calcul des résultats…",
	    "calculando los resultados…",
	    "正在计算结果…",
	    "正在計算結果…" },
	[WORDS_NO_BREAKDOWN] = { "no indicator is broken down by group",
	    "aucun indicateur n'est ventilé par groupe",
	    "ningún indicador está desglosado por grupo",
	    "没有按分组细分的指标",
	    "沒有按分組細分的指標" },
	[WORDS_CANNOT_COMPUTE] = { "cannot compute the results: {1}",
	    "impossible de calculer les résultats : {1}",
	    "no se pueden calcular los resultados: {1}", "无法计算结果：{1}",
	    "無法計算結果：{1}" },
	[WORDS_BAD_ANSWERS] = { "{1} stored answer did not fit the "
	    "questionnaire and counted as unanswered",
	    "{1} réponse enregistrée ne correspondait pas au questionnaire et "
	    "compte comme sans réponse",
	    "{1} respuesta guardada no se ajustaba al cuestionario y cuenta "
	    "como sin responder",
	    "{1} 个已存答案与问卷不符，按未回答计",
	    "{1} 個已存答案與問卷不符，按未回答計" },
	[WORDS_BAD_ANSWERS_PL] = { "{1} stored answers did not fit the "
	    "questionnaire and counted as unanswered",
	    "{1} réponses enregistrées ne correspondaient pas au questionnaire "
	    "et comptent comme sans réponse",
	    "{1} respuestas guardadas no se ajustaban al cuestionario y "
	    "cuentan como sin responder",
	    "{1} 个已存答案与问卷不符，按未回答计",
	    "{1} 個已存答案與問卷不符，按未回答計" },
	[WORDS_N_INTERVIEWS] = { "{1} complete interview",
	    "{1} entretien complet", "{1} entrevista completa",
	    "{1} 份已完成访谈",
	    "{1} 份已完成訪談" },
	[WORDS_N_INTERVIEWS_PL] = { "{1} complete interviews",
	    "{1} entretiens complets", "{1} entrevistas completas",
	    "{1} 份已完成访谈",
	    "{1} 份已完成訪談" },
	[WORDS_CONFIDENCE] = { "95% confidence intervals",
	    "intervalles de confiance à 95 %",
	    "intervalos de confianza del 95 %", "95% 置信区间",
	    "95% 信賴區間" },
	[WORDS_FEWER_THAN] = { "† fewer than {1}",
	    "† moins de {1}", "† menos de {1}",
	    "† 少于 {1}",
	    "† 少於 {1}" },
	/* The report's scale for ratings (report.c). */
	[WORDS_MEAN_SCORE] = { "Mean score (1–5)",
	    "Note moyenne (1–5)",
	    "Puntuación media (1–5)",
	    "平均分（1–5）",
	    "平均分數（1–5）" },
	[WORDS_RATING_1] = { "1 Poor", "1 Mauvais", "1 Malo", "1 差",
	    "1 差" },
	[WORDS_RATING_2] = { "2 Fair", "2 Passable", "2 Regular", "2 一般",
	    "2 一般" },
	[WORDS_RATING_3] = { "3 Good", "3 Bon", "3 Bueno", "3 好",
	    "3 好" },
	[WORDS_RATING_4] = { "4 Very good", "4 Très bon", "4 Muy bueno",
	    "4 很好",
	    "4 很好" },
	[WORDS_RATING_5] = { "5 Excellent", "5 Excellent", "5 Excelente",
	    "5 极好",
	    "5 極好" },

	/* Kiosk, for the respondent. */
	[WORDS_K_WELCOME] = { "Welcome", "Bienvenue", "Bienvenida", "欢迎",
	    "歡迎" },
	[WORDS_K_CHOOSE_LANG] = { "Choose your language",
	    "Choisissez votre langue", "Elija su idioma", "请选择语言",
	    "請選擇語言" },
	[WORDS_K_START] = { "start", "commencer", "empezar", "开始",
	    "開始" },
	[WORDS_K_BEFORE] = { "Before you start", "Avant de commencer",
	    "Antes de empezar", "开始之前",
	    "開始之前" },
	[WORDS_K_AGREE] = { "I agree, start", "J'accepte, commencer",
	    "Acepto, empezar", "我同意，开始",
	    "我同意，開始" },
	[WORDS_K_DECLINE] = { "No, thank you", "Non merci", "No, gracias",
	    "不，谢谢",
	    "不，謝謝" },
	[WORDS_K_THANKS] = { "Thank you! Your answers have been saved.",
	    "Merci ! Vos réponses sont enregistrées.",
	    "¡Gracias! Sus respuestas se han guardado.",
	    "谢谢！您的回答已保存。",
	    "謝謝！您的回答已儲存。" },
	[WORDS_K_CLEARED] = { "The screen is now cleared for the next person.",
	    "L'écran est maintenant effacé pour la personne suivante.",
	    "La pantalla se borra ahora para la siguiente persona.",
	    "屏幕现已为下一位清空。",
	    "螢幕現已為下一位清空。" },
	[WORDS_K_DECLINED] = { "Thank you. Nothing has been recorded.",
	    "Merci. Rien n'a été enregistré.",
	    "Gracias. No se ha registrado nada.", "谢谢。没有记录任何内容。",
	    "謝謝。沒有記錄任何內容。" },
	[WORDS_K_STILL] = { "Are you still there?", "Êtes-vous toujours là ?",
	    "¿Sigue ahí?", "您还在吗？",
	    "您還在嗎？" },
	[WORDS_K_STILL_MORE] = { "Press any key to go on. Otherwise your "
	    "answers so far are saved and the screen is cleared in {1} s",
	    "Appuyez sur une touche pour continuer. Sinon, vos réponses sont "
	    "enregistrées et l'écran est effacé dans {1} s",
	    "Pulse una tecla para continuar. Si no, sus respuestas se guardan "
	    "y la pantalla se borra en {1} s",
	    "请按任意键继续。否则，您目前的回答将被保存，屏幕将在 {1} 秒后"
	    "清空",
	    "請按任意鍵繼續。否則，您目前的回答將被儲存，螢幕將在 {1} 秒後清空" },
	[WORDS_K_OK] = { "OK", "OK", "Aceptar", "确定",
	    "確定" },
	[WORDS_K_DONT_KNOW] = { "don't know", "je ne sais pas", "no sé",
	    "不知道",
	    "不知道" },
	[WORDS_K_REFUSED] = { "prefer not to say",
	    "je préfère ne pas répondre", "prefiero no responder",
	    "不愿回答",
	    "不願回答" },
	[WORDS_K_QUESTION_N] = { "Question {1} / {2}", "Question {1} / {2}",
	    "Pregunta {1} / {2}", "问题 {1} / {2}",
	    "問題 {1} / {2}" },
	/* A save failed (full disk...): the details are for the staff. */
	[WORDS_K_NOT_SAVED] = {
	    "Your answer could not be saved. Please ask staff for help.",
	    "Réponse non enregistrée. Demandez de l'aide au personnel.",
	    "No se pudo guardar la respuesta. Pida ayuda al personal.",
	    "您的回答未能保存，请向工作人员求助。",
	    "您的回答未能儲存，請向工作人員求助。" },

	/* Kiosk, for staff. */
	[WORDS_S_STAFF_ONLY] = { "Staff only", "Réservé au personnel",
	    "Solo personal", "仅限工作人员",
	    "僅限工作人員" },
	[WORDS_S_TRY_AGAIN] = { "Try again in {1} s", "Réessayez dans {1} s",
	    "Vuelva a intentarlo en {1} s", "请在 {1} 秒后重试",
	    "請在 {1} 秒後重試" },
	[WORDS_S_PIN] = { "PIN:", "PIN :", "PIN:", "PIN：",
	    "PIN：" },
	[WORDS_S_PIN_KEYS] = { "Enter: confirm   Esc: back",
	    "Enter : valider   Esc : retour", "Enter: confirmar   Esc: volver",
	    "Enter：确认   Esc：返回",
	    "Enter：確認   Esc：返回" },
	[WORDS_S_MENU] = { "Staff menu", "Menu du personnel",
	    "Menú del personal", "工作人员菜单",
	    "工作人員選單" },
	[WORDS_S_TODAY] = { "Today's interviews on this terminal's database",
	    "Entretiens du jour dans la base de ce terminal",
	    "Entrevistas de hoy en la base de datos de este terminal",
	    "本终端数据库中今天的访谈",
	    "本終端資料庫中今天的訪談" },
	[WORDS_S_COMPLETED] = { "completed", "terminés", "completadas",
	    "已完成",
	    "已完成" },
	[WORDS_S_ABANDONED] = { "abandoned", "abandonnés", "abandonadas",
	    "已放弃",
	    "已放棄" },
	[WORDS_S_IN_PROGRESS] = { "in progress", "en cours", "en curso",
	    "进行中",
	    "進行中" },
	[WORDS_S_CANNOT_COUNT] = { "cannot count: {1}",
	    "comptage impossible : {1}", "no se puede contar: {1}",
	    "无法统计：{1}",
	    "無法統計：{1}" },
	[WORDS_S_FAULT] = { "last failure to save: {1}",
	    "dernier échec d'enregistrement : {1}",
	    "último fallo al guardar: {1}", "最近一次保存失败：{1}",
	    "最近一次儲存失敗：{1}" },
	[WORDS_S_BACK] = { "back to the kiosk", "retour au kiosque",
	    "volver al quiosco", "返回自助终端",
	    "返回自助終端" },
	[WORDS_S_AFRESH] = { "start afresh for the next person",
	    "repartir de zéro pour la personne suivante",
	    "empezar de nuevo para la siguiente persona", "为下一位重新开始",
	    "為下一位重新開始" },
	[WORDS_S_EXIT] = { "exit the kiosk", "quitter le kiosque",
	    "salir del quiosco", "退出自助终端",
	    "退出自助終端" },
	[WORDS_S_EITHER] = {
	    "Either saves an interview in progress as abandoned.",
	    "L'un comme l'autre enregistre un entretien en cours comme "
	    "abandonné.", "Ambas opciones guardan una entrevista en curso "
	    "como abandonada.", "两者都会把进行中的访谈保存为已放弃。",
	    "兩者都會把進行中的訪談儲存為已放棄。" },
	[WORDS_S_CHOICES] = { "1, 2 or 9", "1, 2 ou 9", "1, 2 o 9",
	    "1、2 或 9",
	    "1、2 或 9" },
	[WORDS_S_WRONG_PIN] = { "Wrong PIN ({1} in a row)",
	    "PIN erroné (échecs de suite : {1})",
	    "PIN incorrecto (fallos seguidos: {1})",
	    "PIN 错误（连续 {1} 次）",
	    "PIN 錯誤（連續 {1} 次）" },
};

/* Names of languages the catalogue lacks, for the kiosk's welcome list:
 * a questionnaire may well be in them. */
static const char *const other_names[][2] = {
	{ "ar", "العربية" }, { "de", "Deutsch" }, { "pt", "Português" },
	{ "ru", "Русский" }, { "it", "Italiano" }, { "ja", "日本語" },
	{ "ko", "한국어" }, { "sw", "Kiswahili" }, { "hi", "हिन्दी" },
	{ "tr", "Türkçe" }, { "nl", "Nederlands" }, { "id", "Bahasa Indonesia" },
	{ "vi", "Tiếng Việt" }, { "fa", "فارسی" }, { "uk", "Українська" },
	{ "pl", "Polski" }, { "el", "Ελληνικά" }, { "th", "ไทย" },
};

static const char *const own_names[NLANGS] = { "English", "Français",
	"Español", "中文", "繁體中文" };

int
words_nlangs(void)
{
	return NLANGS;
}

/* "fr-CA", "fr_FR.UTF-8", "FR@euro" are all base "fr". */
static int
same_base(const char *code, const char *base)
{
	size_t n = strlen(base), i;

	for (i = 0; i < n; i++)
		if (code[i] == '\0' || (code[i] | 0x20) != base[i])
			return 0;
	return code[n] == '\0' || strchr("_.-@", code[n]) != NULL;
}

/* A script or region after "zh" that writes Traditional characters:
 * zh-Hant, zh_TW.UTF-8, zh-HK, zh-Hant-MO... */
static int
traditional(const char *code)
{
	static const char *const tags[] = { "hant", "tw", "hk", "mo" };
	const char *t = code + 3;
	size_t i, n;

	if (!same_base(code, "zh") || code[2] == '\0')
		return 0;
	for (i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		n = strlen(tags[i]);
		if (strncasecmp(t, tags[i], n) == 0 &&
		    (t[n] == '\0' || strchr("_.-@", t[n]) != NULL))
			return 1;
	}
	return 0;
}

/* The catalogue's language for a code, -1 if it has none. */
static int
known(const char *code)
{
	int i;

	if (traditional(code))
		return ZH_HANT;
	for (i = 0; i < ZH_HANT; i++)
		if (same_base(code, lang_codes[i]))
			return i;
	return -1;
}

int
words_lang(const char *code)
{
	int l = code != NULL ? known(code) : -1;

	return l >= 0 ? l : EN;
}

/* The C library's untranslated locales, in which LANGUAGE is ignored. */
static int
c_locale(const char *name)
{
	return strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strncmp(name, "C.", 2) == 0;
}

/* The first language of a LANGUAGE list ("fr_CA:fr:en") the catalogue
 * has; -1 if none. */
static int
pick_from_list(const char *list)
{
	char code[64];
	size_t n;
	int l;

	while (*list != '\0') {
		n = strcspn(list, ":");
		if (n > 0 && n < sizeof code) {
			memcpy(code, list, n);
			code[n] = '\0';
			if ((l = known(code)) >= 0)
				return l;
		}
		list += n;
		list += *list == ':';
	}
	return -1;
}

int
words_pick(const char *ui_lang, const char *language, const char *lc_all,
    const char *lc_messages, const char *lang)
{
	const char *const order[] = { lc_all, lc_messages, lang };
	const char *locale = NULL;
	size_t i;
	int l;

	if (ui_lang != NULL && ui_lang[0] != '\0')
		return words_lang(ui_lang);
	for (i = 0; i < sizeof order / sizeof order[0] && locale == NULL; i++)
		if (order[i] != NULL && order[i][0] != '\0')
			locale = order[i];
	if (locale == NULL)
		return EN;
	/* As gettext: the LANGUAGE list, when the locale is not C, and
	 * English when no language in it is known (the locale's own is not
	 * tried: the user listed what they read). */
	if (language != NULL && language[0] != '\0' && !c_locale(locale))
		return (l = pick_from_list(language)) >= 0 ? l : EN;
	return words_lang(locale);
}

int
words_env_lang(void)
{
	return words_pick(getenv("LCSURVEY_UI_LANG"), getenv("LANGUAGE"),
	    getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
}

const char *
words_code(int lang)
{
	return lang_codes[lang >= 0 && lang < NLANGS ? lang : EN];
}

const char *
words_get(int lang, enum words_id w)
{
	const char *s;

	if (w < 0 || w >= WORDS__N)
		return "";
	if (lang < 0 || lang >= NLANGS)
		lang = EN;
	s = words[w][lang];
	return s != NULL ? s : words[w][EN] != NULL ? words[w][EN] : "";
}

int
words_has(int lang, enum words_id w)
{
	return lang >= 0 && lang < NLANGS && w >= 0 && w < WORDS__N &&
	    words[w][lang] != NULL;
}

enum words_id
words_plural(int lang, enum words_id one, long n)
{
	int singular = lang == FR ? n == 0 || n == 1 : n == 1;

	return singular ? one : (enum words_id)(one + 1);
}

void
words_fmt(struct buf *b, const char *tmpl, const char *a1,
    const char *a2)
{
	const char *p = tmpl, *arg;

	while (*p != '\0') {
		arg = NULL;
		if (p[0] == '{' && (p[1] == '1' || p[1] == '2') && p[2] == '}')
			arg = p[1] == '1' ? a1 : a2;
		if (arg != NULL) {
			buf_adds(b, arg);
			p += 3;
		} else
			buf_addc(b, *p++);
	}
}

void
words_fmtn(struct buf *b, const char *tmpl, long n1, long n2)
{
	char s1[24], s2[24];

	snprintf(s1, sizeof s1, "%ld", n1);
	snprintf(s2, sizeof s2, "%ld", n2);
	words_fmt(b, tmpl, s1, s2);
}

void
words_say(char *dst, size_t size, int lang, enum words_id w,
    const char *a1, const char *a2)
{
	struct buf b = BUF_INIT;
	size_t n;

	if (size == 0)
		return;
	words_fmt(&b, words_get(lang, w), a1, a2);
	n = b.len < size ? b.len : size - 1;
	/* Back off continuation bytes so that no character is cut. */
	if (n < b.len)
		while (n > 0 && ((unsigned char)b.s[n] & 0xc0) == 0x80)
			n--;
	memcpy(dst, buf_str(&b), n);
	dst[n] = '\0';
	buf_release(&b);
}

const char *
words_lang_name(const char *code)
{
	size_t i;
	int l;

	if ((l = known(code)) >= 0)
		return own_names[l];
	for (i = 0; i < sizeof other_names / sizeof other_names[0]; i++)
		if (same_base(code, other_names[i][0]))
			return other_names[i][1];
	return code;
}
