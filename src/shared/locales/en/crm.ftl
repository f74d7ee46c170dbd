cmd-sync = read the CRM now
cmd-crm = the CRM sync's state
sync-usage = /sync takes no arguments: it reads the CRM at once.
crm-usage = /crm takes no arguments: it shows the sync's state.
crm-not-set = No CRM is connected: CRM is not set in .env. How to connect Bitrix24 or amoCRM: docs/crm.md.
crm-never = not yet
sync-started = Reading { $crm }…
sync-done = { $crm } read: { $rows } rows, { $records } new records.
sync-failed = Could not read { $crm }: { $error }. What was read is kept; the next try is on schedule or with /sync.
crm-state =
    CRM: { $crm }, every { $minutes } min.
    Last run: { $lastRun }
    Last success: { $lastOk }
    Rows read: { $rows }, records: { $records }
    Errors in all: { $errors } (last: { $lastError })
crm-down = ⚠️ { $crm } has not been readable since { $since }: { $error }. Refusals and deals from the CRM are not counted for now; once it answers, what was missed is read.
crm-up = { $crm } is readable again: what was missed since { $since } has been read.
cmd-crm-link = which member each CRM user is
crm-link-usage = Link a CRM user to a member: /crm_link @username <CRM user id>, e.g. /crm_link @ivan 7. Records of their deals read after that count for the member; those read before stay without a manager.
crm-link-linked = Linked ({ $count }):
crm-link-unlinked = CRM users without a member ({ $count }) — their deals count for nobody:
crm-link-no-member = There is no member @{ $username } in the team. Nothing was saved.
crm-link-bad-id = “{ $id }” is not a CRM user id: it is a whole number (in Bitrix24 from the profile's address, in amoCRM from the users list). Nothing was saved.
crm-link-done = CRM user { $id } is { $member }. Records of their deals read from now on count for the member.
