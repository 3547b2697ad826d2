# lib-gnlc-household.sh: the database checks of the GNLC household of
# three interviewed with surveys/gnlc-household.yaml, shared by
# t-gnlc-household-interview.sh (the scripted driver) and
# t-gnlc-household-terminal.sh (the ncurses screens in tmux). Sourced,
# POSIX sh; the caller defines fail MESSAGE (which exits).
#
# The household: stratum 2, EA 15, household 7. Member 1, Amina, an
# employed woman answering for herself; member 2, Bo, unemployed, answered
# for by Amina (proxy), "don't know" on `socialise`; member 3, Mei, aged 8.
#
#   gnlc_household_checks DB   the one interview in DB is complete and holds
#                              what the household answered; sets
#                              gnlc_uuid to its uuid. Call it directly,
#                              not in $(...): fail must reach the test.

gnlc_household_checks() {
	_hdb=$1
	_hq() { sqlite3 -batch "$_hdb" "$1"; }
	# _ha QUESTION MEMBER: the value, or "/" and the missing code.
	_ha() {
		_hq "select coalesce(value, '') || coalesce('/' || missing, '')
		    from answers where interview = '$_huuid'
		    and question = '$1' and member = $2"
	}
	# _hrows MEMBER QUESTION: 1 if asked (answered), 0 if skipped.
	_hrows() {
		_hq "select count(*) from answers where interview = '$_huuid'
		    and member = $1 and question = '$2'"
	}
	# _heq WHAT GOT WANT
	_heq() {
		[ "$2" = "$3" ] || fail "$1: expected '$3', got '$2'"
	}
	_heq "interviews in the database" "$(_hq "select count(*)
	    from interviews")" 1
	_huuid=$(_hq "select uuid from interviews")
	_heq status "$(_hq "select status from interviews
	    where uuid = '$_huuid'")" complete
	_heq "design fields (stratum/cluster/household)" "$(_hq "select
	    stratum || '/' || cluster || '/' || household from interviews
	    where uuid = '$_huuid'")" 2/15/7

	# Who was asked what: an asked question has a row, a skipped one none.
	_heq "members named" "$(_hq "select count(*) from answers
	    where interview = '$_huuid' and question = 'name'")" 3
	_heq names "$(_ha name 1)/$(_ha name 2)/$(_ha name 3)" Amina/Bo/Mei
	_heq "self-respondent asked opinions" "$(_hrows 1 transport)" 1
	for _hx in transport env_behaviour env_sat fam_situation child_status \
	    job_training shared_internet; do
		_heq "proxy/unemployed member 2 asked $_hx" \
		    "$(_hrows 2 $_hx)" 0
	done
	_heq "proxy line asked of the proxy" "$(_hrows 2 proxy_line)" 1
	_heq "proxy line asked of a self-respondent" \
	    "$(_hrows 1 proxy_line)" 0
	for _hx in mobile work self_report volunteer trained; do
		_heq "child asked $_hx" "$(_hrows 3 $_hx)" 0
	done
	_heq "child asked schooling and learning setting" \
	    "$(_hrows 3 schooling)$(_hrows 3 setting)" 11

	# Stored answers and calculations.
	_heq "eligible of members 1, 2, 3" \
	    "$(_ha eligible 1)$(_ha eligible 2)$(_ha eligible 3)" 110
	_heq "employed of members 1, 2" "$(_ha employed 1)$(_ha employed 2)" 10
	_heq "cultural visits of member 1" "$(_ha cultural_visits 1)" 4
	_heq "cultural visits of member 2" "$(_ha cultural_visits 2)" 3
	_heq "disadvantaged of member 1" "$(_ha disadvantaged 1)" 1
	_heq "proxy flag (self_report/proxy_line of member 2)" \
	    "$(_ha self_report 2)/$(_ha proxy_line 2)" 0/1
	_heq "don't know of member 2 on socialise" "$(_ha socialise 2)" \
	    /dont_know
	_heq "decimal hours of member 1" "$(_ha inet_learn_hours 1)" 4.5
	_heq "child's schooling" "$(_ha schooling 3)" 2
	_heq "opinions stored for a proxy answer" "$(_hq "select count(*)
	    from answers where interview = '$_huuid' and member = 2
	    and question in ('transport', 'env_behaviour', 'env_sat',
	    'info_sat', 'fam_situation', 'parent_edu', 'has_children',
	    'child_status')")" 0
	gnlc_uuid=$_huuid
}
